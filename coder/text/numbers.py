"""Numbers written in news text: digits, number words, vague quantities and their hedges.

`parse_number(tokens, i)` reads one number phrase starting at token `i` ("at least 1,200",
"twenty-five", "two hundred and five", "a dozen", "dozens of", "between 5 and 7", "no one").
The words and the ACLED values of vague quantities live in `coder/data/numbers.csv`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from coder.dictionaries.files import read_csv_models, register_cache
from coder.text.tokens import Token, phrase_key

NumberKind = Literal[
    "cardinal", "multiplier", "vague", "negation", "article", "modifier", "ordinal", "joiner",
    "lone_multiplier",
]


class NumberWord(BaseModel):
    """One row of numbers.csv."""

    word: str = Field(min_length=1)
    value: int = Field(ge=0)
    kind: NumberKind


@dataclass(slots=True, frozen=True)
class NumberMatch:
    """A number phrase over tokens[start:end] (hedges included)."""

    start: int
    end: int
    value: int
    high: int | None = None  # upper bound of a range ("two to four" -> 4)
    vague: bool = False  # a vague quantity word ("dozens", "several")
    zero: bool = False  # a negation ("no one", "nobody")
    article: bool = False  # "a"/"an": one, by way of a singular noun phrase
    core: int = 0  # index of the first token after the hedges


@dataclass(slots=True, frozen=True)
class _Tables:
    counts: dict[str, tuple[int, str]]  # phrase key -> (value, kind) for non-modifiers
    modifiers: frozenset[str]
    multipliers: dict[str, int]
    ordinals: dict[str, int]
    max_words: int
    count_firsts: frozenset[str]  # first words of count phrases: a cheap pre-check per token
    modifier_firsts: frozenset[str]
    joiners: frozenset[str]  # "and" in "two hundred and five"
    lone_multipliers: frozenset[str]  # multipliers that count on their own ("dozen")


@register_cache
@lru_cache(maxsize=1)
def _tables() -> _Tables:
    counts: dict[str, tuple[int, str]] = {}
    modifiers: set[str] = set()
    multipliers: dict[str, int] = {}
    ordinals: dict[str, int] = {}
    joiners: set[str] = set()
    lone: set[str] = set()
    max_words = 1
    for row in read_csv_models("numbers.csv", NumberWord):
        key = phrase_key(row.word)
        max_words = max(max_words, key.count(" ") + 1)
        if row.kind == "modifier":
            modifiers.add(key)
        elif row.kind == "ordinal":
            ordinals[key] = row.value
        elif row.kind == "joiner":
            joiners.add(key)
        elif row.kind == "lone_multiplier":
            lone.add(key)
        else:
            counts[key] = (row.value, row.kind)
            if row.kind == "multiplier":
                multipliers[key] = row.value
    return _Tables(
        counts, frozenset(modifiers), multipliers, ordinals, max_words,
        frozenset(k.split(" ")[0] for k in counts), frozenset(k.split(" ")[0] for k in modifiers),
        frozenset(joiners), frozenset(lone),
    )


def ordinal_words() -> dict[str, int]:
    """Ordinal word key ("third", "twenty first") -> day number, for dates."""
    return dict(_tables().ordinals)


def cardinal_words() -> dict[str, int]:
    """Plain cardinal/article word keys ("two", "a", "twenty") -> value, for dates."""
    return {k: v for k, (v, kind) in _tables().counts.items()
            if kind in ("cardinal", "article") and " " not in k}


def _lookup(tokens: list[Token], i: int, table: dict | frozenset,
            firsts: frozenset[str]) -> tuple[str, int] | None:
    """(key, end) of the longest phrase of `table` starting at token i, or None: its words
    read one by one (a glued hyphen joins them: "no-one", "twenty-five") up to the longest
    phrase's length, and the last of them that is in the table kept (perf: no list of every
    candidate phrase)."""
    n = len(tokens)
    if i >= n or tokens[i].key not in firsts:
        return None
    best: tuple[str, int] | None = None
    key = ""
    words = 0
    max_words = _tables().max_words
    j = i
    while j < n and words < max_words:
        tok = tokens[j]
        if words and tok.key == "-" and tok.start == tokens[j - 1].end:
            j += 1
            continue
        if not tok.is_word:
            break
        key = key + " " + tok.key if words else tok.key
        words += 1
        j += 1
        if key in table:
            best = (key, j)
    return best


def _glued(tokens: list[Token], j: int) -> bool:
    return 0 < j < len(tokens) and tokens[j].start == tokens[j - 1].end


def _digits(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """A figure written in digits at token i: (value, end)."""
    tok = tokens[i]
    if not tok.key.isdigit() or len(tok.key) > 9:
        return None
    text = tok.key
    j = i + 1
    # thousands separators: "1,200" / "12,000,000" arrive as "1" "," "200"
    while (j + 1 < len(tokens) and tokens[j].key == "," and _glued(tokens, j)
           and _glued(tokens, j + 1) and tokens[j + 1].key.isdigit()
           and len(tokens[j + 1].key) == 3):
        text += tokens[j + 1].key
        j += 2
    value = float(text)
    if (j + 1 < len(tokens) and tokens[j].key == "." and _glued(tokens, j)
            and _glued(tokens, j + 1) and tokens[j + 1].key.isdigit()):
        # a decimal is a count only when scaled: "1.5 million"
        value = float(f"{text}.{tokens[j + 1].key}")
        j += 2
        if j >= len(tokens) or tokens[j].key not in _tables().multipliers:
            return None
    if j < len(tokens) and tokens[j].key in _tables().multipliers:
        value *= _tables().multipliers[tokens[j].key]
        j += 1
    if value != int(value):
        return None
    return int(value), j


def _words(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """A number in words at token i: (value, end, kind) with kind from numbers.csv."""
    t = _tables()
    hit = _lookup(tokens, i, t.counts, t.count_firsts)
    if hit is None:
        return None
    key, j = hit
    value, kind = t.counts[key]
    if kind == "multiplier" and key not in t.lone_multipliers:
        return None  # a bare "hundred" is not a count
    if kind in ("negation", "article"):
        return value, j, kind
    if kind == "vague":
        # "tens of thousands", "hundreds of thousands"
        nxt = _lookup(tokens, j, t.counts, t.count_firsts)
        if key.endswith(" of") and nxt and t.counts[nxt[0]][1] == "vague":
            return value * t.counts[nxt[0]][0], nxt[1], kind
        return value, j, kind
    total, current = 0, value
    while j < len(tokens):
        tok = tokens[j]
        if tok.key in t.multipliers:
            mult = t.multipliers[tok.key]
            if mult == 100 or mult == 12:
                current *= mult
            else:
                total += current * mult
                current = 0
            j += 1
            continue
        k = j + 1 if tok.key == "-" or tok.key in t.joiners else j
        if tok.key in t.joiners and not (total or current >= 100):
            break  # "one and a half", "two and three": "and" joins only after hundreds
        if k < len(tokens) and tokens[k].key in t.counts and t.counts[tokens[k].key][1] == (
            "cardinal"
        ) and " " not in tokens[k].key:
            part = t.counts[tokens[k].key][0]
            if 0 < part < 10 and current % 10 == 0 and current % 100 != 0 or (
                current >= 100 and part < 100 and current % 100 == 0
            ):
                current += part
                j = k + 1
                continue
        break
    return total + current, j, "cardinal"


def _core(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    if i >= len(tokens):
        return None
    d = _digits(tokens, i)
    if d is not None:
        return d[0], d[1], "digits"
    if not tokens[i].is_word:
        return None
    return _words(tokens, i)


_RANGE_JOINERS = frozenset({"to", "or", "-"})


def parse_number(tokens: list[Token], i: int) -> NumberMatch | None:
    """The number phrase starting at token i, or None when none starts there."""
    t = _tables()
    j = i
    between = False
    for _ in range(3):  # "at least another", "an estimated", "all of the"
        hit = _lookup(tokens, j, t.modifiers, t.modifier_firsts)
        if hit is None:
            break
        after = _core(tokens, hit[1])
        if after is None or after[2] in ("negation",):
            # a hedge counts only before a figure ("some 30"), else it may be a count itself
            nested = _lookup(tokens, hit[1], t.modifiers, t.modifier_firsts)
            if nested is None:
                break
        between = between or hit[0] == "between"
        j = hit[1]
    core = _core(tokens, j)
    if core is None:
        return None
    value, end, kind = core
    high: int | None = None
    if kind in ("digits", "cardinal") and end < len(tokens):
        joiners = _RANGE_JOINERS | ({"and"} if between else frozenset())
        if tokens[end].key in joiners:
            upper = _core(tokens, end + 1)
            if upper is not None and upper[2] in ("digits", "cardinal") and upper[0] > value:
                high, end = upper[0], upper[1]
    elif between:
        return None
    return NumberMatch(
        start=i, end=end, value=value, high=high, vague=kind == "vague",
        zero=kind == "negation", article=kind == "article", core=j,
    )


def find_numbers(tokens: list[Token]) -> list[NumberMatch]:
    """Every number phrase in a token list, left to right, not overlapping."""
    t = _tables()
    counts, modifiers = t.count_firsts, t.modifier_firsts
    out: list[NumberMatch] = []
    resume = 0  # a number found consumes its tokens
    # perf: the tokens a number may start at, found in one comprehension (fields by position:
    # 4 is_word, 1 key)
    for i in [i for i, tok in enumerate(tokens) if tok[4] and (
            tok[1] in counts or tok[1] in modifiers or tok[1].isdigit())]:
        if i < resume:
            continue
        m = parse_number(tokens, i)
        if m is not None:
            out.append(m)
            resume = m.end
    return out
