"""What coding one document yields: its events, each possibly reported over several sentences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coder.models import CasualtyMention, Document, EventMention, EventType, ResolvedDate
from coder.stages.dates import resolve_date
from coder.stages.places import PlaceContext

# how far (in sentences) a date, place or casualty figure carries to a later sentence
CARRY_SENTENCES = 3


@dataclass(slots=True)
class DocEvent:
    """One event as one document reports it (possibly over several sentences)."""

    doc: Document
    mention: EventMention  # the first (main) mention; others are folded into it
    family: str  # violence | demo | sd | verbal
    anchor: dt.date | None
    anchor_basis: str  # "metadata", "date_line", "text", "none"
    sentence_ids: list[str] = field(default_factory=list)
    country: str = ""  # ISO3 where the event happened: its place's, else the document's
    fatalities: dict[int, list[CasualtyMention]] = field(default_factory=dict)  # by sentence
    injuries: dict[int, list[CasualtyMention]] = field(default_factory=dict)
    ongoing: bool = False

    @property
    def kind(self) -> EventType:
        return self.mention.kind


@dataclass(slots=True)
class CodedDocument:
    doc: Document
    events: list[DocEvent]
    n_sentences: int
    anchor: dt.date | None
    anchor_basis: str
    context: PlaceContext


def resolve_event_date(ev: DocEvent, anchor: dt.date | None) -> ResolvedDate | None:
    """The event's date read against `anchor` (publication, or a calibrated anchor)."""
    expr = ev.mention.date_expression
    if expr is not None:
        return resolve_date(expr, anchor)
    if anchor is not None:
        return ResolvedDate(anchor, 1, "publication")
    return None
