"""One demonstration told over several sentences is one event of the kind the whole account
gives it: demonstrators who turn violent make a violent demonstration (ACLED), whether the
text says so in a back-reference or tells the crowd's act apart."""

from __future__ import annotations

from coder import code_texts
from coder.dictionaries.taxonomy import SUB


def _kinds(text: str) -> list[str]:
    result = code_texts([{"text": text, "published": "2021-05-06"}])
    return [r.sub_event_type for r in result.records]


def test_a_protest_whose_crowd_later_burns_buses_is_a_violent_demonstration() -> None:
    assert _kinds("Students held a demonstration at a college in Gulu on Tuesday over fees. "
                  "Youths then torched two buses.") == [SUB.violent_demonstration]


def test_a_protest_a_later_sentence_calls_a_riot_is_a_violent_demonstration() -> None:
    assert _kinds("Workers marched peacefully in Lira on Friday. "
                  "The demonstration later turned into a riot.") == [SUB.violent_demonstration]


def test_a_protest_nothing_turns_violent_stays_peaceful() -> None:
    assert _kinds("Workers marched peacefully in Lira on Friday. "
                  "The demonstration ended at noon.") == [SUB.peaceful_protest]


def test_a_demonstration_under_way_at_a_named_place_is_an_event() -> None:
    assert _kinds("Nurses in Gulu are protesting the closure of their ward.") == [
        SUB.peaceful_protest]


def test_fighting_going_on_with_no_place_or_day_is_no_event_of_its_own() -> None:
    assert _kinds("Rebels are fighting government troops.") == []


def test_gunmen_killing_a_shopkeeper_is_no_force_against_a_later_protest() -> None:
    # ACLED: excessive force is force used on the demonstrators; an armed group's killing of
    # someone else is the grievance, an event of its own
    assert _kinds("Gunmen shot dead a shopkeeper in Garissa. "
                  "Traders in Garissa protested over insecurity.") == [
        SUB.attack, SUB.peaceful_protest]


def test_an_attack_a_protest_follows_in_one_sentence_stays_apart_from_it() -> None:
    assert _kinds("Following an attack by bandits on a village near Isiolo, residents "
                  "protested over insecurity.") == [SUB.attack, SUB.peaceful_protest]


def test_an_armed_group_firing_on_a_rally_is_force_against_the_protesters() -> None:
    # the demonstration is the violent act's object: force used against the crowd
    assert _kinds("Armed men fired on an opposition rally in Kisumu on Sunday, wounding "
                  "four participants.") == [SUB.excessive_force_against_protesters]


def test_a_fight_with_no_sides_after_a_march_makes_it_a_violent_demonstration() -> None:
    # ACLED: demonstrators who fight make a violent demonstration, not a battle
    assert _kinds("Nurses demonstrated against the county board in Nakuru. The nurses were "
                  "dispersed with tear gas after running battles between both sides.") == [
        SUB.violent_demonstration]


def test_clashes_a_report_says_did_not_happen_leave_a_march_peaceful() -> None:
    assert _kinds("Supporters of the senator marched through Kisumu on Tuesday. "
                  "The day was free of clashes.") == [SUB.peaceful_protest]
    assert _kinds("Opposition supporters took to the streets on Sunday in Kisii to celebrate "
                  "a court ruling. The celebrations were devoid of running battles.") == [
        SUB.peaceful_protest]


def test_an_attack_on_soldiers_that_was_a_landmine_blast_stays_an_explosion() -> None:
    # ACLED: remote violence joins a battle only when a fight is told; an "attack" on armed
    # people with no exchange is the explosion itself, in either order
    assert _kinds("A landmine blast killed four soldiers near Kiunga on Monday. Militants "
                  "attacked the army convoy as it drove north.") == [
        SUB.remote_explosive_landmine_ied]
    assert _kinds("Militants attacked an army convoy near Kiunga on Monday. A landmine blast "
                  "killed four soldiers.") == [SUB.remote_explosive_landmine_ied]


def test_an_attack_on_soldiers_who_fire_back_stays_a_battle() -> None:
    assert _kinds("Militants attacked an army convoy near Kiunga on Monday. Soldiers "
                  "exchanged fire with them for an hour.") == [SUB.armed_clash]


def _records(text: str) -> list[tuple[str, str, str, int | None]]:
    result = code_texts([{"text": text, "published": "2016-11-07", "country": "Kenya"}])
    return [(r.sub_event_type, r.actor1, r.actor2, r.fatalities) for r in result.records
            if r.sub_event_type]


def test_deaths_told_before_a_fight_between_named_sides_are_its_toll() -> None:
    [(sub, actor1, actor2, dead)] = _records(
        "Four people died and three were hurt in fighting between the Odera and Wambura "
        "clans near Wajir on Sunday.")
    assert (sub, dead) == (SUB.armed_clash, 4)
    assert "Clan Militia" in actor1 and "Clan Militia" in actor2



def test_people_killed_in_a_fight_of_unnamed_sides_are_no_side_of_it() -> None:
    [(sub, actor1, actor2, dead)] = _records(
        "Three people were killed in a clash between two clans near Wajir on Sunday.")
    assert (sub, dead) == (SUB.armed_clash, 3)
    assert "Civilians" not in actor1 and "Civilians" not in actor2
