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
`coder.stages.actors.dictionary`, resolution of entries on a date in `coder.stages.actors.resolve`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coder.models import Actor, ActorMention, Span
from coder.stages.actors.dictionary import ActorDictionary, Entry
from coder.stages.actors.resolve import (
    agent_actor,
    cameo,
    ethnic_actor,
    office_holder,
    organisation_actor,
    person_actor,
    role_actor,
    with_country,
)
from coder.text.tokens import Token

__all__ = ["ActorDictionary", "find_actors", "person_actor", "organisation_actor",
           "agent_actor", "office_holder", "with_country"]

_COUNTRY_KINDS = frozenset({"country", "capital", "demonym", "plural"})
# punctuation a name may be written with or without (as in coder.text.tokens.PhraseMatcher)
_TRANSPARENT = frozenset({"-", "'", "."})
_POSSESSIVES = ("'s", "'")


@dataclass(slots=True)
class _Piece:
    entry: Entry
    start: int  # token indices, end exclusive
    end: int


@dataclass(slots=True)
class _Chunk:
    pieces: list[_Piece]
    start: int
    end: int
    of_country: str = ""  # "the government of Iraq"
    named: bool = False  # a title followed by a name not in the dictionary
    former: bool = False
    community: bool = False  # an ethnic name standing for its group ("Kuki communities")


# --------------------------------------------------------------------------------------------
# Finding mentions in a sentence
# --------------------------------------------------------------------------------------------


def _case_ok(entry: Entry, tokens: list[Token], start: int, end: int) -> bool:
    if entry.case == 0 or (entry.case == 1 and tokens[start].is_capitalized):
        return True
    words = [t for t in tokens[start:end] if t.is_word]
    if entry.case == 2:  # "IS", "MS-13": no lower-case letter anywhere
        return not any(c.islower() for t in words for c in t.text)
    if entry.case == 3:
        return all(any(c.isupper() for c in t.text[1:]) for t in words)
    return any(t.is_capitalized for t in words)


def _glued(tokens: list[Token], i: int) -> bool:
    """Token i is punctuation written without spaces on either side ("Iran-backed")."""
    return (0 < i < len(tokens) - 1 and tokens[i - 1].end == tokens[i].start
            and tokens[i].end == tokens[i + 1].start)


def _pieces(d: ActorDictionary, tokens: list[Token], text: str) -> list[_Piece]:
    """Every dictionary name in the sentence written in the case its entry requires, left to
    right, non-overlapping, the longest at each start."""
    # perf: the longest-match scan of PhraseMatcher.iter_find over `d.matcher`, inlined: it runs
    # on every sentence with actors, and a Match per hit, copied into a _Piece, doubled its cost
    scan, longer, later, stems = d.scan, d.longer, d.later_words, d.possessive_stems
    n = len(tokens)
    pieces: list[_Piece] = []
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
            key, words, j, prev_end = tok.key, 1, s + 1, tok.end
            while j < n and words < longest:
                nxt = tokens[j]
                if nxt.key in _TRANSPARENT and nxt.start == prev_end:
                    prev_end = nxt.end
                    j += 1  # "al-Kadhimi": the hyphen glued to both words is transparent
                    continue
                if not nxt.is_word or nxt.key not in later:
                    break
                key = key + " " + nxt.key
                words += 1
                prev_end = nxt.end
                j += 1
                value = longer.get(key)
                if value is not None:
                    entry, end = value, j
                elif key not in longer:
                    break  # perf: no longer name starts with these words
        if entry is None:
            continue
        case = entry.case
        if case == 0 or (case == 1 and tok.text[:1].isupper()) or _case_ok(entry, tokens, s, end):
            pieces.append(_Piece(entry, s, end))
        i = end
    if possessive and ("'" in text or "\u2019" in text):
        for extra in _possessive_pieces(d, tokens):
            pieces = [p for p in pieces if p.end <= extra.start or p.start >= extra.end]
            pieces.append(extra)
        pieces.sort(key=lambda p: p.start)
    return pieces


def _possessive_pieces(d: ActorDictionary, tokens: list[Token]) -> list[_Piece]:
    """Matches of names with an inner possessive ("New People's Army"), found on tokens where
    each glued "'s" / "'" is merged into the word before it."""
    merged: list[Token] = []
    origin: list[tuple[int, int]] = []  # merged index -> original token range
    for i, t in enumerate(tokens):
        if t.key in ("'s", "'") and merged and merged[-1].end == t.start and merged[-1].is_word:
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
        if end - start > m.end - m.start and _case_ok(m.value, tokens, start, end):
            out.append(_Piece(m.value, start, end))
    return out


