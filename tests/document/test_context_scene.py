"""The scene a text sets: an event that names no place of its own takes the place of the
nearest sentence before it that names one, else of the nearest after it."""

from __future__ import annotations

import datetime as dt

from coder.dictionaries.taxonomy import SUB
from coder.document.coding import code_document
from coder.models import Document


def _places(text: str) -> dict[str, str]:
    coded = code_document(Document(id="d", text=text, published=dt.date(2021, 3, 1),
                                   published_source="metadata", country="UGA"))
    return {ev.kind.sub_event_type or ev.family:
            ev.mention.place.place.name if ev.mention.place else "" for ev in coded.events}


def test_an_event_before_the_only_named_place_takes_it() -> None:
    found = _places("Hundreds of traders protested against new market fees on Monday. "
                    "Police later arrested twelve traders in Mbale.")
    assert found[SUB.arrests] == "Mbale"
    assert found[SUB.protest_with_intervention] == "Mbale"


def test_an_earlier_place_still_wins_over_a_later_one() -> None:
    found = _places("A mob beat a suspected thief to death in Mbale on Monday. "
                    "A protest followed on Tuesday. Police in Jinja arrested twelve people.")
    assert found[SUB.mob_violence] == "Mbale"
    assert found[SUB.arrests] == "Jinja"
    assert found.get(SUB.peaceful_protest, "Mbale") == "Mbale"


def test_a_place_in_a_sentence_with_no_event_sets_the_scene_of_the_event_beside_it() -> None:
    found = _places("Gunmen shot dead two herders at a watering point on Sunday. "
                    "The watering point is outside Kitgum town.")
    assert found[SUB.attack] == "Kitgum"


def test_a_place_far_from_every_event_sets_no_scene() -> None:
    filler = " ".join(f"Farmers planted maize in season {n}." for n in range(6))
    found = _places("Gunmen shot dead two herders at a watering point on Sunday. "
                    f"{filler} The cooperative opened an office in Kitgum.")
    assert found[SUB.attack] == ""
