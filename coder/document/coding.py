"""Code one document: every sentence through every stage, then link what the sentences say.

Sentences report pieces of one incident ("Protests turned deadly on Friday." / "At least one
protester was killed." / "The clashes ..."). This stage resolves pronouns, carries dates and
places from sentence to sentence, folds back-references and casualty-only sentences into the
event they describe, and merges mentions of one incident, so that each document yields one
`DocEvent` per event it reports.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from coder.dictionaries.rules import TriggerMatch, load_rules
from coder.document.context import (
    actor_countries,
    carry_scene,
    document_anchor,
    needs_actors,
    opening_sentence,
    quote_open_after,
    with_known_country,
)
from coder.document.defaults import (
    country_of,
    default_opponent,
    fill_default_actors,
    people_on_event_day,
)
from coder.document.incidents import about_demonstration as about_demonstration
from coder.document.linking import DocumentLinker, add_casualties, recent_event, support
from coder.document.model import CARRY_SENTENCES
from coder.document.model import CodedDocument as CodedDocument
from coder.document.model import DocEvent as DocEvent
from coder.document.model import resolve_event_date as resolve_event_date
from coder.document.pronouns import People, resolve_pronouns
from coder.document.words import person_pronouns
from coder.models import Document
from coder.stages.actors import find_actors
from coder.stages.casualties import find_casualties
from coder.stages.dates import find_date_expressions
from coder.stages.events import SentenceAnalysis, find_events, find_triggers, tokenized
from coder.stages.places import Gazetteer, PlaceContext, document_context
from coder.text.sentences import document_sentences

Triggers = list[list[TriggerMatch]]  # each sentence's trigger matches


def code_document(doc: Document) -> CodedDocument:
    """All events one document reports, linked across its sentences."""
    sentences = document_sentences(doc)
    gaz = Gazetteer.load()
    analyses, triggers = _read_sentences(doc, [SentenceAnalysis(s, is_title=s.start < 0)
                                               for s in sentences])
    anchor, basis = document_anchor(doc, analyses)
    _find_actors(analyses, triggers, anchor)
    context = _place_context(analyses, triggers, doc, gaz)
    linker = DocumentLinker(doc, anchor, basis)
    scenes = _code_sentences(linker, analyses, triggers, gaz, context)
    carry_scene(linker.events, analyses, scenes, lambda sa: _read_scene(sa, gaz, context))
    country = (context.countries[0] if context.countries else "") or _event_country(
        linker.events)
    for ev in linker.events:
        _finish(ev, country, anchor, analyses)
    # the names the gazetteer kept from this document's sentences serve no other document;
    # kept, thousands of token lists would stay alive for the garbage collector to walk (perf)
    gaz.scans.clear()
    return CodedDocument(doc, linker.events, len(sentences), anchor, basis, context)


def _read_sentences(doc: Document,
                    analyses: list[SentenceAnalysis]) -> tuple[list[SentenceAnalysis], Triggers]:
    """Each sentence's trigger matches, and its dates where they matter: in event sentences,
    in the opening sentence, and everywhere when the text must date the document. Promises
    tokens only for sentences that may hold a trigger (most are not even tokenized)."""
    index = load_rules().index
    triggers: Triggers = []
    lead = opening_sentence(analyses)  # its date sets the scene (`carry_scene`)
    for sa in analyses:
        if index.may_match(sa.sentence.text):
            tokenized(sa)
            triggers.append(find_triggers(sa.tokens, keys=sa.keys))
        else:
            triggers.append([])
        if triggers[-1] or doc.published is None or sa is lead:
            sa.dates = find_date_expressions(sa.sentence.text, sa.tokens or None)
    return analyses, triggers


def _find_actors(analyses: list[SentenceAnalysis], triggers: Triggers,
                 anchor: dt.date | None) -> None:
    """Every sentence's day is the anchor; actors are found where they matter (see
    `needs_actors`), the sentence tokenized for them if it was not yet."""
    persons = person_pronouns()
    pronouns = [bool(triggers[i]) and not persons.isdisjoint(sa.keys)
                for i, sa in enumerate(analyses)]
    for pos, sa in enumerate(analyses):
        sa.day = anchor
        if needs_actors(pos, triggers, pronouns):
            tokenized(sa)
            sa.actors = find_actors(sa.tokens, sa.sentence.text, anchor)


def _place_context(analyses: list[SentenceAnalysis], triggers: Triggers, doc: Document,
                   gaz: Gazetteer) -> PlaceContext:
    """The countries the document's places are looked up in: the country it is known to be
    about first, then those its actors and dateline name; when none do, those of the places
    its event sentences name."""
    context = actor_countries(analyses, doc.dateline, gaz)
    if not context.countries and not doc.country:
        texts = [sa.sentence.text for sa, t in zip(analyses, triggers, strict=True) if t]
        context = document_context(texts, doc.dateline)
    return with_known_country(context, doc.country)


def _code_sentences(linker: DocumentLinker, analyses: list[SentenceAnalysis],
                    triggers: Triggers, gaz: Gazetteer,
                    context: PlaceContext) -> list[SentenceAnalysis]:
    """Every sentence in order: pronouns resolved against the sentences before, quotations
    carried over, then its events linked into the document's. Returns the sentences that
    report no event but stand near one: their places may set its scene (`_read_scene`, read
    on demand by `carry_scene`: perf, most events state their own place)."""
    scenes: list[SentenceAnalysis] = []
    people: People = (None, None)
    open_quote = False
    near = _near_events(triggers)
    for pos, sa in enumerate(analyses):
        if sa.actors or triggers[pos]:  # pronouns matter where events or people are
            people = resolve_pronouns(sa, people)
        sa.starts_quoted = open_quote
        open_quote = quote_open_after(sa.sentence.text, open_quote)
        _read_arguments(sa, triggers[pos], gaz, context)
        if not triggers[pos] and near[pos] and not sa.is_title:
            tokenized(sa)  # now, as the later stages have always seen it
            scenes.append(sa)
        _link_sentence(linker, pos, sa, triggers[pos])
    return scenes


def _near_events(triggers: Triggers) -> list[bool]:
    """For each sentence, whether an event sentence lies within the carry window
    (`CARRY_SENTENCES`) before or after it: a place it names may be that event's scene."""
    near = [False] * len(triggers)
    for e, t in enumerate(triggers):  # perf: one window per event, not every pair of sentences
        if t:
            near[max(e - CARRY_SENTENCES, 0) : e + CARRY_SENTENCES + 1] = [True] * (
                min(e + CARRY_SENTENCES + 1, len(triggers)) - max(e - CARRY_SENTENCES, 0))
    return near


