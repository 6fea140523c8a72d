"""A province named as an event's place sits at its capital town (ACLED's geo precision 3:
the provincial capital), not at its most populous town (places_capitals.csv)."""

from __future__ import annotations

import csv

from coder.dictionaries.files import DATA_DIR
from coder.stages.places import Gazetteer, PlaceContext
from coder.text.tokens import tokenize

KENYA = PlaceContext(["KEN"], "", "KEN")


def _point(text: str) -> tuple[str, float, float]:
    gaz = Gazetteer.load()
    found = gaz.find_places(tokenize(text), text, KENYA)
    assert found
    p = found[0].place
    return p.name, round(p.latitude, 2), round(p.longitude, 2)


def test_a_county_is_placed_at_its_capital_not_its_biggest_town() -> None:
    # Moyale is Marsabit county's biggest town, Marsabit town its capital
    assert _point("Raiders killed three herders in Marsabit county.") == ("Marsabit", 2.33, 37.99)
    # Nanyuki is Laikipia's biggest town, Rumuruti its capital
    assert _point("Herders clashed in Laikipia county on Monday.") == ("Laikipia", 0.27, 36.54)


def test_every_capital_is_a_town_of_its_province() -> None:
    gaz = Gazetteer.load()
    with open(DATA_DIR / "places_capitals.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert rows
    provinces = {(e[3], e[2]) for e in gaz.entries if e[1] == "admin1"}
    towns = {(e[3], e[4], e[2]) for e in gaz.entries if e[1] == "city"}
    for row in rows:
        assert (row["iso3"], row["admin1"]) in provinces
        assert (row["iso3"], row["admin1"], row["capital"]) in towns
