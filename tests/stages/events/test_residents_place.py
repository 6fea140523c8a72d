"""The people of a place ("Voi residents", "Kangema villagers") act there: the place before
them weighs as a place after "in" when an event chooses among its sentence's places."""

from __future__ import annotations

from coder.api import code_texts


def _location(text: str) -> str:
    result = code_texts([{"id": "a", "text": text, "country": "Kenya",
                          "published": "2021-03-02"}])
    return result.records[0].location


def test_the_residents_place_wins_over_a_place_their_grievance_names() -> None:
    text = "Voi residents marched on Monday against a plan to build a new port in Mombasa."
    assert _location(text) == "Voi"


def test_a_place_after_in_nearer_the_event_still_wins() -> None:
    text = "Voi residents said youths rioted in Mombasa on Monday."
    assert _location(text) == "Mombasa"
