"""Chunks: neighbouring name pieces composed into one mention, read left to right:

    [former] [country | demonym | possessive] [modifiers] [organisation | agent]* [person]

"Iran's Foreign Ministry spokesman Saeed Khatibzadeh" is one chunk; so are "the government of
Iraq", "Boko Haram (JAS)" and a title with the name after it ("Interior Minister Qasim
al-Araji"). A lone demonym or ethnic name coordinated with a full one shares its head noun
("Ukrainian and Russian troops").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from coder.dictionaries.taxonomy import INTER_CODE
from coder.stages.actors.dictionary import ActorDictionary
from coder.stages.actors.pieces import Piece, glued
from coder.text.tokens import Token

# entry kinds that name a country (its government, its people, or qualify another name)
CountryKind = Literal["country", "capital", "demonym", "plural"]
COUNTRY_KINDS: frozenset[str] = frozenset(get_args(CountryKind))
# entry kinds of groups whose stated origin names their country ("raiders from Sudan")
GroupKind = Literal["agent", "ethnic", "identity"]
_GROUP_KINDS: frozenset[str] = frozenset(get_args(GroupKind))
# entry kinds a possessive "'s" may follow inside a chunk ("Iran's Foreign Ministry")
PossessorKind = Literal["country", "capital", "org"]
_POSSESSOR_KINDS: frozenset[str] = frozenset(get_args(PossessorKind))


@dataclass(slots=True)
class Chunk:
    """Name pieces composed into one mention, and what the words around them say."""

    pieces: list[Piece]
    start: int  # token indices, end exclusive
    end: int
    of_country: str = ""  # "the government of Iraq"
    named: bool = False  # a title followed by a name not in the dictionary
    former: bool = False
    community: bool = False  # an ethnic name standing for its group ("Kuki communities")


def _bracketed_alias(tokens: list[Token], chunk: Chunk, nxt: Piece) -> bool:
    """`nxt` is the chunk's group again, in brackets right after it: "Boko Haram (JAS)"."""
    last = chunk.pieces[-1].entry
    return (last.kind == "org" and nxt.entry.kind == "org" and nxt.entry.ref == last.ref
            and nxt.start == chunk.end + 1 and tokens[chunk.end].key == "("
            and nxt.end < len(tokens) and tokens[nxt.end].key == ")")


def _gap_joins(d: ActorDictionary, tokens: list[Token], chunk: Chunk, nxt: Piece) -> bool:
    """May `nxt` continue `chunk`, given the tokens between them?"""
    last = chunk.pieces[-1].entry.kind
    kind = nxt.entry.kind
    if last == "person" or kind in COUNTRY_KINDS:
        return False
    a, b = chunk.end, nxt.start  # the gap, tokens[a:b]
    if b <= a:
        return True
    if b - a == 1 and tokens[a].key == "'s":  # "Iran's Foreign Ministry", "Hamas's leader"
        return last in _POSSESSOR_KINDS
    if b - a == 3 and tokens[a].key == "(" and tokens[b - 1].key == ")" \
            and tokens[a + 1].text.isupper():
        return last == "org"  # "the Allied Democratic Forces (ADF) rebels": its acronym
    modifiers = d.words["modifier"]
    return b - a <= 2 and all(tokens[x].key in modifiers for x in range(a, b))


def _of_country(d: ActorDictionary, tokens: list[Token], i: int, pieces: list[Piece],
                k: int) -> tuple[str, int]:
    """"... of (the) Iraq" right after an agent: the country's ISO3 and the piece index after."""
    if i >= len(tokens) or tokens[i].key not in d.words["of-link"] or k >= len(pieces):
        return "", k
    j = i + 1
    if j < len(tokens) and tokens[j].key in d.words["definite"]:
        j += 1
    p = pieces[k]
    nxt = tokens[p.end] if p.end < len(tokens) else None
    if p.start == j and p.entry.kind in ("country", "capital") and not (
        nxt is not None and nxt.key == "-" and p.end + 1 < len(tokens)
        and tokens[p.end + 1].key in d.words["backer"]
    ) and not (nxt is not None and nxt.is_word and nxt.is_capitalized):
        # "supporters of Iran-backed militias": Iran qualifies the militias; "traders of Burma
        # Market": the country's name begins a longer name
        return p.entry.ref, k + 1
    return "", k


