"""ACLED's kinds of a crowd's act, on sentences written for these tests: a riot that turns on
civilians is mob violence, demonstrators' violence told a sentence later makes a violent
demonstration, and a demonstration said to be free of violence stays peaceful."""

from __future__ import annotations

import datetime as dt

from coder.engines.local import explain_text

DAY = dt.date(2022, 5, 11)


def _records(text: str) -> list[tuple[str, str, str]]:
    return [(r.sub_event_type, r.actor1, r.actor2) for r in explain_text(text, DAY).records]


def _kinds(text: str) -> list[str]:
    return [kind for kind, _, _ in _records(text)]


def test_rioters_who_beat_civilians_are_mob_violence() -> None:
    # ACLED: a crowd that attacks civilians, with no force facing it, is mob violence
    [(kind, _, victims)] = _records("Rioters beat up two journalists in Sarema.")
    assert kind == "Mob violence"
    assert victims.startswith("Civilians")


def test_rioters_who_stone_the_police_stay_a_violent_demonstration() -> None:
    assert _kinds("Rioters stoned police officers in Sarema.") == ["Violent demonstration"]


def test_damage_told_a_sentence_later_makes_a_violent_demonstration() -> None:
    text = ("Dockworkers marched through Porto Lindo on Monday against job cuts. Witnesses "
            "spoke of property destruction along the route.")
    assert _kinds(text) == ["Violent demonstration"]


def test_damage_denied_a_sentence_later_leaves_the_march_peaceful() -> None:
    text = ("Dockworkers marched through Porto Lindo on Monday against job cuts. Witnesses "
            "spoke of no property destruction along the route.")
    assert _kinds(text) == ["Peaceful protest"]


def test_a_march_free_of_running_battles_is_peaceful() -> None:
    text = ("Traders in Sarema held a march against new levies on Monday that was free of "
            "running battles.")
    assert _kinds(text) == ["Peaceful protest"]


def test_a_march_that_did_not_turn_violent_is_peaceful() -> None:
    text = ("Traders in Sarema held a march against new levies on Monday; it did not turn "
            "violent.")
    assert _kinds(text) == ["Peaceful protest"]


def test_a_barricaded_entrance_makes_a_violent_demonstration() -> None:
    # ACLED: barricades are the demonstrators' own violence, whatever they block
    text = ("Villagers barricaded the entrance to the mine to protest against the pollution "
            "of their river.")
    assert _kinds(text) == ["Violent demonstration"]


def test_protesters_burning_flags_are_a_violent_demonstration() -> None:
    text = "Youths protested in Sarema on Monday, burning the flags of the ruling party."
    assert _kinds(text) == ["Violent demonstration"]


def test_a_killing_the_crowd_complains_of_is_no_force_against_it() -> None:
    # the killing is the grievance: a peaceful protest, and the killing an event of its own
    text = ("Following the shooting and the death of a taxi driver near the market, Sarema "
            "residents protest, asking for more patrols.")
    kinds = _kinds(text)
    assert "Peaceful protest" in kinds
    assert "Excessive force against protesters" not in kinds


def test_a_shooting_in_its_own_clause_during_a_march_is_force_against_it() -> None:
    text = ("Residents of Sarema marched to the chief's office on Monday. During the march, "
            "two people were shot by police.")
    assert _kinds(text) == ["Excessive force against protesters"]


def test_a_crowd_that_destroyed_property_is_no_peaceful_one_met_with_force() -> None:
    # ACLED: excessive force is force against peaceful protesters; a crowd that was violent
    # itself makes a violent demonstration, whatever force met it
    text = ("Two demonstrators were shot dead by the police at a march in Sarema on Monday. "
            "Witnesses spoke of property destruction by the marchers.")
    assert _kinds(text) == ["Violent demonstration"]


def test_clashes_blamed_on_someone_a_sentence_later_stay_the_demonstration() -> None:
    # "blamed the governor for the clashes" names no grievance of the march: the clashes are
    # the march's own, no battle of their own
    text = ("Hundreds of traders marched on the governor's office in Sarema on Friday. Local "
            "militias blamed the governor for the clashes on Friday.")
    assert [k for k in _kinds(text) if k] == ["Violent demonstration"]


def test_police_breaking_up_a_march_after_a_semicolon_is_an_intervention() -> None:
    # the grievance ("protest unpaid wages") ends at the semicolon: the police's act is no
    # part of it
    text = "Nurses in Sarema protest unpaid wages; police break up the march."
    assert _kinds(text) == ["Protest with intervention"]


def test_violence_of_a_later_demonstration_of_its_own_stays_with_it() -> None:
    # the second sentence reports a demonstration of its own, read with its own cues: the
    # earlier days' protests are not made violent by it
    text = ("Supporters of the party have protested outside the parliament in Sarema in recent "
            "days. The protests turned deadly on Friday, when hundreds attempted to breach the "
            "fence.")
    assert _kinds(text) == ["Peaceful protest", "Violent demonstration"]
