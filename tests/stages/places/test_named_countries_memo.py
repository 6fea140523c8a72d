"""The gazetteer's per-name memo of the countries a name names gives the direct answer."""

from __future__ import annotations

from coder.stages.places import Gazetteer
from coder.stages.places.entries import FEATURE, ISO3
from coder.text.tokens import tokenize


def _direct(gaz: Gazetteer, names: list[tuple[int, int, str]]) -> set[str]:
    return {gaz.entries[x][ISO3] for _, _, key in names for x in gaz.index[key]
            if gaz.entries[x][FEATURE] == "country"}


def test_named_countries_is_the_same_read_twice() -> None:
    gaz = Gazetteer.load()
    for text in ("Troops crossed from Uganda into Kenya near Busia.",
                 "Police in Nairobi and Mombasa arrested two men from Somalia.",
                 "Georgia and Jordan signed a deal in Paris."):
        names = gaz.scan(tokenize(text))
        assert names
        first = gaz.named_countries(names)
        assert first == _direct(gaz, names) == gaz.named_countries(names)
    gaz.scans.clear()
