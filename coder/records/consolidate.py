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

from coder.document.coding import CodedDocument, DocEvent, about_demonstration, resolve_event_date
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
    c = Cluster()
    c.add(ev, d)
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
    blocks: dict[tuple[str, ...], _Block] = {}
    for i in order:
        ev, d = dated[i]
        block = blocks.setdefault(_block(ev), _Block(ev.family != "verbal"))
        home = next((c for c in block.candidates(ev, d) if _near_in_time(c, d)
                     and _fits(c, ev, d)), None)
        if home is None:
            home = Cluster()
            clusters.append(home)
            block.clusters.append(home)
        home.add(ev, d)
        _choose_date(home)
        block.place(home)
    for c in clusters:
        # members in document order, so the first is stable whatever the input order
        paired = sorted(zip(c.members, c.dates, strict=True),
                        key=lambda p: (p[0].doc.id, _sentence_number(p[0].sentence_ids[0])))
        c.members = [p[0] for p in paired]
        c.dates = [p[1] for p in paired]
    clusters.sort(key=lambda c: (c.main.doc.id, _sentence_number(c.main.sentence_ids[0])))
    return clusters


# clusters are filed by date in bins of this many days; a cluster can take a report at most
# `_REACH_MAX` days from its date (see `_near_in_time`)
_BIN_DAYS = 32
_REACH_MAX = WEEKDAY_REACH_DAYS + 7 + max(_PRECISION_DAYS.values())
_SCAN_ALL = 100


