"""A capital joined by a hyphen or slash to another name is one end of a route, a place, not
the state it is the seat of (coder/stages/actors/mentions.py `_route_end`)."""

from __future__ import annotations

from coder.stages.actors import find_actors
from coder.text.tokens import tokenize


def _names(text: str) -> list[str]:
    return [a.actor.name for a in find_actors(tokenize(text), text, None, "KEN")]


def test_a_capital_at_either_end_of_a_road_name_is_no_actor() -> None:
    assert _names("Farmers blocked the Nairobi-Nakuru highway near Gilgil.") == [
        "Civilians (Kenya)"]
    assert _names("Farmers blocked the Kisumu-Nairobi road near Kericho.") == [
        "Civilians (Kenya)"]


def test_a_capital_standing_alone_for_its_government_stays_an_actor() -> None:
    assert _names("Nairobi rejected the demand.") == ["Government of Kenya"]


def test_a_country_after_a_place_and_a_comma_is_that_place_s_country() -> None:
    text = "Clashes near Marsabit, Kenya, left four dead."
    assert [a.actor.name for a in find_actors(tokenize(text), text, None, "")] == []


def test_countries_listed_with_commas_stay_actors() -> None:
    text = "Uganda, Kenya and Tanzania signed the deal."
    assert len(find_actors(tokenize(text), text, None, "")) == 3


def test_a_country_name_opening_a_longer_name_gives_no_country() -> None:
    assert _names("Traders of Burma Market blocked a road.") == ["Civilians (Kenya)"]
