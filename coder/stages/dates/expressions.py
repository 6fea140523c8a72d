"""Date expressions found in a sentence, not yet resolved: where the grammar matches, and what
each match says (a day, a range, a month, a weekday, a relative day or a year)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from coder.models import DateExpression, Span
from coder.stages.dates.days import safe_date
from coder.stages.dates.grammar import DIGITS, Grammar, grammar, key

if TYPE_CHECKING:
    from coder.text.tokens import Token

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[A-Za-z]+|\d+")
_TOKEN_STARTS_MAX = 100_000


def _int_day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _word_starts(text: str, g: Grammar) -> Iterator[tuple[int, re.Pattern[str]]]:
    """(offset, regex) of every word of `text` that can start an expression."""
    regexes = g.regexes
    for w in _WORD.finditer(text):
        word = w.group()
        regex = regexes.get(DIGITS if word[0].isdigit() else word.lower())
        if regex is not None:
            yield w.start(), regex


def _token_starts(tokens: list[Token], g: Grammar) -> Iterator[tuple[int, re.Pattern[str]]]:
    """The same starts as `_word_starts(text)`, read from the text's tokens.

    A `_WORD` run (letters or digits) never crosses a token boundary: tokens partition the
    text's non-space characters and split only at characters that are neither ASCII letters
    nor digits. So the runs of the text are the runs inside each token's text, and those are
    looked up once per distinct token text instead of once per word of every sentence."""
    cache = g.token_starts
    for tok in tokens:
        found = cache.get(tok.text)
        if found is None:
            found = tuple(_word_starts(tok.text, g))
            if len(cache) < _TOKEN_STARTS_MAX:
                cache[tok.text] = found
        if found:
            start = tok.start
            for offset, regex in found:
                yield start + offset, regex


def find_date_expressions(text: str, tokens: list[Token] | None = None) -> list[DateExpression]:
    """Every date expression in one sentence, spans relative to `text`, not resolved.

    `tokens`, when given, must be `tokenize(text)`: they find the same expressions faster."""
    g = grammar()
    if not _DIGIT.search(text):
        # cheap pre-check: no digit and no date stem, no date expression
        low = text.lower()
        if not any(stem in low for stem in g.stems):
            return []
    out: list[DateExpression] = []
    # Try the big pattern only where an expression can start: running it over every character
    # costs ten times more.
    done = 0
    for pos, regex in _word_starts(text, g) if tokens is None else _token_starts(tokens, g):
        if pos < done:
            continue
        m = regex.match(text, pos)
        if m is None:
            continue
        done = m.end()
        expr = _expression(m, g)
        if expr is not None:
            out.append(_night(expr, text, g))
    return out


def _night(expr: DateExpression, text: str, g: Grammar) -> DateExpression:
    """A two-day range led by "the night of" (night_leads.csv) as its second day, the morning
    the night ended in ("the night of 4 to 5 June" -> 5 June); any other expression
    as it is."""
    if expr.kind != "range" or expr.offset_days != 1 or expr.month is None or expr.day is None:
        return expr
    before = " ".join(text[: expr.span.start].lower().split())
    if not before.endswith(g.night_leads):
        return expr
    first = safe_date(expr.year or 2001, expr.month, expr.day)  # any non-leap year measures it
    if first is None:
        return expr
    last = first + dt.timedelta(days=1)
    year = None if expr.year is None else last.year
    return DateExpression(expr.span, "explicit", year=year, month=last.month, day=last.day,
                          precision=1)


def _month(g: Grammar, name: str) -> int:
    return g.months[name.lower().rstrip(".")]


def _expression(m: re.Match[str], g: Grammar) -> DateExpression | None:
    """What one grammar match says; None for a match that names no possible date. Exactly one
    alternative matched, so only its named groups are set."""
    span = Span(m.start(), m.end(), m.group(0))
    gd: Any = m.groupdict()  # groups of the alternatives this regex holds
    if gd.get("iso_y") or gd.get("num_a"):
        return _numeric(span, gd)
    if gd.get("wl_p"):
        return _week_of(span, g, gd)
    if gd.get("xb") or gd.get("xr") or gd.get("rdm_m") or gd.get("rmd_m"):
        return _day_range(span, g, gd)
    if gd.get("dmy_m") or gd.get("mdy_m"):
        return _day_of_month(span, g, gd)
    if gd.get("mon_m") or gd.get("rmp_r") or gd.get("my_m"):
        return _month_expression(span, g, gd)
    if gd.get("wkr_a") or gd.get("wk_d"):
        return _weekday_expression(span, g, gd)
    return _relative_expression(span, g, gd)


def _numeric(span: Span, gd: Any) -> DateExpression | None:
    """ "2021-11-07", "25/10/2021", and "07/11/2021" read day-first."""
    if gd.get("iso_y"):
        return _explicit(span, int(gd.get("iso_y")), int(gd.get("iso_m")), int(gd.get("iso_d")))
    a, b, yy = int(gd["num_a"]), int(gd.get("num_b") or gd["num_bd"]), int(gd["num_y"])
    full_year = yy + 2000 if yy < 100 else yy
    if a > 12 and b <= 12:
        return _explicit(span, full_year, b, a)
    if b > 12 and a <= 12:
        return _explicit(span, full_year, a, b)
    # "07/11/2021" reads either way: day-first, as ACLED's notes and most of the world write
    # it (parse_date_text, which reads metadata stamps, still refuses to guess)
    return _explicit(span, full_year, b, a)


def _day_range(span: Span, g: Grammar, gd: Any) -> DateExpression | None:
    """ "between 3 and 5 May", "May 3-5", "30 October to 2 November": a range of days."""
    for p in ("xb", "xr"):
        if gd.get(p):
            return _cross_month_range(span, g, gd.get(p), gd.get(f"{p}2"), gd.get(f"{p}_y"))
    p = "rdm" if gd.get("rdm_m") else "rmd"
    d1, d2 = _int_day(gd.get(f"{p}_d1")), _int_day(gd.get(f"{p}_d2"))
    if d2 <= d1:
        return None
    y = int(gd[f"{p}_y"]) if gd.get(f"{p}_y") else None
    month = _month(g, gd.get(f"{p}_m"))
    end = safe_date(y, month, d2) if y else None
    return DateExpression(span, "range", year=y, month=month, day=d1,
                          offset_days=d2 - d1, precision=2, end=end)


def _week_of(span: Span, g: Grammar, gd: Any) -> DateExpression | None:
    """ "the week of 16 July", "the week ending 8 March 2020": that week, as a range."""
    lead = g.week_leads[key(gd.get("wl_p"))]
    month, day = _day_month(g, gd.get("wl_x"))
    year = int(gd["wl_y"]) if gd.get("wl_y") else None
    # without a year, any year with the day measures the shift (a leap one for 29 February)
    named = safe_date(year or (2000 if (month, day) == (2, 29) else 2001), month, day)
    if named is None:
        return None
    start = named + dt.timedelta(days=lead.start)
    return DateExpression(span, "range", year=start.year if year else None, month=start.month,
                          day=start.day, offset_days=lead.days, precision=2,
                          end=start + dt.timedelta(days=lead.days) if year else None)


def _day_of_month(span: Span, g: Grammar, gd: Any) -> DateExpression | None:
    """ "Sunday 7 November 2021", "Nov. 7", "the seventh of November": one day."""
    p = "dmy" if gd.get("dmy_m") else "mdy"
    d = (_int_day(gd.get(f"{p}_d")) if gd.get(f"{p}_d")
         else g.ordinals[key(gd.get(f"{p}_o"))])
    year: int | None = int(gd[f"{p}_y"]) if gd.get(f"{p}_y") else None
    return _explicit(span, year, _month(g, gd[f"{p}_m"]), d)


def _month_expression(span: Span, g: Grammar, gd: Any) -> DateExpression:
    """ "early October", "at the end of last month", "January 2020": a month or part of one."""
    if gd.get("mon_m"):
        part = g.month_parts.get(key(gd.get("mon_p")) if gd.get("mon_p") else "")
        mon_year: int | None = int(gd["mon_y"]) if gd.get("mon_y") else None
        return DateExpression(span, "month", year=mon_year, month=_month(g, gd.get("mon_m")),
                              day=part.day if part else 15,
                              precision=part.precision if part else 3)
    if gd.get("rmp_r"):
        part = g.month_parts[key(gd.get("rmp_p"))]
        rel = g.relative[key(gd.get("rmp_r"))]
        return DateExpression(span, "month", offset_days=rel.offset_days, day=part.day,
                              precision=part.precision)
    return DateExpression(span, "month", year=int(gd["my_y"]), month=_month(g, gd["my_m"]),
                          day=15, precision=3)


def _weekday_expression(span: Span, g: Grammar, gd: Any) -> DateExpression:
    """ "from Monday to Wednesday" (a range), "late on Sunday", "last Friday"."""
    if gd.get("wkr_a"):
        a, b = g.weekdays[gd.get("wkr_a").lower()], g.weekdays[gd.get("wkr_b").lower()]
        return DateExpression(span, "range", weekday=a, offset_days=(b - a) % 7, precision=2)
    direction = g.directions.get(key(gd.get("wk_dir")), 0) if gd.get("wk_dir") else 0
    return DateExpression(span, "weekday", weekday=g.weekdays[gd.get("wk_d").lower()],
                          offset_days=direction, precision=1)


def _relative_expression(span: Span, g: Grammar, gd: Any) -> DateExpression | None:
    """ "two days ago", "last night", "on the 7th", "in 2019"."""
    if gd.get("ago_u"):
        n_text = gd.get("ago_n").lower()
        n = int(n_text) if n_text.isdigit() else g.numbers.get(n_text, 0)
        unit = g.ago[gd.get("ago_u").lower()]
        return DateExpression(span, unit.kind, offset_days=-n * unit.days,
                              precision=unit.precision)
    if gd.get("rel"):
        row = g.relative[key(gd.get("rel"))]
        return DateExpression(span, row.kind, offset_days=row.offset_days,
                              precision=row.precision, weekday=5 if row.weekend else None)
    if gd.get("don_d"):
        return DateExpression(span, "explicit", day=int(gd.get("don_d")), precision=1)
    if gd.get("yr_y"):
        return DateExpression(span, "year", year=int(gd.get("yr_y")), precision=3)
    return None


_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?([A-Za-z]+\.?)")
_MONTH_DAY = re.compile(r"([A-Za-z]+\.?)\s+(\d{1,2})")


def _day_month(g: Grammar, text: str) -> tuple[int, int]:
    """(month, day) of "30 October", "30th of Oct." or "October 30"."""
    m = _DAY_MONTH.match(text)
    if m:
        return _month(g, m.group(2)), int(m.group(1))
    m = _MONTH_DAY.match(text)
    assert m is not None  # the grammar only hands over these two shapes
    return _month(g, m.group(1)), int(m.group(2))


def _cross_month_range(span: Span, g: Grammar, first_text: str, last_text: str,
                       year_text: str | None) -> DateExpression | None:
    """ "between 30 October and 2 November [2021]": a range over two months."""
    (m1, d1), (m2, d2) = _day_month(g, first_text), _day_month(g, last_text)
    y2 = int(year_text) if year_text else 2001  # any non-leap year measures the length
    y1 = y2 - 1 if m1 > m2 else y2
    start, end = safe_date(y1, m1, d1), safe_date(y2, m2, d2)
    if start is None or end is None or end <= start or (end - start).days > 62:
        return None
    return DateExpression(span, "range", year=y1 if year_text else None, month=m1, day=d1,
                          offset_days=(end - start).days, precision=2,
                          end=end if year_text else None)


def _explicit(span: Span, y: int | None, m: int, d: int) -> DateExpression | None:
    """A dated day, or None for an impossible one."""
    if not 1 <= m <= 12 or not 1 <= d <= 31 or (y is not None and safe_date(y, m, d) is None):
        return None
    return DateExpression(span, "explicit", year=y, month=m, day=d, precision=1)
