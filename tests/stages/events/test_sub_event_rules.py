"""ACLED's sub-event rules on sentences written for these tests: who the sides are (an
organised armed group, a crowd, a political party) decides between an armed clash, an attack
and mob violence, not the verb alone."""

from __future__ import annotations

import datetime as dt

from coder.dictionaries.taxonomy import SUB
from coder.engines.local import explain_text

DAY = dt.date(2016, 3, 9)


def _subs(text: str) -> list[str]:
    return [r.sub_event_type for r in explain_text(text, DAY).records]


def test_supporters_of_two_parties_who_clash_are_rioters_not_armed_groups() -> None:
    # a political party is no organised armed group: its supporters' fight is mob violence
    assert _subs("Supporters of ODM and Jubilee clashed outside a polling station in "
                 "Kilifi.") == [SUB.mob_violence]


def test_supporters_of_two_named_leaders_who_clash_are_a_mob() -> None:
    # each side named with its leader's title: the crowd word stands far before the verb
    subs = _subs("Supporters of the Sarema county governor and those backing the area member "
                 "of parliament clashed at a market.")
    assert subs == [SUB.mob_violence]


def test_a_crowd_named_only_as_the_subject_of_a_beating_is_a_mob() -> None:
    assert _subs("Angry voters beat up a county official in Kitui.") == [SUB.mob_violence]


def test_a_crowd_named_after_by_in_the_passive_is_a_mob() -> None:
    assert _subs("A ward administrator was attacked by angry voters in Kitui.") == [
        SUB.mob_violence]


def test_armed_or_unidentified_youths_are_an_armed_group_attacking_civilians() -> None:
    assert _subs("Armed youths attacked a village near Kericho.") == [SUB.attack]
    assert _subs("Unidentified youths attacked a journalist in Eldoret.") == [SUB.attack]


def test_a_killing_named_deep_in_the_grievance_is_no_force_against_the_protest() -> None:
    # "against the release of ... suspected of killing": what the crowd protests, in the
    # clause the grievance word opens, not lethal force used on it
    assert _subs("Residents of Eldoret protested on Friday against the release of three men "
                 "suspected of killing a rider.") == [SUB.peaceful_protest]


def test_demonstrators_who_burn_property_hold_a_violent_demonstration() -> None:
    # ACLED: demonstrators who destroy property (a dormitory burned down, a rampage)
    assert _subs("Pupils of a boarding school in Kisii burned their dormitory in protest over "
                 "a new principal.") == [SUB.violent_demonstration]
    assert _subs("Youths in Kakamega went on a rampage on Sunday to protest a power "
                 "cut.") == [SUB.violent_demonstration]


def test_burning_an_effigy_is_a_symbolic_act_of_a_peaceful_protest() -> None:
    assert _subs("Students in Lahore burned an effigy of the minister to protest the fee "
                 "rise.") == [SUB.peaceful_protest]


def test_workers_killed_where_no_demonstration_is_named_are_civilians_attacked() -> None:
    # excessive force needs a demonstration: workers are not protesters by their trade
    assert _subs("Gunmen of al-Shabaab attacked quarry workers near Mandera, killing "
                 "twelve.") == [SUB.attack]


def test_force_against_people_named_as_protesters_is_excessive_force() -> None:
    assert _subs("Police shot dead three protesters in Nairobi.") == [
        SUB.excessive_force_against_protesters]
