"""A night named by its two days is dated to the second day (the morning it ended in), at time
precision 1; other two-day ranges stay ranges."""

from __future__ import annotations

import datetime as dt

from coder.stages.dates import find_date_expressions, resolve_date

ANCHOR = dt.date(2022, 12, 31)


def _resolved(text: str) -> list[tuple[dt.date, int]]:
    out = []
    for e in find_date_expressions(text):
        r = resolve_date(e, ANCHOR)
        if r is not None:
            out.append((r.date, r.precision))
    return out


def test_the_night_of_two_days_is_the_second_day() -> None:
    text = "On the night of 14 to 15 March 2021, gunmen burned a house in Tarso."
    assert _resolved(text) == [(dt.date(2021, 3, 15), 1)]


def test_a_night_across_the_new_year() -> None:
    text = "During the night of 31 December to 1 January 2021, a bar was attacked."
    assert _resolved(text) == [(dt.date(2021, 1, 1), 1)]


def test_a_plain_two_day_range_is_not_a_night() -> None:
    text = "Traders struck from 14 to 15 March 2021 in Tarso."
    assert _resolved(text) == [(dt.date(2021, 3, 14), 2)]
