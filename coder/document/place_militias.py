"""Identity militias ACLED names by the place their people come from.

ACLED's codebook names a community's militia by its place when reports name the community so:
"<Place> Communal Militia (Country)". Raiders, herders or gunmen "from <Place>" (and the rival
side of "herders from X and Y clashed") are that place's communal militia.
"""

from __future__ import annotations

import datetime as dt

from coder.dictionaries.taxonomy import EVENT
from coder.document.model import DocEvent
from coder.document.sides import event_sentences
from coder.document.words import document_words
from coder.models import ActorMention, PlaceMention
from coder.stages.actors.resolve import identity_actor
from coder.stages.events import SentenceAnalysis, tokenized

# identity_nouns.csv row whose template names a place's communal militia
_PLACE_ROW = "fromplace"
# rule id prefix of a place that is a whole country (coder.models.PlaceMention)
_COUNTRY_RULE = "countries:"


def place_militias(ev: DocEvent, iso3: str, day: dt.date | None,
                   analyses: list[SentenceAnalysis]) -> None:
    """An unidentified armed or communal side named "<people> from <Place>" is that place's
    communal militia; in a clash, a second place joined by "and" names the unnamed other side
    ("herders from Isiolo and Marsabit exchanged fire")."""
    m = ev.mention
    if m.kind.event_type not in {EVENT.battles, EVENT.violence_against_civilians}:
        return
    sa = next((s for s in event_sentences(ev, analyses) if s.sentence.text == m.sentence_text),
              None)
    if sa is None or not sa.places:
        return
    sides = ("actor1", "actor2") if m.kind.event_type == EVENT.battles else ("actor1",)
    for side in sides:
        a = getattr(m, side)
        if not _unnamed(a) or a.span.start < 0:
            continue
        places = _places_after(sa, a)
        if not places:
            continue
        setattr(m, side, _militia(a, places[0], iso3, day))
        other = "actor2" if side == "actor1" else "actor1"
        b = getattr(m, other)
        if len(places) > 1 and other in sides and (b is None or (
                _unnamed(b) and b.span.start < 0)):
            setattr(m, other, _militia(b or a, places[1], iso3, day))
        m.rule_ids.append("defaults:place-militia")
        return


def _unnamed(a: ActorMention | None) -> bool:
    """The side is named only by a generic armed or communal noun ("raiders", "gunmen")."""
    return a is not None and a.rule_id.startswith(tuple(document_words()["place_agent_rule"]))


def _places_after(sa: SentenceAnalysis, a: ActorMention) -> list[PlaceMention]:
    """The places of "<mention> from [the] <Place> [and <Place>]", in order."""
    tokens = tokenized(sa)
    words = document_words()
    starts = {pm.span.start: pm for pm in sa.places}
    i = next((k for k, t in enumerate(tokens) if t.start >= a.span.end), len(tokens))
    if i >= len(tokens) or tokens[i].key not in words["place_origin"]:
        return []
    i += 1
    found: list[PlaceMention] = []
    while i < len(tokens):
        if tokens[i].key in words["place_article"] and not found:
            i += 1
            continue
        pm = starts.get(tokens[i].start)
        if pm is None or pm.rule_id.startswith(_COUNTRY_RULE):
            break  # "bandits from Ethiopia": a country gives the side its country only
        found.append(pm)
        i = next((k for k, t in enumerate(tokens) if t.start >= pm.span.end), len(tokens))
        if i >= len(tokens) or tokens[i].key not in words["place_joiner"] or len(found) > 1:
            break
        i += 1
    return found


def _militia(a: ActorMention, pm: PlaceMention, iso3: str, day: dt.date | None) -> ActorMention:
    """The communal militia of the place as the report writes it (its admin word dropped)."""
    words = pm.span.text.split()
    suffix = document_words()["place_suffix"]
    while len(words) > 1 and words[-1].casefold() in suffix:
        words.pop()
    country = pm.place.iso3 or a.actor.country or iso3
    actor = identity_actor(f"{_PLACE_ROW}:{' '.join(words)}", country, day)
    return ActorMention(a.span, actor, f"{a.rule_id}:place-militia", a.coreferent)
