"""What a document's sentences share: the date relative expressions are read against, the
countries its places are looked up in, and whether a quotation runs on into the next sentence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from coder.dictionaries.rules import TriggerMatch
from coder.document.model import DocEvent
from coder.models import DateExpression, Document, PlaceMention
from coder.stages.events import SentenceAnalysis
from coder.stages.places import Gazetteer, PlaceContext
from coder.stages.places.match import STATED_WEIGHT

_T = TypeVar("_T")


def document_anchor(
    doc: Document, analyses: list[SentenceAnalysis]
) -> tuple[dt.date | None, str]:
    """The date relative expressions are read against: publication, else the text's latest date."""
    if doc.published is not None:
        return doc.published, doc.published_source
    latest: dt.date | None = None
    for sa in analyses:
        for d in sa.dates:
            if d.kind == "explicit" and d.year and d.month and d.day:
                try:
                    day = dt.date(d.year, d.month, d.day)
                except ValueError:
                    continue
                if latest is None or day > latest:
                    latest = day
    if latest is not None:
        return latest, "text"
    return None, "none"


def needs_actors(pos: int, triggers: list[list[TriggerMatch]], pronouns: list[bool]) -> bool:
    """Actors matter in a sentence that reports an event, and in the two sentences before one
    that reports an event about a person named by pronoun (the antecedent is there)."""
    return bool(triggers[pos]) or any(pronouns[pos + 1 : pos + 3])


def actor_countries(
    analyses: list[SentenceAnalysis], dateline: str, gaz: Gazetteer
) -> PlaceContext:
    """The document's countries, surest first. A story is where its places are: the
    countries its sentences name or whose places they confirm ("across Kenya", "Kitui
    county", "Bor (Jonglei)"), and its dateline, outrank the countries of the actors it names
    (a group's home, "raiders from Sudan"), which only order the rest and break ties. A small
    town nothing confirms (it may be a namesake abroad: "in Kwanza", not Angola's Cuanza)
    ranks its country after the actors'."""
    # perf: plain dicts, not Counters (their `update` is Python code); insertion order is
    # the same, and it breaks the ranking's ties
    stated: dict[str, int] = {}
    actors: dict[str, int] = {}
    named: set[str] = set()
    for sa in analyses:
        if sa.tokens:
            # the sentence's words are read once: the gazetteer keeps the names it found, and
            # the places looked up later under the document's countries resolve them again
            names = gaz.scan(sa.tokens)
            if names:  # perf: most sentences name no place
                named |= gaz.named_countries(names)
                strong, weak = gaz.stated_countries(sa.tokens, names)
                for iso, n in strong.items():
                    stated[iso] = stated.get(iso, 0) + n
                for iso in weak:  # ranked, after the actors' countries
                    stated.setdefault(iso, 0)
        for a in sa.actors:
            if a.actor.country:
                actors[a.actor.country] = actors.get(a.actor.country, 0) + 1
    if dateline:
        for part in (dateline, *dateline.split(",")):
            found = gaz.lookup(part.strip())
            if found is not None:
                stated[found.iso3] = stated.get(found.iso3, 0) + STATED_WEIGHT
                break
    # ties: the first named first (sorted is stable), a weak country after the actors' own
    sure = [iso for iso, n in stated.items() if n > 0]
    ranked = sorted(dict.fromkeys([*sure, *actors, *stated]),
                    key=lambda iso: (-stated.get(iso, 0), -actors.get(iso, 0)))
    # supported by more than a town's bare name: named, confirmed, an actor's, the dateline's
    supported = named | set(actors) | {iso for iso, n in stated.items() if n >= STATED_WEIGHT}
    return PlaceContext(ranked, dateline, supported=frozenset(supported))


