"""Short noun phrases around a casualty trigger: the victims' words and a phrase's head."""

from __future__ import annotations

from coder.stages.casualties.rules import has_role, rules
from coder.text.tokens import Token

Chars = tuple[int, int] | None  # a character range in the sentence


def victim_words(tokens: list[Token], i: int, stop: int) -> Chars:
    """The victim noun phrase from token i ("of his security guards" -> "security guards")."""
    return victim_span(tokens, i, stop)[0]


def victim_span(tokens: list[Token], i: int, stop: int) -> tuple[Chars, int]:
    """The victim words' characters from token i, and the token index just past them."""
    r = rules()
    words: list[Token] = []
    j = i
    while j < stop and len(words) < 4:
        tok = tokens[j]
        key = tok.key
        if not words and (has_role(key, "victim_lead") or has_role(key, "determiner")):
            j += 1
            continue
        if key == "-" and words and tok.start == tokens[j - 1].end:
            j += 1
            continue
        if not tok.is_word or key in r.trigger_words or any(
            key in r.roles.get(role, frozenset())
            for role in ("aux", "adverb", "blocker", "follower", "hypothetical", "negator")
        ):
            break
        words.append(tok)
        j += 1
    if not words:
        return None, i
    return (words[0].start, words[-1].end), j


def phrase_head(tokens: list[Token], i: int) -> int | None:
    """Index of the last word of a short noun phrase starting at i, or None."""
    last = None
    j = i
    while j < len(tokens) and j < i + 4:
        tok = tokens[j]
        if tok.key == "-" and last is not None:
            j += 1
            continue
        if not tok.is_word or tok.key in rules().trigger_words or any(
            has_role(tok.key, r) for r in ("aux", "blocker", "follower", "adverb")
        ):
            break
        last = j
        j += 1
    return last
