"""Build output records from clusters of reports: every contract column, with provenance.

Figures follow ACLED: `fatalities` is the lowest figure any report gives (0 when none reports a
death), `fatalities_low`/`fatalities_high` the reported range. Injuries are not an ACLED column;
we give the fullest report's figure (the highest), since later reports add victims found later.
"""

from __future__ import annotations

import hashlib
import os
import time

from coder import __version__
from coder.dictionaries.countries import country
from coder.dictionaries.files import ruleset_hash
from coder.dictionaries.taxonomy import taxonomy
from coder.models import ActorMention, CasualtyMention, EventRecord
from coder.records.consolidate import Cluster
from coder.stages.events import interaction


def coding_timestamp() -> int:
    """Unix time of coding; SOURCE_DATE_EPOCH makes runs reproducible byte for byte."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(fixed) if fixed.isdigit() else int(time.time())


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of a sub-event type, from the taxonomy; "" for CAMEO-only events."""
    if not event_type:
        return ""
    return taxonomy().disorder_of[sub_event_type]


def build_record(cluster: Cluster, timestamp: int) -> EventRecord:
    main = cluster.main
    m = main.mention
    kind = m.kind
    acled = bool(kind.event_type)
    # the most precise place any report gives: a district or landmark over its city
    places = [ev.mention.place.place for ev in cluster.members if ev.mention.place is not None]
    place = min(places, key=lambda p: (p.geo_precision, " - " not in p.name), default=None)
    iso3 = place.iso3 if place is not None else _actor_country(m.actor1, m.actor2)
    c = country(iso3) if iso3 else None

    docs = sorted({ev.doc.id for ev in cluster.members})
    sentence_ids = list(dict.fromkeys(s for ev in cluster.members for s in ev.sentence_ids))
    sources = sorted({ev.doc.source for ev in cluster.members if ev.doc.source})
    urls = sorted({ev.doc.url for ev in cluster.members if ev.doc.url})
    rule_ids = sorted({r for ev in cluster.members for r in ev.mention.rule_ids})

    fat_low, fat_high = _fatality_range(cluster)
    injuries = _injuries(cluster)
    fatalities = fat_low if fat_low is not None else (0 if acled else None)

    date = cluster.date
    inter1 = m.actor1.actor.inter if m.actor1 is not None and acled else None
    inter2 = m.actor2.actor.inter if m.actor2 is not None and acled else None
    code = kind.cameo_code
    cameo = taxonomy().cameo.get(code)
    tags = []
    if date is None:
        tags.append(f"date unknown: {cluster.date_reason}")
    if fat_low is not None and fat_high is not None and fat_high != fat_low:
        tags.append(f"fatalities disputed: {fat_low}-{fat_high}")
    row = dict(
        event_id_cnty=_event_id(iso3, cluster),
        event_date=date.date.isoformat() if date else None,
        year=date.date.year if date else None,
        time_precision=date.precision if date else None,
        disorder_type=disorder_type(kind.event_type, kind.sub_event_type),
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        actor1=m.actor1.actor.name if m.actor1 is not None else "",
        assoc_actor_1=m.actor1.actor.assoc if m.actor1 is not None else "",
        inter1=taxonomy().inter_labels.get(inter1, "") if inter1 else "",
        actor2=m.actor2.actor.name if m.actor2 is not None else "",
        assoc_actor_2=m.actor2.actor.assoc if m.actor2 is not None else "",
        inter2=taxonomy().inter_labels.get(inter2, "") if inter2 else "",
        interaction=interaction(inter1, inter2) if acled else "",
        civilian_targeting="Civilians targeted" if acled and _civilians_targeted(m) else "",
        iso=c.iso_numeric if c else None,
        region=c.region if c else "",
        country=c.acled_name if c else "",
        admin1=place.admin1 if place else "",
        admin2=place.admin2 if place else "",
        admin3=place.admin3 if place else "",
        location=place.name if place and place.feature != "country" else "",
        latitude=place.latitude if place and place.feature != "country" else None,
        longitude=place.longitude if place and place.feature != "country" else None,
        geo_precision=place.geo_precision if place and place.feature != "country" else None,
        source="; ".join(sources),
        source_scale="",
        notes=_notes(cluster, date.date.isoformat() if date else "", place.name if place else "",
                     fatalities, injuries, fat_low, fat_high),
        fatalities=fatalities,
        tags="; ".join(tags),
        timestamp=timestamp,
        cameo_code=code,
        cameo_root=code[:2],
        quad_class=cameo.quad_class if cameo else (_quad(code) if code else None),
        goldstein=cameo.goldstein if cameo else None,
        actor1_code=m.actor1.actor.code if m.actor1 is not None else "",
        actor2_code=m.actor2.actor.code if m.actor2 is not None else "",
        actor1_text=_actor_text(m.actor1),
        actor2_text=_actor_text(m.actor2),
        injuries=injuries,
        fatalities_low=fat_low,
        fatalities_high=fat_high,
        realis=m.realis if m.realis in {"actual", "attempted"} else "actual",
        doc_ids="; ".join(docs),
        sentence_ids="; ".join(sentence_ids),
        source_urls="; ".join(urls),
        n_sources=len(sources),
        n_documents=len(docs),
        evidence=m.sentence_text,
        rule_ids="; ".join(rule_ids),
        coder_version=__version__,
        ruleset_hash=ruleset_hash(),
    )
    return EventRecord.model_validate(row)


