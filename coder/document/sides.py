"""The building blocks of ACLED's default sides: a country's generic actor ("gunmen",
"protesters") and the sentences that tell about one event, with their actors."""

from __future__ import annotations

import datetime as dt

from coder.document.model import CARRY_SENTENCES, DocEvent
from coder.models import ActorMention, Span
from coder.stages.actors import ActorDictionary, agent_actor, find_actors, with_country
from coder.stages.events import SentenceAnalysis, tokenized


def generic_actor(agent_id: str, iso3: str, day: dt.date | None = None) -> ActorMention:
    """ACLED's generic actor of a country, from the agent dictionary ("protesters", "gunmen")."""
    actor = agent_actor(ActorDictionary.load().agents[agent_id], iso3, day)
    return ActorMention(Span(-1, -1, ""), actor, f"agents:{agent_id}:default")


def event_sentences(ev: DocEvent,
                     analyses: list[SentenceAnalysis]) -> list[SentenceAnalysis]:
    """The event's own sentences and those after its first one that may say more about it."""
    own = [i for i, sa in enumerate(analyses) if sa.sentence.sentence_id in ev.sentence_ids]
    if not own:
        return []
    return analyses[min(own) : max(own) + CARRY_SENTENCES]


def sentence_actors(sa: SentenceAnalysis, iso3: str,
                     day: dt.date | None) -> list[ActorMention]:
    """The actors of one sentence, found now if the document step did not need them."""
    if sa.actors:
        return [with_country(a, iso3, day) for a in sa.actors]
    return find_actors(tokenized(sa), sa.sentence.text, day, iso3)
