"""A toll that covers several days ("over two days", "three days of fighting", "over a 36-hour
period") is split evenly over the days, the first day taking the extra one: the record gets the
first day's share. Spans that are no spans of the toll ("two days later", "the second of three
days of") are left alone."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from coder.models import CasualtyMention, Span
from coder.records.figures import fatality_range
from coder.stages.casualties.spans import days_spanned


@pytest.mark.parametrize(("text", "days"), [
    ("Nine people were killed over three days of fighting in Oru.", 3),
    ("Clashes went on over the course of four days.", 4),
    ("Eleven died in clashes over a 36-hour period.", 2),
    ("Two days of riots left six dead.", 2),
    ("Police found the body two days later.", 1),
    ("On the second of three days of strikes, a guard was killed.", 1),
    ("A five-hour gun battle left four dead.", 1),
])
def test_days_spanned(text: str, days: int) -> None:
    assert days_spanned(text) == days


def test_the_record_gets_the_first_days_share() -> None:
    killed = CasualtyMention(span=Span(0, 6, "killed"), kind="killed", value=7,
                             rule_id="casualties:killed")
    mention = SimpleNamespace(sentence_text="Seven were killed over two days of clashes.",
                              kind=SimpleNamespace(sub_event_type="Armed clash"))
    member = SimpleNamespace(fatalities={0: [killed]}, mention=mention)
    cluster = SimpleNamespace(main=SimpleNamespace(mention=mention), members=[member])
    assert fatality_range(cluster) == (4, 7)  # type: ignore[arg-type]
