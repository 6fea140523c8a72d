"""A word that is both a noun and a verb ("attack") after an agent: the agent's verb when an
object follows, a modifier otherwise (coder/stages/actors/mentions.py, actors/words.csv
"verb-noun", "noun-follower"); crowd nouns of local reporting and prison warders are actors
(agents.csv)."""

from __future__ import annotations

from coder.stages.actors import find_actors
from coder.text.tokens import tokenize


def _names(text: str) -> list[str]:
    return [a.actor.name for a in find_actors(tokenize(text), text, None, "KEN")]


def test_an_agent_before_attack_and_its_object_is_an_actor() -> None:
    assert _names("Police attack traders in a market in Eldoret.") == [
        "Police Forces of Kenya", "Civilians (Kenya)"]


def test_an_agent_before_attacks_with_an_article_after_is_an_actor() -> None:
    assert _names("A policeman attacks a trader in Eldoret.")[0] == "Police Forces of Kenya"


def test_an_agent_in_a_noun_compound_with_attack_stays_a_modifier() -> None:
    assert _names("A police attack on traders left two hurt.") == ["Civilians (Kenya)"]
    assert _names("Militia attacks on farms continued.") == []


def test_youths_voters_and_motorcycle_taxi_riders_are_people() -> None:
    names = _names("Youths, voters and boda boda riders gathered in Kisumu.")
    assert names == ["Civilians (Kenya)"] * 3


def test_youths_named_by_their_ethnic_group_are_its_militia() -> None:
    assert _names("Samburu youths raided a village.") == ["Samburu Ethnic Militia (Kenya)"]


def test_followers_of_a_named_group_are_that_group() -> None:
    assert _names("Police arrested twelve followers of the Mungiki sect.")[-1] == \
        "Mungiki Militia"


def test_supporters_of_a_proxy_group_take_no_country_from_its_backer() -> None:
    text = "Supporters of Iran-backed militias camped near the Green Zone."
    found = find_actors(tokenize(text), text, None, "IRQ")
    assert [(a.span.text, a.actor.name) for a in found] == [
        ("Supporters", "Civilians (Iraq)"), ("militias", "Unidentified Armed Group (Iraq)")]


def test_prison_warders_are_the_prison_guards_unit_of_the_police() -> None:
    assert _names("Prison warders beat an inmate in Kisumu.")[0] == \
        "Police Forces of Kenya Prison Guards"


def test_a_returning_officer_is_an_official_and_a_police_officer_the_police() -> None:
    assert _names("Youths beat up a returning officer in Kisii.") == [
        "Civilians (Kenya)", "Government of Kenya"]
    assert _names("Two police officers were shot in Kisii.") == ["Police Forces of Kenya"]