def _bracketed_alias(tokens: list[Token], chunk: _Chunk, nxt: _Piece) -> bool:
    """`nxt` is the chunk's group again, in brackets right after it: "Boko Haram (JAS)"."""
    last = chunk.pieces[-1].entry
    return (last.kind == "org" and nxt.entry.kind == "org" and nxt.entry.ref == last.ref
            and nxt.start == chunk.end + 1 and tokens[chunk.end].key == "("
            and nxt.end < len(tokens) and tokens[nxt.end].key == ")")


def _gap_joins(d: ActorDictionary, tokens: list[Token], chunk: _Chunk, nxt: _Piece) -> bool:
    """May `nxt` continue `chunk`, given the tokens between them?"""
    last = chunk.pieces[-1].entry.kind
    kind = nxt.entry.kind
    if last == "person" or kind in _COUNTRY_KINDS:
        return False
    a, b = chunk.end, nxt.start  # the gap, tokens[a:b]
    if b <= a:
        return True
    if b - a == 1 and tokens[a].key == "'s":  # "Iran's Foreign Ministry", "Hamas's leader"
        return last in ("country", "capital", "org")
    if b - a == 3 and tokens[a].key == "(" and tokens[b - 1].key == ")" \
            and tokens[a + 1].text.isupper():
        return last == "org"  # "the Allied Democratic Forces (ADF) rebels": its acronym
    modifiers = d.words["modifier"]
    return b - a <= 2 and all(tokens[x].key in modifiers for x in range(a, b))


def _of_country(d: ActorDictionary, tokens: list[Token], i: int, pieces: list[_Piece],
                k: int) -> tuple[str, int]:
    """"... of (the) Iraq" right after an agent: the country's ISO3 and the piece index after."""
    if i >= len(tokens) or tokens[i].key != "of" or k >= len(pieces):
        return "", k
    j = i + 1
    if j < len(tokens) and tokens[j].key == "the":
        j += 1
    p = pieces[k]
    if p.start == j and p.entry.kind in ("country", "capital"):
        return p.entry.ref, k + 1
    return "", k


