"""Actors a violent event names only indirectly: the force that holds an attacked facility, the
state whose weapon struck, the actor a source blames, the civilians whose property burned."""

from __future__ import annotations

from functools import lru_cache

from coder.dictionaries.files import register_cache
from coder.dictionaries.rules import RuleSet
from coder.models import ActorMention, Span
from coder.stages.actors import ActorDictionary, agent_actor
from coder.stages.events.analysis import SentenceAnalysis
from coder.stages.events.arguments import right_actor
from coder.text.tokens import phrase_key


@register_cache
@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """The country of each demonym, by the word's key ("russian" -> "RUS")."""
    d = ActorDictionary.load()
    return {phrase_key(x): iso3 for iso3, row in d.demonyms.items() for x in row.demonyms}


def owners(sa: SentenceAnalysis) -> ActorMention:
    """The civilians whose property an event destroyed (their country comes with the event)."""
    civilians = ActorDictionary.load().agents["civilians"]
    return ActorMention(Span(-1, -1, ""), agent_actor(civilians, "", sa.day),
                        "agents:civilians:property")


def force_of_facility(sa: SentenceAnalysis, end: int, rules: RuleSet) -> ActorMention | None:
    """ "an attack on a police post", "stormed an army base": the force that holds it."""
    facilities = rules.cue_keys.get("facility", {})
    keys = sa.keys
    clause_break = sa.words.clause_break
    for a, a_start, a_end in sa.bounds:  # "hit an African Union convoy", "shelled a Wagner base"
        if end <= a_start and a_end < min(end + 7, len(keys)) and keys[a_end] in facilities \
                and clause_break.isdisjoint(keys[end:a_start]):
            return a
    forces = sa.words.forces
    demonyms = demonym_countries()
    for j in range(end, min(end + 6, len(keys) - 1)):
        agent_id = forces.get(keys[j])
        iso3 = ""
        if agent_id is None and sa.tokens[j].text[:1].isupper():  # perf: is_capitalized
            # "fired mortars at Armenian positions": the positions of that state's army
            iso3 = demonyms.get(keys[j], "")
            agent_id = "troops" if iso3 else None
        if agent_id and keys[j + 1] in facilities:
            agent = ActorDictionary.load().agents.get(agent_id)
            if agent is None:
                return None
            tok = sa.tokens[j]
            return ActorMention(Span(tok.start, tok.end, tok.text),
                                agent_actor(agent, iso3, sa.day), f"agents:{agent_id}:facility")
        if keys[j] in clause_break:
            break
    return None


def attributed(sa: SentenceAnalysis, end: int, rules: RuleSet) -> ActorMention | None:
    """The actor a source blames for the act ("blaming government helicopters")."""
    # "drones launched by the RSF", "a missile fired by Houthi forces": the weapon's user
    keys = sa.keys
    for w in sa.weapon_positions:
        if w + 2 < len(keys) and keys[w + 1] in sa.words.light_verb \
                and keys[w + 2] in sa.words.passive_agent:
            user = right_actor(sa, w + 2, sa.words.agent_preposition, limit=4)
            if user is not None:
                return user
    words = rules.cue_keys.get("attribution", {})
    if words.keys().isdisjoint(keys[end:]):
        return None  # perf: the common case, decided without a loop
    for j in range(end, len(keys)):
        if keys[j] in words:
            state = state_forces_before(sa, [k for k in sa.weapon_positions if k > j])
            return state or right_actor(sa, j + 1, limit=6)
    return None


def state_forces_before(sa: SentenceAnalysis, heads: list[int]) -> ActorMention | None:
    """The armed forces of the state named by a demonym, a country or "government" just before
    a weapon or strike noun ("a Russian Iskander missile", "an Israeli air strike")."""
    troops = ActorDictionary.load().agents.get("troops")
    if troops is None:
        return None
    demonyms = demonym_countries()
    stop = sa.words.state_weapon_break
    for head in heads:
        for j in range(head - 1, max(-1, head - 4), -1):
            tok = sa.tokens[j]
            capitalized = tok.text[:1].isupper()  # perf: Token.is_capitalized, inlined
            iso3 = demonyms.get(tok.key, "") if capitalized else ""
            if iso3 or tok.key in sa.words.state_weapon_owner:
                actor = agent_actor(troops, iso3, sa.day)
                return ActorMention(Span(tok.start, tok.end, tok.text), actor,
                                    "agents:troops:state-weapon")
            if not tok.is_word or tok.key in stop:
                break
    return None
