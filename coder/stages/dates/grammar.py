"""The date grammar: one regex per word that can start a date expression, built once from the
word lists in coder/data/dates/ (and user dictionaries) by the cached loader `grammar()`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from coder.dictionaries.files import read_csv_models, register_cache
from coder.stages.dates.alternation import alternation
from coder.text.numbers import cardinal_words, ordinal_words


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


class WeekLeadRow(BaseModel):
    phrase: str = Field(min_length=1)
    start: int = Field(ge=-7, le=7)
    days: int = Field(ge=0, le=6)


class NightLeadRow(BaseModel):
    phrase: str = Field(min_length=1)


class YearLeadRow(BaseModel):
    word: str = Field(min_length=1)


class RangeJoinerRow(BaseModel):
    word: str = Field(min_length=1)
    across_months: bool


class StemRow(BaseModel):
    stem: str = Field(min_length=1)


@dataclass(slots=True, frozen=True)
class Grammar:
    months: dict[str, int]  # lower-case name without dot -> month
    weekdays: dict[str, int]
    directions: dict[str, int]  # "last" -> -1, "next" -> +1
    relative: dict[str, RelativeRow]
    ago: dict[str, AgoUnitRow]
    month_parts: dict[str, MonthPartRow]
    week_leads: dict[str, WeekLeadRow]
    night_leads: tuple[str, ...]  # lower-case phrases that make a two-day range one night
    numbers: dict[str, int]
    ordinals: dict[str, int]
    regexes: dict[str, re.Pattern[str]]  # start word ("#": digits) -> its alternatives
    stems: tuple[str, ...]  # a sentence without a digit needs one of these to hold a date
    # token text -> (offset, regex) of each start word inside it; almost always empty, so a
    # sentence's tokens are screened with one dict probe each (bounded, see token_starts)
    token_starts: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = field(
        default_factory=dict
    )


@dataclass(slots=True, frozen=True)
class _Words:
    """The rows of the date word lists, as read."""

    months: list[MonthRow]
    weekdays: list[WeekdayRow]
    wwords: list[WeekdayWordRow]
    relative: list[RelativeRow]
    ago: list[AgoUnitRow]
    parts: list[MonthPartRow]
    week_leads: list[WeekLeadRow]
    year_leads: list[YearLeadRow]
    joiners: list[RangeJoinerRow]
    ordinals: dict[str, int]
    numbers: dict[str, int]


@dataclass(slots=True, frozen=True)
class _Pieces:
    """Sub-patterns that several alternatives share."""

    month_any: str  # a month name, or an abbreviation with an optional dot
    month_full: str
    wd_any: str  # a weekday name or abbreviation
    wd: str  # a weekday name usable in prose
    day: str
    ordinal: str
    year: str
    joiner: str  # between the two days of a range
    span_to: str  # between two dated ends of a range across months
    dm: str  # "30 October"
    md: str  # "October 30"


Alternative = tuple[str, set[str]]  # a pattern and the words it can start with
DIGITS = "#"  # start-word key of any word of digits


def key(word: str) -> str:
    """A phrase's lookup key: lower case, hyphens as spaces, single spaces."""
    return " ".join(word.lower().replace("-", " ").split())


def _cased(names: list[str]) -> list[str]:
    return names + [n.upper() for n in names]


def _first(phrases: list[str]) -> set[str]:
    """The first words of phrases, lower-cased, hyphens as spaces."""
    return {p.lower().replace("-", " ").split()[0] for p in phrases}


def _words() -> _Words:
    """Every date word list, read and validated."""
    return _Words(
        months=read_csv_models("dates/months.csv", MonthRow),
        weekdays=read_csv_models("dates/weekdays.csv", WeekdayRow),
        wwords=read_csv_models("dates/weekday_words.csv", WeekdayWordRow),
        relative=read_csv_models("dates/relative.csv", RelativeRow),
        ago=read_csv_models("dates/ago_units.csv", AgoUnitRow),
        parts=read_csv_models("dates/month_parts.csv", MonthPartRow),
        week_leads=read_csv_models("dates/week_leads.csv", WeekLeadRow),
        year_leads=read_csv_models("dates/year_leads.csv", YearLeadRow),
        joiners=read_csv_models("dates/range_joiners.csv", RangeJoinerRow),
        ordinals=ordinal_words(),
        numbers=cardinal_words(),
    )


