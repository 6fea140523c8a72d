"""Arguments: who acted (actor1) and on whom (actor2), found around a trigger by its voice and
part of speech: "X attacked Y", "Y was attacked by X", "an attack on Y by X", "X's attack"."""

from __future__ import annotations

from coder.dictionaries.rules import Concept, TriggerMatch
from coder.models import ActorMention
from coder.stages.events.analysis import (
    TERRITORY_CONCEPTS,
    Candidate,
    SentenceAnalysis,
    mention_index,
)

Arguments = tuple[ActorMention | None, ActorMention | None]


def find_arguments(
    sa: SentenceAnalysis, m: TriggerMatch, concept: Concept, passive: bool,
    earlier: list[Candidate],
) -> Arguments:
    """The actor and the target of the trigger `m` (`earlier`: the sentence's candidates
    before it, whose subject a later verb may share)."""
    acts = concept.family != "verbal"
    if m.trigger.pos == "verb":
        return _verb_arguments(sa, m, concept, passive, earlier, acts)
    return _noun_arguments(sa, m, concept, acts)


def _verb_arguments(
    sa: SentenceAnalysis, m: TriggerMatch, concept: Concept, passive: bool,
    earlier: list[Candidate], acts: bool,
) -> Arguments:
    """Subject and object of a verb; for a passive, the "by" agent and the subject."""
    keys = sa.keys
    subject = _left_subject(sa, m.start, acts)
    if passive or _reduced_passive(sa, m):
        return right_actor(sa, m.end, sa.words.agent_preposition, limit=8), subject
    obj = _verb_object(sa, m, concept, subject)
    if earlier:
        subject = _shared_subject(sa, m, subject, earlier[-1])
    elif subject is not None and m.start >= 2 and keys[m.start - 1] == "and":
        # "X called Y a criminal and accused ...": no subject stands between "and" and the
        # verb, so the verb shares the clause's subject; the actor just before is the
        # object of the first verb
        subject = _clause_subject(sa, m.start, acts) or subject
    if subject is None:
        subject = right_actor(sa, m.end, sa.words.member_preposition, limit=14)
        if subject is obj:
            obj = None
    return subject, obj


def _reduced_passive(sa: SentenceAnalysis, m: TriggerMatch) -> bool:
    """A participle with no "be" whose next actor is its "by" agent: the headline passive
    ("Lawyer killed at her home by unknown gunmen", "a convoy ambushed by militants")."""
    keys, words = sa.keys, sa.words
    first = keys[m.start]  # "killed", "shot dead"
    if m.end - m.start > 2 or not (first.endswith("ed") or first in words.participle):
        return False
    after = next(((a_start, a_end) for _, a_start, a_end in sa.bounds if a_start >= m.end), None)
    if after is None or after[0] - m.end > 8:
        return False
    between = keys[m.end : after[0]]
    return "," not in between and words.clause_break.isdisjoint(between) and \
        not words.agent_preposition.isdisjoint(keys[max(m.end, after[0] - 3) : after[0]])


def _verb_object(
    sa: SentenceAnalysis, m: TriggerMatch, concept: Concept, subject: ActorMention | None
) -> ActorMention | None:
    """The object of an active verb: the actor after it, never the subject itself."""
    obj = right_actor(sa, m.end)
    if obj is None and concept.concept in TERRITORY_CONCEPTS:
        # "regained Wad Madani, the capital of Gezira state, from the RSF": who lost it
        obj = right_actor(sa, m.end, sa.words.loser_preposition, limit=16)
    if obj is None and m.end - m.start > 2:
        # "placed President X under house arrest": the object sits in the phrase's gap
        obj = next((a for a, a_start, a_end in sa.bounds
                    if m.start < a_start and a_end < m.end), None)
    if obj is not None and subject is not None and obj.actor == subject.actor and (
        obj.span.start == subject.span.start
    ):
        obj = None
    return obj


