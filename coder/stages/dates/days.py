"""Calendar helpers shared by reading and resolving dates."""

from __future__ import annotations

import calendar
import datetime as dt


def safe_date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    """The date, or None when a part is missing or the day does not exist (31 June)."""
    if y is None or m is None or d is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def month_day(y: int, m: int, day: int) -> dt.date:
    """Day `day` of a month, or its last day when the month is shorter."""
    return dt.date(y, m, min(day, last_day(y, m)))
