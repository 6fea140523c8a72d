"""Admin1 units written by their official names (scripts/admin1_official_names.csv, applied by
scripts/build_gazetteer.py) while the shorter GeoNames name stays a key of the unit."""

from __future__ import annotations

from coder.stages.places import Gazetteer, PlaceContext
from coder.text.tokens import tokenize

INDIA = PlaceContext(["IND"], "", "IND")
PAKISTAN = PlaceContext(["PAK"], "", "PAK")


def _admin1(text: str, context: PlaceContext) -> list[tuple[str, str]]:
    gaz = Gazetteer.load()
    return [(m.place.name, m.place.admin1)
            for m in gaz.find_places(tokenize(text), text, context)]


def test_a_town_of_jammu_and_kashmir_carries_the_official_state_name() -> None:
    assert _admin1("Shopkeepers closed their shutters in Srinagar on Monday.", INDIA) == [
        ("Srinagar", "Jammu and Kashmir")]


def test_the_capital_territories_carry_their_official_names() -> None:
    assert _admin1("Students marched in Delhi on Tuesday.", INDIA)[0][1] == "Delhi"
    assert _admin1("Lawyers rallied in Islamabad on Tuesday.", PAKISTAN)[0][1] == (
        "Islamabad Capital Territory")


def test_the_short_geonames_name_still_names_the_unit() -> None:
    gaz = Gazetteer.load()
    place = gaz.lookup("Pondicherry", "IND")
    assert place is not None and place.admin1 == "Puducherry"
