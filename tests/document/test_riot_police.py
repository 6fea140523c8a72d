"""ACLED's second side of a violent demonstration met with an intervention the report tells
without naming the force ("were dispersed", "tear gas", "arrested"): the police, on
sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from coder.engines.local import explain_text

DAY = dt.date(2022, 5, 11)


def _records(text: str) -> list[tuple[str, str, str]]:
    return [(r.sub_event_type, r.actor1, r.actor2) for r in explain_text(text, DAY).records]


def test_rioters_dispersed_by_no_named_force_face_the_police() -> None:
    text = ("Rioters in Mombasa barricaded roads and lit bonfires on Monday but were later "
            "dispersed.")
    [(kind, crowd, force)] = _records(text)
    assert kind == "Violent demonstration"
    assert crowd.startswith("Rioters")
    assert force.startswith("Police Forces")


def test_rioters_arrested_after_the_riot_face_the_police() -> None:
    text = "Six youths were arrested after rioters barricaded a road in Mombasa on Monday."
    [(kind, _, force)] = _records(text)
    assert kind == "Violent demonstration"
    assert force.startswith("Police Forces")


def test_arrests_the_crowd_riots_over_name_no_force() -> None:
    # the arrests are the crowd's grievance, not an intervention against it
    text = ("Rioters barricaded the main road in Mombasa on Monday after their leaders were "
            "arrested.")
    [(kind, _, force)] = _records(text)
    assert kind == "Violent demonstration"
    assert force == ""


def test_arrests_only_threatened_name_no_force() -> None:
    text = ("Rioters barricaded the main road in Mombasa on Monday. The governor threatened "
            "to arrest them.")
    [(kind, _, force)] = _records(text)
    assert kind == "Violent demonstration"
    assert force == ""


def test_an_arrest_told_of_one_person_names_no_force() -> None:
    # a relative clause tells of the person's arrest, not of one against the crowd
    text = ("Supporters of a councillor who was arrested last year barricaded the main road "
            "in Mombasa with burning tyres on Monday.")
    [(kind, _, force)] = _records(text)
    assert kind == "Violent demonstration"
    assert force == ""


def test_rioters_who_disperse_of_themselves_name_no_force() -> None:
    text = ("Rioters barricaded the main road in Mombasa with burning tyres on Monday and "
            "dispersed in the evening.")
    [(kind, _, force)] = _records(text)
    assert kind == "Violent demonstration"
    assert force == ""
