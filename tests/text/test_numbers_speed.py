"""The number scan's faster paths give what the plain definitions give, on random text."""

from __future__ import annotations

import random

from coder.text.numbers import NumberMatch, _lookup, _tables, find_numbers, parse_number
from coder.text.tokens import Token, tokenize

_WORDS = ["a", "an", "the", "at", "least", "more", "than", "up", "to", "no", "one", "-",
          "twenty", "five", "hundred", "and", "dozens", "of", "people", "killed", "1,200",
          "3", "all", "in", "excess", "between", "or", "well", "over", "thousands", ",",
          "no-one", "twenty-five", "several", "police", "said", "1.5", "million", "an",
          "estimated", "tens", "some", "as", "many", "("]


def _phrases(tokens: list[Token], i: int, max_words: int) -> list[tuple[str, int]]:
    """Every candidate (key, end) starting at token i, longest first (the plain reading)."""
    out: list[tuple[str, int]] = []
    words: list[str] = []
    j = i
    while j < len(tokens) and len(words) < max_words:
        tok = tokens[j]
        if words and tok.key == "-" and tok.start == tokens[j - 1].end:
            j += 1
            continue
        if not tok.is_word:
            break
        words.append(tok.key)
        j += 1
        out.append((" ".join(words), j))
    return out[::-1]


def _plain_lookup(tokens: list[Token], i: int, table: dict | frozenset,
                  firsts: frozenset[str]) -> tuple[str, int] | None:
    if i >= len(tokens) or tokens[i].key not in firsts:
        return None
    return next(((k, e) for k, e in _phrases(tokens, i, _tables().max_words) if k in table),
                None)


def _plain_find(tokens: list[Token]) -> list[NumberMatch]:
    t = _tables()
    out: list[NumberMatch] = []
    i = 0
    while i < len(tokens):
        key = tokens[i].key
        if tokens[i].is_word and (key in t.count_firsts or key in t.modifier_firsts
                                  or key.isdigit()):
            m = parse_number(tokens, i)
            if m is not None:
                out.append(m)
                i = m.end
                continue
        i += 1
    return out


def test_number_lookup_and_scan_equal_their_plain_definitions() -> None:
    t = _tables()
    rng = random.Random(3)
    for _ in range(1500):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 14)))
        tokens = tokenize(text)
        for i in range(len(tokens) + 1):
            for table, firsts in ((t.counts, t.count_firsts), (t.modifiers, t.modifier_firsts)):
                assert _lookup(tokens, i, table, firsts) == _plain_lookup(tokens, i, table, firsts)
        assert find_numbers(tokens) == _plain_find(tokens), text
