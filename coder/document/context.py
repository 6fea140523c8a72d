"""What a document's sentences share: the date relative expressions are read against, the
countries its places are looked up in, and whether a quotation runs on into the next sentence."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from coder.dictionaries.rules import TriggerMatch
from coder.models import Document
from coder.stages.events import SentenceAnalysis
from coder.stages.places import Gazetteer, PlaceContext


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
    """The document's countries, most named first: the countries of the actors it names
    (countries, demonyms, capitals, office holders, national groups), and its dateline."""
    counts: Counter[str] = Counter()
    for sa in analyses:
        for a in sa.actors:
            if a.actor.country:
                counts[a.actor.country] += 1
    if dateline:
        for part in (dateline, *dateline.split(",")):
            found = gaz.lookup(part.strip())
            if found is not None:
                counts[found.iso3] += 2
                break
    return PlaceContext([iso for iso, _ in counts.most_common()], dateline)


def with_known_country(context: PlaceContext, known: str) -> PlaceContext:
    """The context with the country the document is known to be about (ISO3, "" for none) at
    the top of its countries: its places are looked up there first, and it is the country of
    the actors the text gives none."""
    if not known:
        return context
    others = [iso for iso in context.countries if iso != known]
    return PlaceContext([known, *others], context.dateline)


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
