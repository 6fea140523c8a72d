"""Actor mentions in one sentence: who is named, as an ACLED name, CAMEO code and inter code.

One PhraseMatcher pass finds every dictionary name (agents, organisations, people, countries,
capitals, demonyms); neighbouring pieces then compose into one mention, read left to right:

    [former] [country | demonym | possessive] [modifiers] [organisation | agent]* [person]

"Iran's Foreign Ministry spokesman Saeed Khatibzadeh" is one mention (Government of Iran /
IRNGOV); "Iraqi riot police" is Police Forces of Iraq / IRQCOP. People and dated groups resolve
against the sentence's date (an office holder is GOV only while in office, ELI after); a bare
title ("the prime minister") resolves through the dated office table of the context country.
Generic agents with no country of their own take `context_country`. The dictionaries live in
`coder/data/actors/` (see `coder.actor_tables`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from coder.actor_tables import ActorDictionary, AgentRow, Entry, OrganisationRow, PersonRow
from coder.models import Actor, ActorMention, Span
from coder.text import Token

__all__ = ["ActorDictionary", "find_actors", "person_actor", "organisation_actor",
           "agent_actor", "office_holder", "with_country"]

_COUNTRY_KINDS = frozenset({"country", "capital", "demonym", "plural"})
# roles that "former" turns into ELI (a former minister is no longer the government)
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})


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
    pieces_by_kind: dict[str, _Piece] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# Resolution of dictionary entries to actors
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _regime_label(iso3: str, day: dt.date | None) -> str:
    if day is None:
        return ""
    for r in ActorDictionary.load().regimes.get(iso3, ()):
        if r.start <= day and (r.end is None or day <= r.end):
            return f" ({r.label})"
    return ""


@lru_cache(maxsize=8192)
def _render(template: str, iso3: str, years: str) -> str:
    """Fill an ACLED name template for a country; without a country, drop the country part."""
    d = ActorDictionary.load()
    c = d.countries.get(iso3) if iso3 else None
    if c is None:
        return template.replace(" ({country})", "").replace(" of {state}{years}", "").strip()
    dem = d.demonyms.get(iso3)
    state = dem.state_form if dem is not None and dem.state_form else c.acled_name
    return template.format(state=state, country=c.acled_name, years=years)


def _cameo(iso3: str) -> str:
    c = ActorDictionary.load().countries.get(iso3) if iso3 else None
    return c.cameo if c is not None else ""


def _role_actor(role: str, iso3: str, day: dt.date | None, *, name: str = "",
                inter: int | None = None, kind: str = "", assoc: str = "") -> Actor:
    d = ActorDictionary.load()
    row = d.roles[role]
    template = name or row.name
    years = _regime_label(iso3, day) if iso3 else ""
    if iso3 and iso3 in d.countries:
        actor_name = _render(template, iso3, years)
        code = _cameo(iso3) + role
    else:
        actor_name = _render(template, "", "") if name else row.unknown
        iso3, code = "", ""
    return Actor(actor_name, code, inter or row.inter, iso3, kind or row.kind,
                 _render(assoc, iso3, "") if assoc else "")


def agent_actor(agent: AgentRow, iso3: str, day: dt.date | None, former: bool = False) -> Actor:
    """A generic agent ("police") of a country (or none) on a date."""
    if former and agent.role in _STATE_ROLES:
        return _role_actor("ELI", iso3, day)
    return _role_actor(agent.role, iso3, day, name=agent.name, inter=agent.inter,
                       kind=agent.kind, assoc=agent.assoc)


def _org_row(rows: list[OrganisationRow], day: dt.date | None) -> OrganisationRow:
    if day is None:  # no date: the current row (open end), else the latest
        return next((r for r in rows if r.end is None), rows[-1])
    for r in rows:
        if (r.start is None or r.start <= day) and (r.end is None or day <= r.end):
            return r
    return rows[0] if rows[0].start and day < rows[0].start else rows[-1]


def organisation_actor(org_id: str, day: dt.date | None) -> Actor:
    """A named organisation on a date (the Taliban are a rebel group before August 2021)."""
    row = _org_row(ActorDictionary.load().organisations[org_id], day)
    name = row.name
    if "{" in name:
        name = _render(name, row.iso3, _regime_label(row.iso3, day))
    return Actor(name, row.code, row.inter, row.iso3, row.kind)


def _person_row(rows: list[PersonRow], day: dt.date | None) -> PersonRow | None:
    """The row in force on `day`; None means a former official (no term covers the date)."""
    if day is None:
        dated = [r for r in rows if r.dated]
        if dated:
            return max(dated, key=lambda r: r.start or dt.date.min)
        return rows[0]
    for r in rows:
        if r.covers(day):
            return r
    return next((r for r in rows if not r.dated), None)


def person_actor(person_id: str, day: dt.date | None, former: bool = False) -> Actor:
    """A person on a date: their office's actor while in office, their group, or ELI."""
    rows = ActorDictionary.load().people[person_id]
    row = _person_row(rows, day)
    if row is None:  # outside every term: a former official
        iso3 = next((r.iso3 for r in reversed(rows) if r.iso3), "")
        actor = _role_actor("ELI", iso3, day)
    elif row.org:
        return organisation_actor(row.org, day)
    elif former and row.role in _STATE_ROLES:
        actor = _role_actor("ELI", row.iso3, day)
    else:
        actor = _role_actor(row.role, row.iso3, day)
    actor.kind = "person"
    return actor


