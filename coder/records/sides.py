"""A record's actor columns: who acted, against whom, in ACLED's and CAMEO's terms."""

from __future__ import annotations

from typing import Any

from coder.dictionaries.taxonomy import EVENT, INTER_CODE, taxonomy
from coder.models import ActorMention, EventMention
from coder.stages.events import interaction


def actor_fields(m: EventMention, acled: bool) -> dict[str, Any]:
    """Both actors' names, associates, inter labels and codes, the text that named them, their
    interaction and whether civilians were targeted (the ACLED columns only for ACLED events)."""
    inter1 = m.actor1.actor.inter if m.actor1 is not None and acled else None
    inter2 = m.actor2.actor.inter if m.actor2 is not None and acled else None
    labels = taxonomy().inter_labels
    return dict(
        actor1=m.actor1.actor.name if m.actor1 is not None else "",
        assoc_actor_1=m.actor1.actor.assoc if m.actor1 is not None else "",
        inter1=labels.get(inter1, "") if inter1 else "",
        actor2=m.actor2.actor.name if m.actor2 is not None else "",
        assoc_actor_2=m.actor2.actor.assoc if m.actor2 is not None else "",
        inter2=labels.get(inter2, "") if inter2 else "",
        interaction=interaction(inter1, inter2) if acled else "",
        civilian_targeting="Civilians targeted" if acled and _civilians_targeted(m) else "",
        actor1_code=m.actor1.actor.code if m.actor1 is not None else "",
        actor2_code=m.actor2.actor.code if m.actor2 is not None else "",
        actor1_text=_actor_text(m.actor1),
        actor2_text=_actor_text(m.actor2),
    )


def _civilians_targeted(m: EventMention) -> bool:
    """ACLED: civilians are the main target (their attackers' victims, or a crowd met with
    excessive force); an attack on state officials or forces is not."""
    if not m.civilian_targeting or m.actor2 is None:
        return bool(m.civilian_targeting) and m.kind.event_type == EVENT.violence_against_civilians
    return m.actor2.actor.inter in (INTER_CODE.protesters, INTER_CODE.civilians)


def actor_country(*mentions: ActorMention | None) -> str:
    """The country of the first actor that has one."""
    for mention in mentions:
        if mention is not None and mention.actor.country:
            return mention.actor.country
    return ""


def _actor_text(mention: ActorMention | None) -> str:
    if mention is None or mention.span.start < 0:
        return ""
    return mention.span.text
