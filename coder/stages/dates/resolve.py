"""Resolution of a date expression against the publication date (the anchor): a day and an
ACLED time precision (codebooks.md 1.4)."""

from __future__ import annotations

import datetime as dt

from coder.models import DateExpression, ResolvedDate
from coder.stages.dates.days import month_day, safe_date

# An undated "Nov. 29" is the latest such day on or before the anchor: ACLED codes events that
# took place, and a report (or a note uploaded long after) tells of past days.
FUTURE_TOLERANCE = dt.timedelta(days=0)


def _year_for(m: int, d: int, anchor: dt.date) -> dt.date | None:
    """The latest date m/d no more than FUTURE_TOLERANCE after the anchor."""
    for y in (anchor.year + 1, anchor.year, anchor.year - 1, anchor.year - 2):
        cand = safe_date(y, m, d)
        if cand is not None and cand <= anchor + FUTURE_TOLERANCE:
            return cand
    return None


def _weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def resolve_date(expr: DateExpression, anchor: dt.date | None) -> ResolvedDate | None:
    """The day and ACLED precision of an expression, or None when it cannot be placed."""
    try:
        return _resolve(expr, anchor)
    except (ValueError, OverflowError):
        return None  # an impossible date (31 June) or an absurd offset


def _resolve(e: DateExpression, anchor: dt.date | None) -> ResolvedDate | None:
    """Each kind of expression to its resolver; the near kinds need an anchor."""
    if e.kind == "explicit":
        return _resolve_explicit(e, anchor)
    if e.kind == "year":
        return _resolve_year(e, anchor)
    if e.kind == "month":
        return _resolve_month(e, anchor)
    if e.kind == "range":
        return _resolve_range(e, anchor)
    if anchor is None:
        return None
    return _resolve_near(e, anchor)


def _resolve_explicit(e: DateExpression, anchor: dt.date | None) -> ResolvedDate | None:
    """A dated day; without a year, the latest fitting year; "on the 7th": this month's."""
    if e.year is not None and e.month is not None and e.day is not None:
        return ResolvedDate(dt.date(e.year, e.month, e.day), 1, "explicit")
    if anchor is None or e.day is None:
        return None
    if e.month is None:  # "on the 7th": this month, or the last if still to come
        cand = safe_date(anchor.year, anchor.month, e.day)
        if cand is None or cand > anchor:
            prev = anchor.replace(day=1) - dt.timedelta(days=1)
            cand = safe_date(prev.year, prev.month, e.day)
        return ResolvedDate(cand, 1, "relative") if cand else None
    found = _year_for(e.month, e.day, anchor)
    return ResolvedDate(found, 1, "explicit") if found else None


def _resolve_year(e: DateExpression, anchor: dt.date | None) -> ResolvedDate | None:
    """A year is its 1 July; "earlier this year" the 15th of the month halfway to the anchor."""
    if e.year is not None:
        return ResolvedDate(dt.date(e.year, 7, 1), 3, "explicit")
    if anchor is None:
        return None
    y = anchor.year + e.offset_days // 365
    if y < anchor.year:
        return ResolvedDate(dt.date(y, 7, 1), 3, "relative")
    # "earlier this year": the middle of the months so far, on the 15th (ACLED 1.4)
    middle = dt.date(y, 1, 1) + (anchor - dt.date(y, 1, 1)) / 2
    return ResolvedDate(min(middle.replace(day=15), anchor), 3, "relative")


def _resolve_near(e: DateExpression, anchor: dt.date) -> ResolvedDate | None:
    """Weekdays, relative days, weeks and weekends, counted from the anchor."""
    if e.kind == "weekday" and e.weekday is not None:
        if e.offset_days > 0:
            day = _weekday_on_or_before(anchor + dt.timedelta(days=7), e.weekday)
        else:
            day = _weekday_on_or_before(anchor + dt.timedelta(days=e.offset_days), e.weekday)
        return ResolvedDate(day, 1, "weekday")
    if e.kind == "relative":
        return ResolvedDate(anchor + dt.timedelta(days=e.offset_days), e.precision, "relative")
    if e.kind == "week":
        if e.weekday is not None:  # a weekend: its Saturday
            day = _weekday_on_or_before(anchor, 5)
            if e.offset_days < 0 and anchor.weekday() >= 5:
                day -= dt.timedelta(days=7)
            return ResolvedDate(day, 2, "relative")
        base = anchor + dt.timedelta(days=e.offset_days)
        middle = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=2)
        return ResolvedDate(min(middle, anchor), 2, "relative")
    return None


def _resolve_month(e: DateExpression, anchor: dt.date | None) -> ResolvedDate | None:
    """A month (or part of one) at its day: a named month, or one counted back ("last
    month"), never after the anchor."""
    day = e.day or 15
    if e.month is not None:
        if e.year is not None:
            return ResolvedDate(month_day(e.year, e.month, day), e.precision, "explicit")
        if anchor is None:
            return None
        first = _year_for(e.month, 1, anchor)
        found = month_day(first.year, e.month, day) if first else None
        return ResolvedDate(found, e.precision, "explicit") if found else None
    if anchor is None:
        return None
    base = anchor
    if e.offset_days < 0:  # "last month", "two months ago"
        for _ in range(-e.offset_days // 30):
            base = base.replace(day=1) - dt.timedelta(days=1)
    return ResolvedDate(min(month_day(base.year, base.month, day), anchor), e.precision,
                        "relative")


def _resolve_range(e: DateExpression, anchor: dt.date | None) -> ResolvedDate | None:
    """A range's middle day: precision 2 up to a week, else 3."""
    length = e.offset_days
    if e.weekday is not None and e.month is None:
        if anchor is None:
            return None
        end = _weekday_on_or_before(anchor, (e.weekday + length) % 7)
        start = end - dt.timedelta(days=length)
        basis = "weekday"
    else:
        if e.month is None or e.day is None:
            return None
        if e.year is not None:
            start = dt.date(e.year, e.month, e.day)
        elif anchor is not None:
            found = _year_for(e.month, e.day, anchor)
            if found is None:
                return None
            start = found
        else:
            return None
        basis = "explicit"
    middle = start + dt.timedelta(days=length // 2)
    return ResolvedDate(middle, 2 if length <= 7 else 3, basis)
