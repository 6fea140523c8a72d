"""One event, many reports: cluster document events that describe the same event.

Reports match when they are the same kind of event, at the same place, with compatible actors,
on dates within the precision of the reports (CONTRACT §4, see `matching`). Dates are resolved
here, not earlier, because a document with no publication date (or a doubtful one) is
re-anchored by the reports it matches: an undated article saying "on Sunday" about an attack
that another outlet dates to Sunday 7 November was written on or after that Sunday, so its
"Friday" is 5 November.
"""

from __future__ import annotations

import datetime as dt

from coder.document import CodedDocument, DocEvent, resolve_event_date
from coder.models import ResolvedDate
from coder.records.cluster import Cluster, choose_date, date_quality
from coder.records.filing import ClusterFiling, near_in_time
from coder.records.matching import fits

__all__ = ["Cluster", "consolidate"]


def consolidate(docs: list[CodedDocument], *, merge: bool = True) -> list[Cluster]:
    """Clusters of document events; without `merge`, one cluster per document event."""
    anchors = {d.doc.id: d.anchor for d in docs}
    events = [ev for d in docs for ev in d.events]
    if not merge:
        return [_single(ev, anchors) for ev in events]
    clusters = _cluster(events, anchors)
    calibrated = _calibrate(clusters)
    if calibrated:
        anchors.update(calibrated)
        clusters = _cluster(events, anchors)
    return clusters


def _single(ev: DocEvent, anchors: dict[str, dt.date | None]) -> Cluster:
    d = resolve_event_date(ev, anchors[ev.doc.id])
    c = Cluster()
    c.add(ev, d)
    choose_date(c)
    return c


# --------------------------------------------------------------------------------------------
# Clustering
# --------------------------------------------------------------------------------------------


def _cluster(events: list[DocEvent], anchors: dict[str, dt.date | None]) -> list[Cluster]:
    """Every report in the first cluster it fits (best-dated reports found clusters first, so
    vaguer reports join them), clusters and their members in document order."""
    dated = [(ev, resolve_event_date(ev, anchors[ev.doc.id])) for ev in events]
    order = sorted(range(len(dated)), key=lambda i: (date_quality(dated[i][1]), i))
    clusters: list[Cluster] = []
    blocks: dict[tuple[str, ...], ClusterFiling] = {}
    for i in order:
        ev, d = dated[i]
        block = blocks.setdefault(_block(ev), ClusterFiling(ev.family != "verbal"))
        home = next((c for c in block.candidates(ev, d) if near_in_time(c, d)
                     and fits(c, ev, d)), None)
        if home is None:
            home = Cluster()
            clusters.append(home)
            block.clusters.append(home)
        home.add(ev, d)
        choose_date(home)
        block.place(home)
    for c in clusters:
        _members_in_document_order(c)
    clusters.sort(key=lambda c: (c.main.doc.id, _sentence_number(c.main.sentence_ids[0])))
    return clusters


def _members_in_document_order(c: Cluster) -> None:
    """Members in document order, so the first is stable whatever the input order."""
    paired = sorted(zip(c.members, c.dates, strict=True),
                    key=lambda p: (p[0].doc.id, _sentence_number(p[0].sentence_ids[0])))
    c.members = [p[0] for p in paired]
    c.dates = [p[1] for p in paired]


def _block(ev: DocEvent) -> tuple[str, ...]:
    """Only events in the same block can be one event: statements by speaker and code."""
    if ev.family == "verbal":
        code = ev.mention.actor1.actor.code if ev.mention.actor1 is not None else ""
        return ("verbal", ev.kind.cameo_code[:3], code)
    return ("acled",)


def _sentence_number(sid: str) -> int:
    return int(sid.rsplit("#", 1)[1])


# --------------------------------------------------------------------------------------------
# Re-anchoring documents by the reports they match
# --------------------------------------------------------------------------------------------


def _calibrate(clusters: list[Cluster]) -> dict[str, dt.date]:
    """New anchors for documents whose relative dates proved off (or were unresolvable).

    Each matched report constrains its document's anchor to a window: "on Sunday" for an event
    on Sunday 7 November puts the anchor in 7-13 November, "yesterday" fixes it exactly, an
    undated report puts it on or after the event. The new anchor is the earliest day inside
    every window of the document (or, when they disagree, the latest lower bound).
    """
    windows: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for c in clusters:
        if c.date is None or len(c.members) < 2 or c.date.basis == "publication":
            continue
        for ev, d in zip(c.members, c.dates, strict=True):
            window = _anchor_window(ev, d, c.date.date)
            if window is not None:
                windows.setdefault(ev.doc.id, []).append(window)
    calibrated = {}
    for doc_id, spans in windows.items():
        low = max(s[0] for s in spans)
        high = min(s[1] for s in spans)
        calibrated[doc_id] = low if low <= high else low
    return calibrated


def _anchor_window(ev: DocEvent, d: ResolvedDate | None,
                   day: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days the report's document may have been written, given that the event happened on
    `day`; None when the report's own date stands (explicit, or right, or not a week off)."""
    if d is not None and (d.basis == "explicit" or d.date == day):
        return None
    if d is not None and not (d.basis == "weekday" and abs((d.date - day).days) >= 7):
        return None  # a known anchor moves only when a weekday proved a week or more off
    expr = ev.mention.date_expression
    if expr is not None and expr.kind == "relative":
        low = high = day - dt.timedelta(days=expr.offset_days)
    else:
        low, high = day, day + dt.timedelta(days=6)
    return low, high
