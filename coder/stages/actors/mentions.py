"""Actor mentions in one sentence: who is named, as an ACLED name, CAMEO code and inter code.

One PhraseMatcher pass finds every dictionary name (agents, organisations, people, countries,
capitals, demonyms); neighbouring pieces then compose into one mention, read left to right:

    [former] [country | demonym | possessive] [modifiers] [organisation | agent]* [person]

"Iran's Foreign Ministry spokesman Saeed Khatibzadeh" is one mention (Government of Iran /
IRNGOV); "Iraqi riot police" is Police Forces of Iraq / IRQCOP. People and dated groups resolve
against the sentence's date (an office holder is GOV only while in office, ELI after); a bare
title ("the prime minister") resolves through the dated office table of the context country.
Generic agents with no country of their own take `context_country`. The dictionaries live in
`coder/data/actors/`: row models in `coder.dictionaries.actor_tables`, loading and the matcher in
`coder.stages.actors.dictionary`, resolution of entries on a date in `coder.stages.actors.resolve`;
finding the names is `pieces.py`, composing them `chunks.py`, a group standing for a generic
agent linked to it `affiliations.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coder.models import Actor, ActorMention, Span
from coder.stages.actors.affiliations import affiliations
from coder.stages.actors.chunks import COUNTRY_KINDS, Chunk, build_chunks, share_head
from coder.stages.actors.dictionary import ActorDictionary, Entry
from coder.stages.actors.identities import identity_pieces
from coder.stages.actors.pieces import Piece, find_pieces, glued
from coder.stages.actors.resolve import (
    agent_actor,
    cameo,
    ethnic_actor,
    identity_actor,
    identity_of,
    office_holder,
    organisation_actor,
    person_actor,
    role_actor,
    with_country,
)
from coder.stages.actors.suspects import suspected_people
from coder.text.tokens import Token

__all__ = ["ActorDictionary", "find_actors", "person_actor", "organisation_actor",
           "agent_actor", "office_holder", "with_country"]


_CIVIL_SERVANTS = "officials"  # agents.csv id of a state's civil servants
_SHARED_NAME_WORDS = 3  # "the Pokot and Ruasi Ngishu clans": the second name of a few words


@dataclass(slots=True)
class _Reading:
    """What the chunks read so far say about the next one."""

    last_place_end: int = -2  # where the last country or capital used as a place ended
    last_country_end: int = -2  # where the last agent with a country of its own ended
    last_country: str = ""  # that agent's country
    prev_end: int = -1  # where the previous chunk ended


def find_actors(tokens: list[Token], text: str, on_date: dt.date | None = None,
                context_country: str = "") -> list[ActorMention]:
    """Every actor mention in a sentence, left to right, non-overlapping, each the longest
    composed phrase naming one actor. Spans are offsets into `text`; `context_country` (ISO3)
    is the default country of generic agents ("police", "gunmen")."""
    d = ActorDictionary.load()
    pieces = identity_pieces(d, tokens, find_pieces(d, tokens, text))
    if not pieces:
        return []
    context = context_country if context_country in d.countries else ""
    reading = _Reading()
    out: list[ActorMention] = []
    spans: list[tuple[int, int]] = []  # token range of each mention in `out`
    chunks = build_chunks(d, tokens, pieces)
    for ci, chunk in enumerate(chunks):
        if not _prepare(d, tokens, chunks, ci):
            continue
        iso3 = _country(d, tokens, chunk, reading)
        if iso3 is None:
            continue
        end = chunk.end
        resolved = _resolve(d, chunk, on_date, iso3, context,
                            _object_noun(d, tokens, chunk.start, end))
        reading.prev_end = end
        if resolved is None:
            continue
        actor, rule = resolved
        if iso3 and chunk.pieces[-1].entry.kind == "agent":
            reading.last_country, reading.last_country_end = iso3, end
        s, e = tokens[chunk.start].start, tokens[end - 1].end
        out.append(ActorMention(Span(s, e, text[s:e]), actor, rule))
        spans.append((chunk.start, end))
    out = suspected_people(d, tokens, out, spans, on_date)
    return affiliations(d, tokens, text, out, spans) if len(out) > 1 else out


def _prepare(d: ActorDictionary, tokens: list[Token], chunks: list[Chunk], ci: int) -> bool:
    """Chunk ci made ready to resolve: a lone demonym or ethnic name shares the head of the
    next ("Ukrainian and Russian troops"), a proxy country is dropped ("pro-Iran militias": the
    militias), a "former"/"ex-" before it is taken in. False when nothing is left."""
    chunk = chunks[ci]
    first = chunk.pieces[0]
    kind = first.entry.kind
    if len(chunk.pieces) == 1 and kind in ("ethnic", "demonym"):
        share_head(d, tokens, chunks, ci)  # keeps the first piece
        if kind == "ethnic" and len(chunk.pieces) == 1 and not chunk.community:
            chunk.community = _lone_group(d, tokens, chunk.start, chunk.end)
    if kind in COUNTRY_KINDS and _proxy_country(d, tokens, first):
        if len(chunk.pieces) == 1:
            return False
        chunk.pieces = chunk.pieces[1:]  # "pro-Iran militias": the militias, not Iran
        chunk.start = chunk.pieces[0].start
    before = tokens[chunk.start - 1].key if chunk.start else ""
    if before in d.words["civil-officer"] and len(chunk.pieces) == 1 and \
            first.entry.kind == "agent" and first.entry.ref in d.words["civil-qualified"]:
        # "a returning officer", "education officers": civil servants, not the police
        chunk.start -= 1
        chunk.pieces = [Piece(Entry("agent", _CIVIL_SERVANTS, 0), chunk.start, chunk.end)]
    if before in d.words["former"] or before == "-":  # perf: call only where it can succeed
        f = _former(d, tokens, chunk.start)
        if f >= 0:
            chunk.former, chunk.start = True, f
    return True


def _country(d: ActorDictionary, tokens: list[Token], chunk: Chunk,
             reading: _Reading) -> str | None:
    """The chunk's own country (ISO3, or "" for none), or None when the chunk is a country or
    capital used as a place. "Iraqi police and soldiers": the soldiers take the police's
    country."""
    first = chunk.pieces[0]
    kind = first.entry.kind
    iso3 = chunk.of_country
    if kind in COUNTRY_KINDS and len(chunk.pieces) > 1:
        iso3 = first.entry.ref
    elif kind in ("country", "capital") and len(chunk.pieces) == 1:
        if _is_place(d, tokens, chunk, reading.last_place_end, reading.prev_end):
            reading.last_place_end = reading.prev_end = chunk.end
            return None
    if not iso3 and reading.last_country:  # one country for both
        i = _left(d, tokens, chunk.start)
        if i == reading.last_country_end and tokens[i].key in d.words["conjunction"]:
            iso3 = reading.last_country
    return iso3


def _object_noun(d: ActorDictionary, tokens: list[Token], start: int, end: int) -> bool:
    """A noun after the chunk (tokens[start:end]) makes it a modifier ("police station"), or a
    glued "-held" ("rebel-held town"); a noun that is also a verb is the chunk's verb when a
    word that can be its object follows ("raiders attack a village")."""
    n = len(tokens)
    if end < n and tokens[end].key in d.words["object-noun"]:
        return not (tokens[end].key in d.words["verb-noun"] and _verb_reading(d, tokens, start,
                                                                              end))
    return end + 1 < n and tokens[end].key == "-" and glued(tokens, end) \
        and tokens[end + 1].key in d.words["held"]


def _verb_reading(d: ActorDictionary, tokens: list[Token], start: int, end: int) -> bool:
    """tokens[end] ("attack") is the verb of the chunk before it: a word after it that is no
    preposition or verb a noun would take ("militants attack villages", not "militant attacks
    on ..." or "the militia attack killed two"), and, for a form without -s, no "a"/"an"
    before the chunk ("a police attack"; "a gunman attacks a bus" is a verb)."""
    word = tokens[end].key
    if not word.endswith("s") and start > 0 and tokens[start - 1].key in d.words["indefinite"]:
        return False
    nxt = tokens[end + 1] if end + 1 < len(tokens) else None
    return nxt is not None and nxt.is_word and nxt.key not in d.words["noun-follower"]


def _lone_group(d: ActorDictionary, tokens: list[Token], start: int, end: int) -> bool:
    """A lone ethnic name (tokens[start:end]) used as a plural noun for its people, ACLED's
    identity militia: before a group verb, as its subject ("Pokot raid a village", "the Turkana
    retaliated") or the doer of the same word as a noun ("a Pokot raid on ..."), or ending its
    phrase after "by" or "with" ("attacked by Turkana", "clashes with the Pokot in ...")."""
    n = len(tokens)
    nxt = tokens[end] if end < n else None
    if nxt is not None and nxt.key in d.words["group-verb"]:
        return True  # the verb's subject, or the noun's doer ("a Pokot raid on a village")
    if _shares_identity_noun(d, tokens, end):
        return True  # "the Pokot and Wariyo clans": the first name shares the noun
    i = _left(d, tokens, start)
    if i < 0 or tokens[i].key not in d.words["group-before"]:
        return False
    return nxt is None or not nxt.is_word or nxt.key in d.words["locative"] \
        or nxt.key in d.words["noun-follower"]


def _shares_identity_noun(d: ActorDictionary, tokens: list[Token], end: int) -> bool:
    """tokens[end:] are "and", a short capitalised name and an identity noun ("... and Wariyo
    clans"): the name before `end` is a group of the same kind."""
    if end >= len(tokens) or tokens[end].key not in d.words["conjunction"] \
            or tokens[end].key == ",":
        return False
    i = end + 1
    while i < len(tokens) and i - end <= _SHARED_NAME_WORDS and tokens[i].is_capitalized:
        i += 1
    return end + 1 < i < len(tokens) and tokens[i].key in d.identity_nouns


def _left(d: ActorDictionary, tokens: list[Token], i: int) -> int:
    """Index of the first token left of `i` that is not a determiner (-1 if none)."""
    det = d.words["determiner"]
    i -= 1
    while i >= 0 and tokens[i].key in det:
        i -= 1
    return i


def _is_place(d: ActorDictionary, tokens: list[Token], chunk: Chunk, last_place_end: int,
              prev_end: int) -> bool:
    """A country or capital used as a place: after "in"/"near"/..., in a list that follows
    one, inside a longer proper name ("Baghdad International Airport", "Latin America"), or a
    dateline. `prev_end`: where the previous chunk ended (a matched neighbour is no name)."""
    p = chunk.start - 1
    if _bracketed_place(tokens, chunk.start):
        return True
    if p > 0 and p != prev_end - 1 and tokens[p].is_word and tokens[p].is_capitalized \
            and tokens[p].key not in d.words["not-name"]:
        return True
    if p > 0 and tokens[p].key == "," and p - 1 != prev_end - 1 and tokens[p - 1].is_word \
            and tokens[p - 1].is_capitalized and tokens[p - 1].key not in d.words["not-name"]:
        return True  # "near Marsabit, Kenya": the country of the place named before it
    if p > 0 and tokens[p].key in d.words["particle"] and not tokens[p].is_capitalized \
            and tokens[p - 1].is_capitalized:
        return True  # "Mocímboa da Praia", "Ciudad del Este": the end of a longer name
    i = _left(d, tokens, chunk.start)
    if i >= 0 and tokens[i].key in d.words["locative"]:
        return True
    if i >= 0 and chunk.pieces[0].entry.kind == "capital" \
            and tokens[i].key in d.words["place-locative"]:
        return True  # "fled to Moscow"; a country after "to" stays an actor ("aid to Iran")
    if i >= 0 and tokens[i].key in d.words["conjunction"] and i == last_place_end:
        return True
    e = chunk.end
    if e < len(tokens):
        nxt = tokens[e]
        if nxt.key == "(" or (nxt.is_word and nxt.is_capitalized and nxt.key not in
                              d.words["not-name"]):
            return True
    head = tokens[chunk.start]
    if chunk.pieces[0].entry.kind == "capital" and _route_end(tokens, chunk.start, e):
        return True
    return len(head.text) > 3 and head.text.isupper() and chunk.pieces[0].entry.kind == "capital"


_ROUTE_JOINS = ("-", "/")


def _route_end(tokens: list[Token], start: int, end: int) -> bool:
    """A capital glued by a hyphen or slash to another name is one end of a route or a pair
    of places ("the Nairobi-Mombasa highway", "the Garissa-Nairobi road"), not its state."""
    n = len(tokens)
    before = start >= 2 and tokens[start - 1].key in _ROUTE_JOINS and glued(tokens, start - 1) \
        and tokens[start - 2].is_capitalized
    after = end + 1 < n and tokens[end].key in _ROUTE_JOINS and glued(tokens, end) \
        and tokens[end + 1].is_capitalized
    return before or after


def _bracketed_place(tokens: list[Token], start: int) -> bool:
    """Inside brackets that follow a word, as event notes name a place's province and country:
    "in Harare (Harare)", "in Pretoria (Gauteng, South Africa)"."""
    for q in range(start - 1, max(-1, start - 6), -1):
        key = tokens[q].key
        if key == ")":
            return False
        if key == "(":
            return q > 0 and tokens[q - 1].is_word
    return False


def _proxy_country(d: ActorDictionary, tokens: list[Token], piece: Piece) -> bool:
    """"pro-Iran", "Iran-backed": the country qualifies another actor, it is not one."""
    s, e = piece.start, piece.end
    if s >= 2 and tokens[s - 1].key == "-" and glued(tokens, s - 1) \
            and tokens[s - 2].key in d.words["pro"]:
        return True
    return (e + 1 < len(tokens) and tokens[e].key == "-" and glued(tokens, e)
            and tokens[e + 1].key in d.words["backer"])


def _former(d: ActorDictionary, tokens: list[Token], start: int) -> int:
    """Start index of a "former"/"ex-" just before `start`, else -1."""
    i = start - 1
    if i >= 1 and tokens[i].key == "-" and glued(tokens, i):
        i -= 1
    return i if i >= 0 and tokens[i].key in d.words["former"] else -1


def _resolve(d: ActorDictionary, chunk: Chunk, day: dt.date | None, iso3: str,
             context: str, object_noun: bool) -> tuple[Actor, str] | None:
    """The actor a composed chunk names, and the rule id of its head, or None."""
    pieces = chunk.pieces
    last = pieces[-1].entry
    if pieces[0].entry.kind == "identity":  # "the Kapkeny clan": its militia
        ref = pieces[0].entry.ref
        return identity_actor(ref, iso3 or context, day), f"identity:{ref}"
    if pieces[0].entry.kind == "ethnic":
        agents = [p.entry.ref for p in pieces[1:] if p.entry.kind == "agent"]
        if chunk.community or (agents and agents[-1] in d.words["ethnic-armed"]):
            # "Fulani gunmen", "Kuki communities": ACLED's identity militia
            group = pieces[0].entry.ref
            return ethnic_actor(group, iso3 or context, day), f"ethnic:{group}"
        if not agents:
            return None  # "a Fulani village": the name qualifies a place or a person
        chunk.pieces = pieces[1:]  # "Fulani villagers": civilians of that identity
        return identity_of(_resolve(d, chunk, day, iso3, context, object_noun),
                           pieces[0].entry.ref, iso3 or context)
    if last.kind == "person":
        return person_actor(last.ref, day, chunk.former), f"people:{last.ref}"
    if len(pieces) == 1:  # perf: most chunks are one piece
        heads = [last] if last.kind in ("agent", "org") else []
    else:
        heads = [p.entry for p in pieces if p.entry.kind in ("agent", "org")]
    if heads:
        i = len(heads) - 1
        # "Taliban fighters", "army spokesman": the dependent word takes the group before it
        while i > 0 and heads[i].kind == "agent" and d.agents[heads[i].ref].inherits:
            i -= 1
        head = heads[i]
        if head.kind == "org":
            return organisation_actor(head.ref, day), f"organisations:{head.ref}"
        agent = d.agents[head.ref]
        if not agent.alone and len(pieces) == 1 and not chunk.named:
            return None
        if object_noun and not chunk.named:
            return None  # "police station", "military base": a modifier, not an actor
        country = iso3 or context
        rule = f"agents:{agent.id}"
        if agent.office and not chunk.named and not chunk.former:
            holder = office_holder(country, agent.office, day)
            if holder:  # "the prime minister" on that date
                return person_actor(holder, day), f"people:{holder}"
        return agent_actor(agent, country, day, chunk.former), rule
    if len(pieces) != 1:
        return None
    if last.kind == "plural":  # "Iraqis"
        actor = role_actor("CVL", last.ref, day)
        actor.code, actor.kind = cameo(last.ref), "people"
        return actor, f"demonyms:{last.ref}"
    if last.kind in ("country", "capital"):
        if object_noun:  # "the US embassy", "Iraqi airspace"
            return None
        actor = role_actor("GOV", last.ref, day)
        actor.code = cameo(last.ref)
        actor.kind = "country" if last.kind == "country" else "capital-metonym"
        return actor, f"{'countries' if last.kind == 'country' else 'capitals'}:{last.ref}"
    return None  # a demonym on its own is an adjective ("the Iraqi capital")

