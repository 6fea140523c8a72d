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