def office_holder(iso3: str, office: str, day: dt.date | None) -> str:
    """The id of the person holding `office` in `iso3` on `day`, or ""."""
    if day is None or not iso3:
        return ""
    for r in ActorDictionary.load().offices.get((iso3, office), ()):
        if r.covers(day):
            return r.id
    return ""


def with_country(mention: ActorMention, iso3: str, day: dt.date | None) -> ActorMention:
    """The same mention with `iso3` as its country when it is a generic agent that had none
    (used once the event's country is known)."""
    if mention.actor.country or not mention.rule_id.startswith("agents:"):
        return mention
    agent = ActorDictionary.load().agents.get(mention.rule_id.split(":", 1)[1])
    if agent is None:
        return mention
    return ActorMention(mention.span, agent_actor(agent, iso3, day), mention.rule_id,
                        mention.coreferent)


# --------------------------------------------------------------------------------------------
# Finding mentions in a sentence
# --------------------------------------------------------------------------------------------


def _case_ok(entry: Entry, tokens: list[Token], start: int, end: int) -> bool:
    if entry.case == 0:
        return True
    words = [t for t in tokens[start:end] if t.is_word]
    if entry.case == 2:
        return all(t.text.isupper() for t in words)
    return any(t.is_capitalized for t in words)


def _glued(tokens: list[Token], i: int) -> bool:
    """Token i is punctuation written without spaces on either side ("Iran-backed")."""
    return (0 < i < len(tokens) - 1 and tokens[i - 1].end == tokens[i].start
            and tokens[i].end == tokens[i + 1].start)


def _pieces(d: ActorDictionary, tokens: list[Token]) -> list[_Piece]:
    return [_Piece(m.value, m.start, m.end) for m in d.matcher.iter_find(tokens)
            if _case_ok(m.value, tokens, m.start, m.end)]


def _gap_joins(d: ActorDictionary, tokens: list[Token], chunk: _Chunk, nxt: _Piece) -> bool:
    """May `nxt` continue `chunk`, given the tokens between them?"""
    last = chunk.pieces[-1].entry.kind
    kind = nxt.entry.kind
    if last == "person" or kind in _COUNTRY_KINDS:
        return False
    gap = tokens[chunk.end:nxt.start]
    if not gap:
        return True
    if len(gap) == 1 and gap[0].key == "'s":  # "Iran's Foreign Ministry", "Hamas's leader"
        return last in ("country", "capital", "org")
    modifiers = d.words_of("modifier")
    return len(gap) <= 2 and all(t.key in modifiers for t in gap)


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
    not_name, particles = d.words_of("not-name"), d.words_of("particle")
    j, taken = chunk.end, 0
    while j < len(tokens) and taken < 6:
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
    det = d.words_of("determiner")
    i -= 1
    while i >= 0 and tokens[i].key in det:
        i -= 1
    return i


def _is_place(d: ActorDictionary, tokens: list[Token], chunk: _Chunk, last_place_end: int) -> bool:
    """A country or capital used as a place: after "in"/"near"/..., in a list that follows
    one, inside a longer proper name ("Baghdad International Airport"), or a dateline."""
    i = _left(d, tokens, chunk.start)
    if i >= 0 and tokens[i].key in d.words_of("locative"):
        return True
    if i >= 0 and tokens[i].key in d.words_of("conjunction") and i == last_place_end:
        return True
    e = chunk.end
    if e < len(tokens):
        nxt = tokens[e]
        if nxt.key == "(" or (nxt.is_word and nxt.is_capitalized and nxt.key not in
                              d.words_of("not-name")):
            return True
    head = tokens[chunk.start]
    return len(head.text) > 3 and head.text.isupper() and chunk.pieces[0].entry.kind == "capital"


