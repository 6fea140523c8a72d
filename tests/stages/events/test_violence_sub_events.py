"""Sub-event decisions in the violence family on sentences written for these tests: what the
weapon was, who the victims were (armed or not, on duty or not), and whether a crowd or an
organised group did the killing."""

from __future__ import annotations

import datetime as dt

from coder.dictionaries.taxonomy import SUB
from coder.engines.local import explain_text

DAY = dt.date(2016, 3, 9)


def _subs(text: str) -> list[str]:
    return [r.sub_event_type for r in explain_text(text, DAY).records]


def test_people_killed_in_a_blast_or_explosion_are_a_remote_explosive_event() -> None:
    # "blast" and "explosion" name an explosive device that went off, not a shooting
    assert _subs("Two traders were killed in a blast near a bus stop in Garissa.") == [
        SUB.remote_explosive_landmine_ied]
    assert _subs("An explosion at a hotel in Mandera injured four guests.") == [
        SUB.remote_explosive_landmine_ied]


def test_the_month_may_next_to_a_day_is_a_date_not_a_modal() -> None:
    assert _subs("Traders on 12 May staged a protest in Nakuru over new taxes.") == [
        SUB.peaceful_protest]
    assert _subs("On May 3 police shot dead two robbery suspects in Kisumu.") == [SUB.attack]
    # the modal verb still makes the act a possibility, not a reported event
    assert _subs("Traders may hold a protest in Nakuru over new taxes.") == []


def test_people_killed_over_witchcraft_by_no_named_killer_are_mob_violence() -> None:
    assert _subs("Two old women accused of witchcraft were hacked to death in Nyamira.") == [
        SUB.mob_violence]


def test_a_suspected_thief_stoned_or_burnt_to_death_is_mob_justice() -> None:
    assert _subs("A man suspected of stealing a cow was stoned to death in Meru.") == [
        SUB.mob_violence]
    assert _subs("Two suspected burglars were burnt to death in Thika on Sunday.") == [
        SUB.mob_violence]


def test_suspected_thieves_shot_by_a_named_force_are_still_an_attack() -> None:
    assert _subs("Police shot dead three suspected thieves at a market in Thika.") == [
        SUB.attack]


def _sides(text: str) -> list[tuple[str, str, str]]:
    return [(r.sub_event_type, r.actor1, r.actor2) for r in explain_text(text, DAY).records]


def test_an_off_duty_or_retired_member_of_the_forces_is_a_civilian_victim() -> None:
    # ACLED: off-duty and former members of the armed forces are civilians, so a killing of
    # one is an attack on civilians, not a battle with the police
    assert _sides("Two gunmen shot dead an off-duty police officer outside a bar in Nakuru.") == [
        (SUB.attack, "Unidentified Armed Group (Kenya)", "Civilians (Kenya)")]
    assert _subs("A retired soldier was shot dead by unknown gunmen in Garissa.") == [SUB.attack]
    # on duty, the same killing is an attack on an armed side (a battle)
    assert _subs("Two gunmen shot dead a police officer outside a bar in Nakuru.") == [
        SUB.armed_clash]


def test_stoning_told_with_no_crowd_after_an_officers_attack_is_the_officers_act() -> None:
    # the second sentence names no crowd: the stones were the officer's, no mob violence
    assert _sides("A trader was assaulted by a police officer at a market in Isiolo on Friday. "
                  "He had been stoned by then.") == [
        (SUB.attack, "Police Forces of Kenya", "Civilians (Kenya)")]


def test_political_rivals_or_party_members_who_clash_are_a_mob() -> None:
    # no organised armed group among the sides: a fight between crowds (ACLED: mob violence)
    assert _subs("Political rivals clashed outside a church in Nyeri on Sunday.") == [
        SUB.mob_violence]
    assert _subs("Members of two parties clashed at a tallying centre in Thika.") == [
        SUB.mob_violence]
    # members of an armed group who fight soldiers still fight a battle
    assert _subs("Members of al Shabaab clashed with soldiers near Lamu.") == [SUB.armed_clash]


def test_an_explosive_uncovered_by_the_police_is_disrupted_weapons_use() -> None:
    assert _subs("Police uncovered a roadside bomb near a school in Wajir on Monday.") == [
        SUB.disrupted_weapons_use]