def _shared_subject(
    sa: SentenceAnalysis, m: TriggerMatch, subject: ActorMention | None, prev: Candidate
) -> ActorMention | None:
    """"killing at least two" after a comma, or "X condemned ... and blamed Y": the subject of
    the earlier verb `prev` is this verb's subject too, unless this clause has its own."""
    keys = sa.keys
    gap = keys[prev.match.end : m.start]
    shares = (not sa.words.clause_coordinator.isdisjoint(gap) or keys[m.start].endswith("ing")
              or (m.start > 0 and keys[m.start - 1] == ","))
    # "X killed two, and police arrested five": a subject standing between the coordinator and
    # this verb is this clause's own; one before it is the earlier verb's object ("X called
    # the attack terrorism and offered help")
    own_subject = subject is not None and _after_coordinator(
        sa, mention_index(sa, subject)[0], prev.match.end, m.start)
    inside_previous = subject is not None and not own_subject and (
        mention_index(sa, subject)[0] >= prev.match.start
    )
    if own_subject:
        shares = False
    if shares and (subject is None or subject is prev.mention.actor2 or inside_previous):
        # the subject of the earlier verb, even when unknown: never its object
        return prev.mention.actor1
    return subject


def _noun_arguments(
    sa: SentenceAnalysis, m: TriggerMatch, concept: Concept, acts: bool
) -> Arguments:
    """Agent and target of a nominal trigger: "an attack on X by Y", "Y's attack on X", "a
    Taliban attack", "Y launched an attack"."""
    keys = sa.keys
    words = sa.words
    sides = _between_sides(sa, m)
    if sides is not None:
        return sides
    by_agent = right_actor(sa, m.end, words.agent_preposition, limit=8)
    if by_agent is None and concept.concept == "clash":
        # "(two rebels were killed) in an encounter with army troops": the troops are one
        # side, the sentence's subject the other
        with_ = words.side_preposition
        side = right_actor(sa, m.end, None if keys[m.end - 1] in with_ else with_, limit=4)
        if side is not None:
            return side, _modifier_actor(sa, m.start) or _left_subject(sa, m.start, acts)
    target = right_actor(sa, m.end, words.object_preposition, limit=6)
    if target is by_agent:
        target = None  # "an attack on a village by X": X is the agent, the village no actor
    if target is None and keys[m.end - 1] not in words.object_preposition \
            and m.end - m.start >= 2 and keys[m.end - 2] == "to":
        # "an attempt to assassinate Prime Minister X": the phrase ends in its verb
        target = right_actor(sa, m.end, limit=2)
    agent = by_agent
    if agent is None:
        agent = _modifier_actor(sa, m.start)
    if agent is None:
        agent, target = _light_verb_roles(sa, m.start, acts, target)
    return agent, target


def _between_sides(sa: SentenceAnalysis, m: TriggerMatch) -> Arguments | None:
    """"fighting (broke out in Khartoum) between the army and the RSF": the two sides, or None
    when no "between" follows the trigger in its clause."""
    keys = sa.keys
    if "between" not in keys[m.end : m.end + 8]:  # perf: the loop finds nothing else of use
        return None
    clause_break = sa.words.clause_break
    for j in range(m.end, min(m.end + 8, len(keys))):
        if keys[j] == "between" or keys[j] in clause_break:
            break
    if keys[j] != "between":
        return None
    first = right_actor(sa, j, limit=3)
    if first is None:
        return None
    second = right_actor(sa, mention_index(sa, first)[1], sa.words.pair_joiner, limit=3)
    return first, second


def _light_verb_roles(
    sa: SentenceAnalysis, start: int, acts: bool, target: ActorMention | None
) -> Arguments:
    """"Y launched an attack": the subject of a light verb before the noun is its agent;
    "X survived an attack": the subject of a survival verb is its target."""
    window = sa.keys[max(0, start - 5) : start]
    light_verbs = sa.words.light_verb
    if light_verbs.isdisjoint(window):
        return None, target
    subject = _left_subject(sa, start, acts)
    light = next(k for k in window if k in light_verbs)
    if light in sa.words.survival_verb:
        return None, target or subject
    return subject, target