def _proxy_country(d: ActorDictionary, tokens: list[Token], piece: _Piece) -> bool:
    """"pro-Iran", "Iran-backed": the country qualifies another actor, it is not one."""
    s, e = piece.start, piece.end
    if s >= 2 and tokens[s - 1].key == "-" and _glued(tokens, s - 1) \
            and tokens[s - 2].key in d.words_of("pro"):
        return True
    return (e + 1 < len(tokens) and tokens[e].key == "-" and _glued(tokens, e)
            and tokens[e + 1].key in d.words_of("backer"))


def _former(d: ActorDictionary, tokens: list[Token], start: int) -> int:
    """Start index of a "former"/"ex-" just before `start`, else -1."""
    i = start - 1
    if i >= 1 and tokens[i].key == "-" and _glued(tokens, i):
        i -= 1
    return i if i >= 0 and tokens[i].key in d.words_of("former") else -1


def _resolve(d: ActorDictionary, chunk: _Chunk, day: dt.date | None, iso3: str,
             context: str) -> tuple[Actor, str] | None:
    """The actor a composed chunk names, and the rule id of its head, or None."""
    pieces = chunk.pieces
    last = pieces[-1].entry
    if last.kind == "person":
        return person_actor(last.ref, day, chunk.former), f"people:{last.ref}"
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
        actor = _role_actor("CVL", last.ref, day)
        actor.code, actor.kind = _cameo(last.ref), "people"
        return actor, f"demonyms:{last.ref}"
    if last.kind in ("country", "capital"):
        actor = _role_actor("GOV", last.ref, day)
        actor.code = _cameo(last.ref)
        actor.kind = "country" if last.kind == "country" else "capital-metonym"
        return actor, f"{'countries' if last.kind == 'country' else 'capitals'}:{last.ref}"
    return None  # a demonym on its own is an adjective ("the Iraqi capital")


def find_actors(tokens: list[Token], text: str, on_date: dt.date | None = None,
                context_country: str = "") -> list[ActorMention]:
    """Every actor mention in a sentence, left to right, non-overlapping, each the longest
    composed phrase naming one actor. Spans are offsets into `text`; `context_country` (ISO3)
    is the default country of generic agents ("police", "gunmen")."""
    d = ActorDictionary.load()
    pieces = _pieces(d, tokens)
    if not pieces:
        return []
    context = context_country if context_country in d.countries else ""
    conjunctions = d.words_of("conjunction")
    out: list[ActorMention] = []
    last_place_end = last_country_end = -2
    last_country = ""
    for chunk in _chunks(d, tokens, pieces):
        first = chunk.pieces[0]
        if first.entry.kind in _COUNTRY_KINDS and _proxy_country(d, tokens, first):
            if len(chunk.pieces) == 1:
                continue
            chunk.pieces = chunk.pieces[1:]  # "pro-Iran militias": the militias, not Iran
            chunk.start = chunk.pieces[0].start
            first = chunk.pieces[0]
        f = _former(d, tokens, chunk.start)
        if f >= 0:
            chunk.former, chunk.start = True, f
        iso3 = chunk.of_country
        if first.entry.kind in _COUNTRY_KINDS and len(chunk.pieces) > 1:
            iso3 = first.entry.ref
        elif first.entry.kind in ("country", "capital") and len(chunk.pieces) == 1:
            if _is_place(d, tokens, chunk, last_place_end):
                last_place_end = chunk.end
                continue
        if not iso3 and last_country:  # "Iraqi police and soldiers": one country for both
            i = _left(d, tokens, chunk.start)
            if i == last_country_end and tokens[i].key in conjunctions:
                iso3 = last_country
        resolved = _resolve(d, chunk, on_date, iso3, context)
        if resolved is None:
            continue
        actor, rule = resolved
        if iso3 and chunk.pieces[-1].entry.kind == "agent":
            last_country, last_country_end = iso3, chunk.end
        s, e = tokens[chunk.start].start, tokens[chunk.end - 1].end
        out.append(ActorMention(Span(s, e, text[s:e]), actor, rule))
    return out
