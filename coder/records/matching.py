"""Whether a report fits a cluster: the same kind of event, at the same place, with compatible
actors, on dates within the precision of the reports (CONTRACT §4)."""

from __future__ import annotations

import math
from functools import lru_cache

from coder.dictionaries.files import register_cache
from coder.dictionaries.taxonomy import EVENT, SUB
from coder.document import DocEvent, about_demonstration
from coder.models import ActorMention, Place, ResolvedDate
from coder.records.cluster import PRECISION_DAYS, Cluster, dates_weekday, named
from coder.records.filing import WEEKDAY_REACH_DAYS

SAME_PLACE_KM = 25.0


def fits(c: Cluster, ev: DocEvent, d: ResolvedDate | None) -> bool:
    """Compatible with the event's chosen date and with at least one report in the cluster,
    conflicting with none on kind, place or target."""
    if c.date is not None and d is not None and not _dates_match(c.members[0], c.date, ev, d):
        if not any(_dates_match(m, md, ev, d) for m, md in c.reps if md is not None):
            return False
    linked = False
    for member, md in c.reps:
        if not (_same_kind(member, ev) and same_place(member, ev) and _same_actors(member, ev)):
            return False
        linked = linked or _dates_match(member, md, ev, d)
    return linked


@register_cache
@lru_cache(maxsize=1)
def _violent_types() -> frozenset[str]:
    """The event types of political violence that an "attack" report may be a vaguer
    account of."""
    return frozenset({EVENT.battles, EVENT.explosions_remote_violence,
                      EVENT.violence_against_civilians})


def _generic_attack(ev: DocEvent) -> bool:
    """A report that only says "an attack"."""
    k = ev.kind
    return (k.event_type, k.sub_event_type) == (EVENT.violence_against_civilians, SUB.attack)


def _same_kind(a: DocEvent, b: DocEvent) -> bool:
    if a.family == "verbal" or b.family == "verbal":
        return (a.family == b.family
                and a.kind.cameo_code[:3] == b.kind.cameo_code[:3])
    if a.family == "sd" or b.family == "sd":
        return a.kind.sub_event_type == b.kind.sub_event_type
    if a.family == b.family == "demo":
        return True
    if a.family == b.family == "violence":
        if a.kind.event_type == b.kind.event_type:
            return True
        # a report that only says "an attack" fits a more specific report of the same attack
        violent = _violent_types()
        return (_generic_attack(a) and b.kind.event_type in violent) or (
            _generic_attack(b) and a.kind.event_type in violent)
    violence = a if a.family == "violence" else b
    return about_demonstration(violence.mention)


def _place(ev: DocEvent) -> Place | None:
    return ev.mention.place.place if ev.mention.place is not None else None


def same_place(a: DocEvent, b: DocEvent) -> bool:
    """No conflict of place: the same country, and the same place or one within
    `SAME_PLACE_KM`; a report naming no place joins only through an actor both name."""
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
    if (pa.latitude is not None and pa.longitude is not None and pb.latitude is not None
            and pb.longitude is not None):
        return distance_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= SAME_PLACE_KM
    return False


def _shares_named_actor(a: DocEvent, b: DocEvent) -> bool:
    named_a = {named(x) for x in (a.mention.actor1, a.mention.actor2)} - {""}
    named_b = {named(x) for x in (b.mention.actor1, b.mention.actor2)} - {""}
    return bool(named_a & named_b)


def _code(m: ActorMention | None) -> str:
    return m.actor.code if m is not None else ""


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
    t1, t2 = named(ma.actor2), named(mb.actor2)
    return not t1 or not t2 or t1 == t2


def _same_target(a: DocEvent, b: DocEvent) -> bool:
    return (a.mention.actor2 is not None and b.mention.actor2 is not None
            and a.mention.actor2.actor.code == b.mention.actor2.actor.code)


def _dates_match(a: DocEvent, da: ResolvedDate | None, b: DocEvent,
                 db: ResolvedDate | None) -> bool:
    if da is None or db is None:
        # an undated report joins only a specific match: same kind, same named place
        if a.family == "verbal":
            return True
        pa, pb = _place(a), _place(b)
        return a.kind.sub_event_type == b.kind.sub_event_type and (
            (pa is not None and pb is not None) or _same_target(a, b))
    gap = abs((da.date - db.date).days)
    if gap <= max(PRECISION_DAYS.get(da.precision, 1), PRECISION_DAYS.get(db.precision, 1)):
        if gap <= 1 or da.precision > 1 or db.precision > 1:
            return True
    return _weekday_match(a, da, b, db) or _weekday_match(b, db, a, da)


def _weekday_match(a: DocEvent, da: ResolvedDate, b: DocEvent, db: ResolvedDate) -> bool:
    """`a` names a weekday against an anchor weeks later; `b` dates the same event explicitly."""
    if da.basis != "weekday" or not dates_weekday(db):
        return False
    if a.family == "verbal" or not _same_kind(a, b):
        return False
    pa, pb = _place(a), _place(b)
    if pa is not None and pb is not None and not same_place(a, b):
        return False
    if (pa is None or pb is None) and not _same_target(a, b):
        return False
    return (da.date.weekday() == db.date.weekday() and db.date < da.date
            and (da.date - db.date).days <= WEEKDAY_REACH_DAYS)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