def _civilians_targeted(m) -> bool:  # type: ignore[no-untyped-def]
    """ACLED: civilians are the main target (their attackers' victims, or a crowd met with
    excessive force); an attack on state officials or forces is not."""
    if not m.civilian_targeting or m.actor2 is None:
        return bool(m.civilian_targeting) and m.kind.event_type == "Violence against civilians"
    return m.actor2.actor.inter in {6, 7}


def _actor_country(*mentions: ActorMention | None) -> str:
    for mention in mentions:
        if mention is not None and mention.actor.country:
            return mention.actor.country
    return ""


def _actor_text(mention: ActorMention | None) -> str:
    if mention is None or mention.span.start < 0:
        return ""
    return mention.span.text


def _quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _event_id(iso3: str, cluster: Cluster) -> str:
    """Stable: the same event from the same sentences gets the same id on every machine."""
    m = cluster.main.mention
    parts = [m.kind.event_type, m.kind.sub_event_type, m.kind.cameo_code,
             m.actor1.actor.name if m.actor1 else "", m.actor2.actor.name if m.actor2 else "",
             cluster.date.date.isoformat() if cluster.date else "",
             *sorted(s for ev in cluster.members for s in ev.sentence_ids)]
    digest = hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:10].upper()
    return (iso3 or "XXX") + digest


def _per_report(
    buckets: list[dict[int, list[CasualtyMention]]],
) -> tuple[int | None, int | None]:
    """One report's figure: within a sentence, distinct victim groups add up; across its
    sentences the lowest is the report's conservative figure and the highest its upper bound."""
    lows: list[int] = []
    highs: list[int] = []
    for bucket in buckets:
        for mentions in bucket.values():
            groups: dict[str, CasualtyMention] = {}
            for c in mentions:
                key = c.victims.lower()
                if key not in groups or c.value > groups[key].value:
                    groups[key] = c
            lows.append(sum(c.value for c in groups.values()))
            highs.append(sum((c.high or c.value) for c in groups.values()))
    if not lows:
        return None, None
    return min(lows), max(highs)


def _fatality_range(cluster: Cluster) -> tuple[int | None, int | None]:
    lows, highs = [], []
    for ev in cluster.members:
        lo, hi = _per_report([ev.fatalities])
        if lo is not None and hi is not None:
            lows.append(lo)
            highs.append(hi)
    if not lows:
        return None, None
    return min(lows), max(highs)


def _injuries(cluster: Cluster) -> int | None:
    figures = [hi for ev in cluster.members for _, hi in [_per_report([ev.injuries])]
               if hi is not None]
    return max(figures) if figures else None


def _notes(cluster: Cluster, date: str, location: str, fatalities: int | None,
           injuries: int | None, low: int | None, high: int | None) -> str:
    m = cluster.main.mention
    who = m.actor1.actor.name if m.actor1 is not None else "An unidentified actor"
    cameo = taxonomy().cameo.get(m.kind.cameo_code)
    what = m.kind.sub_event_type or (cameo.name if cameo else "event")
    target = f" against {m.actor2.actor.name}" if m.actor2 is not None else ""
    where = f" in {location}" if location else ""
    when = f"On {date}, " if date else ""
    text = f"{when}{who}: {what.lower()}{target}{where}."
    if fatalities:
        text += f" {fatalities} reported killed"
        if low is not None and high is not None and high != low:
            text += f" (reports range {low}-{high})"
        text += "."
    if injuries:
        text += f" {injuries} reported injured."
    n = len({ev.doc.id for ev in cluster.members})
    if n > 1:
        text += f" Reported by {n} documents."
    return text
