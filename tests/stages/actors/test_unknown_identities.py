"""A group the dictionaries do not know, named before "clan", "tribe", "tribesmen" or "ethnic
group", is ACLED's militia of that name (coder/stages/actors/identities.py,
actors/identity_nouns.csv)."""

from __future__ import annotations

from coder.models import ActorMention, Span
from coder.stages.actors import find_actors, with_country
from coder.text.tokens import tokenize


def _names(text: str, iso3: str = "KEN") -> list[str]:
    return [a.actor.name for a in find_actors(tokenize(text), text, None, iso3)]


def test_two_unknown_clans_joined_by_and_are_two_clan_militias() -> None:
    assert _names("A herder died when the Ogo and Waqla clans fought near a dam.") == [
        "Ogo Clan Militia (Kenya)", "Waqla Clan Militia (Kenya)"]


def test_an_unknown_ethnic_group_is_its_ethnic_militia() -> None:
    assert _names("On Sunday, Bantari tribesmen torched a school.") == [
        "Bantari Ethnic Militia (Kenya)"]
    assert _names("Youths from the Bantari ethnic group looted shops.")[-1] == \
        "Bantari Ethnic Militia (Kenya)"


def test_an_unknown_group_from_a_country_takes_that_country() -> None:
    assert _names("Later, Bantari tribesmen from Uganda drove off cattle.") == [
        "Bantari Ethnic Militia (Uganda)"]


def test_common_capitalised_words_and_clan_elders_name_no_militia() -> None:
    assert _names("Rival clans fought over a borehole.") == []
    assert _names("The Ogo clan elders met for talks.") == ["Civilians (Kenya)"]
    assert _names("Bantari ethnic tension grew.") == []


def test_the_militia_takes_the_event_country_when_known_later() -> None:
    text = "Ogo clan fighters raided a village."
    found = find_actors(tokenize(text), text, None, "")
    assert found[0].actor.name == "Ogo Clan Militia"
    placed = with_country(ActorMention(Span(0, 3, "Ogo"), found[0].actor, found[0].rule_id),
                          "SOM", None)
    assert placed.actor.name == "Ogo Clan Militia (Somalia)"