def _after_coordinator(sa: SentenceAnalysis, subject_start: int, prev_end: int,
                       start: int) -> bool:
    """Whether a coordinator ("and", "but", ",") separates the earlier verb from the subject."""
    coordinators = sa.words.subject_coordinator
    between = sa.keys[prev_end:subject_start]
    return any(k in coordinators for k in between) and subject_start < start


def _modifier_actor(sa: SentenceAnalysis, start: int) -> ActorMention | None:
    """An actor right before a nominal trigger: "Taliban attack", "Iraq's protests"."""
    keys = sa.keys
    gap = sa.words.modifier_gap
    for a, _, a_end in sa.bounds:
        if a_end <= start and start - a_end <= 2 and gap.issuperset(keys[a_end:start]):
            return a
    return None


def swapped(sa: SentenceAnalysis, m: TriggerMatch, fallback: ActorMention | None) -> Arguments:
    """"X received calls from Y": Y acts, X receives."""
    caller = right_actor(sa, m.end, sa.words.caller_preposition, limit=16)
    receiver = _left_subject(sa, m.start)
    return caller or fallback, receiver


def _left_subject(sa: SentenceAnalysis, start: int, acts: bool = True) -> ActorMention | None:
    """The nearest actor before the trigger that is not inside a prepositional phrase.

    `acts`: the trigger is a deed, not words; the speaker of a "said" before it reports the
    deed and is not its subject ("Kyiv said Russian drones struck ...")."""
    best_any = None
    keys = sa.keys
    speech = sa.speech_verbs.keys()
    clause_break = sa.words.clause_break
    prepositions = sa.words.preposition
    for a, a_start, a_end in reversed(sa.bounds):
        if a_end > start:
            continue
        between = keys[a_end:start]
        if not clause_break.isdisjoint(between):
            break
        if acts and not speech.isdisjoint(between[:3]):
            # "Ukraine's military said Russian drones dropped ...": the speaker is a source
            break
        if best_any is None and start - a_end <= 12:
            best_any = a
        prev = keys[a_start - 1] if a_start > 0 else ""
        if prev in prepositions and prev != "by":
            continue
        if prev == "by":
            continue
        return a
    return best_any


def _clause_subject(sa: SentenceAnalysis, start: int, acts: bool) -> ActorMention | None:
    """The first actor of the trigger's clause that is not inside a prepositional phrase (for
    a deed, the clause starts after the last verb of saying: "police said gunmen ...")."""
    keys = sa.keys
    speech = sa.speech_verbs
    clause_break = sa.words.clause_break
    prepositions = sa.words.preposition
    clause = 0
    for j in range(start - 1, -1, -1):
        if keys[j] in clause_break or (acts and keys[j] in speech):
            clause = j + 1
            break
    for a, a_start, a_end in sa.bounds:
        if a_end > start:
            return None
        if a_start < clause or (a_start > 0 and keys[a_start - 1] in prepositions):
            continue
        return a
    return None


def is_speaker(sa: SentenceAnalysis, a: ActorMention) -> bool:
    """The mention is the subject of a verb of saying ("police said")."""
    _, a_end = mention_index(sa, a)
    return a_end < len(sa.keys) and sa.keys[a_end] in sa.speech_verbs


def right_actor(
    sa: SentenceAnalysis, end: int, preps: frozenset[str] | None = None, limit: int = 10
) -> ActorMention | None:
    """The first actor after token `end` (optionally only after one of `preps`), within
    `limit` tokens and the clause; never the source of a report (", Mayor X said")."""
    keys = sa.keys
    clause_break = sa.words.clause_break
    for a, a_start, a_end in sa.bounds:
        if a_start < end:
            continue
        if a_start - end > limit:
            return None
        between = keys[end:a_start]
        if not clause_break.isdisjoint(between) or (preps is None and "," in between):
            return None
        if preps is not None and preps.isdisjoint(between):
            continue
        if a_end < len(keys) and keys[a_end] in sa.speech_verbs:
            return None  # ", Mayor X said": the source of the report, not a party to it
        return a
    return None

