"""Arrests a demonstration's sentence names, on sentences written for these tests: an arrest
the crowd protests or demands is its grievance (a peaceful protest, one record, no second
side), while arrests of the crowd itself are the intervention (ACLED's protest with
intervention)."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.engines.local import explain_text

DAY = dt.date(2022, 5, 11)


def _records(text: str) -> list[tuple[str, str, str]]:
    """The ACLED-layer records (CAMEO-only ones, such as a demand, left out)."""
    return [(r.sub_event_type, r.actor1, r.actor2) for r in explain_text(text, DAY).records
            if r.event_type]


@pytest.mark.parametrize("text", [
    "Fishermen in Sarema protested the arrest of a local radio presenter on Monday.",
    "Traders in Sarema marched on Monday, demanding the arrest of the men who robbed a shop.",
    "Hundreds of farmers took to the streets of Sarema on Monday in a protest for the arrest "
    "of a councillor.",
    "Nurses demonstrated in Sarema on Monday against unlawful arrests of their colleagues.",
])
def test_an_arrest_the_crowd_protests_is_its_grievance(text: str) -> None:
    [(kind, _, force)] = _records(text)
    assert kind == "Peaceful protest"
    assert force == ""


def test_arrests_of_the_crowd_are_the_intervention() -> None:
    text = "Nurses demonstrated in Sarema on Monday over pay, and police arrested six of them."
    [(kind, _, force)] = _records(text)
    assert kind == "Protest with intervention"
    assert "Police" in force


def test_a_force_named_as_the_passive_agent_a_sentence_later_intervened() -> None:
    text = ("Residents of Sarema protested on Monday against the death of a boy, claiming he was "
            "poisoned by a neighbour. The protesters demanded that she be charged but they were "
            "dispersed by police.")
    [(kind, _, force)] = _records(text)
    assert kind == "Protest with intervention"
    assert "Police" in force


def test_a_person_arrested_by_police_a_sentence_later_is_no_intervention() -> None:
    text = ("Nurses demonstrated in Sarema on Monday over a colleague's detention. The nurse "
            "was arrested by police at her home last month.")
    assert [kind for kind, _, _ in _records(text)][:1] == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    "Market traders in Sarema on Monday protested the demolition of their kiosks.",
    "Tenants in Sarema staged a demonstration on Monday over forced evictions.",
])
def test_a_demolition_the_crowd_protests_is_its_grievance(text: str) -> None:
    assert [kind for kind, _, _ in _records(text)] == ["Peaceful protest"]


def test_arrests_of_people_named_as_demonstrators_are_a_protest_with_intervention() -> None:
    [(kind, crowd, force)] = _records("Police arrested eleven demonstrators in Sarema on Monday.")
    assert kind == "Protest with intervention"
    assert crowd.startswith("Protesters")
    assert "Police" in force


def test_a_leaders_arrest_told_as_an_earlier_occasion_stays_an_event_of_its_own() -> None:
    text = ("Crowds backing Imran Khan torched vehicles in Lahore on Tuesday, hours after he was "
            "arrested by paramilitary Rangers.")
    # no publication date: "he" is then the office holder the actor stage knows by that name
    kinds = [r.sub_event_type for r in explain_text(text, None).records]
    assert "Arrests" in kinds
