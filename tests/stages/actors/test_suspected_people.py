"""Plain people a report suspects of a crime are suspects, ACLED's criminals agent, not
civilians (coder/stages/actors/suspects.py with the suspect words of actors/words.csv)."""

from __future__ import annotations

import pytest

from coder import code_texts
from coder.stages.actors import find_actors
from coder.text.tokens import tokenize


def _kinds(text: str) -> list[str]:
    return [a.actor.kind for a in find_actors(tokenize(text), text, None, "KEN")]


@pytest.mark.parametrize("text", [
    "Officers shot two men suspected of robbing a petrol station.",
    "Officers shot two youths believed to be members of a criminal gang.",
    "Officers shot two people thought to be burglars.",
])
def test_people_a_hedge_ties_to_a_crime_are_suspects(text: str) -> None:
    assert "civilians" not in _kinds(text)
    assert any(a.rule_id.endswith(":suspected")
               for a in find_actors(tokenize(text), text, None, "KEN"))


@pytest.mark.parametrize("text", [
    "Officers shot two men suspected of nothing at all, their families said.",
    "Officers shot two men near a petrol station that was later robbed.",
])
def test_people_with_no_hedged_crime_stay_civilians(text: str) -> None:
    assert not any(a.rule_id.endswith(":suspected")
                   for a in find_actors(tokenize(text), text, None, "KEN"))


def test_police_killing_men_suspected_of_a_crime_is_a_clash_with_an_armed_group() -> None:
    item = {"text": "Police in Thika, Kenya shot dead two men suspected of carjacking on Friday.",
            "published": "2017-06-02", "country": "KEN"}
    record = code_texts([item]).records[0]
    assert record.sub_event_type == "Armed clash"
    assert record.actor2 == "Unidentified Armed Group (Kenya)"


def test_men_suspected_of_a_theft_that_a_mob_beat_are_still_civilian_victims() -> None:
    item = {"text": "A mob in Kisii, Kenya beat to death a man suspected of stealing a goat.",
            "published": "2017-06-02", "country": "KEN"}
    record = code_texts([item]).records[0]
    assert record.sub_event_type == "Mob violence"
    assert record.actor2 == "Civilians (Kenya)"
