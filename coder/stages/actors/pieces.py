"""Name pieces: every dictionary name in a sentence, written in the case its entry requires.

One scan finds them, left to right, non-overlapping and the longest at each start: the phrase
scan of `coder.text.phrases` over the actor matcher's table, started only at words a name begins
with (`ActorDictionary.scan`). Names with an inner possessive ("New People's Army") are found
apart, on tokens with each glued "'s" merged into the word before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from coder.stages.actors.dictionary import ActorDictionary, Entry
from coder.text.tokens import Token

_POSSESSIVES = ("'s", "'")


@dataclass(slots=True)
class Piece:
    """One dictionary name found in a sentence."""

    entry: Entry
    start: int  # token indices, end exclusive
    end: int


def case_ok(entry: Entry, tokens: list[Token], start: int, end: int) -> bool:
    """tokens[start:end] are written in the case the entry requires."""
    if entry.case == 0 or (entry.case == 1 and tokens[start].is_capitalized):
        return True
    words = [t for t in tokens[start:end] if t.is_word]
    if entry.case == 2:  # "IS", "MS-13": no lower-case letter anywhere
        return not any(c.islower() for t in words for c in t.text)
    if entry.case == 3:
        return all(any(c.isupper() for c in t.text[1:]) for t in words)
    return any(t.is_capitalized for t in words)


def glued(tokens: list[Token], i: int) -> bool:
    """Token i is punctuation written without spaces on either side ("Iran-backed")."""
    return (0 < i < len(tokens) - 1 and tokens[i - 1].end == tokens[i].start
            and tokens[i].end == tokens[i + 1].start)


def find_pieces(d: ActorDictionary, tokens: list[Token], text: str) -> list[Piece]:
    """Every dictionary name in the sentence written in the case its entry requires, left to
    right, non-overlapping, the longest at each start."""
    # perf: the longest-match scan of PhraseMatcher.iter_find over `d.matcher`, without a Match
    # per hit (copied into a Piece, it doubled the cost); it runs on every sentence with actors
    scan, stems = d.scan, d.possessive_stems
    names, longest_at = d.matcher.table.entries, d.matcher.table.longest_at
    pieces: list[Piece] = []
    possessive = False  # may a name with an inner possessive match ("New People's Army")?
    i = 0  # where scanning resumes: a match consumes its tokens
    # perf: one pass finds the tokens that may start a name, and the possessives
    for s in [k for k, t in enumerate(tokens) if t.key in scan]:
        tok = tokens[s]
        if not tok.is_word:
            # only after a word that a possessive name's merged word can start from (the
            # merged "People" + "'s" -> "peoples" is a word of the name)
            if tok.key in _POSSESSIVES and s and tokens[s - 1].key in stems:
                possessive = True
            continue
        if s < i:
            continue
        longest, entry = scan[tok.key]
        end = s + 1
        if longest > 1:
            last, key = longest_at(tokens, s, longest, entry is not None)
            if last > end:
                entry, end = names[key], last
        if entry is None:
            continue
        case = entry.case
        if case == 0 or (case == 1 and tok.text[:1].isupper()) or case_ok(entry, tokens, s, end):
            pieces.append(Piece(entry, s, end))
        i = end
    if possessive and ("'" in text or "\u2019" in text):
        for extra in _possessive_pieces(d, tokens):
            pieces = [p for p in pieces if p.end <= extra.start or p.start >= extra.end]
            pieces.append(extra)
        pieces.sort(key=lambda p: p.start)
    return pieces


def _possessive_pieces(d: ActorDictionary, tokens: list[Token]) -> list[Piece]:
    """Matches of names with an inner possessive ("New People's Army"), found on tokens where
    each glued "'s" / "'" is merged into the word before it."""
    merged: list[Token] = []
    origin: list[tuple[int, int]] = []  # merged index -> original token range
    for i, t in enumerate(tokens):
        if t.key in _POSSESSIVES and merged and merged[-1].end == t.start and merged[-1].is_word:
            prev = merged[-1]
            key = prev.key + "s" if t.key == "'s" else prev.key
            merged[-1] = Token(prev.text + t.text, key, prev.start, t.end, True)
            origin[-1] = (origin[-1][0], i + 1)
        else:
            merged.append(t)
            origin.append((i, i + 1))
    out = []
    for m in d.possessive.iter_find(merged):
        start, end = origin[m.start][0], origin[m.end - 1][1]
        if end - start > m.end - m.start and case_ok(m.value, tokens, start, end):
            out.append(Piece(m.value, start, end))
    return out