def _extend_name(d: ActorDictionary, tokens: list[Token], chunk: Chunk, pieces: list[Piece],
                 k: int) -> int:
    """After a title ("Interior Minister"), take the capitalised name that follows; a known
    person met there joins the chunk. Returns the next piece index."""
    not_name, particles = d.words["not-name"], d.words["particle"]
    j, taken = chunk.end, 0
    while j < len(tokens) and taken < 4:
        if k < len(pieces) and pieces[k].start == j:
            if pieces[k].entry.kind == "person":
                chunk.pieces.append(pieces[k])
                chunk.end = pieces[k].end
                return k + 1
            break
        t = tokens[j]
        if t.is_word and t.is_capitalized and t.key not in not_name:
            taken += 1
        elif t.key in particles and j + 1 < len(tokens) and (
                tokens[j + 1].is_capitalized or tokens[j + 1].key == "-"):
            pass  # "Qasim al-Araji", "Faisal bin Farhan"
        elif t.key in ("-", "'") and taken and glued(tokens, j):
            pass
        else:
            break
        j += 1
    while j > chunk.end and not tokens[j - 1].is_capitalized:  # no trailing particle/hyphen
        j -= 1
    if j == chunk.end:  # perf: no name taken, nothing for the headline check to veto
        return k
    # a headline in title case ("Prime Minister Survives Drone Attack On Residence"): the
    # words around the run are capitalised too, so capitals say nothing about names
    rest = [t for t in tokens[j:] if t.is_word] or [t for t in tokens[1:chunk.start] if t.is_word]
    if rest and sum(t.is_capitalized for t in rest) * 2 > len(rest):
        return k
    if j > chunk.end:
        chunk.end, chunk.named = j, True
    return k


def build_chunks(d: ActorDictionary, tokens: list[Token], pieces: list[Piece]) -> list[Chunk]:
    """The pieces composed into chunks, left to right: a group's bracketed acronym, pieces
    joined over a possessive or modifiers, "of (the) Iraq" after an agent, a name after a
    title."""
    chunks: list[Chunk] = []
    k = 0
    while k < len(pieces):
        p = pieces[k]
        chunk = Chunk([p], p.start, p.end)
        k += 1
        while k < len(pieces) and _bracketed_alias(tokens, chunk, pieces[k]):
            chunk.end = pieces[k].end + 1  # "Boko Haram (JAS)": the group's own acronym
            k += 1
        while k < len(pieces) and _gap_joins(d, tokens, chunk, pieces[k]):
            chunk.pieces.append(pieces[k])
            chunk.end = pieces[k].end
            k += 1
        _demonym_of_ethnic(chunk)
        last = chunk.pieces[-1].entry
        if last.kind == "agent":
            of_country, k2 = _of_country(d, tokens, chunk.end, pieces, k)
            if of_country:
                chunk.of_country, chunk.end, k = of_country, pieces[k].end, k2
            elif d.agents[last.ref].title:
                k = _extend_name(d, tokens, chunk, pieces, k)
        inter = agent_inter(d, last.ref) if last.kind == "agent" else 0
        if not chunk.of_country and chunk.pieces[0].entry.kind in _GROUP_KINDS \
                and inter != INTER_CODE.state_forces:  # "troops from Rwanda": a movement
            people = inter == INTER_CODE.civilians
            chunk.of_country = _origin(d, tokens, chunk.end, pieces, k, people)
        chunks.append(chunk)
    return chunks


def agent_inter(d: ActorDictionary, agent_id: str) -> int:
    """The ACLED inter code of a generic agent (its own, else its role's)."""
    agent = d.agents[agent_id]
    return agent.inter or d.roles[agent.role].inter


