"""Suspects: plain people a report suspects of a crime ("three men suspected of robbing a
bank", "youths believed to be car thieves") are ACLED's criminals agent, not civilians.

Which people may be suspects are words.csv's "suspect-agent" ids, the agent they become its
"suspect-as" id, the hedge right after them its "suspect-hedge" words and the crime its
"crime-word" words.
"""

from __future__ import annotations

import datetime as dt

from coder.models import ActorMention
from coder.stages.actors.dictionary import ActorDictionary
from coder.stages.actors.resolve import agent_actor
from coder.text.tokens import Token

# how many tokens after the hedge its crime may come ("suspected of having robbed a bank")
_CRIME_REACH = 6


def suspected_people(d: ActorDictionary, tokens: list[Token], mentions: list[ActorMention],
                     spans: list[tuple[int, int]], day: dt.date | None) -> list[ActorMention]:
    """Each mention of plain people that a hedge and a crime word follow ("men suspected of
    murder") resolved as suspects: ACLED's criminals agent of the same country."""
    people = d.words["suspect-agent"]
    targets = sorted(d.words["suspect-as"])
    if not targets:
        return mentions
    out: list[ActorMention] = []
    for m, (_, end) in zip(mentions, spans, strict=True):
        agent = m.rule_id.split(":")[1] if m.rule_id.startswith("agents:") else ""
        if agent in people and _suspected(d, tokens, end):
            actor = agent_actor(d.agents[targets[0]], m.actor.country, day)
            m = ActorMention(m.span, actor, f"agents:{targets[0]}:suspected", m.coreferent)
        out.append(m)
    return out


def _suspected(d: ActorDictionary, tokens: list[Token], end: int) -> bool:
    """A hedge right after token `end` and a crime word within a few tokens after it."""
    if end >= len(tokens) or tokens[end].key not in d.words["suspect-hedge"]:
        return False
    crimes = d.words["crime-word"]
    return any(t.key in crimes for t in tokens[end + 1:end + 1 + _CRIME_REACH])
