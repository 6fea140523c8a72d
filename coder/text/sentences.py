"""Splitting cleaned article text into sentences with character offsets.

One compiled regex finds candidate boundaries (sentence punctuation followed by white space, and
line breaks); each candidate is then accepted or refused with a few cheap checks: is the next word
lower case, is the word before the period an abbreviation (`coder/data/abbreviations.csv`), an
initial or a dotted acronym, and for ambiguous abbreviations ("U.S.", "p.m.", "Inc.") does the
next word start a sentence (`coder/data/sentence_starters.csv`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from coder.dictionaries.files import read_csv_models, register_cache
from coder.models import Document, Sentence

AbbreviationKind = Literal["title", "number", "ambiguous"]

_CLOSER_CHARS = "\"'\u201d\u2019\u00bb)]"
# Sentence punctuation, closing quotes/brackets glued to it, then the white space after it;
# or a line break, which always ends a sentence (paragraphs, headlines, list items). One
# character class first, no groups: the regex engine then scans fast (this is the hot loop).
_CANDIDATE_RE = re.compile("[.!?\u2026\n][.!?\u2026]*[" + re.escape(_CLOSER_CHARS) + "]*\\s*")
_OPENER_CHARS = "\"'\u201c\u2018\u00ab(["
_OPENERS = frozenset(_OPENER_CHARS)
_CLOSE_ONLY = frozenset("\u201d\u2019\u00bb")
_DOTTED_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.A.E" (final period already cut)
_WORD_AT_RE = re.compile(r"[\w'\u2019-]+")
_HAS_WORD_RE = re.compile(r"\w")
_WORD_BEFORE_MAX = 24  # longest abbreviation we look back for, with room for "Maj.-Gen"


class Abbreviation(BaseModel):
    """One entry of abbreviations.csv."""

    abbreviation: str = Field(min_length=2)
    kind: AbbreviationKind
    note: str = ""

    @field_validator("abbreviation")
    @classmethod
    def _ends_with_period(cls, value: str) -> str:
        if not value.endswith(".") or " " in value:
            raise ValueError("an abbreviation is one word ending with a period")
        return value


class SentenceStarter(BaseModel):
    """One entry of sentence_starters.csv."""

    word: str = Field(min_length=1, pattern=r"^\S+$")


@dataclass(frozen=True, slots=True)
class SplitterRules:
    # "U.S" (without its final period) -> kind
    abbreviations: dict[str, AbbreviationKind]
    starters: frozenset[str]


@register_cache
@lru_cache(maxsize=1)
def splitter_rules() -> SplitterRules:
    """Load the abbreviation and sentence-starter lists (validated)."""
    abbreviations = {
        a.abbreviation[:-1]: a.kind
        for a in read_csv_models("abbreviations.csv", Abbreviation)
    }
    starters = frozenset(s.word for s in read_csv_models("sentence_starters.csv", SentenceStarter))
    return SplitterRules(abbreviations, starters)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences in `text`, stripped of surrounding white space.

    A line break always ends a sentence; spans with no letter or digit are skipped.
    """
    rules = splitter_rules()
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    for m in _CANDIDATE_RE.finditer(text):
        at = m.start()
        if text[at] == "\n":  # a line break with no punctuation before it
            _add(spans, text, start, at)
            start = m.end()
            continue
        found = m.group()
        bare = found.rstrip()
        nxt = m.end()
        if len(bare) == len(found) and nxt < n:
            continue  # "3.5", "U.S" inside a word: no white space after the punctuation
        end = at + len(bare)
        punct = bare.rstrip(_CLOSER_CHARS)
        closed = len(punct) != len(bare)
        if nxt < n and (
            text[nxt] in _CLOSE_ONLY
            or (text[nxt] == '"' and (nxt + 1 == n or text[nxt + 1].isspace()))
        ):
            # a closing quote set off by a space ('fraud. "'): it belongs to this sentence
            while nxt < n and (text[nxt] in _CLOSE_ONLY or text[nxt] == '"'):
                nxt += 1
            end = nxt
            closed = True
            while nxt < n and text[nxt].isspace():
                nxt += 1
            if nxt >= n or "\n" in text[end:nxt]:
                _add(spans, text, start, end)
                start = nxt
                continue
        elif "\n" in found:
            _add(spans, text, start, end)
            start = nxt
            continue
        if nxt < n and not _is_boundary(text, at, punct, closed, nxt, rules):
            continue
        _add(spans, text, start, end)
        start = nxt
    _add(spans, text, start, n)
    return spans


def _is_boundary(
    text: str, punct_at: int, punct: str, closed: bool, nxt: int, rules: SplitterRules
) -> bool:
    """Whether sentence punctuation at `punct_at`, followed by text at `nxt`, ends a sentence."""
    n = len(text)
    pos = nxt
    while pos < n and text[pos] in _OPENERS:
        pos += 1
    if pos >= n:
        return True
    first = text[pos]
    if first.islower():  # '..." he said', 'e.g. the', 'U.S. troops'
        return False
    if punct[-1] in "?!" or len(punct) > 1 or punct == "\u2026" or closed:
        return True
    word = _word_before(text, punct_at)
    kind = rules.abbreviations.get(word)
    if kind is None:
        if (len(word) == 1 and word.isupper()) or _DOTTED_RE.fullmatch(word):
            kind = "ambiguous"  # an initial ("John F. Kennedy") or an acronym ("U.A.E.")
        else:
            return True
    if kind == "title" or first.isdigit():
        return False
    if kind == "number":
        return True
    m = _WORD_AT_RE.match(text, pos)
    return m is not None and m.group() in rules.starters


def _word_before(text: str, at: int) -> str:
    """The word that a period at `at` closes, without opening quotes or brackets."""
    lo = max(0, at - _WORD_BEFORE_MAX)
    cut = max(text.rfind(" ", lo, at), text.rfind("\n", lo, at), lo - 1)
    word = text[cut + 1 : at]
    return word.lstrip(_OPENER_CHARS) if word and word[0] in _OPENERS else word


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # most sentences start with a letter; the regex is for "***" and lone quotes
    if start < end and (text[start].isalnum() or _HAS_WORD_RE.search(text, start, end)):
        spans.append((start, end))


def document_sentences(doc: Document) -> list[Sentence]:
    """The document's sentences: its title (if any) as sentence 0 with offsets -1, then the body."""
    sentences: list[Sentence] = []
    title = " ".join(doc.title.split())
    if title:
        sentences.append(Sentence(doc.id, 0, title, -1, -1))
    text = doc.text
    for start, end in split_sentences(text):
        sentences.append(Sentence(doc.id, len(sentences), text[start:end], start, end))
    return sentences
