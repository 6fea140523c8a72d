"""An event note that opens with the name of what it reports ("Movement of forces:",
"Recruitment:", "Security measures:") reports a change to a group's activity even when its
sentence names no actor doing it (own invented sentences). The label only speaks for a
sentence that reports no other event: a raid or a clash in it stays what it is."""

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


def test_a_label_does_not_add_a_second_event_to_a_raid() -> None:
    text = "Movement of forces: Gunmen raided a police post near Bura and stole rifles."
    subs = [r.sub_event_type for r in explain_text(text).records if r.event_type]
    assert "Change to group/activity" not in subs
    assert len(subs) == 1


def test_the_words_without_the_label_colon_are_no_event() -> None:
    text = "The recruitment of teachers in Kwale was delayed by the budget."
    assert [r for r in explain_text(text).records if r.event_type] == []
