"""Regex alternations of phrases written as prefix trees, for the date grammar."""

from __future__ import annotations

import re


def alternation(phrases: list[str]) -> str:
    """A regex alternation, longest first, with spaces matching any whitespace or hyphen.

    Written as a prefix tree ("t(?:hir(?:teenth|d)|wenty)"): the regex engine tries the
    alternatives of a group one by one, and most of the grammar's time went into failing a
    hundred ordinals or phrases at every candidate word. The tree tries the same alternatives
    in the same order (see `_tree`), so every match is the one the flat alternation finds."""
    uniq = sorted(set(phrases), key=len, reverse=True)
    return _tree([tuple(p) for p in uniq])


def _unit(c: str) -> str:
    """The regex for one phrase character: a space matches any white space or hyphen."""
    return r"[\s-]+" if c == " " else re.escape(c)


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
