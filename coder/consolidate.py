"""One event, many reports: cluster document events that describe the same event.

Reports match when they are the same kind of event, at the same place, with compatible actors,
on dates within the precision of the reports (CONTRACT §4). Dates are resolved here, not earlier,
because a document with no publication date (or a doubtful one) is re-anchored by the reports it
matches: an undated article saying "on Sunday" about an attack that another outlet dates to
Sunday 7 November was written on or after that Sunday, so its "Friday" is 5 November.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from coder.coding import CodedDocument, DocEvent, about_demonstration, resolve_event_date
from coder.models import ResolvedDate

# a weekday named in a report can be matched to an explicitly dated report of the same event up
# to this many days before the report's anchor (a page date weeks after the event)
WEEKDAY_REACH_DAYS = 35
SAME_PLACE_KM = 25.0
_PRECISION_DAYS = {1: 1, 2: 7, 3: 31}
_BASIS_QUALITY = {"explicit": 0, "range": 0, "weekday": 1, "relative": 1, "report": 2,
                  "publication": 3}


@dataclass(slots=True)
class Cluster:
    """Document events that report one event, and the event's date."""

    members: list[DocEvent] = field(default_factory=list)
    dates: list[ResolvedDate | None] = field(default_factory=list)
    date: ResolvedDate | None = None
    date_reason: str = ""

    @property
    def main(self) -> DocEvent:
        return self.members[0]


def consolidate(docs: list[CodedDocument], *, merge: bool = True) -> list[Cluster]:
    """Clusters of document events; without `merge`, one cluster per document event."""
    anchors = {d.doc.id: d.anchor for d in docs}
    events = [ev for d in docs for ev in d.events]
    if not merge:
        return [_single(ev, anchors) for ev in events]
    clusters = _cluster(events, anchors)
    calibrated = _calibrate(clusters, anchors, {d.doc.id: d.anchor_basis for d in docs})
    if calibrated:
        anchors.update(calibrated)
        clusters = _cluster(events, anchors)
    return clusters


def _single(ev: DocEvent, anchors: dict[str, dt.date | None]) -> Cluster:
    d = resolve_event_date(ev, anchors[ev.doc.id])
    c = Cluster([ev], [d])
    _choose_date(c)
    return c


# --------------------------------------------------------------------------------------------
# Clustering
# --------------------------------------------------------------------------------------------


def _quality(d: ResolvedDate | None) -> tuple[int, int]:
    if d is None:
        return (9, 9)
    return (_BASIS_QUALITY.get(d.basis, 5), d.precision)


def _cluster(events: list[DocEvent], anchors: dict[str, dt.date | None]) -> list[Cluster]:
    dated = [(ev, resolve_event_date(ev, anchors[ev.doc.id])) for ev in events]
    # best-dated reports found clusters first, so vaguer reports join them
    order = sorted(range(len(dated)), key=lambda i: (_quality(dated[i][1]), i))
    clusters: list[Cluster] = []
    for i in order:
        ev, d = dated[i]
        home = next((c for c in clusters if _fits(c, ev, d)), None)
        if home is None:
            home = Cluster()
            clusters.append(home)
        home.members.append(ev)
        home.dates.append(d)
    for c in clusters:
        _choose_date(c)
        # members in document order, so the first is stable whatever the input order
        paired = sorted(zip(c.members, c.dates, strict=True),
                        key=lambda p: (p[0].doc.id, p[0].sentence_ids[0]))
        c.members = [p[0] for p in paired]
        c.dates = [p[1] for p in paired]
    clusters.sort(key=lambda c: (c.main.doc.id, _sentence_number(c.main.sentence_ids[0])))
    return clusters


def _sentence_number(sid: str) -> int:
    return int(sid.rsplit("#", 1)[1])


def _fits(c: Cluster, ev: DocEvent, d: ResolvedDate | None) -> bool:
    head, head_date = c.members[0], c.dates[0]
    if not _same_kind(head, ev):
        return False
    if not _same_place(head, ev):
        return False
    if not _same_actors(head, ev):
        return False
    return _dates_match(head, head_date, ev, d)


