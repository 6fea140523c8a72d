"""A county's askaris are its police; guards are private security; neighbouring armies by
their full names (agents.csv, organisations.csv)."""

from __future__ import annotations

from coder.stages.actors import find_actors
from coder.text.tokens import tokenize


def _names(text: str, iso3: str = "KEN") -> list[str]:
    return [a.actor.name for a in find_actors(tokenize(text), text, None, iso3)]


def test_county_askaris_are_the_police() -> None:
    assert _names("Hawkers were beaten by county askaris.") == [
        "Civilians (Kenya)", "Police Forces of Kenya"]


def test_neighbouring_armies_by_their_full_names() -> None:
    assert _names("The Uganda People's Defence Force shelled a camp.") == [
        "Military Forces of Uganda"]
    # "UPDF" is also a Bangladeshi party: the bare acronym names neither
    assert "Military Forces of Uganda" not in _names("UPDF activists marched.", "BGD")


def test_guards_and_watchmen_are_private_security_forces() -> None:
    assert _names("Robbers stabbed a night watchman at the depot.") == [
        "Unidentified Armed Group (Kenya)", "Private Security Forces (Kenya)"]
    text = "Two security guards fired back."
    found = find_actors(tokenize(text), text, None, "UGA")
    assert [(a.actor.name, a.actor.inter) for a in found] == [
        ("Private Security Forces (Uganda)", 8)]
