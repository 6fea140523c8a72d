"""An event note that opens with the name of what it reports ("Movement of forces:",
"Recruitment:", "Security measures:", "Non-violent activity:", "Arrests:") reports that
strategic development even when its sentence names no actor doing it (own invented sentences).
A violent act the labelled sentence tells is the labelled development itself, one event; arrests
by a named force are the arrest verb's own event."""

from __future__ import annotations

import pytest

from coder.engines.local import explain_text


@pytest.mark.parametrize("text", [
    "Movement of forces: Two armoured columns were seen on the road to Bura late at night.",
    "Movement of forces: A convoy of the rebel brigade is reported near the Tana bridge.",
    "Recruitment: The separatist council is said to be enlisting young men in Kwale.",
    "Security measures: Roadblocks were mounted on every route into Lamu before the holiday.",
])
def test_a_label_names_the_change_to_group_activity(text: str) -> None:
    subs = [r.sub_event_type for r in explain_text(text).records if r.event_type]
    assert subs == ["Change to group/activity"]


def test_a_label_names_the_raid_its_note_tells_as_one_event() -> None:
    # ACLED's coder wrote the event's type in the label: the raid the note tells is that
    # development, one event (in the Kenya export every "Movement of forces:" note is one)
    text = "Movement of forces: Gunmen raided a police post near Bura and stole rifles."
    subs = [r.sub_event_type for r in explain_text(text).records if r.event_type]
    assert subs == ["Change to group/activity"]


def test_the_words_without_the_label_colon_are_no_event() -> None:
    text = "The recruitment of teachers in Kwale was delayed by the budget."
    assert [r for r in explain_text(text).records if r.event_type] == []


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Non-violent activity: Armed herders settled on farms near Mwingi and fenced off a well.",
     "Other"),
    ("Arrests: A county clerk was detained in Eldoret on fraud charges.", "Arrests"),
])
def test_other_labels_name_their_development(text: str, sub_event: str) -> None:
    subs = [r.sub_event_type for r in explain_text(text).records if r.event_type]
    assert subs == [sub_event]


def test_arrests_by_a_named_force_give_one_event() -> None:
    text = "Arrests: Police in Thika detained nine men over a string of burglaries."
    subs = [r.sub_event_type for r in explain_text(text).records if r.event_type]
    assert subs == ["Arrests"]
