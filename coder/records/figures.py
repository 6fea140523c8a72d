"""A record's figures and its note: deaths and injuries as the reports give them."""

from __future__ import annotations

from coder.dictionaries.taxonomy import taxonomy
from coder.models import CasualtyMention
from coder.records.cluster import Cluster
from coder.stages.casualties.rules import nonlethal_sub_events
from coder.stages.casualties.spans import days_spanned


def _sentence_figure(mentions: list[CasualtyMention], pick: str) -> int:
    """One sentence's figure: distinct victim groups add up; of two figures for the same group
    the lower counts (`pick` "low": ACLED keeps the most conservative, a vague figure giving
    way to a precise one) or the higher (`pick` "high", with ranges' upper ends)."""
    groups: dict[str, int] = {}
    if pick == "low":
        precise = [c for c in mentions if not c.vague]
        for c in precise or mentions:
            key = c.victims.lower()
            groups[key] = min(groups.get(key, c.value), c.value)
    else:
        for c in mentions:
            key = c.victims.lower()
            groups[key] = max(groups.get(key, 0), c.high or c.value)
    return sum(groups.values())


def _per_report(
    buckets: list[dict[int, list[CasualtyMention]]],
) -> tuple[int | None, int | None]:
    """One report's figure: each sentence's (`_sentence_figure`); across its sentences the
    lowest is the report's conservative figure (a sentence with only vague figures giving way
    to a precise one, as within a sentence) and the highest its upper bound."""
    sentences = [m for bucket in buckets for m in bucket.values()]
    precise = [m for m in sentences if not all(c.vague for c in m)]
    lows = [_sentence_figure(m, "low") for m in precise or sentences]
    highs = [_sentence_figure(m, "high") for m in sentences]
    if not lows:
        return None, None
    return min(lows), max(highs)


def fatality_range(cluster: Cluster) -> tuple[int | None, int | None]:
    """The lowest and highest death toll any report gives (None, None when none gives one, or
    when the record's sub-event type holds no death by definition: a peaceful protest's
    reports may name the killing it protests about, which is no fatality of the protest). A
    report whose toll covers several days ("over two days") gives the first day's share of
    it, as ACLED splits such a total over the daily events (codebooks.md 1.5)."""
    if cluster.main.mention.kind.sub_event_type in nonlethal_sub_events():
        return None, None
    lows, highs = [], []
    for ev in cluster.members:
        lo, hi = _per_report([ev.fatalities])
        if lo is not None and hi is not None:
            days = days_spanned(ev.mention.sentence_text) if lo > 1 else 1
            lows.append(-(-lo // days))  # a total over several days: the first day's share
            highs.append(hi)
    if not lows:
        return None, None
    return min(lows), max(highs)


def injuries(cluster: Cluster) -> int | None:
    """The fullest report's number of injured (the highest), or None when none gives one."""
    figures = [hi for ev in cluster.members for _, hi in [_per_report([ev.injuries])]
               if hi is not None]
    return max(figures) if figures else None


def notes(cluster: Cluster, date: str, location: str, fatalities: int | None,
          injured: int | None, low: int | None, high: int | None) -> str:
    """ACLED's notes column: who did what to whom, where and when, and the figures."""
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
    if injured:
        text += f" {injured} reported injured."
    n = len({ev.doc.id for ev in cluster.members})
    if n > 1:
        text += f" Reported by {n} documents."
    return text
