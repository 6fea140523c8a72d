"""A headline's passive with no "be" ("Three herders killed in ..."): the people named before the
participle are its victims, not its perpetrators. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from coder.engines.local import explain_text
from coder.stages.events.analysis import event_words
from coder.stages.events.realis import is_reduced_passive

DAY = dt.date(2022, 5, 11)


def _record(text: str) -> tuple[str, str, str]:
    records = explain_text(text, DAY).records
    assert len(records) == 1
    r = records[0]
    return r.sub_event_type, r.actor1_text, r.actor2_text


def _reduced(sentence: str, verb: str) -> bool:
    keys = sentence.lower().replace(".", " .").split()
    i = keys.index(verb)
    return is_reduced_passive(keys, i, i + 1, event_words())


def test_victims_killed_in_a_clash_between_two_groups_make_the_clash_a_battle() -> None:
    # the killing has no perpetrator: the clash between the two groups is its account
    sub, actor1, _ = _record("Four herders killed in a clash between two clans near Sarema.")
    assert sub == "Armed clash"
    assert actor1 != "herders"


def test_people_killed_in_a_clash_are_its_casualties_not_a_civilian_attack() -> None:
    # read as an active verb, "people" were the killers and the clash an attack on civilians
    # and the people killed are the clash's dead, not its second side (civilians are never a
    # side of a battle)
    sub, actor1, actor2 = _record("Two people killed in a clash between the two clans in Sarema.")
    assert sub == "Armed clash"
    assert (actor1, actor2) == ("", "")


def test_a_participle_ending_its_clause_is_a_passive() -> None:
    assert _reduced("three officers and a ranger wounded .", "wounded")


def test_an_active_verb_with_its_figure_or_auxiliary_is_no_passive() -> None:
    assert not _reduced("gunmen killed at least five people .", "killed")
    assert not _reduced("militants have killed in the past .", "killed")
    assert not _reduced("the attack left two guards injured .", "injured")
    assert not _reduced("rescuers carried the injured to hospital .", "injured")
    assert not _reduced("raiders shot and wounded in the village .", "wounded")
