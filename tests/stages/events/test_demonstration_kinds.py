"""ACLED's demonstration sub-event types on sentences written for these tests: a road blocked by
a crowd, a crowd that clashes with the state's forces, one demonstration per sentence."""

from __future__ import annotations

import datetime as dt

from coder import code_texts
from coder.engines.local import explain_text

DAY = dt.date(2022, 5, 11)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(r.event_type, r.sub_event_type) for r in explain_text(text, DAY).records]


def test_a_road_blocked_by_demonstrators_is_a_violent_demonstration() -> None:
    # ACLED: barricades to block roads are the demonstrators' own violence
    kinds = _kinds("Fishermen in Porto Lindo blocked the Lindo-Sarema highway to protest "
                   "against a new fishing levy.")
    assert kinds == [("Riots", "Violent demonstration")]


def test_police_blocking_a_road_is_no_riot() -> None:
    assert _kinds("Police blocked the road to the stadium in Porto Lindo.") == []


def test_the_blockade_and_the_protest_of_one_sentence_are_one_event() -> None:
    kinds = _kinds("Hundreds of traders marched through Porto Lindo and barricaded the main "
                   "street to protest the closure of the market.")
    assert kinds == [("Riots", "Violent demonstration")]


def test_a_crowd_clashing_with_police_is_a_riot_not_a_battle() -> None:
    kinds = _kinds("Students clashed with police outside the university in Porto Lindo.")
    assert kinds == [("Riots", "Violent demonstration")]


def test_armed_groups_clashing_with_police_stay_a_battle() -> None:
    kinds = _kinds("Gunmen clashed with police outside Porto Lindo.")
    assert kinds == [("Battles", "Armed clash")]


def test_a_possessive_pronoun_of_the_attacker_is_no_second_side() -> None:
    # "its residents" are the village's: the attackers do not fight themselves
    kinds = _kinds("An armed group attacked Sarema village and robbed its residents.")
    assert kinds == [("Violence against civilians", "Attack")]


def test_a_lynching_is_mob_violence() -> None:
    # ACLED: a crowd's lynching, even with nobody named, is mob violence, not an armed attack
    assert _kinds("A suspected cattle thief was lynched near Sarema.") == [
        ("Riots", "Mob violence")]


def test_vigilantes_who_beat_a_suspect_are_a_mob() -> None:
    kinds = _kinds("A vigilante group attacked two suspected burglars in Sarema.")
    assert kinds == [("Riots", "Mob violence")]


def test_a_crowd_torching_a_bus_with_no_demonstration_named_is_mob_violence() -> None:
    # ACLED: mob violence is a crowd's violence outside a demonstration setting
    assert _kinds("Angry villagers torched a bus after it hit a child near Sarema.") == [
        ("Riots", "Mob violence")]


def test_demonstrators_throwing_stones_are_a_violent_demonstration() -> None:
    assert _kinds("Demonstrators threw stones at the town hall in Sarema.") == [
        ("Riots", "Violent demonstration")]


def test_stones_thrown_at_a_protest_of_the_same_sentence_are_the_protest_s() -> None:
    kinds = _kinds("Fishermen marched to the port of Sarema over fuel prices and threw "
                   "stones at the customs office.")
    assert kinds == [("Riots", "Violent demonstration")]


def test_villagers_who_kill_a_suspect_are_a_mob() -> None:
    kinds = _kinds("Villagers in Sarema killed two suspected cattle thieves.")
    assert kinds == [("Riots", "Mob violence")]


def test_a_few_men_who_beat_a_candidate_are_no_mob() -> None:
    # ACLED: an attack by a handful of unidentified men on a civilian is an attack
    kinds = _kinds("A council candidate was beaten by three men in Sarema.")
    assert kinds == [("Violence against civilians", "Attack")]


def test_a_group_of_men_who_beat_a_man_to_death_are_a_mob() -> None:
    kinds = _kinds("A group of men beat a shepherd to death near Sarema.")
    assert kinds == [("Riots", "Mob violence")]


def test_rival_supporters_who_clash_are_mobs_not_armed_groups() -> None:
    kinds = _kinds("Supporters of two council candidates clashed outside a polling station "
                   "in Sarema.")
    assert kinds == [("Riots", "Mob violence")]


def test_herders_and_farmers_who_clash_stay_a_battle() -> None:
    kinds = _kinds("Herders and farmers clashed over a water point near Sarema.")
    assert kinds == [("Battles", "Armed clash")]


def test_police_who_intervened_make_a_protest_with_intervention() -> None:
    kinds = _kinds("Market vendors protested in Sarema against new fees. Police intervened.")
    assert kinds == [("Protests", "Protest with intervention")]


def test_a_protest_that_turns_violent_is_a_violent_demonstration() -> None:
    kinds = _kinds("A protest by dock workers in Sarema over unpaid wages turns violent.")
    assert kinds == [("Riots", "Violent demonstration")]


def test_a_headline_verb_after_a_subject_placed_by_a_name_is_a_protest() -> None:
    kinds = _kinds("Residents of Lindo Heights protest over the state of their roads.")
    assert kinds == [("Protests", "Peaceful protest")]


def test_staging_a_demonstration_without_an_article_is_a_protest() -> None:
    kinds = _kinds("Nurses stage demonstration in Sarema over unpaid allowances.")
    assert kinds == [("Protests", "Peaceful protest")]


def test_a_riot_over_a_road_accident_is_still_a_riot() -> None:
    # an accident is the crowd's grievance, not a reason to discard the riot
    kinds = _kinds("Students rioted in Sarema after a road accident killed a classmate.")
    assert ("Riots", "Violent demonstration") in kinds or ("Riots", "Mob violence") in kinds


def test_demonstrators_who_light_fires_are_violent() -> None:
    kinds = _kinds("Opposition protesters lit fires on the main street of Sarema.")
    assert kinds == [("Riots", "Violent demonstration")]


def test_violence_the_crowd_protests_is_its_grievance_not_force_used_on_it() -> None:
    kinds = _kinds("Hundreds of residents marched in Sarema over the killing of a driver by "
                   "police.")
    assert kinds == [("Protests", "Peaceful protest")]


def test_a_hyphenated_cue_is_read_as_written_with_a_space() -> None:
    # "tear-gassed" is the cue "tear gassed": force used on the march
    records = code_texts([{"text": "Hundreds of teachers marched in Gulu on Monday and police "
                                   "tear-gassed them.", "published": "2021-05-06"}]).records
    assert [r.sub_event_type for r in records] == ["Protest with intervention"]
