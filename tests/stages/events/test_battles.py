"""Battles as ACLED codes them, on sentences written for these tests: a killing in a shoot-out,
armed victims, one battle told twice in a sentence."""

from __future__ import annotations

import datetime as dt

from coder.engines.local import code_documents, explain_text
from coder.io.corpus import document_from_text
from coder.models import Document

DAY = dt.date(2022, 5, 11)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(r.event_type, r.sub_event_type) for r in explain_text(text, DAY).records]


def test_police_who_kill_suspects_in_a_shoot_out_fought_a_battle() -> None:
    kinds = _kinds("Police killed two robbery suspects in a shoot-out near Sarema.")
    assert kinds == [("Battles", "Armed clash")]


def test_police_who_kill_a_named_civilian_group_attacked_civilians() -> None:
    kinds = _kinds("Police killed two farmers near Sarema.")
    assert kinds == [("Violence against civilians", "Attack")]


def test_reservists_shot_dead_are_armed_victims() -> None:
    kinds = _kinds("Gunmen shot dead two police reservists near Sarema.")
    assert kinds == [("Battles", "Armed clash")]


def test_one_shoot_out_told_twice_is_one_battle() -> None:
    # the killing and the shoot-out name the two sides in the other order: one battle
    doc = document_from_text("Five members of a drug cartel killed in gunfight with "
                             "police", "t", {"country": "Mexico"}, origin="test")
    assert isinstance(doc, Document)
    records = code_documents([doc], merge=False).records
    assert [(r.event_type, r.sub_event_type) for r in records] == [("Battles", "Armed clash")]


def test_an_abduction_with_a_killing_is_an_attack() -> None:
    # ACLED: a civilian abducted and then killed is an attack, not an abduction
    kinds = _kinds("Gunmen kidnapped a village chief near Sarema and killed him.")
    assert kinds == [("Violence against civilians", "Attack")]


def test_raiders_repulsed_by_police_fought_a_battle() -> None:
    # the attacked side fought back: two armed sides, a battle (ACLED), not an attack on villagers
    kinds = _kinds("Armed herders raided three villages near Sarema, but the police repelled them.")
    assert kinds == [("Battles", "Armed clash")]
    kinds = _kinds("Police repelled an attack by militants on their camp near Sarema.")
    assert kinds == [("Battles", "Armed clash")]


def test_attackers_pushed_back_by_troops_fought_a_battle() -> None:
    kinds = _kinds("Gunmen raided two villages near Sarema. Soldiers pushed back the attackers.")
    assert ("Battles", "Armed clash") in kinds
    assert ("Violence against civilians", "Attack") not in kinds


def test_pushing_back_a_date_is_no_fight() -> None:
    assert _kinds("The army pushed back the date of the parade in Sarema.") == []


def test_a_watchman_killed_by_raiders_is_an_armed_victim() -> None:
    # a watchman guards a property: private security, an armed side (ACLED: a battle)
    assert _kinds("Cattle raiders killed a watchman near Sarema.") == [("Battles", "Armed clash")]