def _same_kind(a: DocEvent, b: DocEvent) -> bool:
    if a.family == "verbal" or b.family == "verbal":
        return (a.family == b.family
                and a.kind.cameo_code[:3] == b.kind.cameo_code[:3])
    if a.family == "sd" or b.family == "sd":
        return a.kind.sub_event_type == b.kind.sub_event_type
    if a.family == b.family == "demo":
        return True
    if a.family == b.family == "violence":
        ka, kb = a.kind, b.kind
        generic = ("Violence against civilians", "Attack")
        return (ka.event_type == kb.event_type or (ka.event_type, ka.sub_event_type) == generic
                or (kb.event_type, kb.sub_event_type) == generic)
    violence = a if a.family == "violence" else b
    return about_demonstration(violence.mention)


def _place(ev: DocEvent):  # type: ignore[no-untyped-def]
    return ev.mention.place.place if ev.mention.place is not None else None


def _same_place(a: DocEvent, b: DocEvent) -> bool:
    pa, pb = _place(a), _place(b)
    if a.family == "verbal" and b.family == "verbal":
        return True  # statements are matched on who said what, not where
    if pa is None or pb is None:
        return True
    if pa.name == pb.name or pa.name.split(" - ")[0] == pb.name.split(" - ")[0]:
        return True
    if None not in (pa.latitude, pa.longitude, pb.latitude, pb.longitude):
        return distance_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= SAME_PLACE_KM
    return False


def _code(m) -> str:  # type: ignore[no-untyped-def]
    return m.actor.code if m is not None else ""


def _same_actors(a: DocEvent, b: DocEvent) -> bool:
    ma, mb = a.mention, b.mention
    if a.family == "verbal":
        if _code(ma.actor1) != _code(mb.actor1):
            return False
        c2a, c2b = _code(ma.actor2), _code(mb.actor2)
        return not c2a or not c2b or c2a == c2b
    return True


def _dates_match(a: DocEvent, da: ResolvedDate | None, b: DocEvent,
                 db: ResolvedDate | None) -> bool:
    if da is None or db is None:
        # an undated report joins only a specific match (same specific kind and named place)
        return a.family == "verbal" or (_place(a) is not None and _place(b) is not None
                                        or a.kind.sub_event_type == b.kind.sub_event_type)
    gap = abs((da.date - db.date).days)
    if gap <= max(_PRECISION_DAYS.get(da.precision, 1), _PRECISION_DAYS.get(db.precision, 1)):
        if gap <= 1 or da.precision > 1 or db.precision > 1:
            return True
    return _weekday_match(a, da, b, db) or _weekday_match(b, db, a, da)


def _weekday_match(a: DocEvent, da: ResolvedDate, b: DocEvent, db: ResolvedDate) -> bool:
    """`a` names a weekday against an anchor weeks later; `b` dates the same event explicitly."""
    if da.basis != "weekday" or db.basis != "explicit":
        return False
    if a.family == "verbal" or a.kind.sub_event_type != b.kind.sub_event_type:
        return False
    pa, pb = _place(a), _place(b)
    if pa is None or pb is None or pa.name != pb.name:
        return False
    return (da.date.weekday() == db.date.weekday() and db.date < da.date
            and (da.date - db.date).days <= WEEKDAY_REACH_DAYS)


def _choose_date(c: Cluster) -> None:
    candidates = [d for d in c.dates if d is not None]
    if not candidates:
        c.date = None
        c.date_reason = "no date in the text and no publication date for any report"
        return
    best_quality = min(_quality(d) for d in candidates)
    best = [d for d in candidates if _quality(d) == best_quality]
    # the date most reports agree on, then the earliest
    c.date = min(best, key=lambda d: (-sum(1 for x in best if x.date == d.date), d.date))


# --------------------------------------------------------------------------------------------
# Re-anchoring documents by the reports they match
# --------------------------------------------------------------------------------------------


def _calibrate(
    clusters: list[Cluster], anchors: dict[str, dt.date | None], bases: dict[str, str]
) -> dict[str, dt.date]:
    """New anchors for documents whose relative dates proved off (or were unresolvable)."""
    proposals: dict[str, list[dt.date]] = {}
    for c in clusters:
        if c.date is None or c.date.basis != "explicit" or len(c.members) < 2:
            continue
        for ev, d in zip(c.members, c.dates, strict=True):
            expr = ev.mention.date_expression
            doc_id = ev.doc.id
            if d is not None and (d.basis == "explicit" or d.date == c.date.date):
                continue
            if d is None or d.basis in {"weekday", "relative"}:
                offset = expr.offset_days if expr is not None and expr.kind == "relative" else 0
                proposals.setdefault(doc_id, []).append(c.date.date - dt.timedelta(days=offset))
    return {doc_id: max(dates) for doc_id, dates in proposals.items()}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
