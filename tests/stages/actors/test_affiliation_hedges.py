"""A generic armed agent a report only suspects of belonging to a named group is that group
(ACLED names the suspected group): coder/stages/actors/affiliations.py with the hedges and link
nouns of actors/words.csv."""

from __future__ import annotations

import pytest

from coder.stages.actors import find_actors
from coder.text.tokens import tokenize


def _names(text: str) -> list[str]:
    return [a.actor.name for a in find_actors(tokenize(text), text, None, "NGA")]


@pytest.mark.parametrize("text", [
    "Gunmen suspected to be members of Boko Haram raided a market near Gwoza.",
    "Attackers believed to be linked to Boko Haram burned a clinic near Gwoza.",
    "Gunmen with suspected links to Boko Haram stormed a farm near Gwoza.",
])
def test_a_suspected_link_makes_the_agent_the_group(text: str) -> None:
    assert _names(text) == ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"]



@pytest.mark.parametrize("text", [
    "Gunmen suspected to belong to Boko Haram raided a market near Gwoza.",
    "The attackers, believed to be Boko Haram fighters, burned a clinic near Gwoza.",
])
def test_a_belonging_or_a_hedge_after_a_comma_makes_the_agent_the_group(text: str) -> None:
    assert _names(text)[0] == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


def test_a_group_after_a_comma_with_no_hedge_stays_apart() -> None:
    names = _names("Soldiers killed the gunmen, the Boko Haram commander said.")
    assert "Unidentified Armed Group (Nigeria)" in names


def test_plain_people_behind_a_hedge_are_the_named_group() -> None:
    # "people"/"men" stand for a named group only behind a hedge ("believed to be")
    text = "Two guards were shot by men believed to be al-Shabaab fighters."
    found = find_actors(tokenize(text), text, None, "KEN")
    assert [a.actor.name for a in found] == ["Al Shabaab"]
    text = "Residents of the Pokot community marched to the office."
    names = [a.actor.name for a in find_actors(tokenize(text), text, None, "KEN")]
    assert names[0] == "Civilians (Kenya)"
