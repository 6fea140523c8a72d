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


@pytest.mark.parametrize("text", [
    "Traders shut the market road demanding the arrest of the gang that killed a vendor.",
    "Relatives of a boatman who died in a police chase marched to the district office.",
    "The union held a vigil in memory of the nine miners who died in the shaft collapse.",
    "Students rallied to mark the anniversary of the raid in which 14 pupils were killed.",
    "Youths gathered outside the morgue seeking compensation for the death of a cyclist.",
    "Activists marched in Tamale condemning the killing of a journalist last month.",
])
def test_grievance_killing_is_no_fatality(text: str) -> None:
    """A death the crowd demands redress for, mourns or condemns is the grievance of the
    demonstration, not a death in it (ACLED codes the demonstration with no fatalities)."""
    assert _killed(text) == []


@pytest.mark.parametrize(("text", "expect"), [
    ("Robbers demanded cash from the shopkeeper and then shot him dead.", [1]),
    ("Mourners were attacked at a funeral procession, and three of them were killed.", [3]),
])
def test_killing_beside_a_grievance_word_still_counts(text: str, expect: list[int]) -> None:
    assert _killed(text) == expect


@pytest.mark.parametrize("text", [
    "Youths burned tyres over the shooting of a boda rider killed by police two days earlier.",
    "Pupils marched to the station over a classmate who was stabbed to death last week.",
    "A crowd blocked the road near the home of a chief shot dead the previous night.",
    "Mourners met at the site of the blast that killed four shoppers a few weeks ago.",
])
def test_killing_dated_before_the_event_is_no_fatality(text: str) -> None:
    """A death the text dates before the event reported ("two days earlier", "last week")
    belongs to an earlier event: ACLED does not count it again."""
    assert _killed(text) == []


@pytest.mark.parametrize(("text", "expect"), [
    ("Militia fighters killed three herders in revenge for earlier raids.", [3]),
    ("Three people were killed earlier in the day when gunmen raided a bar.", [3]),
])
def test_killing_in_the_event_beside_an_earlier_one_counts(text: str,
                                                            expect: list[int]) -> None:
    assert _killed(text) == expect
