"""Build output records from clusters of reports: every contract column, with provenance.

Figures follow ACLED: `fatalities` is the lowest figure any report gives (0 when none reports a
death), `fatalities_low`/`fatalities_high` the reported range. Injuries are not an ACLED column;
we give the fullest report's figure (the highest), since later reports add victims found later.
"""

from __future__ import annotations

import hashlib
import os
import time
from typing import Any

from coder import __version__
from coder.dictionaries.countries import country
from coder.dictionaries.files import ruleset_hash
from coder.dictionaries.taxonomy import taxonomy
from coder.models import EventMention, EventRecord, Place
from coder.records.cluster import Cluster
from coder.records.figures import fatality_range, injuries, notes
from coder.records.sides import actor_country, actor_fields

Row = dict[str, Any]  # record columns by name


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
    """The output record of one cluster: its main report's event, the most precise place any
    report gives, the figures of every report, and where each came from."""
    m = cluster.main.mention
    acled = bool(m.kind.event_type)
    place = _most_precise_place(cluster)
    # no place: the country the document is about, else the actors' (ACLED codes an event in the
    # country where it happened, not in a named group's home country)
    iso3 = place.iso3 if place is not None else (
        cluster.main.country or actor_country(m.actor1, m.actor2))
    fat_low, fat_high = fatality_range(cluster)
    hurt = injuries(cluster)
    fatalities = fat_low if fat_low is not None else (0 if acled else None)
    date = cluster.date
    row: Row = dict(
        event_id_cnty=_event_id(iso3, cluster),
        event_date=date.date.isoformat() if date else None,
        year=date.date.year if date else None,
        time_precision=date.precision if date else None,
        disorder_type=disorder_type(m.kind.event_type, m.kind.sub_event_type),
        event_type=m.kind.event_type,
        sub_event_type=m.kind.sub_event_type,
        source_scale="",
        notes=notes(cluster, date.date.isoformat() if date else "", place.name if place else "",
                    fatalities, hurt, fat_low, fat_high),
        fatalities=fatalities,
        tags="; ".join(_tags(cluster, fat_low, fat_high)),
        timestamp=timestamp,
        injuries=hurt,
        fatalities_low=fat_low,
        fatalities_high=fat_high,
        realis=m.realis if m.realis in {"actual", "attempted"} else "actual",
        evidence=m.sentence_text,
        coder_version=__version__,
        ruleset_hash=ruleset_hash(),
    )
    row |= actor_fields(m, acled)
    row |= _place_fields(iso3, place)
    row |= _cameo_fields(m)
    row |= _provenance(cluster)
    return EventRecord.model_validate(row)


def _most_precise_place(cluster: Cluster) -> Place | None:
    """The most precise place any report gives: a district or landmark over its city."""
    places = [ev.mention.place.place for ev in cluster.members if ev.mention.place is not None]
    return min(places, key=lambda p: (p.geo_precision, " - " not in p.name), default=None)


def _tags(cluster: Cluster, fat_low: int | None, fat_high: int | None) -> list[str]:
    """Why the date is unknown, and a disputed death toll."""
    tags = []
    if cluster.date is None:
        tags.append(f"date unknown: {cluster.date_reason}")
    if fat_low is not None and fat_high is not None and fat_high != fat_low:
        tags.append(f"fatalities disputed: {fat_low}-{fat_high}")
    return tags


def _place_fields(iso3: str, place: Place | None) -> Row:
    """The country's columns, and the place's (a location only below the country)."""
    c = country(iso3) if iso3 else None
    located = place is not None and place.feature != "country"
    return dict(
        iso=c.iso_numeric if c else None,
        region=c.region if c else "",
        country=c.acled_name if c else "",
        admin1=place.admin1 if place else "",
        admin2=place.admin2 if place else "",
        admin3=place.admin3 if place else "",
        location=place.name if place is not None and located else "",
        latitude=place.latitude if place is not None and located else None,
        longitude=place.longitude if place is not None and located else None,
        geo_precision=place.geo_precision if place is not None and located else None,
    )


def _cameo_fields(m: EventMention) -> Row:
    """The CAMEO code, its root, quad class and Goldstein score."""
    code = m.kind.cameo_code
    cameo = taxonomy().cameo.get(code)
    return dict(
        cameo_code=code,
        cameo_root=code[:2],
        quad_class=cameo.quad_class if cameo else (_quad(code) if code else None),
        goldstein=cameo.goldstein if cameo else None,
    )


def _provenance(cluster: Cluster) -> Row:
    """The documents, sentences, sources and rules the record stands on."""
    docs = sorted({ev.doc.id for ev in cluster.members})
    sentence_ids = list(dict.fromkeys(s for ev in cluster.members for s in ev.sentence_ids))
    sources = sorted({ev.doc.source for ev in cluster.members if ev.doc.source})
    urls = sorted({ev.doc.url for ev in cluster.members if ev.doc.url})
    rule_ids = sorted({r for ev in cluster.members for r in ev.mention.rule_ids})
    return dict(
        source="; ".join(sources),
        doc_ids="; ".join(docs),
        sentence_ids="; ".join(sentence_ids),
        source_urls="; ".join(urls),
        n_sources=len(sources),
        n_documents=len(docs),
        rule_ids="; ".join(rule_ids),
    )


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
