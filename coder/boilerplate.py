"""Removing web boilerplate (comment forms, credits, bylines, share prompts) from article text.

The patterns live in `coder/data/boilerplate.jsonl`. A `line` rule must match a whole line, which
is then dropped; a `fragment` rule removes its matches inside a line. Rules are conservative:
line rules only look at short lines, and most demand that the line holds no sentence ending, so a
news sentence is never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from coder.dictionaries import read_jsonl_models, register_cache

BOILERPLATE_FILE = "boilerplate.jsonl"
# Lines longer than this are paragraphs of prose: no line rule is tried on them.
_MAX_RULE_LINE = 600

_NEWLINES_RE = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Invisible characters that only break words apart (zero-width space, soft hyphen, BOM, controls).
# ZWJ/ZWNJ are kept: Persian, Arabic and Indic scripts need them.
_INVISIBLE_RE = re.compile(r"[\u200b\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
# Only runs that need changing (two or more spaces, or an odd space): single spaces are left
# alone, so the substitution touches a few places per document instead of every space.
_SPACES_RE = re.compile(f"[{_SPACE_CHARS}][ {_SPACE_CHARS}]*| [ {_SPACE_CHARS}]+")
# A line ending like this is complete; a line ending otherwise may be hard-wrapped.
_LINE_END_CHARS = frozenset(".!?:;\"\u201d\u2019')]")


class BoilerplateRule(BaseModel):
    """One entry of boilerplate.jsonl."""

    id: str = Field(min_length=1)
    scope: Literal["line", "fragment"]
    pattern: str = Field(min_length=1)
    max_words: int = Field(default=0, ge=0)
    case_sensitive: bool = False
    # "a|b": the lower-cased line must contain one of these before the regex is tried
    requires: str = ""
    note: str = ""

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as err:
            raise ValueError(f"invalid regular expression: {err}") from err
        return value


@dataclass(frozen=True, slots=True)
class CompiledRule:
    max_words: int  # 0: any length up to _MAX_RULE_LINE characters
    requires: tuple[str, ...]  # empty: always tried
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """Compiled rules. Rules without `requires` share one alternation per word limit."""

    line_rules: tuple[CompiledRule, ...]
    fragment_rules: tuple[CompiledRule, ...]


def _scoped(rule: BoilerplateRule) -> str:
    # Scoped inline flags let case-sensitive and insensitive rules share one alternation.
    return f"(?:{rule.pattern})" if rule.case_sensitive else f"(?i:{rule.pattern})"


@register_cache
@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    """Load and compile boilerplate.jsonl (validated; raises DictionaryError when broken)."""
    by_limit: dict[int, list[str]] = {}
    line_rules: list[CompiledRule] = []
    fragment_rules: list[CompiledRule] = []
    for rule in read_jsonl_models(BOILERPLATE_FILE, BoilerplateRule):
        requires = tuple(r.lower() for r in rule.requires.split("|") if r)
        if rule.scope == "fragment":
            fragment_rules.append(CompiledRule(0, requires, re.compile(_scoped(rule))))
        elif requires:
            line_rules.append(CompiledRule(rule.max_words, requires, re.compile(_scoped(rule))))
        else:
            by_limit.setdefault(rule.max_words, []).append(_scoped(rule))
    line_rules += [
        CompiledRule(limit, (), re.compile("|".join(patterns))) for limit, patterns in by_limit.items()
    ]
    # no limit first, then decreasing limits, so that the scan can stop early
    line_rules.sort(key=lambda r: -r.max_words if r.max_words else -(10**9))
    return BoilerplateRules(tuple(line_rules), tuple(fragment_rules))


def is_boilerplate_line(line: str) -> bool:
    """True when the whole (whitespace-normalised, stripped) line is boilerplate."""
    return _is_boilerplate(line, boilerplate_rules().line_rules, None)


def _is_boilerplate(line: str, rules: tuple[CompiledRule, ...], lowered: str | None) -> bool:
    # rules are sorted by decreasing word limit (0 = no limit first): stop at the first one the
    # line is too long for. A plain loop: this runs once per line of every document.
    if not line or len(line) > _MAX_RULE_LINE:
        return False
    n_words = line.count(" ") + 1
    for rule in rules:
        if rule.max_words and n_words > rule.max_words:
            break
        if rule.requires:
            if lowered is None:
                lowered = line.lower()
            for literal in rule.requires:
                if literal in lowered:
                    break
            else:
                continue
        if rule.regex.fullmatch(line):
            return True
    return False


def remove_fragments(line: str) -> str:
    """The line without boilerplate fragments ("ADVERTISEMENT" glued into a paragraph)."""
    return _remove_fragments(line, line.lower(), boilerplate_rules().fragment_rules)


def _remove_fragments(line: str, lowered: str, rules: tuple[CompiledRule, ...]) -> str:
    for rule in rules:
        if any(literal in lowered for literal in rule.requires) or not rule.requires:
            line = _SPACES_RE.sub(" ", rule.regex.sub(" ", line)).strip()
    return line


def normalize_whitespace(raw: str) -> str:
    """Unify line breaks, drop invisible characters, and collapse runs of spaces."""
    text = _NEWLINES_RE.sub("\n", raw)
    text = _INVISIBLE_RE.sub("", text)
    return _SPACES_RE.sub(" ", text)


def clean_text(raw: str) -> str:
    """The article text without boilerplate, with paragraphs separated by one blank line.

    Lines inside a paragraph stay on their own line (the sentence splitter ends a sentence at a
    line break) unless the line is clearly hard-wrapped: it has no closing punctuation and the
    next line starts in lower case, or it ends with a comma.
    """
    rules = boilerplate_rules()
    paragraphs: list[str] = []
    current = ""
    for line in normalize_whitespace(raw).split("\n"):
        line = line.strip()
        lowered: str | None = None
        if line:
            lowered = line.lower()
            line = _remove_fragments(line, lowered, rules.fragment_rules)
            if len(line) != len(lowered):
                lowered = None
        if not line or _is_boilerplate(line, rules.line_rules, lowered):
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if not current:
            current = line
        elif _continues(current, line):
            current += " " + line
        else:
            current += "\n" + line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _continues(previous: str, line: str) -> bool:
    """Whether `line` continues the hard-wrapped sentence that `previous` ends with."""
    last = previous[-1]
    if last == ",":
        return True
    return last not in _LINE_END_CHARS and line[0].islower()
