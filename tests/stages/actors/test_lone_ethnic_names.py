"""An ethnic name standing alone for its people is ACLED's identity militia: before a group verb,
after "by"/"with" at the end of its phrase, between two such names before a verb; a demonym
before the name gives the militia its country; a plural "-s" is the same people
(coder/stages/actors/mentions.py _lone_group, chunks.py, actors/words.csv group-verb)."""

from __future__ import annotations

from coder.stages.actors import find_actors
from coder.text.tokens import tokenize


def _names(text: str, iso3: str = "KEN") -> list[str]:
    return [a.actor.name for a in find_actors(tokenize(text), text, None, iso3)]


def test_a_lone_ethnic_name_before_a_violent_verb_is_its_militia() -> None:
    assert _names("Pokot raided a homestead and drove off goats.") == [
        "Pokot Ethnic Militia (Kenya)"]
    assert _names("At dawn the Turkana retaliated.") == ["Turkana Ethnic Militia (Kenya)"]


def test_a_lone_ethnic_name_before_a_raid_noun_is_the_raiders() -> None:
    assert _names("Smoke rose after a Samburu raid on the settlement.") == [
        "Samburu Ethnic Militia (Kenya)"]


def test_a_lone_ethnic_name_after_by_ending_its_phrase_is_its_militia() -> None:
    assert _names("The manyatta was burnt down by Pokot on Sunday.") == [
        "Pokot Ethnic Militia (Kenya)"]


def test_a_lone_ethnic_name_qualifying_a_noun_stays_no_actor() -> None:
    assert _names("A Pokot settlement lies beyond the river.") == []
    assert _names("Two Turkana villages were emptied.") == []


def test_two_ethnic_names_between_which_violence_is_told_before_a_verb() -> None:
    assert _names("Fighting between Gabra and Borana leaves four dead.") == [
        "Gabra Ethnic Militia (Kenya)", "Borana Ethnic Militia (Kenya)"]


def test_a_plural_ethnic_name_is_the_same_people() -> None:
    assert _names("Tension rose between the Kalenjins and the Maasais near the forest.") == [
        "Kalenjin Ethnic Militia (Kenya)", "Maasai Ethnic Militia (Kenya)"]


def test_a_demonym_before_an_ethnic_name_gives_the_militia_its_country() -> None:
    assert _names("Clashes between Kenyan Pokot and Ugandan Karamojong left four dead.") == [
        "Pokot Ethnic Militia (Kenya)", "Karamojong Ethnic Militia (Uganda)"]
    assert _names("Ethiopian Dassanach raiders shot two fishermen.")[0] == \
        "Dassanach Ethnic Militia (Ethiopia)"


def test_an_ethnic_name_joined_to_a_clan_name_shares_the_clan_noun() -> None:
    assert _names("Fighting broke out between Pokot and Wariyo clans.") == [
        "Pokot Ethnic Militia (Kenya)", "Wariyo Clan Militia (Kenya)"]
    assert _names("The Pokot and Wariyo villages were calm.")[:1] != [
        "Pokot Ethnic Militia (Kenya)"]