def _origin(d: ActorDictionary, tokens: list[Token], i: int, pieces: list[Piece], k: int,
            people: bool) -> str:
    """The country of origin stated right after a group (tokens from `i`; pieces[k] the next
    name): "gunmen from Somalia", "Toposa raiders from (the) Sudan", "assailants of Somali
    origin". The ISO3, or "". The country's name itself stays a place. Of civilians (`people`)
    "of Indian origin" tells descent, not nationality: a citizen of the event's country. Not
    called for state forces, whose "from" tells where they came from."""
    if i + 1 >= len(tokens) or k >= len(pieces):
        return ""
    p, key = pieces[k], tokens[i].key
    j = i + 1 + (tokens[i + 1].key in d.words["definite"])
    if key in d.words["origin-from"] and p.start == j and p.entry.kind == "country":
        nxt = tokens[p.end] if p.end < len(tokens) else None
        if nxt is None or not (nxt.is_capitalized or nxt.key == "-"):  # "from Sudan Road"
            return p.entry.ref
    if key in d.words["of-link"] and not people and p.start == i + 1 and p.entry.kind == "demonym" \
            and p.end < len(tokens) and tokens[p.end].key in d.words["origin"]:
        return p.entry.ref
    return ""


def _demonym_of_ethnic(chunk: Chunk) -> None:
    """A demonym before an ethnic name gives the group its country ("Sudanese Toposa",
    "Ethiopian Merille raiders": the Toposa and Merille militias of those countries); the
    chunk is then the ethnic name's, its span still taking in the demonym."""
    pieces = chunk.pieces
    if len(pieces) > 1 and pieces[0].entry.kind == "demonym" and \
            pieces[1].entry.kind in ("ethnic", "identity"):
        chunk.of_country = pieces[0].entry.ref
        chunk.pieces = pieces[1:]


def share_head(d: ActorDictionary, tokens: list[Token], chunks: list[Chunk], ci: int) -> None:
    """A lone demonym or ethnic name coordinated with a full one shares its head noun:
    "Ukrainian and Russian troops" are two forces, "Meitei and Kuki communities" two groups.
    An ethnic name followed by a community word ("Kuki communities"), maybe after a modifier
    ("Turkana ethnic groups"), takes it into its span."""
    chunk = chunks[ci]
    kind = chunk.pieces[0].entry.kind
    end = chunk.end
    if kind == "ethnic" and end < len(tokens) and tokens[end].key in d.words["community"]:
        chunk.community, chunk.end = True, end + 1
        return
    if kind == "ethnic" and end + 1 < len(tokens) and tokens[end].key in d.words["modifier"] \
            and tokens[end + 1].key in d.words["community"]:
        chunk.community, chunk.end = True, end + 2  # "Pokot and Turkana ethnic groups"
        return
    if end + 1 >= len(tokens) or tokens[end].key not in d.words["conjunction"]:
        return
    if _two_communities(d, tokens, chunks, ci):
        return
    nxt = chunks[ci + 1] if ci + 1 < len(chunks) else None
    if nxt is None or nxt.start != end + 1 or nxt.pieces[0].entry.kind != kind:
        return
    if len(nxt.pieces) == 1:
        share_head(d, tokens, chunks, ci + 1)  # "Hema, Lendu and Twa militias"
        chunk.community = nxt.community
        if len(nxt.pieces) == 1:
            return
    chunk.pieces = [chunk.pieces[0], *nxt.pieces[1:]]



def _two_communities(d: ActorDictionary, tokens: list[Token], chunks: list[Chunk],
                     ci: int) -> bool:
    """Two lone ethnic names joined by a conjunction, the second ending its phrase ("clashes
    between the Pokot and the Turkana", "fighting between Garre and Degodia in ..."), stand for
    the two communities: ACLED's two identity militias. The second with its own article ("the
    Turkana") is a phrase of its own; without one and followed by a word that is no preposition
    ("Pokot and Turkana villages") the names qualify that noun."""
    chunk = chunks[ci]
    if chunk.pieces[0].entry.kind != "ethnic":
        return False
    j = chunk.end + 1
    own_article = j < len(tokens) and tokens[j].key in d.words["determiner"]
    j += own_article
    nxt = chunks[ci + 1] if ci + 1 < len(chunks) else None
    if nxt is None or nxt.start != j or len(nxt.pieces) != 1 or \
            nxt.pieces[0].entry.kind != "ethnic":
        return False
    after = tokens[nxt.end] if nxt.end < len(tokens) else None
    if not own_article and after is not None and after.is_word and \
            after.key not in d.words["locative"] and after.key not in d.words["noun-follower"] \
            and after.key not in d.words["group-verb"]:
        return False  # "Pokot and Turkana villages": names qualifying a noun
    chunk.community = nxt.community = True
    return True
