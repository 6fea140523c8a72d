"""Date expressions: gold cases from tests/gold/dates.jsonl, plus parse_date_text."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from locations import TESTS

from coder.stages.dates import find_date_expressions, parse_date_text, resolve_date

GOLD = [json.loads(line) for line in
        (TESTS / "gold" / "dates.jsonl").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("case", GOLD, ids=[c["id"] for c in GOLD])
def test_gold_date(case: dict) -> None:
    """The first expression resolves to the expected day and precision (or nothing does)."""
    anchor = dt.date.fromisoformat(case["anchor"]) if case["anchor"] else None
    found = find_date_expressions(case["text"])
    resolved = resolve_date(found[0], anchor) if found else None
    got = (resolved.date.isoformat(), resolved.precision) if resolved else (None, None)
    assert got == (case["date"], case["precision"]), [e.span.text for e in found]


def test_spans_point_into_the_text() -> None:
    text = "Clashes erupted in Goma on 14 March 2022 and again last night."
    found = find_date_expressions(text)
    assert [text[e.span.start:e.span.end] for e in found] == ["14 March 2022", "last night"]
    assert [e.kind for e in found] == ["explicit", "relative"]


def test_kinds_of_expressions() -> None:
    text = "between 3 and 5 May; in October; last week; in 2019; on Sunday; two days ago"
    assert [e.kind for e in find_date_expressions(text)] == [
        "range", "month", "week", "year", "weekday", "relative"]


def test_historical_date_ignores_anchor() -> None:
    (expr,) = find_date_expressions("A strike in January 2020 killed a general.")
    for anchor in (dt.date(2021, 11, 7), None):
        resolved = resolve_date(expr, anchor)
        assert resolved is not None and resolved.date == dt.date(2020, 1, 15)


@pytest.mark.parametrize("value,expected", [
    ("2021-11-07", "2021-11-07"),
    ("2021-11-07T10:00:00Z", "2021-11-07"),
    ("2021-11-07 10:00:00+03:00", "2021-11-07"),
    ("7 November 2021", "2021-11-07"),
    ("Dec 01, 2021", "2021-12-01"),
    ("November 7, 2021 - 0:0", "2021-11-07"),
    ("Sunday 7 November 2021 10:31 GMT", "2021-11-07"),
    ("Posted on November 8, 2021 at 9:45 am", "2021-11-08"),
    ("MONDAY, 8 NOVEMBER 2021", "2021-11-08"),
    ("25/10/2021 09:00", "2021-10-25"),
    ("7 novembre 2021", "2021-11-07"),
], ids=lambda v: str(v)[:30])
def test_parse_date_text_reads_dates(value: str, expected: str) -> None:
    assert parse_date_text(value) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("value", [
    "",
    "Leave a comment",
    "By our correspondent in Lagos",
    "Rebels attacked the town on November 7, 2021, killing two.",
    "Protesters marched on Sunday",
    "07/11/2021",  # day-first or month-first: cannot tell
    "2021",
    "The 2021 elections were disputed",
], ids=lambda v: v[:30] or "empty")
def test_parse_date_text_rejects_non_dates(value: str) -> None:
    assert parse_date_text(value) is None


def test_no_date_words_no_expressions() -> None:
    assert find_date_expressions("The minister met union leaders to discuss wages.") == []


def test_importing_dates_does_not_load_dateparser() -> None:
    """dateparser is slow to load: only parse_date_text's fallback imports it."""
    import subprocess
    import sys

    code = "import sys, coder.stages.dates; sys.exit('dateparser' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
