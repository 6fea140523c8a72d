"""Asides between a figure and its casualty trigger: brackets, parenthetical commas
("Four people, including two children, were killed") and relative clauses ("A driver, who was
hurt in the blast, died"), which the backward search passes over."""

from __future__ import annotations

from coder.stages.casualties.rules import has_role
from coder.text.tokens import Token


def bracket_start(tokens: list[Token], close: int) -> int | None:
    """Index of the "(" or "[" that the ")" or "]" at `close` ends, within twenty tokens."""
    opener = "[" if tokens[close].key == "]" else "("
    for k in range(close - 1, max(-1, close - 21), -1):
        if tokens[k].key == opener:
            return k
        if tokens[k].key in (")", "]", ".", ";"):
            return None
    return None


# how far back the comma opening an aside may stand: ", including two children," is short, a
# relative clause (", who was hurt in the attack on the market,") may be long
_PARENTHESIS_REACH = 9
_RELATIVE_REACH = 30


def opening_comma(tokens: list[Token], comma: int, role: str, reach: int) -> int | None:
    """Index of the comma that opens an aside closed by the comma at `comma`: the nearest
    comma before it within `reach` tokens, in the same sentence and clause, whose next word
    has `role` ("parenthetical": ", including two children,"; "relative": ", who was hurt
    in the attack,"); None when there is none."""
    for k in range(comma - 1, max(-1, comma - reach - 1), -1):
        if tokens[k].key == ",":
            return k if k + 1 < comma and has_role(tokens[k + 1].key, role) else None
        if tokens[k].key in (".", ";", ":"):
            return None
    return None


def skip_at_comma(tokens: list[Token], comma: int, start: int) -> int | None:
    """Where the backward search from the trigger at `start` goes on past the comma at `comma`:
    before an aside (", including two children,"), before the antecedent of a relative pronoun
    ("wounded one robber, who died"), or before a relative clause that ends right before the
    trigger ("A driver, who was hurt in the blast, died"); None when it stops there."""
    skip = opening_comma(tokens, comma, "parenthetical", _PARENTHESIS_REACH)
    if skip is not None:
        return skip - 1
    if comma + 1 < start and has_role(tokens[comma + 1].key, "relative"):
        return comma - 1
    skip = opening_comma(tokens, comma, "relative", _RELATIVE_REACH)
    return skip - 1 if skip is not None and comma + 1 == start else None