def _pieces(w: _Words) -> _Pieces:
    """The shared sub-patterns: month and weekday names, days, years, range joiners."""
    full = alternation(_cased([m.name for m in w.months if not m.abbreviation]))
    abbr = alternation(_cased([m.name for m in w.months if m.abbreviation]))
    month_any = rf"(?:(?:{full})(?![A-Za-z])|(?:{abbr})(?![A-Za-z])\.?)"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    joiners = "|".join(re.escape(j.word) for j in w.joiners)
    across = "|".join(re.escape(j.word) for j in w.joiners if j.across_months)
    return _Pieces(
        month_any=month_any,
        month_full=rf"(?:{full})(?![A-Za-z])",
        wd_any=rf"(?:{alternation(_cased([d.name for d in w.weekdays]))})(?![A-Za-z])\.?",
        wd=rf"(?:{alternation(_cased([d.name for d in w.weekdays if d.prose]))})(?![A-Za-z])",
        day=day,
        ordinal=alternation([o.replace(" ", "-") for o in w.ordinals]).replace(r"\-", r"[\s-]"),
        year=r"(?:19|20)\d\d(?!\d)",
        joiner=rf"\s*(?:-|\u2013|(?i:{joiners}))\s*",
        # across two months ("30 October to 2 November"): a bare "and" only after "between"
        span_to=rf"\s*(?:-|\u2013|(?i:{across}))\s*",
        dm=rf"(?:{day})\s+(?:(?i:of)\s+)?(?:{month_any})",
        md=rf"(?:{month_any})\s+(?:{day})",
    )


def _day_alternatives(w: _Words, p: _Pieces) -> list[Alternative]:
    """The alternatives that name a day of a month: numeric dates, day ranges, "7 November"."""
    digit = {DIGITS}
    month_w = _first([m.name for m in w.months])
    wd_any_w = _first([d.name for d in w.weekdays])
    ord_w = _first(list(w.ordinals))
    year, day, dm, md, month_any = p.year, p.day, p.dm, p.md, p.month_any
    weeks = [r.phrase for r in w.week_leads]
    return [
        (rf"(?P<wl_p>(?i:{alternation(weeks)}))\s+(?P<wl_x>{dm}|{md})(?:,?\s+(?P<wl_y>{year}))?", _first(weeks)),  # noqa: E501
        (rf"(?<![\d/.])(?P<iso_y>{year})[-/](?P<iso_m>1[0-2]|0?[1-9])[-/](?P<iso_d>[12]\d|3[01]|0?[1-9])(?!\d)", digit),  # noqa: E501
        # "25/10/2021", "25.10.21", and with dashes only before a full year ("31-12-2007")
        (r"(?<![\d/.-])(?P<num_a>\d{1,2})(?:[/.](?P<num_b>\d{1,2})[/.]|-(?P<num_bd>\d{1,2})-(?=(?:19|20)\d\d))(?P<num_y>(?:19|20)\d\d|\d\d)(?![\d/-])", digit),  # noqa: E501
        (rf"(?i:between)\s+(?P<xb>{dm}|{md})\s+(?i:and)\s+(?P<xb2>{dm}|{md})(?:,?\s+(?P<xb_y>{year}))?", {"between"}),  # noqa: E501
        (rf"(?:(?i:from)\s+)?(?P<xr>{dm}|{md}){p.span_to}(?P<xr2>{dm}|{md})(?:,?\s+(?P<xr_y>{year}))?", digit | month_w | {"from"}),  # noqa: E501
        (rf"(?:(?i:between|from)\s+)?(?P<rdm_d1>{day}){p.joiner}(?P<rdm_d2>{day})\s+(?:(?i:of)\s+)?(?P<rdm_m>{month_any})(?:,?\s+(?P<rdm_y>{year}))?", digit | {"between", "from"}),  # noqa: E501
        (rf"(?:(?i:between|from)\s+)?(?P<rmd_m>{month_any})\s+(?P<rmd_d1>{day}){p.joiner}(?P<rmd_d2>{day})(?:,?\s+(?P<rmd_y>{year}))?", month_w | {"between", "from"}),  # noqa: E501
        (rf"(?:(?P<dmy_w>{p.wd_any}),?\s+)?(?:(?i:the)\s+)?(?:(?P<dmy_d>{day})|(?P<dmy_o>(?i:{p.ordinal}))(?![a-z]))\s+(?:(?i:of)\s+)?(?P<dmy_m>{month_any})(?:,?\s+(?P<dmy_y>{year}))?", wd_any_w | digit | ord_w | {"the"}),  # noqa: E501
        (rf"(?:(?P<mdy_w>{p.wd_any}),?\s+)?(?P<mdy_m>{month_any})\s+(?:(?i:the)\s+)?(?:(?P<mdy_d>{day})|(?P<mdy_o>(?i:{p.ordinal}))(?![a-z]))(?:,?\s+(?P<mdy_y>{year}))?", wd_any_w | month_w),  # noqa: E501
    ]


