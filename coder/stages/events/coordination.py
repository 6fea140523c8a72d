"""Coordinated actors: "The US and Saudi Arabia condemned ...", "X and Y clashed", "RSF fighters
and allied militiamen killed ...": one event per subject, two sides, or allies."""

from __future__ import annotations

from coder.dictionaries.taxonomy import EVENT, INTER_CODE
from coder.models import ActorMention, EventMention
from coder.stages.events.analysis import (
    CANDIDATE_VALUES,
    CONFLICT_FAMILIES,
    MENTION_VALUES,
    TERRITORY_CONCEPTS,
    Candidate,
    SentenceAnalysis,
    mention_index,
)
from coder.stages.events.classification import classify_violence


def coordinated_copies(
    sa: SentenceAnalysis, cand: Candidate, earlier: list[Candidate]
) -> list[Candidate]:
    """One event per coordinated subject ("The US and Saudi Arabia condemned ..."), or the
    partner as counterpart or associated actor, as the event's kind requires."""
    m = cand.mention
    if m.actor1 is None:
        return []
    partners = _coordinated(sa, m.actor1, earlier)
    if not partners:
        return []
    if cand.concept.concept == "clash" and m.actor2 is None:
        m.actor2, m.actor1 = m.actor1, partners[0]  # "X and Y clashed": the two sides
        m.assoc1 = partners[1:]
        return []
    if cand.concept.family in CONFLICT_FAMILIES:
        _allies(cand, partners)
        return []
    if cand.concept.reciprocal and m.actor2 is None:
        # "Pakistan and China held joint exercises": each is the other's counterpart
        m.actor2 = partners[0]
        return []
    copies = []
    for partner in partners:
        # perf: `replace(m, actor1=partner, ...)` and `replace(cand, mention=mention)`, without
        # dataclasses.replace's inspection of the fields on every call
        mention = EventMention(*MENTION_VALUES(m))
        mention.actor1 = partner
        mention.rule_ids = [*m.rule_ids, "coordination"]
        copy = Candidate(*CANDIDATE_VALUES(cand))
        copy.mention = mention
        copies.append(copy)
    return copies


def _weight(a: ActorMention) -> int:
    """Which coordinated actor leads an act of conflict: state forces, then named groups, then
    generic ones."""
    if a.actor.inter == INTER_CODE.state_forces:
        return 2
    return 1 if a.rule_id.startswith("organisations:") else 0


def _allies(cand: Candidate, partners: list[ActorMention]) -> None:
    """The partners of an act of conflict's actor1 become its associated actors (ACLED); a
    named or state partner leads ("RSF fighters and allied militiamen killed ...")."""
    m = cand.mention
    assert m.actor1 is not None
    primary = max(partners, key=_weight)
    if _weight(primary) > _weight(m.actor1):
        partners = [p for p in partners if p is not primary] + [m.actor1]
        m.actor1 = primary
        if cand.concept.concept in TERRITORY_CONCEPTS and m.kind.event_type == EVENT.battles:
            m.kind, _ = classify_violence(cand.concept, None, primary, m.actor2, None)
    m.assoc1 = partners  # ACLED: allies of actor1 are associated actors


def _coordinated(
    sa: SentenceAnalysis, a: ActorMention, earlier: list[Candidate]
) -> list[ActorMention]:
    """Actors joined to `a` just before it by "and" or commas: "X, Y and Z" -> [Y, X]."""
    keys = sa.keys
    joiners = sa.words.conjunct_joiner
    start = mention_index(sa, a)[0]
    if start < 2 or joiners.isdisjoint(keys[max(0, start - 4) : start]):
        return []  # the common case: nothing coordinated
    skip = _qualifier_length(sa, start)
    if skip is None:
        return []
    start -= skip - 1
    ends = {a_end: other for other, _, a_end in sa.bounds}
    # a partner after an earlier verb is that verb's object ("killed two farmers and police
    # arrested ..."), not a co-subject
    floor = max((c.match.end for c in earlier), default=0)
    out: list[ActorMention] = []
    while start >= 2 and keys[start - 1] in joiners:
        partner = ends.get(start - 1)
        if partner is None or partner.actor == a.actor or mention_index(sa, partner)[0] < floor:
            break
        out.append(partner)
        start = mention_index(sa, partner)[0]
    return out


def _qualifier_length(sa: SentenceAnalysis, start: int) -> int | None:
    """How far back from an actor starting at `start` the joiner stands (1: right before it):
    "X and Macawisley clan militias", "X and allied Arab militiamen": up to three unmatched
    words may qualify the second conjunct. None when no joiner is that close."""
    keys = sa.keys
    joiners = sa.words.conjunct_joiner
    clause_break = sa.words.clause_break
    for skip in range(1, 4):
        if start - skip >= 1 and keys[start - skip] in joiners:
            return skip
        tok = sa.tokens[start - skip] if start - skip >= 0 else None
        if tok is None or not tok.is_word or keys[start - skip] in clause_break:
            return None
    return None
