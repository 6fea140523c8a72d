"""The state behind a weapon (coder/stages/events/forces.py), on sentences written for these
tests: a demonym before a strike noun names the state's forces; one before a person noun is only
the nationality of a victim."""

from __future__ import annotations

import datetime as dt

from coder.engines.local import explain_text

DAY = dt.date(2022, 5, 11)


def _actor1(text: str) -> str:
    return explain_text(text, DAY).records[0].actor1


def test_a_demonym_before_a_strike_names_that_states_forces() -> None:
    assert _actor1("An Israeli air strike hit a house in Rafah.") == "Military Forces of Israel"


def test_a_demonym_before_a_person_is_a_victims_nationality() -> None:
    actor1 = _actor1("A Dutch tourist was stabbed to death in Lamu on Sunday.")
    assert not actor1.startswith("Military Forces")


def test_a_demonym_before_a_killed_man_is_no_state_force() -> None:
    actor1 = _actor1("A Canadian man was shot dead outside a bar in Mombasa.")
    assert not actor1.startswith("Military Forces")


def test_a_demonym_before_fallen_soldiers_names_the_victims_not_the_bomber() -> None:
    record = explain_text("Three Ugandan soldiers were killed by a landmine near Gulu.",
                          DAY).records[0]
    assert record.actor1 != record.actor2
    assert record.actor2.startswith("Military Forces of Uganda")
