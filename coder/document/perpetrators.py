"""Who ACLED names as the perpetrator of one-sided violence, once the event's type is known.

ACLED's victims of violence against civilians are always its second actor, and civilians are
never the first: people of no armed organisation who shoot, stab or abduct someone ("two men
shot a trader", "supporters of a rival attacked a candidate") are coded as an unidentified armed
group, or, named by their ethnic group ("Pokot villagers raided ..."), as that group's militia.
A crowd that attacks is mob violence (rioters), which the events stage decides before this.
"""

from __future__ import annotations

import datetime as dt

from coder.dictionaries.taxonomy import EVENT, INTER_CODE, INTER_GROUP, SUB
from coder.document.model import DocEvent
from coder.document.sides import generic_actor
from coder.document.words import document_words
from coder.models import ActorMention, EventMention
from coder.stages.actors.resolve import ethnic_actor

# event types whose perpetrator ACLED never codes as civilians
_ARMED_PERPETRATOR = frozenset({EVENT.violence_against_civilians,
                                EVENT.explosions_remote_violence})


def armed_perpetrator(ev: DocEvent, iso3: str, day: dt.date | None) -> None:
    """A perpetrator of violence against civilians (or of a bombing) that the text names as
    civilians is an unidentified armed group of its country; one named with its ethnic group
    ("Turkana men") is that group's militia. Civilians first and an armed actor second are the
    sides the wrong way round when the armed actor is the "by" agent after the trigger ("their
    bus was shot at by militants"): the armed actor acted."""
    m = ev.mention
    a = m.actor1
    if (a is None or a.actor.inter != INTER_CODE.civilians
            or m.kind.event_type not in _ARMED_PERPETRATOR):
        return
    if (m.actor2 is not None and m.actor2.actor.inter in INTER_GROUP.armed
            and _passive_agent(m, m.actor2)):
        m.actor1, m.actor2 = m.actor2, a
        m.rule_ids.append("defaults:armed-perpetrator:swapped")
        return
    country = a.actor.country or iso3
    if ":ethnic:" in a.rule_id:
        group = a.rule_id.rsplit(":", 1)[1]
        actor = ethnic_actor(group, country, day)
        rule = f"ethnic:{group}:perpetrator"
    else:
        actor = generic_actor("gunmen", country, day).actor
        rule = f"{a.rule_id}:perpetrator"
    m.actor1 = ActorMention(a.span, actor, rule, a.coreferent)
    m.rule_ids.append("defaults:armed-perpetrator")


def _passive_agent(m: EventMention, side: ActorMention) -> bool:
    """`side` stands after the trigger with "by" between them, as a passive's agent."""
    start, end = m.trigger.end, side.span.start
    if start < 0 or end < start:
        return False
    return "by" in m.sentence_text[start:end].lower().split()


def rival_crowd(ev: DocEvent, iso3: str, day: dt.date | None) -> None:
    """ACLED: mob violence reported as a fight ("rival supporters clashed", "two groups of
    youths fought") is between two crowds, rioters on both sides; its unnamed second side is
    the rival crowd, not civilian victims."""
    m = ev.mention
    if m.kind.sub_event_type != SUB.mob_violence or m.actor1 is None or m.actor2 is not None:
        return
    if document_words()["crowd_fight_rule"].isdisjoint(m.rule_ids):
        return
    m.actor2 = generic_actor("rioters", m.actor1.actor.country or iso3, day)
    m.actor2.rule_id = "agents:rioters:rival"
    m.rule_ids.append("defaults:rival-crowd")


def arresting_force(ev: DocEvent, iso3: str, day: dt.date | None) -> None:
    """ACLED: an arrest's first actor is the state force that made it (the police unless the
    report names another force), its second the people arrested. "The authorities arrested
    ..." is the police's arrest; "two suspects and a trader arrested" names the arrested."""
    m = ev.mention
    if m.kind.sub_event_type != SUB.arrests or not iso3:
        return
    a = m.actor1
    if a is not None and a.actor.inter != INTER_CODE.civilians and not (
            a.actor.inter == INTER_CODE.state_forces and a.rule_id.startswith("agents:")
            and a.actor.kind not in document_words()["force_kind"]):
        return  # a named force, or anyone else the report says arrested them
    if m.actor2 is None and a is not None and a.actor.inter == INTER_CODE.civilians:
        m.actor2 = a
    m.actor1 = generic_actor("police", iso3, day)
    m.rule_ids.append("defaults:arresting-force")