def _vague_alternatives(w: _Words, p: _Pieces) -> list[Alternative]:
    """The alternatives vaguer than a dated day: months, weekdays, "two days ago", relative
    phrases, "on the 7th", years."""
    digit = {DIGITS}
    parts = alternation([r.phrase for r in w.parts])
    parts_w = _first([r.phrase for r in w.parts])
    rel_months = alternation([r.phrase for r in w.relative if r.kind == "month"])
    wdir = alternation([r.phrase for r in w.wwords if r.role in ("past", "future")])
    before = alternation([r.phrase for r in w.wwords if r.role == "before"])
    after = alternation([r.phrase for r in w.wwords if r.role == "after"])
    wk_w = _first([d.name for d in w.weekdays if d.prose])
    wk_w |= _first([r.phrase for r in w.wwords if r.role != "after"])
    joiners = "|".join(re.escape(j.word) for j in w.joiners)
    leads = "|".join(re.escape(y.word) for y in w.year_leads)
    year, wd = p.year, p.wd
    return [
        # a bare month needs a lead word ("in May", "early May"): "May" alone is often the verb
        (rf"(?P<mon_p>(?i:{parts}))[\s-]+(?P<mon_m>{p.month_full})(?:,?\s+(?P<mon_y>{year}))?", parts_w),  # noqa: E501
        (rf"(?P<rmp_p>(?i:{parts}))[\s-]+(?P<rmp_r>(?i:{rel_months}))(?![a-z])", parts_w),
        (rf"(?P<my_m>{p.month_any}),?\s+(?P<my_y>{year})", _first([m.name for m in w.months])),
        (rf"(?i:from|between)\s+(?P<wkr_a>{wd})\s+(?i:{joiners})\s+(?P<wkr_b>{wd})", {"from", "between"}),  # noqa: E501
        (rf"(?:(?P<wk_dir>(?i:{wdir}))\s+)?(?:(?i:{before})\s+)?(?P<wk_d>{wd})(?:'s|\u2019s)?(?:\s+(?i:{after})(?![a-z]))?", wk_w),  # noqa: E501
        (rf"(?i:\b(?P<ago_n>\d{{1,3}}|{alternation(list(w.numbers))})\s+(?P<ago_u>{alternation([a.unit for a in w.ago])})\s+ago\b)", digit | set(w.numbers)),  # noqa: E501
        (rf"(?i:\b(?P<rel>{alternation([r.phrase for r in w.relative])})\b)", _first([r.phrase for r in w.relative])),  # noqa: E501
        (rf"(?i:\bon\s+the\s+)(?P<don_d>[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)\b(?!\s+(?:(?i:of)\s+)?{p.month_any})", {"on"}),  # noqa: E501
        (rf"(?i:\b(?P<yr_p>{leads}))[\s-]+(?P<yr_y>{year})(?![\d/-])", {y.word.lower() for y in w.year_leads}),  # noqa: E501
    ]


def _by_start_word(alternatives: list[Alternative]) -> dict[str, re.Pattern[str]]:
    """Each start word's regex: the alternatives it can start, in their order (trying all of
    them at every word is ten times slower). Words with the same alternatives share one."""
    by_word: dict[str, list[int]] = {}
    for index, (_, words) in enumerate(alternatives):
        for w in words:
            by_word.setdefault(w, []).append(index)
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
    regexes: dict[str, re.Pattern[str]] = {}
    for w, indexes in by_word.items():
        group = tuple(indexes)
        if group not in compiled:
            compiled[group] = re.compile("|".join(alternatives[i][0] for i in group))
        regexes[w] = compiled[group]
    return regexes


@register_cache
@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The compiled date grammar and the word tables that read its matches."""
    w = _words()
    p = _pieces(w)
    return Grammar(
        regexes=_by_start_word(_day_alternatives(w, p) + _vague_alternatives(w, p)),
        months={m.name.lower(): m.month for m in w.months},
        weekdays={d.name.lower(): d.weekday for d in w.weekdays},
        directions={r.phrase: (-1 if r.role == "past" else 1)
                    for r in w.wwords if r.role in ("past", "future")},
        relative={r.phrase: r for r in w.relative},
        ago={a.unit: a for a in w.ago},
        month_parts={key(r.phrase): r for r in w.parts},
        week_leads={key(r.phrase): r for r in w.week_leads},
        night_leads=tuple(r.phrase.lower()
                          for r in read_csv_models("dates/night_leads.csv", NightLeadRow)),
        numbers=w.numbers,
        ordinals=w.ordinals,
        stems=tuple(s.stem.lower() for s in read_csv_models("dates/stems.csv", StemRow)),
    )
