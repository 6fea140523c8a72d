"""Killings in the background of the event reported (its cause, a reaction to it, a past deed,
an attempt) are no fatalities of it; a killing that is part of the event still counts."""

from __future__ import annotations

import pytest

from coder.stages.casualties import find_casualties


def _killed(text: str) -> list[int]:
    return [m.value for m in find_casualties(text) if m.kind == "killed"]


@pytest.mark.parametrize("text", [
    "Hundreds of dockers protested the killing of a colleague in Port Velin.",
    "Farmers blocked the highway following the death of a herder near Ambo.",
    "Shops closed after two traders were shot dead by robbers.",
    "A crowd beat a man who had allegedly killed his neighbour.",
    "Soldiers burned huts in revenge for the killing of their comrade.",
    "A mob nearly killed a suspected pickpocket in the market.",
    "Villagers tried to lynch a driver after the crash.",
])
def test_background_killing_is_no_fatality(text: str) -> None:
    assert _killed(text) == []


@pytest.mark.parametrize(("text", "expect"), [
    ("Gunmen seized two engineers after killing their driver.", [1]),
    ("After storming the camp, rebels killed 9 soldiers.", [9]),
    ("Four people were killed after police opened fire on the crowd.", [4]),
    ("Two men were reported to have died in the clash.", [2]),
])
def test_killing_in_the_event_counts(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect
