"""Date expressions in news text, and their resolution against a publication date.

`find_date_expressions` finds explicit dates ("7 November 2021", "Nov. 7", "2021-11-07"),
weekdays ("late on Sunday", "Friday's attack"), relative days ("yesterday", "last night",
"two days ago"), weeks, months ("early October"), years ("in 2019") and ranges ("between 3 and
5 May"), all with one compiled regex built from the word lists in coder/data/dates/.
`resolve_date` turns one into a day and an ACLED time precision (codebooks.md 1.4).
`parse_date_text` reads a whole metadata value or date line; dateparser is its cached fallback.

Conventions: a weekday is the latest such day on or before the anchor ("last Friday": strictly
before; "next Monday": strictly after); "last night" and "overnight" are the day before the
anchor (ACLED practice for overnight events reported next day); "last week" is the Wednesday of
the previous week (precision 2); a month is its 15th, or its first/last day for "early"/"late"
(precision 3); "the first week of May" is the middle of that week (precision 2); "at the end of
last month" is that month's last day; a year is its 1 July (precision 3, kind "year": callers
usually reject it), and "earlier this year" the 15th of the month halfway between 1 January and
the anchor; an explicit date without a year takes the latest year that puts it no more than 60
days after the anchor; a range ("between 3 and 5 May", "30 October to 2 November") is its
middle day (precision 2 up to a week, else 3).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from coder.dictionaries.files import read_csv_models, register_cache
from coder.models import DateExpression, ResolvedDate, Span
from coder.text.numbers import cardinal_words, ordinal_words

if TYPE_CHECKING:
    from coder.text.tokens import Token

FUTURE_TOLERANCE = dt.timedelta(days=60)  # an undated "Nov. 29" may be a coming event


class MonthRow(BaseModel):
    name: str = Field(min_length=3)
    month: int = Field(ge=1, le=12)
    abbreviation: bool


class WeekdayRow(BaseModel):
    name: str = Field(min_length=3)
    weekday: int = Field(ge=0, le=6)
    prose: bool


class WeekdayWordRow(BaseModel):
    phrase: str = Field(min_length=1)
    role: Literal["past", "future", "before", "after"]


class RelativeRow(BaseModel):
    phrase: str = Field(min_length=1)
    kind: Literal["relative", "week", "month", "year"]
    offset_days: int
    precision: int = Field(ge=1, le=3)
    weekend: bool


class AgoUnitRow(BaseModel):
    unit: str = Field(min_length=1)
    days: int = Field(ge=1)
    kind: Literal["relative", "week", "month", "year"]
    precision: int = Field(ge=1, le=3)


class MonthPartRow(BaseModel):
    phrase: str = Field(min_length=1)
    day: int = Field(ge=1, le=31)
    precision: int = Field(default=3, ge=2, le=3)


@dataclass(slots=True, frozen=True)
class _Grammar:
    regex: re.Pattern[str]
    months: dict[str, int]  # lower-case name without dot -> month
    weekdays: dict[str, int]
    directions: dict[str, int]  # "last" -> -1, "next" -> +1
    relative: dict[str, RelativeRow]
    ago: dict[str, AgoUnitRow]
    month_parts: dict[str, MonthPartRow]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    regexes: dict[str, re.Pattern[str]]  # start word ("#": digits) -> its alternatives
    # token text -> (offset, regex) of each start word inside it; almost always empty, so a
    # sentence's tokens are screened with one dict probe each (bounded, see _token_starts)
    token_starts: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = field(
        default_factory=dict
    )


def _alt(phrases: list[str]) -> str:
    """A regex alternation, longest first, with spaces matching any whitespace or hyphen.

    Written as a prefix tree ("t(?:hir(?:teenth|d)|wenty)"): the regex engine tries the
    alternatives of a group one by one, and most of the grammar's time went into failing a
    hundred ordinals or phrases at every candidate word. The tree tries the same alternatives
    in the same order (see `_tree`), so every match is the one the flat alternation finds."""
    uniq = sorted(set(phrases), key=len, reverse=True)
    return _tree([tuple(p) for p in uniq])


def _unit(c: str) -> str:
    return r"[\s-]+" if c == " " else re.escape(c)  # a space matches any white space or hyphen


def _overlap(a: str, b: str) -> bool:
    """Whether two phrase characters' units may match the same text character, in a
    case-insensitive context too (anything not plain ASCII counts as overlapping)."""
    if " " in (a, b):
        other = b if a == " " else a
        return other == "-" or other.isspace() or not other.isascii()
    return not (a.isascii() and b.isascii()) or a.lower() == b.lower()


def _tree(seqs: list[tuple[str, ...]]) -> str:
    """One regex for phrases (as character tuples) tried in the given, longest-first order.

    Phrases are grouped by their first character and the rest is built recursively. The
    engine then tries them in the same order: groups whose first units never match the same
    character exclude each other; within a group longer phrases come first, and a phrase that
    ends here is the shortest, tried last (a greedy `?`). That argument needs every unit but
    the space to match exactly one character, and a shared space (which matches a variable
    length) to be followed in each phrase by a unit that cannot match a space, so that only
    one length of it can succeed. Where it fails, the phrases stay a plain alternation in the
    given order."""
    if len(seqs) == 1:
        return "".join(_unit(c) for c in seqs[0])
    groups: dict[str, list[tuple[str, ...]]] = {}
    ended = False
    for seq in seqs:
        if seq:
            groups.setdefault(seq[0], []).append(seq[1:])
        else:
            ended = True
    firsts = list(groups)
    safe = not any(_overlap(a, b) for i, a in enumerate(firsts) for b in firsts[i + 1 :])
    after_space = groups.get(" ", [])
    if len(after_space) > 1 and not all(rest and not _overlap(rest[0], " ")
                                        for rest in after_space):
        safe = False
    if not safe:
        return "(?:" + "|".join("".join(_unit(c) for c in seq) for seq in seqs) + ")"
    parts = [_unit(first) + _tree(rest) for first, rest in groups.items()]
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if ended else body


def _cased(names: list[str]) -> list[str]:
    return names + [n.upper() for n in names]


@register_cache
@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    months = read_csv_models("dates/months.csv", MonthRow)
    weekdays = read_csv_models("dates/weekdays.csv", WeekdayRow)
    wwords = read_csv_models("dates/weekday_words.csv", WeekdayWordRow)
    relative = read_csv_models("dates/relative.csv", RelativeRow)
    ago = read_csv_models("dates/ago_units.csv", AgoUnitRow)
    parts = read_csv_models("dates/month_parts.csv", MonthPartRow)
    ordinals = ordinal_words()
    numbers = cardinal_words()

    full = _alt(_cased([m.name for m in months if not m.abbreviation]))
    abbr = _alt(_cased([m.name for m in months if m.abbreviation]))
    month_any = rf"(?:(?:{full})(?![A-Za-z])|(?:{abbr})(?![A-Za-z])\.?)"
    month_full = rf"(?:{full})(?![A-Za-z])"
    wd_any = rf"(?:{_alt(_cased([w.name for w in weekdays]))})(?![A-Za-z])\.?"
    wd = rf"(?:{_alt(_cased([w.name for w in weekdays if w.prose]))})(?![A-Za-z])"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    ordinal = _alt([o.replace(" ", "-") for o in ordinals]).replace(r"\-", r"[\s-]")
    year = r"(?:19|20)\d\d(?!\d)"
    joiner = r"\s*(?:-|\u2013|(?i:to|and|until|till|through))\s*"
    # across two months ("30 October to 2 November"): a bare "and" only after "between"
    span_to = r"\s*(?:-|\u2013|(?i:to|until|till|through))\s*"
    dm = rf"(?:{day})\s+(?:(?i:of)\s+)?(?:{month_any})"
    md = rf"(?:{month_any})\s+(?:{day})"

    def words(role: str) -> str:
        return _alt([w.phrase for w in wwords if w.role == role])

    wdir = _alt([w.phrase for w in wwords if w.role in ("past", "future")])

    def first(phrases: list[str]) -> set[str]:
        return {p.lower().replace("-", " ").split()[0] for p in phrases}

    digit = {"#"}  # any word of digits
    month_w = first([m.name for m in months])
    wd_any_w = first([w.name for w in weekdays])
    wd_w = first([w.name for w in weekdays if w.prose])
    ord_w = first(list(ordinals))
    # (pattern, the words it can start with): each start word gets a regex of its own
    # alternatives only, since trying all of them at every word is ten times slower
    alternatives: list[tuple[str, set[str]]] = [
        (rf"(?<![\d/.])(?P<iso_y>{year})[-/](?P<iso_m>1[0-2]|0?[1-9])[-/](?P<iso_d>[12]\d|3[01]|0?[1-9])(?!\d)", digit),  # noqa: E501
        (r"(?<![\d/.])(?P<num_a>\d{1,2})[/.](?P<num_b>\d{1,2})[/.](?P<num_y>(?:19|20)\d\d|\d\d)(?![\d/])", digit),  # noqa: E501
        (rf"(?i:between)\s+(?P<xb>{dm}|{md})\s+(?i:and)\s+(?P<xb2>{dm}|{md})(?:,?\s+(?P<xb_y>{year}))?", {"between"}),  # noqa: E501
        (rf"(?:(?i:from)\s+)?(?P<xr>{dm}|{md}){span_to}(?P<xr2>{dm}|{md})(?:,?\s+(?P<xr_y>{year}))?", digit | month_w | {"from"}),  # noqa: E501
        (rf"(?:(?i:between|from)\s+)?(?P<rdm_d1>{day}){joiner}(?P<rdm_d2>{day})\s+(?:(?i:of)\s+)?(?P<rdm_m>{month_any})(?:,?\s+(?P<rdm_y>{year}))?", digit | {"between", "from"}),  # noqa: E501
        (rf"(?:(?i:between|from)\s+)?(?P<rmd_m>{month_any})\s+(?P<rmd_d1>{day}){joiner}(?P<rmd_d2>{day})(?:,?\s+(?P<rmd_y>{year}))?", month_w | {"between", "from"}),  # noqa: E501
        (rf"(?:(?P<dmy_w>{wd_any}),?\s+)?(?:(?i:the)\s+)?(?:(?P<dmy_d>{day})|(?P<dmy_o>(?i:{ordinal}))(?![a-z]))\s+(?:(?i:of)\s+)?(?P<dmy_m>{month_any})(?:,?\s+(?P<dmy_y>{year}))?", wd_any_w | digit | ord_w | {"the"}),  # noqa: E501
        (rf"(?:(?P<mdy_w>{wd_any}),?\s+)?(?P<mdy_m>{month_any})\s+(?:(?i:the)\s+)?(?:(?P<mdy_d>{day})|(?P<mdy_o>(?i:{ordinal}))(?![a-z]))(?:,?\s+(?P<mdy_y>{year}))?", wd_any_w | month_w),  # noqa: E501
        # a bare month needs a lead word ("in May", "early May"): "May" alone is often the verb
        (rf"(?P<mon_p>(?i:{_alt(list(p.phrase for p in parts))}))[\s-]+(?P<mon_m>{month_full})(?:,?\s+(?P<mon_y>{year}))?", first([p.phrase for p in parts])),  # noqa: E501
        (rf"(?P<rmp_p>(?i:{_alt(list(p.phrase for p in parts))}))[\s-]+(?P<rmp_r>(?i:{_alt([r.phrase for r in relative if r.kind == 'month'])}))(?![a-z])", first([p.phrase for p in parts])),  # noqa: E501
        (rf"(?P<my_m>{month_any}),?\s+(?P<my_y>{year})", month_w),
        (rf"(?i:from|between)\s+(?P<wkr_a>{wd})\s+(?i:to|and|until|till|through)\s+(?P<wkr_b>{wd})", {"from", "between"}),  # noqa: E501
        (rf"(?:(?P<wk_dir>(?i:{wdir}))\s+)?(?:(?i:{words('before')})\s+)?(?P<wk_d>{wd})(?:'s|\u2019s)?(?:\s+(?i:{words('after')})(?![a-z]))?", wd_w | first([w.phrase for w in wwords if w.role != "after"])),  # noqa: E501
        (rf"(?i:\b(?P<ago_n>\d{{1,3}}|{_alt(list(numbers))})\s+(?P<ago_u>{_alt([a.unit for a in ago])})\s+ago\b)", digit | set(numbers)),  # noqa: E501
        (rf"(?i:\b(?P<rel>{_alt([r.phrase for r in relative])})\b)", first([r.phrase for r in relative])),  # noqa: E501
        (rf"(?i:\bon\s+the\s+)(?P<don_d>[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)\b(?!\s+(?:(?i:of)\s+)?{month_any})", {"on"}),  # noqa: E501
        (rf"(?i:\b(?P<yr_p>in|during|since|throughout|until|early|late|mid))[\s-]+(?P<yr_y>{year})(?![\d/-])", {"in", "during", "since", "throughout", "until", "early", "late", "mid"}),  # noqa: E501
    ]
    by_word: dict[str, list[int]] = {}
    for index, (_, words_) in enumerate(alternatives):
        for w in words_:
            by_word.setdefault(w, []).append(index)
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
    regexes: dict[str, re.Pattern[str]] = {}
    for w, indexes in by_word.items():
        key = tuple(indexes)
        if key not in compiled:
            compiled[key] = re.compile("|".join(alternatives[i][0] for i in key))
        regexes[w] = compiled[key]
    return _Grammar(
        regex=re.compile("|".join(a[0] for a in alternatives)),
        regexes=regexes,
        months={m.name.lower(): m.month for m in months},
        weekdays={w.name.lower(): w.weekday for w in weekdays},
        directions={w.phrase: (-1 if w.role == "past" else 1)
                    for w in wwords if w.role in ("past", "future")},
        relative={r.phrase: r for r in relative},
        ago={a.unit: a for a in ago},
        month_parts={_key(p.phrase): p for p in parts},
        numbers=numbers,
        ordinals=ordinals,
    )


# Cheap pre-check: a sentence with no digit and none of these stems holds no date expression.
_DIGIT = re.compile(r"\d")
_STEMS = (
    "day", "night", "week", "month", "year", "ago", "morning", "afternoon", "evening",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)
_WORD = re.compile(r"[A-Za-z]+|\d+")


def _key(word: str) -> str:
    return " ".join(word.lower().replace("-", " ").split())


def _int_day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _word_starts(text: str, g: _Grammar) -> Iterator[tuple[int, re.Pattern[str]]]:
    """(offset, regex) of every word of `text` that can start an expression."""
    regexes = g.regexes
    for w in _WORD.finditer(text):
        word = w.group()
        regex = regexes.get("#" if word[0].isdigit() else word.lower())
        if regex is not None:
            yield w.start(), regex


_TOKEN_STARTS_MAX = 100_000


def _token_starts(tokens: list[Token], g: _Grammar) -> Iterator[tuple[int, re.Pattern[str]]]:
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
    if not _DIGIT.search(text):
        low = text.lower()
        if not any(stem in low for stem in _STEMS):
            return []
    g = _grammar()
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
            out.append(expr)
    return out


def _month(g: _Grammar, name: str) -> int:
    return g.months[name.lower().rstrip(".")]


def _expression(m: re.Match[str], g: _Grammar) -> DateExpression | None:
    span = Span(m.start(), m.end(), m.group(0))
    gd: Any = m.groupdict()  # groups of the alternatives this regex holds
    if gd.get("iso_y"):
        return _explicit(span, int(gd.get("iso_y")), int(gd.get("iso_m")), int(gd.get("iso_d")))
    if gd.get("num_a"):
        a, b, yy = int(gd["num_a"]), int(gd["num_b"]), int(gd["num_y"])
        full_year = yy + 2000 if yy < 100 else yy
        if a > 12 and b <= 12:
            return _explicit(span, full_year, b, a)
        if b > 12 and a <= 12:
            return _explicit(span, full_year, a, b)
        if a == b:
            return _explicit(span, full_year, a, a)
        return None  # "07/11/2021": day-first or month-first, we cannot tell
    for p in ("xb", "xr"):
        if gd.get(p):
            return _cross_month_range(span, g, gd.get(p), gd.get(f"{p}2"), gd.get(f"{p}_y"))
    for p in ("rdm", "rmd"):
        if gd.get(f"{p}_m"):
            d1, d2 = _int_day(gd.get(f"{p}_d1")), _int_day(gd.get(f"{p}_d2"))
            if d2 <= d1:
                return None
            y = int(gd[f"{p}_y"]) if gd.get(f"{p}_y") else None
            month = _month(g, gd.get(f"{p}_m"))
            end = _safe_date(y, month, d2) if y else None
            return DateExpression(span, "range", year=y, month=month, day=d1,
                                  offset_days=d2 - d1, precision=2, end=end)
    for p in ("dmy", "mdy"):
        if gd.get(f"{p}_m"):
            d = (_int_day(gd.get(f"{p}_d")) if gd.get(f"{p}_d")
                 else g.ordinals[_key(gd.get(f"{p}_o"))])
            year: int | None = int(gd[f"{p}_y"]) if gd.get(f"{p}_y") else None
            return _explicit(span, year, _month(g, gd[f"{p}_m"]), d)
    if gd.get("mon_m"):
        part = g.month_parts.get(_key(gd.get("mon_p")) if gd.get("mon_p") else "")
        mon_year: int | None = int(gd["mon_y"]) if gd.get("mon_y") else None
        return DateExpression(span, "month", year=mon_year, month=_month(g, gd.get("mon_m")),
                              day=part.day if part else 15,
                              precision=part.precision if part else 3)
    if gd.get("rmp_r"):
        part = g.month_parts[_key(gd.get("rmp_p"))]
        rel = g.relative[_key(gd.get("rmp_r"))]
        return DateExpression(span, "month", offset_days=rel.offset_days, day=part.day,
                              precision=part.precision)
    if gd.get("my_m"):
        return DateExpression(span, "month", year=int(gd["my_y"]), month=_month(g, gd["my_m"]),
                              day=15, precision=3)
    if gd.get("wkr_a"):
        a, b = g.weekdays[gd.get("wkr_a").lower()], g.weekdays[gd.get("wkr_b").lower()]
        return DateExpression(span, "range", weekday=a, offset_days=(b - a) % 7, precision=2)
    if gd.get("wk_d"):
        direction = g.directions.get(_key(gd.get("wk_dir")), 0) if gd.get("wk_dir") else 0
        return DateExpression(span, "weekday", weekday=g.weekdays[gd.get("wk_d").lower()],
                              offset_days=direction, precision=1)
    if gd.get("ago_u"):
        n_text = gd.get("ago_n").lower()
        n = int(n_text) if n_text.isdigit() else g.numbers.get(n_text, 0)
        unit = g.ago[gd.get("ago_u").lower()]
        return DateExpression(span, unit.kind, offset_days=-n * unit.days,
                              precision=unit.precision)
    if gd.get("rel"):
        row = g.relative[_key(gd.get("rel"))]
        return DateExpression(span, row.kind, offset_days=row.offset_days,
                              precision=row.precision, weekday=5 if row.weekend else None)
    if gd.get("don_d"):
        return DateExpression(span, "explicit", day=int(gd.get("don_d")), precision=1)
    if gd.get("yr_y"):
        return DateExpression(span, "year", year=int(gd.get("yr_y")), precision=3)
    return None


_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:(?i:of)\s+)?([A-Za-z]+\.?)")
_MONTH_DAY = re.compile(r"([A-Za-z]+\.?)\s+(\d{1,2})")


def _day_month(g: _Grammar, text: str) -> tuple[int, int]:
    """(month, day) of "30 October", "30th of Oct." or "October 30"."""
    m = _DAY_MONTH.match(text)
    if m:
        return _month(g, m.group(2)), int(m.group(1))
    m = _MONTH_DAY.match(text)
    assert m is not None  # the grammar only hands over these two shapes
    return _month(g, m.group(1)), int(m.group(2))


def _cross_month_range(span: Span, g: _Grammar, first_text: str, last_text: str,
                       year_text: str | None) -> DateExpression | None:
    """ "between 30 October and 2 November [2021]": a range over two months."""
    (m1, d1), (m2, d2) = _day_month(g, first_text), _day_month(g, last_text)
    y2 = int(year_text) if year_text else 2001  # any non-leap year measures the length
    y1 = y2 - 1 if m1 > m2 else y2
    start, end = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
    if start is None or end is None or end <= start or (end - start).days > 62:
        return None
    return DateExpression(span, "range", year=y1 if year_text else None, month=m1, day=d1,
                          offset_days=(end - start).days, precision=2,
                          end=end if year_text else None)


def _safe_date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _explicit(span: Span, y: int | None, m: int, d: int) -> DateExpression | None:
    if not 1 <= m <= 12 or not 1 <= d <= 31 or (y is not None and _safe_date(y, m, d) is None):
        return None
    return DateExpression(span, "explicit", year=y, month=m, day=d, precision=1)


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month_day(y: int, m: int, day: int) -> dt.date:
    return dt.date(y, m, min(day, _last_day(y, m)))


def _year_for(m: int, d: int, anchor: dt.date) -> dt.date | None:
    """The latest date m/d no more than FUTURE_TOLERANCE after the anchor."""
    for y in (anchor.year + 1, anchor.year, anchor.year - 1, anchor.year - 2):
        cand = _safe_date(y, m, d)
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
    if e.kind == "explicit":
        if e.year is not None and e.month is not None and e.day is not None:
            return ResolvedDate(dt.date(e.year, e.month, e.day), 1, "explicit")
        if anchor is None or e.day is None:
            return None
        if e.month is None:  # "on the 7th": this month, or the last if still to come
            cand = _safe_date(anchor.year, anchor.month, e.day)
            if cand is None or cand > anchor:
                prev = anchor.replace(day=1) - dt.timedelta(days=1)
                cand = _safe_date(prev.year, prev.month, e.day)
            return ResolvedDate(cand, 1, "relative") if cand else None
        found = _year_for(e.month, e.day, anchor)
        return ResolvedDate(found, 1, "explicit") if found else None
    if e.kind == "year":
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
    if e.kind == "month":
        return _resolve_month(e, anchor)
    if e.kind == "range":
        return _resolve_range(e, anchor)
    if anchor is None:
        return None
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
    day = e.day or 15
    if e.month is not None:
        if e.year is not None:
            return ResolvedDate(_month_day(e.year, e.month, day), e.precision, "explicit")
        if anchor is None:
            return None
        first = _year_for(e.month, 1, anchor)
        found = _month_day(first.year, e.month, day) if first else None
        return ResolvedDate(found, e.precision, "explicit") if found else None
    if anchor is None:
        return None
    base = anchor
    if e.offset_days < 0:  # "last month", "two months ago"
        for _ in range(-e.offset_days // 30):
            base = base.replace(day=1) - dt.timedelta(days=1)
    return ResolvedDate(min(_month_day(base.year, base.month, day), anchor), e.precision,
                        "relative")


def _resolve_range(e: DateExpression, anchor: dt.date | None) -> ResolvedDate | None:
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


# --------------------------------------------------------------------------------------------
# Whole-string dates: metadata values and date lines
# --------------------------------------------------------------------------------------------

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


def parse_date_text(value: str) -> dt.date | None:
    """The date of a whole string that is a date or datetime; None for anything else."""
    s = value.strip()
    if not s or len(s) > 64:
        return None
    m = _ISO_DATETIME.match(s)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for expr in find_date_expressions(s):
        if expr.kind != "explicit" or expr.year is None:
            continue
        rest = s[: expr.span.start] + " " + s[expr.span.end:]
        if _LEFTOVER.match(rest):
            return _safe_date(expr.year, expr.month, expr.day)
    if _YEAR.search(s) and len(s.split()) <= 8 and not re.search(r"\d{1,2}/\d{1,2}/", s):
        return _dateparser(s)
    return None


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
