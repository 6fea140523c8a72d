"""Brackets that open with a lower-case word hold a coder's note, not the units a place lies
in: the place the note names is read, not swallowed by the place before the brackets."""

from __future__ import annotations

from coder.stages.places import Gazetteer, PlaceContext
from coder.text.tokens import tokenize

KENYA = PlaceContext(["KEN"], "", "KEN")


def _found(text: str) -> list[str]:
    gaz = Gazetteer.load()
    return [m.place.name for m in gaz.find_places(tokenize(text), text, KENYA)]


def test_a_note_in_brackets_after_a_place_names_its_own_place() -> None:
    text = "Herders were attacked at the Nandi border (coordinates for Chemase in Nandi used)."
    assert "Chemase" in _found(text)


def test_brackets_of_units_still_say_where_the_place_is() -> None:
    assert _found("A trader was robbed in Chemase (Nandi) on Monday.") == ["Chemase"]
