"""Place resolution gold cases (tests/gold/places.jsonl) and gazetteer data checks."""

from __future__ import annotations

import csv
import gzip
import json
import math

import pytest
from locations import TESTS
from pydantic import BaseModel, Field

from coder.dictionaries.files import DATA_DIR
from coder.stages.places import Gazetteer, PlaceContext, document_context
from coder.text.tokens import tokenize

GOLD = TESTS / "gold" / "places.jsonl"
CASES = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_gold_place(case: dict, gazetteer: Gazetteer) -> None:
    text = case["text"]
    found = gazetteer.find_places(tokenize(text), text,
                                  PlaceContext(case["countries"], case["dateline"]))
    by_span = {text[m.span.start:m.span.end]: m for m in found}
    for exp in case["expect"]:
        assert exp["span"] in by_span, f"{exp['span']!r} not found in {sorted(by_span)}"
        place = by_span[exp["span"]].place
        assert place.country == exp["country"], place
        assert place.geo_precision == exp["geo_precision"], place
        for column in ("name", "admin1", "feature"):  # ACLED location name, "City - District"
            if column in exp:
                assert getattr(place, column) == exp[column], place
        if "lat" in exp:
            assert place.latitude is not None and place.longitude is not None
            dist = km(place.latitude, place.longitude, exp["lat"], exp["lon"])
            assert dist <= exp["max_km"], f"{place.name} is {dist:.0f} km away"
    if case["exact"]:
        assert len(found) == len(case["expect"]), sorted(by_span)


def test_gold_has_many_countries() -> None:
    assert len(CASES) >= 100
    assert len({c for case in CASES for c in case["countries"]}) >= 40


class GazetteerRow(BaseModel):
    """Full validation of one gazetteer row (too slow for every start-up, run here)."""

    geonameid: int = Field(gt=0)
    feature: str = Field(pattern=r"^(city|admin1|admin2)$")
    name: str = Field(min_length=1)
    cc: str = Field(pattern=r"^[A-Z]{2}$")
    admin1: str
    admin2: str
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    population: int = Field(ge=0)
    keys: str = Field(min_length=1)


def test_gazetteer_file_is_valid() -> None:
    path = DATA_DIR / "gazetteer.tsv.gz"
    assert path.stat().st_size < 12_000_000
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [GazetteerRow.model_validate(r) for r in reader]
    assert len(rows) > 150_000
    with_admin1 = sum(1 for r in rows if r.admin1)
    assert with_admin1 / len(rows) > 0.98


def test_lookup_and_country_place(gazetteer: Gazetteer) -> None:
    mosul = gazetteer.lookup("Mosul", "IRQ")
    assert mosul is not None and mosul.admin1 and mosul.geonameid
    assert gazetteer.lookup("mosul") is not None
    assert gazetteer.lookup("No Such Place Anywhere") is None
    iraq = gazetteer.country_place("IRQ")
    assert (iraq.feature, iraq.country, iraq.iso_numeric, iraq.region) == (
        "country", "Iraq", 368, "Middle East")
    cap = gazetteer.capital("KEN")
    assert cap is not None and cap.name == "Nairobi"
    cap = gazetteer.capital("USA")  # the city, not Washington state
    assert cap is not None and (cap.feature, round(cap.latitude or 0)) == ("city", 39)


def test_document_context_ranks_countries() -> None:
    ctx = document_context([
        "Gunmen attacked a market in Kano, police in Nigeria said.",
        "Officials in Abuja condemned the attack; Niger closed its border.",
        "Nigeria has faced years of insurgency.",
    ], dateline="LAGOS")
    assert ctx.countries[0] == "NGA"
    assert "NER" in ctx.countries
    assert ctx.dateline == "LAGOS"


def _found(gaz: Gazetteer, text: str, context: PlaceContext) -> list[tuple[str, str]]:
    return [(m.place.name, m.place.iso3) for m in gaz.find_places(tokenize(text), text, context)]


def test_a_small_town_outside_the_main_country_needs_its_own_support(
        gazetteer: Gazetteer) -> None:
    # the story is known to be about Kenya: "in <village>" alone is no reason to put a
    # village in Angola, its province in brackets is ("Kwanza" is a Kenyan constituency of
    # places_units.csv, so an Angolan town no Kenyan unit shares stands in)
    context = PlaceContext(["KEN", "AGO"], "", "KEN")
    assert _found(gazetteer, "Police fired on a crowd in Nharea on Monday.", context) == []
    assert _found(gazetteer, "Police fired on a crowd in Nharea (Bie) on Monday.",
                  context) == [("Nharea", "AGO")]
    assert _found(gazetteer, "Police fired on a crowd in Kwanza on Monday.", context) == [
        ("Kwanza", "KEN")]


def test_a_confirmed_country_keeps_the_sentence_at_home(gazetteer: Gazetteer) -> None:
    # a province of the neighbouring country is dropped once the document's country is known
    text = "Herders clashed in Mara and in Kisii town."
    assert ("Mara", "TZA") in _found(gazetteer, text, PlaceContext(["KEN", "TZA"]))
    assert _found(gazetteer, text, PlaceContext(["KEN", "TZA"], "", "KEN")) == [
        ("Kisii", "KEN")]


def test_a_foreign_province_is_no_big_city(gazetteer: Gazetteer) -> None:
    # a sentence its unit word places at home keeps to it: a province of the same name
    # abroad is not kept for its population the way a big city abroad is
    assert _found(gazetteer, "Herders clashed in Mara and in Kisii county.",
                  PlaceContext()) == [("Kisii", "KEN")]


def test_stated_countries_weigh_what_the_words_confirm(gazetteer: Gazetteer) -> None:
    stated, weak = gazetteer.stated_countries(tokenize(
        "Riots spread across Kenya and reached Mombasa and Kisii county."))
    assert stated["KEN"] >= 7 and not weak
    stated, weak = gazetteer.stated_countries(tokenize("Police fired on a crowd in Nharea."))
    assert stated == {} and weak == {"AGO": 1}


def test_a_country_named_as_the_scene_outweighs_one_named_in_passing(
        gazetteer: Gazetteer) -> None:
    # "across Poland" sets the scene; "the border with Belarus" only mentions a neighbour,
    # weaker than the nationality of the people the text is about
    stated, weak = gazetteer.stated_countries(tokenize(
        "Truckers blocked roads across Poland and at the border with Belarus."))
    assert stated["POL"] >= 1 and "BLR" not in stated and "BLR" in weak
