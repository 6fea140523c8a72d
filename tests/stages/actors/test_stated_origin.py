"""A group's country of origin stated right after it names its actor's country: "from" and a
country, "of" a demonym and "origin" (coder/stages/actors/chunks.py _origin, actors/words.csv
origin-from, origin). Of civilians, "of X origin" is descent: they stay the event country's."""

from __future__ import annotations

from coder.stages.actors import find_actors
from coder.text.tokens import tokenize


def _names(text: str, iso3: str = "KEN") -> list[str]:
    return [a.actor.name for a in find_actors(tokenize(text), text, None, iso3)]


def test_gunmen_from_a_country_are_that_country_s_armed_group() -> None:
    assert _names("Armed men from Ethiopia stole cattle at a watering point.") == [
        "Unidentified Armed Group (Ethiopia)"]


def test_an_ethnic_militia_from_a_country_is_that_country_s_militia() -> None:
    assert _names("Toposa raiders from South Sudan drove off the herd.") == [
        "Toposa Ethnic Militia (South Sudan)"]


def test_attackers_of_a_stated_origin_take_that_country() -> None:
    assert _names("Assailants of Somali origin set fire to two shops.") == [
        "Unidentified Armed Group (Somalia)"]


def test_civilians_of_a_stated_origin_stay_the_event_country_s() -> None:
    assert _names("Traders of Indian origin were robbed.") == ["Civilians (Kenya)"]


def test_a_country_beginning_a_longer_name_gives_no_origin() -> None:
    assert _names("Gunmen from Somalia Road fired at a bus.") == [
        "Unidentified Armed Group (Kenya)"]