def _extend_name(d: ActorDictionary, tokens: list[Token], chunk: _Chunk, pieces: list[_Piece],
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
        elif t.key in ("-", "'") and taken and _glued(tokens, j):
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


def _chunks(d: ActorDictionary, tokens: list[Token], pieces: list[_Piece]) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    k = 0
    while k < len(pieces):
        p = pieces[k]
        chunk = _Chunk([p], p.start, p.end)
        k += 1
        while k < len(pieces) and _bracketed_alias(tokens, chunk, pieces[k]):
            chunk.end = pieces[k].end + 1  # "Boko Haram (JAS)": the group's own acronym
            k += 1
        while k < len(pieces) and _gap_joins(d, tokens, chunk, pieces[k]):
            chunk.pieces.append(pieces[k])
            chunk.end = pieces[k].end
            k += 1
        last = chunk.pieces[-1].entry
        if last.kind == "agent":
            chunk.of_country, k2 = _of_country(d, tokens, chunk.end, pieces, k)
            if chunk.of_country:
                chunk.end, k = pieces[k].end, k2
            elif d.agents[last.ref].title:
                k = _extend_name(d, tokens, chunk, pieces, k)
        chunks.append(chunk)
    return chunks


def _left(d: ActorDictionary, tokens: list[Token], i: int) -> int:
    """Index of the first token left of `i` that is not a determiner (-1 if none)."""
    det = d.words["determiner"]
    i -= 1
    while i >= 0 and tokens[i].key in det:
        i -= 1
    return i


def _is_place(d: ActorDictionary, tokens: list[Token], chunk: _Chunk, last_place_end: int,
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
    return len(head.text) > 3 and head.text.isupper() and chunk.pieces[0].entry.kind == "capital"


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


def _proxy_country(d: ActorDictionary, tokens: list[Token], piece: _Piece) -> bool:
    """"pro-Iran", "Iran-backed": the country qualifies another actor, it is not one."""
    s, e = piece.start, piece.end
    if s >= 2 and tokens[s - 1].key == "-" and _glued(tokens, s - 1) \
            and tokens[s - 2].key in d.words["pro"]:
        return True
    return (e + 1 < len(tokens) and tokens[e].key == "-" and _glued(tokens, e)
            and tokens[e + 1].key in d.words["backer"])


def _former(d: ActorDictionary, tokens: list[Token], start: int) -> int:
    """Start index of a "former"/"ex-" just before `start`, else -1."""
    i = start - 1
    if i >= 1 and tokens[i].key == "-" and _glued(tokens, i):
        i -= 1
    return i if i >= 0 and tokens[i].key in d.words["former"] else -1


def _resolve(d: ActorDictionary, chunk: _Chunk, day: dt.date | None, iso3: str,
             context: str, object_noun: bool) -> tuple[Actor, str] | None:
    """The actor a composed chunk names, and the rule id of its head, or None."""
    pieces = chunk.pieces
    last = pieces[-1].entry
    if pieces[0].entry.kind == "ethnic":
        agents = [p.entry.ref for p in pieces[1:] if p.entry.kind == "agent"]
        if chunk.community or (agents and agents[-1] in _ETHNIC_ARMED):
            # "Fulani gunmen", "Kuki communities": ACLED's identity militia
            group = pieces[0].entry.ref
            return ethnic_actor(group, iso3 or context, day), f"ethnic:{group}"
        if not agents:
            return None  # "a Fulani village": the name qualifies a place or a person
        pieces = chunk.pieces = pieces[1:]  # "Fulani villagers": civilians
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


def find_actors(tokens: list[Token], text: str, on_date: dt.date | None = None,
                context_country: str = "") -> list[ActorMention]:
    """Every actor mention in a sentence, left to right, non-overlapping, each the longest
    composed phrase naming one actor. Spans are offsets into `text`; `context_country` (ISO3)
    is the default country of generic agents ("police", "gunmen")."""
    d = ActorDictionary.load()
    pieces = _pieces(d, tokens, text)
    if not pieces:
        return []
    context = context_country if context_country in d.countries else ""
    conjunctions, objects = d.words["conjunction"], d.words["object-noun"]
    formers = d.words["former"]
    out: list[ActorMention] = []
    last_place_end = last_country_end = -2
    last_country = ""
    prev_end = -1
    spans: list[tuple[int, int]] = []  # token range of each mention in `out`
    chunks = _chunks(d, tokens, pieces)
    n = len(tokens)
    for ci, chunk in enumerate(chunks):
        first = chunk.pieces[0]
        kind = first.entry.kind
        if len(chunk.pieces) == 1 and kind in ("ethnic", "demonym"):
            _share_head(d, tokens, chunks, ci)  # keeps the first piece
        if kind in _COUNTRY_KINDS and _proxy_country(d, tokens, first):
            if len(chunk.pieces) == 1:
                continue
            chunk.pieces = chunk.pieces[1:]  # "pro-Iran militias": the militias, not Iran
            chunk.start = chunk.pieces[0].start
            first = chunk.pieces[0]
            kind = first.entry.kind
        before = tokens[chunk.start - 1].key if chunk.start else ""
        if before in formers or before == "-":  # perf: the call only where it can succeed
            f = _former(d, tokens, chunk.start)
            if f >= 0:
                chunk.former, chunk.start = True, f
        iso3 = chunk.of_country
        if kind in _COUNTRY_KINDS and len(chunk.pieces) > 1:
            iso3 = first.entry.ref
        elif kind in ("country", "capital") and len(chunk.pieces) == 1:
            if _is_place(d, tokens, chunk, last_place_end, prev_end):
                last_place_end = prev_end = chunk.end
                continue
        if not iso3 and last_country:  # "Iraqi police and soldiers": one country for both
            i = _left(d, tokens, chunk.start)
            if i == last_country_end and tokens[i].key in conjunctions:
                iso3 = last_country
        end = chunk.end
        object_noun = end < n and tokens[end].key in objects or (
            end + 1 < n and tokens[end].key == "-" and _glued(tokens, end)
            and tokens[end + 1].key in _HELD)
        resolved = _resolve(d, chunk, on_date, iso3, context, object_noun)
        prev_end = end
        if resolved is None:
            continue
        actor, rule = resolved
        if iso3 and chunk.pieces[-1].entry.kind == "agent":
            last_country, last_country_end = iso3, end
        s, e = tokens[chunk.start].start, tokens[end - 1].end
        out.append(ActorMention(Span(s, e, text[s:e]), actor, rule))
        spans.append((chunk.start, end))
    return _affiliations(d, tokens, text, out, spans) if len(out) > 1 else out


# agents that make an ethnic name its militia ("Fulani gunmen", "Dogon community leaders")
_ETHNIC_ARMED = frozenset({"rebels", "gunmen", "communal-militia", "separatists", "gang",
                           "elites", "dependent"})


def _share_head(d: ActorDictionary, tokens: list[Token], chunks: list[_Chunk], ci: int) -> None:
    """A lone demonym or ethnic name coordinated with a full one shares its head noun:
    "Ukrainian and Russian troops" are two forces, "Meitei and Kuki communities" two groups.
    An ethnic name followed by a community word ("Kuki communities") takes it into its span."""
    chunk = chunks[ci]
    kind = chunk.pieces[0].entry.kind
    end = chunk.end
    if kind == "ethnic" and end < len(tokens) and tokens[end].key in d.words["community"]:
        chunk.community, chunk.end = True, end + 1
        return
    if end + 1 >= len(tokens) or tokens[end].key not in ("and", ",", "or"):
        return
    nxt = chunks[ci + 1] if ci + 1 < len(chunks) else None
    if nxt is None or nxt.start != end + 1 or nxt.pieces[0].entry.kind != kind:
        return
    if len(nxt.pieces) == 1:
        _share_head(d, tokens, chunks, ci + 1)  # "Hema, Lendu and Twa militias"
        chunk.community = nxt.community
        if len(nxt.pieces) == 1:
            return
    chunk.pieces = [chunk.pieces[0], *nxt.pieces[1:]]


# "rebel-held town", "Taliban-controlled district": the group qualifies a place
_HELD = frozenset({"held", "controlled", "run", "occupied", "dominated"})

# generic armed agents that a named group can stand for ("militants linked to al-Qaeda")
_AFFILIATE_AGENTS = frozenset({"rebels", "gunmen", "gang", "dependent", "separatists",
                               "communal-militia"})


def _affiliations(d: ActorDictionary, tokens: list[Token], text: str,
                  mentions: list[ActorMention], spans: list[tuple[int, int]]
                  ) -> list[ActorMention]:
    """A generic agent tied to a named group is that group: "Islamic State-linked insurgents",
    "jihadists linked to al-Qaeda", "members of the Gran Grif gang", "fighters of the SDF"."""
    link_words = d.words["affiliation"]
    out: list[ActorMention] = []
    skip = -1
    for k, m in enumerate(mentions):
        if k == skip:
            continue
        if k + 1 < len(mentions):
            nxt = mentions[k + 1]
            a, b = spans[k][1], spans[k + 1][0]
            if _linked(tokens, a, b, link_words):
                org_first = m.rule_id.startswith("organisations:") and _agent_id(nxt) in \
                    _AFFILIATE_AGENTS and tokens[a].key == "-"  # "Islamic State-linked insurgents"
                agent_first = _agent_id(m) in _AFFILIATE_AGENTS and nxt.rule_id.startswith(
                    ("organisations:", "ethnic:")) and tokens[a].key != "-"  # "militants linked to
                # al-Qaeda", "armed men from the Meitei community"
                if org_first or agent_first:
                    group = m if org_first else nxt
                    s, e = m.span.start, nxt.span.end
                    out.append(ActorMention(Span(s, e, text[s:e]), group.actor, group.rule_id))
                    skip = k + 1
                    continue
        out.append(m)
    return out


def _linked(tokens: list[Token], a: int, b: int, link_words: frozenset[str]) -> bool:
    """tokens[a:b], between two mentions, are one to three link words ("linked to", "members
    of"), not counting articles, hyphens and qualifiers glued to a hyphen ("of the
    Kurdish-led SDF": a qualifier glued to "-led" is part of the link)."""
    words = 0
    for i in range(a, b):
        key = tokens[i].key
        if key in _LINK_SKIPPED or (i + 2 < b and tokens[i + 1].key == "-"):
            continue
        words += 1
        if words > 3 or key not in link_words:  # perf: most gaps fail on their first word
            return False
    return words > 0


_LINK_SKIPPED = frozenset({"-", "the", "a", "an"})


def _agent_id(m: ActorMention) -> str:
    return m.rule_id.split(":")[1] if m.rule_id.startswith("agents:") else ""
