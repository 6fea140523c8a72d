"""Metadata written in the text itself: a headline line, a date line and a dateline.

`read_header` looks at the top of a cleaned article for a headline ("the first line, short, no
final period, followed by a blank line") and a date line ("Dec 01, 2021"); `read_dateline` looks at
the start of the body for a dateline ("BAGHDAD (AP) —", "KABUL, Afghanistan, Nov 7 (Reuters) -",
"Washington, DC:"). Each returns what it found and the text without it. Nothing is guessed: an
outlet is named only when a dateline brackets a known agency (`coder/data/news_agencies.csv`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, Field

from coder.dictionaries.files import read_csv_models, register_cache
from coder.text.tokens import fold

_MAX_TITLE_CHARS = 150
_MAX_DATE_LINE_CHARS = 60
_HEADER_LINES = 4  # title, date line, and a little slack
# "Published: ", "Updated on " before a date line
_DATE_PREFIX_RE = re.compile(
    r"^(?:published|updated|posted|last updated|date)\s*(?:on|at)?\s*:?\s*", re.IGNORECASE
)
_DIGIT_RE = re.compile(r"\d")
_LETTER_RE = re.compile(r"[^\W\d_]")
_PLACE_WORD = r"(?:[A-Z][\w'\u2019.\-]*|es|de|del|al|el|la|le|du|of|des|da|do)"
_DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][\w'\u2019.\-]*(?: " + _PLACE_WORD + r"){0,3}"
    r"(?:, [A-Z][\w'\u2019.\-]*(?: " + _PLACE_WORD + r"){0,3}){0,2})?"
    # "Nov 7", "Nov 7, 2021", "7 November 2021", after an optional weekday ("Thursday, ")
    r"(?P<date>, (?:[A-Z][a-z]{2,5}day, )?(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?P<year>, \d{4})?"
    r"|\d{1,2} [A-Z][a-z]{2,8}\.?(?P<day_first_year> \d{4})?))?"
    r" ?(?:\((?P<agency>[^()\n]{1,40})\))?"
    r" ?(?P<sep>--|[-\u2013\u2014:]) +(?=\S)"
)


class NewsAgency(BaseModel):
    """One entry of news_agencies.csv."""

    written: str = Field(min_length=1)
    name: str = Field(min_length=1)


class DatelineKicker(BaseModel):
    """One entry of dateline_kickers.csv: a label such as BREAKING that is not a place."""

    word: str = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class DatelineRules:
    agencies: dict[str, str]  # casefolded as written -> full name
    kickers: frozenset[str]  # casefolded


@register_cache
@lru_cache(maxsize=1)
def dateline_rules() -> DatelineRules:
    """Load the agency names and kicker words (validated)."""
    agencies = {
        a.written.casefold(): a.name for a in read_csv_models("news_agencies.csv", NewsAgency)
    }
    kickers = frozenset(
        k.word.casefold() for k in read_csv_models("dateline_kickers.csv", DatelineKicker)
    )
    return DatelineRules(agencies, kickers)


def agency_name(written: str) -> str:
    """The full name of a news agency as written in a dateline, or "" when unknown."""
    return dateline_rules().agencies.get(" ".join(written.split()).casefold(), "")


@dataclass(slots=True)
class Header:
    title: str = ""
    published: dt.date | None = None
    body: str = ""


@dataclass(slots=True)
class Dateline:
    place: str = ""
    source: str = ""  # full agency name, when the dateline names a known one
    published: dt.date | None = None  # only when the dateline gives a full date with a year
    body: str = ""


def parse_date_line(line: str) -> dt.date | None:
    """The date on a line that holds only a date ("Dec 01, 2021", "Published: 7 Nov 2021")."""
    line = line.strip()
    if len(line) > _MAX_DATE_LINE_CHARS or not _DIGIT_RE.search(line):
        return None
    from coder.stages.dates import parse_date_text  # imported late: dates.py loads dateparser

    return parse_date_text(_DATE_PREFIX_RE.sub("", line))


def _normalized_title(text: str) -> str:
    return " ".join(fold(text).casefold().split())


def _looks_like_title(line: str) -> bool:
    return (
        len(line) < _MAX_TITLE_CHARS
        and not line.endswith(".")
        and line.count(" ") >= 1
        and _LETTER_RE.search(line) is not None
    )


def read_header(text: str, known_title: str = "") -> Header:
    """Take a headline line and a date line off the top of `text`.

    The headline is taken only when no title is known, or when it repeats the known one (so a
    title given in metadata does not also appear as the first body sentence). A date line is
    always taken off: it is never a sentence.
    """
    header = Header()
    pos = 0
    n = len(text)
    for _ in range(_HEADER_LINES):
        while pos < n and text[pos] in "\n ":
            pos += 1
        end = text.find("\n", pos)
        end = n if end < 0 else end
        line = text[pos:end].strip()
        if not line:
            break
        if header.published is None:
            date = parse_date_line(line)
            if date is not None:
                header.published = date
                pos = end
                continue
        if not header.title and _looks_like_title(line) and _ends_header_line(text, end):
            if not known_title or _normalized_title(line) == _normalized_title(known_title):
                header.title = line
                pos = end
                continue
        break
    header.body = text[pos:].strip()
    return header


def _ends_header_line(text: str, end: int) -> bool:
    """A headline is followed by a blank line or a date line, and then by more text."""
    if end >= len(text) or not text[end + 1 :].strip():
        return False
    if text.startswith("\n\n", end):
        return True
    nxt = text.find("\n", end + 1)
    return parse_date_line(text[end + 1 : nxt if nxt >= 0 else len(text)]) is not None


def read_dateline(body: str) -> Dateline:
    """Take a dateline ("NAIROBI, Kenya (AFP) —") off the start of `body`."""
    result = Dateline(body=body)
    m = _DATELINE_RE.match(body)
    if m is None:
        return result
    place = _WEEKDAY_TAIL_RE.sub("", (m.group("place") or "").strip())
    agency = agency_name(m.group("agency") or "")
    rules = dateline_rules()
    if place.casefold() in rules.kickers:
        # "BREAKING: ..." is a label, not a place: drop the label, set no dateline
        result.body = body[m.end() :]
        return result
    if not _is_dateline(place, agency, m.group("date")):
        return result
    result.place = place
    result.source = agency
    if m.group("year") or m.group("day_first_year"):
        from coder.stages.dates import parse_date_text

        result.published = parse_date_text(_WEEKDAY_RE.sub("", m.group("date").lstrip(", ")))
    result.body = body[m.end() :]
    return result


_WEEKDAY_RE = re.compile(r"^[A-Z][a-z]{2,5}day, ")
_WEEKDAY_TAIL_RE = re.compile(r", [A-Z][a-z]{2,5}day$")  # "BASRA, Iraq, Thursday"


def _is_dateline(place: str, agency: str, date: str | None) -> bool:
    """Whether a match is a dateline and not an ordinary sentence start such as 'Iran - a ...'."""
    if agency:
        return True  # "Kabul (AFP) -", "(Reuters) - ..."
    if not place:
        return False
    first = place.split(",")[0]
    if first.isupper() and len(first) >= 3:
        return True  # "TEHRAN -", "NAIROBI, Kenya —", "GOMA (Congo) -"
    # title case needs a region or a date to be told from a sentence: "Nairobi, Kenya —"
    return "," in place or date is not None
