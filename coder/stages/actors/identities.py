"""Identity groups the dictionaries do not know, named by the noun after them.

ACLED names an identity militia after the group a report names: "the Kapkeny and Kabasiran
clans" fight as Kapkeny Clan Militia and Kabasiran Clan Militia, "an Abanyabasi ethnic group"
attacks as Abanyabasi Ethnic Militia. A run of capitalised words no dictionary name covers,
right before a noun of `identity_nouns.csv`, is such a group's name; so is a second run joined
to it by "and" ("Kapkeny and Kabasiran clans"). The name becomes a piece of kind "identity"
whose ref is "<noun>:<name>"; the noun stays where it is (a known agent such as "tribesmen"
joins the name's chunk).
"""

from __future__ import annotations

from coder.dictionaries.taxonomy import INTER_CODE
from coder.stages.actors.chunks import agent_inter
from coder.stages.actors.dictionary import ActorDictionary, Entry
from coder.stages.actors.pieces import Piece
from coder.text.tokens import Token

_MAX_NAME_WORDS = 3  # "Ruasi Ngishu": a name of a few words, not a title-case headline


def identity_pieces(d: ActorDictionary, tokens: list[Token], pieces: list[Piece]) -> list[Piece]:
    """`pieces` with the unknown identity names added, in order of their start."""
    covered = {i for p in pieces for i in range(p.start, p.end)}
    found: list[Piece] = []
    for i, t in enumerate(tokens):
        if t.key not in d.identity_nouns or not _group_noun(d, tokens, i, pieces) \
                or _people_after(d, tokens, i, pieces):
            continue
        s = _name_start(d, tokens, i, covered)
        if s == i:
            continue
        found.append(_piece(tokens, t.key, s, i))
        j = s - 1  # "the Kapkeny and Kabasiran clans": the first name shares the noun
        if j > 0 and tokens[j].key in d.words["conjunction"] and tokens[j].key != ",":
            s2 = _name_start(d, tokens, j, covered)
            if s2 < j:
                found.append(_piece(tokens, t.key, s2, j))
    if not found:
        return pieces
    return sorted([*pieces, *found], key=lambda p: p.start)


def _group_noun(d: ActorDictionary, tokens: list[Token], i: int, pieces: list[Piece]) -> bool:
    """tokens[i] names a group: "clan", "tribesmen"; "ethnic" only before a group word
    ("ethnic group", "ethnic militia"), not before "violence" or "tension"."""
    if tokens[i].key not in d.words["group-adjective"]:
        return True
    nxt = i + 1
    if nxt < len(tokens) and tokens[nxt].key in d.words["community"]:
        return True
    return any(p.start == i and p.entry.kind == "agent" and p.entry.ref in d.words["ethnic-armed"]
               for p in pieces)


def _people_after(d: ActorDictionary, tokens: list[Token], i: int, pieces: list[Piece]) -> bool:
    """Unarmed people named after the noun at i ("clan elders", "ethnic group leaders"): the
    name tells who they are, it names no militia."""
    nxt = i + 1
    if nxt < len(tokens) and tokens[i].key in d.words["group-adjective"] \
            and tokens[nxt].key in d.words["community"]:
        nxt += 1
    return any(p.start == nxt and p.entry.kind == "agent"
               and agent_inter(d, p.entry.ref) == INTER_CODE.civilians for p in pieces)


def _name_start(d: ActorDictionary, tokens: list[Token], end: int, covered: set[int]) -> int:
    """The first index of the run of unknown capitalised words ending before `end` (== `end`
    when there is none)."""
    stop = d.words["not-identity"] | d.words["not-name"] | d.words["determiner"] \
        | d.words["modifier"]
    s = end
    while s > 0 and end - s < _MAX_NAME_WORDS:
        t = tokens[s - 1]
        if s - 1 in covered or not t.is_word or not t.is_capitalized or t.key in stop \
                or t.text.isupper():
            break
        s -= 1
    return s


def _piece(tokens: list[Token], noun: str, start: int, end: int) -> Piece:
    name = " ".join(t.text for t in tokens[start:end])
    return Piece(Entry("identity", f"{noun}:{name}", 1), start, end)