class _Block:
    """The clusters of one block, filed by country and date so that a report is compared only
    with the clusters it could join, not with every cluster of a large batch.

    A report can join a cluster only when their countries agree (`_same_place`, for violence,
    demonstrations and developments: `by_country`) and their dates are near (`_near_in_time`).
    `candidates` returns every cluster that passes those two tests, and maybe more, in creation
    order: the first that fits is the same cluster as in a scan of the whole block."""

    def __init__(self, by_country: bool) -> None:
        self.clusters: list[Cluster] = []
        self.by_country = by_country
        # country ("" for none) -> date bin (None for undated) -> positions in `clusters`
        self._files: dict[str, dict[int | None, set[int]]] = {}
        self._where: dict[int, tuple[str, int | None]] = {}  # position -> its file
        self._positions: dict[int, int] = {}  # id(cluster) -> position

    def _key(self, c: Cluster) -> tuple[str, int | None]:
        # a cluster's reports agree on their country (or name none): see `_same_place`
        country = next((m.country for m, _ in c.reps if m.country), "") if self.by_country else ""
        return country, (c.date.date.toordinal() // _BIN_DAYS if c.date is not None else None)

    def place(self, c: Cluster) -> None:
        """File a cluster that was just created or grew (its date or country may have moved)."""
        if len(self.clusters) <= _SCAN_ALL:
            return  # perf: short blocks are scanned whole, not filed
        if not self._where:  # the block just grew long: file every cluster
            for pos, cluster in enumerate(self.clusters):
                self._positions[id(cluster)] = pos
                self._file(pos, cluster)
            return
        # a new cluster was just appended; the clusters live as long as the block, so their
        # ids stay unique
        self._file(self._positions.setdefault(id(c), len(self.clusters) - 1), c)

    def _file(self, pos: int, c: Cluster) -> None:
        key = self._key(c)
        old = self._where.get(pos)
        if old == key:
            return
        if old is not None:
            self._files[old[0]][old[1]].discard(pos)
        self._where[pos] = key
        self._files.setdefault(key[0], {}).setdefault(key[1], set()).add(pos)

    def candidates(self, ev: DocEvent, d: ResolvedDate | None) -> list[Cluster]:
        if len(self.clusters) <= _SCAN_ALL:
            return self.clusters  # perf: a short block is scanned faster than looked up
        country = ev.country if self.by_country else ""
        files = ([self._files.get(country, {}), self._files.get("", {})] if country
                 else list(self._files.values()))
        positions: set[int] = set()
        for by_bin in files:
            if d is None:
                for found in by_bin.values():
                    positions |= found
                continue
            day = d.date.toordinal()
            bins: list[int | None] = [None]
            bins += range((day - _REACH_MAX) // _BIN_DAYS, (day + _REACH_MAX) // _BIN_DAYS + 1)
            for b in bins:
                positions |= by_bin.get(b, set())
        return [self.clusters[p] for p in sorted(positions)]


def _block(ev: DocEvent) -> tuple[str, ...]:
    """Only events in the same block can be one event: statements by speaker and code."""
    if ev.family == "verbal":
        code = ev.mention.actor1.actor.code if ev.mention.actor1 is not None else ""
        return ("verbal", ev.kind.cameo_code[:3], code)
    return ("acled",)


def _near_in_time(c: Cluster, d: ResolvedDate | None) -> bool:
    if c.date is None or d is None:
        return True
    reach = WEEKDAY_REACH_DAYS + 7 + _PRECISION_DAYS.get(c.date.precision, 31)
    return abs((c.date.date - d.date).days) <= reach


def _signature(ev: DocEvent, d: ResolvedDate | None) -> tuple:  # type: ignore[type-arg]
    m = ev.mention
    place = m.place.place.name if m.place is not None else ""
    return (ev.family, m.kind.event_type, m.kind.sub_event_type, m.kind.cameo_code[:3], place,
            _named(m.actor1), _named(m.actor2), d.date if d else None, d.basis if d else "")


def _sentence_number(sid: str) -> int:
    return int(sid.rsplit("#", 1)[1])


def _fits(c: Cluster, ev: DocEvent, d: ResolvedDate | None) -> bool:
    """Compatible with the event's chosen date and with at least one report in the cluster,
    conflicting with none on kind, place or target."""
    if c.date is not None and d is not None and not _dates_match(c.members[0], c.date, ev, d):
        if not any(_dates_match(m, md, ev, d) for m, md in c.reps if md is not None):
            return False
    linked = False
    for member, md in c.reps:
        if not (_same_kind(member, ev) and _same_place(member, ev) and _same_actors(member, ev)):
            return False
        linked = linked or _dates_match(member, md, ev, d)
    return linked


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
        if ka.event_type == kb.event_type:
            return True
        # a report that only says "an attack" fits a more specific report of the same attack
        generic = ("Violence against civilians", "Attack")
        violent = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
        return ((ka.event_type, ka.sub_event_type) == generic and kb.event_type in violent) or (
            (kb.event_type, kb.sub_event_type) == generic and ka.event_type in violent)
    violence = a if a.family == "violence" else b
    return about_demonstration(violence.mention)


def _place(ev: DocEvent):  # type: ignore[no-untyped-def]
    return ev.mention.place.place if ev.mention.place is not None else None


def _same_place(a: DocEvent, b: DocEvent) -> bool:
    pa, pb = _place(a), _place(b)
    if a.family == "verbal" and b.family == "verbal":
        return True  # statements are matched on who said what, not where
    if a.country and b.country and a.country != b.country:
        return False
    if pa is None or pb is None:
        # a report that names no place joins only through an actor both reports name
        return _shares_named_actor(a, b)
    if pa.name == pb.name or pa.name.split(" - ")[0] == pb.name.split(" - ")[0]:
        return True
    if "country" in {pa.feature, pb.feature}:
        return pa.iso3 == pb.iso3
    if None not in (pa.latitude, pa.longitude, pb.latitude, pb.longitude):
        return distance_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= SAME_PLACE_KM
    return False


def _shares_named_actor(a: DocEvent, b: DocEvent) -> bool:
    named_a = {_named(x) for x in (a.mention.actor1, a.mention.actor2)} - {""}
    named_b = {_named(x) for x in (b.mention.actor1, b.mention.actor2)} - {""}
    return bool(named_a & named_b)


def _code(m) -> str:  # type: ignore[no-untyped-def]
    return m.actor.code if m is not None else ""


def _named(m) -> str:  # type: ignore[no-untyped-def]
    """The actor code a report names itself ("" for none or for a default filled in)."""
    if m is None or m.rule_id.endswith(":default"):
        return ""
    return m.actor.code


def _same_actors(a: DocEvent, b: DocEvent) -> bool:
    ma, mb = a.mention, b.mention
    if a.family == "verbal":
        if _code(ma.actor1) != _code(mb.actor1):
            return False
        c2a, c2b = _code(ma.actor2), _code(mb.actor2)
        return not c2a or not c2b or c2a == c2b
    if a.family != b.family or a.family != "violence":
        return True  # a crowd's counterpart is reported loosely; only attacks have targets
    # two reports naming different targets describe different events
    t1, t2 = _named(ma.actor2), _named(mb.actor2)
    return not t1 or not t2 or t1 == t2


def _dates_match(a: DocEvent, da: ResolvedDate | None, b: DocEvent,
                 db: ResolvedDate | None) -> bool:
    if da is None or db is None:
        # an undated report joins only a specific match: same kind, same named place
        if a.family == "verbal":
            return True
        pa, pb = _place(a), _place(b)
        same_target = (a.mention.actor2 is not None and b.mention.actor2 is not None
                       and a.mention.actor2.actor.code == b.mention.actor2.actor.code)
        return a.kind.sub_event_type == b.kind.sub_event_type and (
            (pa is not None and pb is not None) or same_target)
    gap = abs((da.date - db.date).days)
    if gap <= max(_PRECISION_DAYS.get(da.precision, 1), _PRECISION_DAYS.get(db.precision, 1)):
        if gap <= 1 or da.precision > 1 or db.precision > 1:
            return True
    return _weekday_match(a, da, b, db) or _weekday_match(b, db, a, da)


def _weekday_match(a: DocEvent, da: ResolvedDate, b: DocEvent, db: ResolvedDate) -> bool:
    """`a` names a weekday against an anchor weeks later; `b` dates the same event explicitly."""
    if da.basis != "weekday" or db.basis not in {"explicit", "weekday", "publication"}:
        return False
    if a.family == "verbal" or not _same_kind(a, b):
        return False
    pa, pb = _place(a), _place(b)
    if pa is not None and pb is not None and not _same_place(a, b):
        return False
    same_target = (a.mention.actor2 is not None and b.mention.actor2 is not None
                   and a.mention.actor2.actor.code == b.mention.actor2.actor.code)
    if (pa is None or pb is None) and not same_target:
        return False
    return (da.date.weekday() == db.date.weekday() and db.date < da.date
            and (da.date - db.date).days <= WEEKDAY_REACH_DAYS)


def _choose_date(c: Cluster) -> None:
    """The event's date: from the best-dated reports, the one written closest to the event,
    then the date most reports give, then the earliest."""
    candidates = [(d, ev) for ev, d in c.reps if d is not None]
    if not candidates:
        c.date = None
        c.date_reason = "no date in the text and no publication date for any report"
        return
    best_quality = min(_quality(d) for d, _ in candidates)
    best = [(d, ev) for d, ev in candidates if _quality(d) == best_quality]

    def closeness(pair: tuple[ResolvedDate, DocEvent]) -> tuple[int, int, dt.date]:
        d, ev = pair
        # a report written weeks after the event reads its weekdays least reliably
        lag = abs((ev.anchor - d.date).days) if ev.anchor is not None else 999
        return (lag if lag > 7 else 0, -c.votes.get(d.date, 0), d.date)

    c.date = min(best, key=closeness)[0]


# --------------------------------------------------------------------------------------------
# Re-anchoring documents by the reports they match
# --------------------------------------------------------------------------------------------


def _calibrate(
    clusters: list[Cluster], anchors: dict[str, dt.date | None], bases: dict[str, str]
) -> dict[str, dt.date]:
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
        day = c.date.date
        for ev, d in zip(c.members, c.dates, strict=True):
            if d is not None and (d.basis == "explicit" or d.date == day):
                continue
            if d is not None and not (d.basis == "weekday" and abs((d.date - day).days) >= 7):
                continue  # a known anchor moves only when a weekday proved a week or more off
            expr = ev.mention.date_expression
            if expr is not None and expr.kind == "relative":
                low = high = day - dt.timedelta(days=expr.offset_days)
            else:
                low, high = day, day + dt.timedelta(days=6)
            windows.setdefault(ev.doc.id, []).append((low, high))
    calibrated = {}
    for doc_id, spans in windows.items():
        low = max(s[0] for s in spans)
        high = min(s[1] for s in spans)
        calibrated[doc_id] = low if low <= high else low
    return calibrated


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
