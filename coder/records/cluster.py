"""A cluster: the document events that report one event, and the date chosen for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, Field

from coder.dictionaries.files import read_csv_models, register_cache
from coder.document import DocEvent
from coder.models import ActorMention, ResolvedDate

# how many days either way a date of each ACLED time precision may stand for
PRECISION_DAYS = {1: 1, 2: 7, 3: 31}
_UNKNOWN_BASIS_QUALITY = 5


class _DateBasis(BaseModel):
    basis: str = Field(min_length=1)
    quality: int = Field(ge=0)
    dates_weekday: bool


@register_cache
@lru_cache(maxsize=1)
def date_bases() -> dict[str, _DateBasis]:
    """records/date_bases.csv by basis: how well a report dated that way dates its event."""
    return {row.basis: row for row in read_csv_models("records/date_bases.csv", _DateBasis)}


def date_quality(d: ResolvedDate | None) -> tuple[int, int]:
    """How well a report is dated, lower first: by its basis, then its precision."""
    if d is None:
        return (9, 9)
    basis = date_bases().get(d.basis)
    return (basis.quality if basis is not None else _UNKNOWN_BASIS_QUALITY, d.precision)


def dates_weekday(d: ResolvedDate) -> bool:
    """A report dated this way can date an event another report names only by a weekday."""
    basis = date_bases().get(d.basis)
    return basis is not None and basis.dates_weekday


def named(m: ActorMention | None) -> str:
    """The actor code a report names itself ("" for none or for a default filled in)."""
    if m is None or m.rule_id.endswith(":default"):
        return ""
    return m.actor.code


def _signature(ev: DocEvent, d: ResolvedDate | None) -> tuple:  # type: ignore[type-arg]
    m = ev.mention
    place = m.place.place.name if m.place is not None else ""
    return (ev.family, m.kind.event_type, m.kind.sub_event_type, m.kind.cameo_code[:3], place,
            named(m.actor1), named(m.actor2), d.date if d else None, d.basis if d else "")


@dataclass(slots=True)
class Cluster:
    """Document events that report one event, and the event's date."""

    members: list[DocEvent] = field(default_factory=list)
    dates: list[ResolvedDate | None] = field(default_factory=list)
    date: ResolvedDate | None = None
    date_reason: str = ""
    # one member per distinct (kind, place, actors, date): what a newcomer is compared with
    reps: list[tuple[DocEvent, ResolvedDate | None]] = field(default_factory=list)
    signatures: set[tuple] = field(default_factory=set)  # type: ignore[type-arg]
    votes: dict[dt.date, int] = field(default_factory=dict)  # reports per resolved date

    def add(self, ev: DocEvent, d: ResolvedDate | None) -> None:
        self.members.append(ev)
        self.dates.append(d)
        if d is not None:
            self.votes[d.date] = self.votes.get(d.date, 0) + 1
        sig = _signature(ev, d)
        if sig not in self.signatures:
            self.signatures.add(sig)
            self.reps.append((ev, d))

    @property
    def main(self) -> DocEvent:
        return self.members[0]


def choose_date(c: Cluster) -> None:
    """The event's date: from the best-dated reports, the one written closest to the event,
    then the date most reports give, then the earliest."""
    candidates = [(d, ev) for ev, d in c.reps if d is not None]
    if not candidates:
        c.date = None
        c.date_reason = "no date in the text and no publication date for any report"
        return
    best_quality = min(date_quality(d) for d, _ in candidates)
    best = [(d, ev) for d, ev in candidates if date_quality(d) == best_quality]

    def closeness(pair: tuple[ResolvedDate, DocEvent]) -> tuple[int, int, dt.date]:
        d, ev = pair
        # a report written weeks after the event reads its weekdays least reliably
        lag = abs((ev.anchor - d.date).days) if ev.anchor is not None else 999
        return (lag if lag > 7 else 0, -c.votes.get(d.date, 0), d.date)

    c.date = min(best, key=closeness)[0]
