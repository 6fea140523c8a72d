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

from coder.dictionaries.files import read_jsonl_models, register_cache

BOILERPLATE_FILE = "boilerplate.jsonl"
# Lines longer than this are paragraphs of prose: no line rule is tried on them.
_MAX_RULE_LINE = 600

# Characters that are not printable, mapped to what they stand for: odd spaces become a space,
# odd line breaks a newline, and invisible characters (zero-width space, soft hyphen, BOM,
# control codes) nothing. ZWJ/ZWNJ are kept: Persian, Arabic and Indic scripts need them.
_ODD_CHARS: dict[int, str] = {
    **{c: "" for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, 0x200B, 0x2060, 0xFEFF, 0xAD)},
    **{c: " " for c in (0x09, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)},
    **{c: "\n" for c in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)},
}
_ODD_TABLE = str.maketrans(_ODD_CHARS)
_MULTI_SPACE_RE = re.compile(r"  +")
_TRAILING = " .,;:!?\"'\u201d\u2019"  # stripped before an `ends_with` test
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
    # "a|b": the lower-cased line, without final punctuation and quotes, must end with one
    ends_with: str = ""
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
    id: str
    max_words: int  # 0: any length up to _MAX_RULE_LINE characters
    requires: tuple[str, ...]  # empty: always tried
    ends_with: tuple[str, ...]
    regex: re.Pattern[str]

    def matches(self, line: str, n_words: int, lowered: str) -> bool:
        """Whether the rule matches the line; `lowered` is line.lower()."""
        if self.max_words and n_words > self.max_words:
            return False
        if self.ends_with and not lowered.rstrip(_TRAILING).endswith(self.ends_with):
            return False
        if self.requires and not any(literal in lowered for literal in self.requires):
            return False
        return self.regex.fullmatch(line) is not None


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """Compiled rules.

    Line rules anchored on their first words (no `requires`) are joined into one alternation
    of named groups, so a line costs one regex call; the group that matched gives its word limit.
    """

    anchored: re.Pattern[str] | None
    anchored_limits: dict[str, int]  # group name -> max_words
    anchored_max_words: int  # longest line any anchored rule may match (0: no limit)
    keyed_max_words: int
    anchored_rules: tuple[CompiledRule, ...]  # the same rules one by one, for the rare re-check
    keyed_rules: tuple[CompiledRule, ...]  # line rules gated by `requires` or `ends_with`
    fragment_rules: tuple[CompiledRule, ...]


def _scoped(rule: BoilerplateRule) -> str:
    # Scoped inline flags let case-sensitive and insensitive rules share one alternation.
    return f"(?:{rule.pattern})" if rule.case_sensitive else f"(?i:{rule.pattern})"


def _literals(value: str) -> tuple[str, ...]:
    return tuple(v.lower() for v in value.split("|") if v)


def _compiled(rule: BoilerplateRule) -> CompiledRule:
    return CompiledRule(
        rule.id, rule.max_words, _literals(rule.requires), _literals(rule.ends_with),
        re.compile(_scoped(rule)),
    )


@register_cache
@lru_cache(maxsize=1)
def boilerplate_rules() -> BoilerplateRules:
    """Load and compile boilerplate.jsonl (validated; raises DictionaryError when broken)."""
    rules = read_jsonl_models(BOILERPLATE_FILE, BoilerplateRule)
    anchored = [r for r in rules if r.scope == "line" and not (r.requires or r.ends_with)]
    # group names are generated: rule ids may hold characters a group name cannot
    names = {f"r{i}": r for i, r in enumerate(anchored)}
    combined = "|".join(f"(?P<{name}>{_scoped(r)})" for name, r in names.items())
    keyed = [r for r in rules if r.scope == "line" and (r.requires or r.ends_with)]
    return BoilerplateRules(
        anchored=re.compile(combined) if anchored else None,
        anchored_limits={name: r.max_words for name, r in names.items()},
        anchored_max_words=_max_words(anchored),
        keyed_max_words=_max_words(keyed),
        anchored_rules=tuple(_compiled(r) for r in anchored),
        keyed_rules=tuple(
            _compiled(r) for r in sorted(keyed, key=lambda r: -r.max_words or -(10**9))
        ),
        fragment_rules=tuple(_compiled(r) for r in rules if r.scope == "fragment"),
    )


