"""Arrests a sentence reports with the violence or demonstration they were part of belong to
that event (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

from coder.engines.local import explain_text

DAY = dt.date(2022, 5, 11)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(r.event_type, r.sub_event_type) for r in explain_text(text, DAY).records]


def test_arrests_made_in_a_shootout_are_the_shootout_s() -> None:
    kinds = _kinds("Police shot dead two gunmen and arrested three others in a shootout "
                   "near Sarema.")
    assert ("Strategic developments", "Arrests") not in kinds
    assert ("Battles", "Armed clash") in kinds


def test_demonstrators_arrested_make_a_protest_with_intervention() -> None:
    kinds = _kinds("Nurses marched to the ministry in Sarema and police arrested twelve of "
                   "them.")
    assert kinds == [("Protests", "Protest with intervention")]


def test_an_arrest_that_is_the_grievance_stays_the_grievance() -> None:
    kinds = _kinds("Traders protested in Sarema against the arrest of their chairman.")
    assert kinds == [("Protests", "Peaceful protest")]


def test_an_arrest_on_another_occasion_stays_its_own_event() -> None:
    kinds = _kinds("Gunmen attacked a bus near Sarema on Friday, and police later arrested "
                   "five suspects.")
    assert ("Strategic developments", "Arrests") in kinds