def _read_scene(sa: SentenceAnalysis, gaz: Gazetteer, context: PlaceContext) -> None:
    """The places of a sentence with no event, near one: "LOCATION: X village." or "The
    town of X lies on the border." set the scene for the events around them (`carry_scene`)."""
    tokenized(sa)
    sa.places = gaz.find_places(sa.tokens, sa.sentence.text, context)
    for pm in sa.places:
        if not pm.span.text:
            pm.span.text = sa.sentence.text[pm.span.start : pm.span.end]


def _read_arguments(sa: SentenceAnalysis, matches: list[TriggerMatch], gaz: Gazetteer,
                    context: PlaceContext) -> None:
    """The sentence's casualty figures (cumulative tolls left out), and its places where they
    serve: violence, demonstrations and strategic developments, and a statement's unplaced
    actors ("the rebels ... in Goma") that a place gives a country."""
    s = sa.sentence
    found = find_casualties(s.text, sa.tokens or None, sa.keys or None)
    sa.casualties = [c for c in found if not c.cumulative]
    concepts = load_rules().concepts
    if any(concepts[m.trigger.concept].family != "verbal" for m in matches) or (
        matches and any(not a.actor.country for a in sa.actors)
    ):
        sa.places = gaz.find_places(sa.tokens, s.text, context)
        for pm in sa.places:  # keep the words: a place may serve a later sentence's event
            if not pm.span.text:
                pm.span.text = s.text[pm.span.start : pm.span.end]


def _link_sentence(linker: DocumentLinker, pos: int, sa: SentenceAnalysis,
                   matches: list[TriggerMatch]) -> None:
    """Link the sentence's events, violence and demonstrations first, then strategic
    developments ("arrested demonstrators during a protest" belongs to the protest), statements
    last ("X condemned the coup" may name its target through the coup). Casualty figures go to
    the violent events they link to, else to the event just reported."""
    candidates = find_events(sa, matches=matches)
    # "seven guards were injured in the attack": the casualties belong to that attack
    refers_back = any(c.anaphoric for c in candidates)
    used_casualties = False
    candidates.sort(key=lambda c: {"verbal": 2, "sd": 1}.get(c.concept.family, 0))
    for cand in candidates:
        ev = linker.link(cand, pos, sa, refers_back)
        if ev is not None and ev.family in {"violence", "demo"}:
            add_casualties(ev, sa)
            used_casualties = True
    if sa.casualties and not used_casualties:
        target = recent_event(linker.recent, pos, CARRY_SENTENCES - 1)
        if target is not None:
            add_casualties(target, sa)
            support(target, sa.sentence.sentence_id)


def _event_country(events: list[DocEvent]) -> str:
    """With no country named by any actor or dateline: where most of the events happened."""
    places = Counter(ev.mention.place.place.iso3 for ev in events if ev.mention.place)
    return places.most_common(1)[0][0] if places else ""


def _finish(ev: DocEvent, country: str, anchor: dt.date | None,
            analyses: list[SentenceAnalysis]) -> None:
    """The event's country, its people as on its day, ACLED's default actors, and every
    casualty figure it drew on (for the explanation)."""
    ev.country = country_of(ev, country)
    people_on_event_day(ev, anchor)
    fill_default_actors(ev, country, anchor, analyses)
    default_opponent(ev, country, anchor)
    ev.mention.fatalities = [c for group in ev.fatalities.values() for c in group]
    ev.mention.injuries = [c for group in ev.injuries.values() for c in group]