def with_known_country(context: PlaceContext, known: str) -> PlaceContext:
    """The context with the country the document is known to be about (ISO3, "" for none) at
    the top of its countries and confirmed: its places are looked up there first, every
    sentence keeps to it unless its own words place it elsewhere, and it is the country of
    the actors the text gives none."""
    if not known:
        return context
    others = [iso for iso in context.countries if iso != known]
    return PlaceContext([known, *others], context.dateline, known, context.supported)


def quote_open_after(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    opening = max(text.rfind("\u201c"), text.rfind("\u201e"))
    closing = text.rfind("\u201d")
    if opening >= 0 or closing >= 0:
        state = opening > closing  # curly quotes say which side they are on
        tail = text[max(opening, closing) + 1 :]
    else:
        state, tail = open_before, text
    return state if tail.count('"') % 2 == 0 else not state


def carry_scene(events: list[DocEvent], analyses: list[SentenceAnalysis],
                scenes: Sequence[SentenceAnalysis] = (),
                read_scene: Callable[[SentenceAnalysis], None] | None = None) -> None:
    """A date and a place stated early in a text apply to the events of its later sentences
    that state none of their own ("On 4 May, a mob beat a man in Kisumu. Later, police
    arrested three suspects."): each takes those of the nearest earlier sentence whose event
    states them, or the opening sentence's own. Within one sentence the attachment of
    arguments has already said which event a date or place belongs to. A statement keeps its
    own: it is made when reported, wherever the speaker is. `scenes`: sentences with no
    event whose places `read_scene` fills in; they count as any sentence that names a place,
    but are read only when an event's search for its nearest place comes to them."""
    dates: dict[int, DateExpression] = {}
    places: dict[int, PlaceMention] = {}
    for ev in events:
        m = ev.mention
        if m.date_expression is not None:
            dates.setdefault(m.sentence_index, m.date_expression)
        if m.place is not None:
            places.setdefault(m.sentence_index, m.place)
    lead = opening_sentence(analyses)
    if lead is not None and lead.dates:  # the opening sentence sets the scene
        dates.setdefault(lead.sentence.index, lead.dates[0])
    for sa in analyses:  # so does any sentence that names a place, even with no event
        if sa.places and not sa.is_title:
            places.setdefault(sa.sentence.index, sa.places[0])
    waiting = {sa.sentence.index: sa for sa in scenes if not sa.is_title}
    for ev in events:
        m = ev.mention
        if ev.family == "verbal":
            continue
        if m.date_expression is None:
            m.date_expression = _nearest_before(dates, m.sentence_index)
        if m.place is None:
            m.place = _scene_near(places, waiting, read_scene, m.sentence_index, False) or (
                _scene_near(places, waiting, read_scene, m.sentence_index, True))


def opening_sentence(analyses: list[SentenceAnalysis]) -> SentenceAnalysis | None:
    """The text's first sentence after the title ("14 May." in "14 May. Traders marched ...")."""
    return next((sa for sa in analyses if not sa.is_title), None)


def _scene_near(places: dict[int, PlaceMention], waiting: dict[int, SentenceAnalysis],
                read: Callable[[SentenceAnalysis], None] | None, index: int,
                after: bool) -> PlaceMention | None:
    """The first place of the nearest sentence before `index` (after it, with `after`) that
    names one, among `places` and the `waiting` sentences' places; a waiting sentence is read
    (and leaves `waiting`) only when it is nearer than every place known (perf: most are
    never read)."""
    while True:
        if after:
            near = min((i for i in places if i > index), default=None)
        else:
            near = max((i for i in places if i < index), default=None)
        closer = [i for i in waiting if (index < i if after else i < index)
                  and (near is None or (i < near if after else near < i))]
        if not closer or read is None:
            return None if near is None else places[near]
        i = min(closer) if after else max(closer)
        sa = waiting.pop(i)
        read(sa)
        if sa.places:
            places.setdefault(i, sa.places[0])


def _nearest_before(stated: dict[int, _T], index: int) -> _T | None:
    """What the nearest sentence before `index` states, if any does."""
    best = max((i for i in stated if i < index), default=None)
    return None if best is None else stated[best]