def _max_words(rules: list[BoilerplateRule]) -> int:
    if any(r.max_words == 0 for r in rules):
        return 0
    return max((r.max_words for r in rules), default=0)


def is_boilerplate_line(line: str) -> bool:
    """True when the whole (whitespace-normalised, stripped) line is boilerplate."""
    return _is_boilerplate(line, boilerplate_rules(), line.lower())


def matching_rule(line: str) -> str:
    """The id of the first line rule that drops `line`, or "" (slow: for tests and explain)."""
    rules = boilerplate_rules()
    if not line or len(line) > _MAX_RULE_LINE:
        return ""
    n_words, lowered = line.count(" ") + 1, line.lower()
    for rule in rules.anchored_rules + rules.keyed_rules:
        if rule.matches(line, n_words, lowered):
            return rule.id
    return ""


def _is_boilerplate(line: str, rules: BoilerplateRules, lowered: str) -> bool:
    if not line or len(line) > _MAX_RULE_LINE:
        return False
    n_words = line.count(" ") + 1
    # a long prose line is too long for every rule: one comparison instead of a regex call
    if rules.anchored is not None and (
        not rules.anchored_max_words or n_words <= rules.anchored_max_words
    ):
        m = rules.anchored.fullmatch(line)
        if m is not None:
            limit = rules.anchored_limits[m.lastgroup or ""]
            if not limit or n_words <= limit:
                return True
            # the first alternative that matched is too short-limited; another one may not be
            if any(r.matches(line, n_words, lowered) for r in rules.anchored_rules):
                return True
    if rules.keyed_max_words and n_words > rules.keyed_max_words:
        return False
    # inlined `CompiledRule.matches`, rules sorted by decreasing word limit: this loop runs for
    # most lines of every document, and most lines fail on the cheap tests
    tail = ""
    for rule in rules.keyed_rules:
        if rule.max_words and n_words > rule.max_words:
            break
        if rule.ends_with:
            if not tail:
                tail = lowered.rstrip(_TRAILING)
            if not tail.endswith(rule.ends_with):
                continue
        if rule.requires and not any(literal in lowered for literal in rule.requires):
            continue
        if rule.regex.fullmatch(line):
            return True
    return False


def remove_fragments(line: str) -> str:
    """The line without boilerplate fragments ("ADVERTISEMENT" glued into a paragraph)."""
    return _remove_fragments(line, line.lower(), boilerplate_rules().fragment_rules)


def _remove_fragments(line: str, lowered: str, rules: tuple[CompiledRule, ...]) -> str:
    for rule in rules:
        if not rule.requires or any(literal in lowered for literal in rule.requires):
            line = _collapse_spaces(rule.regex.sub(" ", line))
    return line


def normalized_lines(raw: str) -> list[str]:
    """The lines of `raw`, stripped, with odd spaces and invisible characters dealt with.

    Plain string methods only: `isprintable` is one fast pass, and the slow translation runs
    only on the rare line that holds a non-printable character.
    """
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for line in raw.split("\n"):
        if not line.isprintable():
            line = line.translate(_ODD_TABLE)
            if "\n" in line:
                lines.extend(_collapse_spaces(part) for part in line.split("\n"))
                continue
        lines.append(_collapse_spaces(line))
    return lines


def _collapse_spaces(line: str) -> str:
    line = line.strip()
    return _MULTI_SPACE_RE.sub(" ", line) if "  " in line else line


def normalize_whitespace(raw: str) -> str:
    """Unify line breaks, drop invisible characters, and collapse runs of spaces."""
    return "\n".join(normalized_lines(raw))


def clean_text(raw: str) -> str:
    """The article text without boilerplate, with paragraphs separated by one blank line.

    Lines inside a paragraph stay on their own line (the sentence splitter ends a sentence at a
    line break) unless the line is clearly hard-wrapped: it has no closing punctuation and the
    next line starts in lower case, or it ends with a comma.
    """
    rules = boilerplate_rules()
    paragraphs: list[str] = []
    current = ""
    for line in normalized_lines(raw):
        if line:
            lowered = line.lower()
            cut = _remove_fragments(line, lowered, rules.fragment_rules)
            if cut != line:
                line, lowered = cut, cut.lower()
        if not line or _is_boilerplate(line, rules, lowered):
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
