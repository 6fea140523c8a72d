"""Whole-string dates: a metadata value or a date line read as one date, with dateparser as the
cached fallback for other languages and odd layouts (imported only when it is needed)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from coder.stages.dates.days import safe_date
from coder.stages.dates.expressions import find_date_expressions

_ISO_DATETIME = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?\s*$"
)
# What may surround the date on a date line: times, zones, "Updated", separators.
_LEFTOVER = re.compile(
    r"^(?:\s|[,.|:;\-/()\u2013\u2014]|\d{1,2}[:.h]\d{1,2}(?:[:.]\d{1,2})?"
    r"|(?i:a\.?m\.?|p\.?m\.?|gmt|utc|[a-z]{1,4}t|updated|published|posted|last|on|at|hrs"
    r"|local|time|date|z)(?![a-z])|[+-]\d{2}:?\d{2})*$"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMERIC = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.]")


def parse_date_text(value: str) -> dt.date | None:
    """The date of a whole string that is a date or datetime; None for anything else."""
    s = value.strip()
    if not s or len(s) > 64:
        return None
    m = _ISO_DATETIME.match(s)
    if m:
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for expr in find_date_expressions(s):
        if expr.kind != "explicit" or expr.year is None or _either_way(expr.span.text):
            continue
        rest = s[: expr.span.start] + " " + s[expr.span.end:]
        if _LEFTOVER.match(rest):
            return safe_date(expr.year, expr.month, expr.day)
    if _YEAR.search(s) and len(s.split()) <= 8 and not re.search(r"\d{1,2}/\d{1,2}/", s):
        return _dateparser(s)
    return None


def _either_way(text: str) -> bool:
    """Whether a numeric date reads both day-first and month-first ("07/11/2021"): running
    text takes it day-first, but a metadata stamp may come from a month-first site."""
    m = _NUMERIC.match(text)
    if m is None:
        return False
    a, b = int(m.group(1)), int(m.group(2))
    return a != b and max(a, b) <= 12


@lru_cache(maxsize=4096)
def _dateparser(s: str) -> dt.date | None:
    """dateparser as the fallback for other languages and odd layouts (cached: it is slow)."""
    import dateparser  # imported lazily: loading it costs ~0.5 s

    parsed = dateparser.parse(
        s,
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": True,
        },
    )
    return parsed.date() if parsed else None
