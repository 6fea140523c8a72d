"""Realis: whether the text reports an event as fact, or as denied, threatened, attempted,
alleged, planned; with the voice of a verb trigger, back-references ("the attack") and the
speaker of a quoted statement."""

from __future__ import annotations

from typing import Literal, get_args

from coder.dictionaries.rules import RuleSet
from coder.models import ActorMention
from coder.stages.events.analysis import EventWords, SentenceAnalysis, cue_value

# the cue kinds that qualify a trigger just before it, in the order they win: "could try to
# attack" is hypothetical, "did not try to" denied; both beat the attempt
RealisCue = Literal["negation", "modality", "attempt"]
_REALIS_CUES = get_args(RealisCue)


def realis(
    keys: list[str], i: int, rules: RuleSet, pos: str, kinds: set[str], words: EventWords,
    purpose_done: bool = False,
) -> str:
    """What the text says of the event at token `i`: happened, attempted, threatened, denied,
    ... (`kinds`: the kinds of the cue phrases the sentence may hold, see
    SentenceAnalysis.cue_kinds)."""
    window = _without_dates(keys, i, _clause_before(keys, i, words), words)
    # no cue word near the trigger: the common case (perf: or none of these kinds in the sentence)
    if not kinds.isdisjoint(_REALIS_CUES) and not rules.cue_words.isdisjoint(window):
        for kind in _REALIS_CUES:
            found = cue_value(window, rules, kind) if kind in kinds else None
            if found is not None:
                return found
    # "accused the army of killing ...": the act is alleged, not reported as fact
    if window and window[-1] in words.allegation_preposition and not (
        rules.cue_keys.get("allegation", {}).keys().isdisjoint(window)
    ):
        return "hypothetical"
    if pos == "verb" and window and window[-1] == "to":
        # "blocked the road to protest": with `purpose_done` (a demonstration), the purpose of
        # an act done, unless an intention comes before ("called on supporters to protest")
        if purpose_done and len(window) > 1 and words.intention.isdisjoint(window):
            return "actual"
        return "planned"
    return "actual"


def _clause_before(keys: list[str], i: int, words: EventWords) -> list[str]:
    """The up to six keys before token `i`, from the start of its clause."""
    window = keys[max(0, i - 6) : i]
    breaks = words.clause_break_or_comma
    if not breaks.isdisjoint(window):  # perf: most often none to look for
        for j in range(len(window) - 1, -1, -1):
            if window[j] in breaks:
                return window[j + 1 :]
    return window


def _without_dates(keys: list[str], i: int, window: list[str], words: EventWords) -> list[str]:
    """`window` (the keys just before token `i`) with a month's name that is also a modal verb
    blanked where it is a date: "on 3 May two people were killed" states no possibility."""
    if words.month_modal.isdisjoint(window):  # perf: the common case
        return window
    start = i - len(window)
    kept = list(window)
    for j, key in enumerate(window):
        if key not in words.month_modal:
            continue
        at = start + j
        before = keys[at - 1] if at > 0 else ""
        after = keys[at + 1] if at + 1 < len(keys) else ""
        if before in words.date_preposition or before[:1].isdigit() or after[:1].isdigit():
            kept[j] = ""
    return kept


def is_passive(keys: list[str], i: int, words: EventWords) -> bool:
    """Whether the verb at `i` is a passive participle after a form of "be" ("was attacked")."""
    word = keys[i]
    if not (word.endswith("ed") or word.endswith("en") or word in words.participle):
        return False
    j = i - 1
    while j >= 0 and keys[j] in words.adverb:
        j -= 1
    return j >= 0 and keys[j] in words.be


def is_reduced_passive(keys: list[str], i: int, end: int, words: EventWords) -> bool:
    """"Three people killed in a clash", "two officers wounded during the raid": a headline's
    passive with no "be" (the participle at `i`, the trigger ending at `end`). Read as such when
    its clause ends there or a place, date or agent preposition follows at once ("killed at
    least five" aside), and a noun (no "be", "have", adverb or figure) stands just before it.
    Callers keep it to harm triggers (words.csv harm_concept), whose verbs take an object in
    the active voice."""
    word = keys[i]
    if not (word.endswith(("ed", "en")) or word in words.participle):
        return False
    before = keys[i - 1] if i > 0 else ""
    if not before.isalpha() or before in words.be or before in words.adverb or (
            before in words.determiner or before in words.clause_coordinator):
        # "were killed" is read as a passive already; "have killed" (an adverb here) is active;
        # "the injured" is a noun; "8 dead and 17 injured" names no one; "shot and hacked"
        # shares the active subject of the verb before it
        return False
    clause = keys[max(0, i - _RESULT_REACH) : i]
    breaks = [k for k, key in enumerate(clause) if key in words.clause_break_or_comma]
    if not words.result_verb.isdisjoint(clause[breaks[-1] + 1 :] if breaks else clause):
        return False  # "leaving two people injured": the state a result verb's object is in
    at_end = end >= len(keys) or (end == len(keys) - 1 and not keys[end].isalnum())
    if at_end or keys[end] in words.clause_break_or_comma:
        return True  # "Four officers killed." ends its clause with no object
    after = keys[end]
    if not (after in words.place_preposition or after in words.date_preposition
            or after in words.agent_preposition):
        return False
    following = keys[end + 1] if end + 1 < len(keys) else ""
    # "killed at least five": a figure follows, the object of an active verb
    return following not in words.quantity


# how far back in its clause a result verb may govern a participle ("left the driver and his
# two assistants badly injured")
_RESULT_REACH = 10


def refers_back(keys: list[str], i: int, words: EventWords) -> bool:
    """"the attack", "the failed assassination attempt", "Sunday's attack": a known event."""
    determiners = words.determiner
    anaphoric = words.anaphoric
    j = i - 1
    while j >= 0 and j >= i - 3 and keys[j] in determiners and keys[j] not in anaphoric:
        if keys[j] == "'s":
            return True
        j -= 1
    return j >= 0 and keys[j] in anaphoric


def quoted_speaker(
    sa: SentenceAnalysis, quoted: list[bool], i: int, rules: RuleSet
) -> ActorMention | None:
    """The speaker of a first-person statement quoted in the sentence ("we condemn"), named
    outside the quotation next to a speech verb ("the spokesman said"), else None."""
    keys = sa.keys
    first_person = sa.words.first_person
    if not any(k in first_person for k in keys[max(0, i - 8) : i]):
        return None
    speech = rules.cue_keys.get("speech", {})
    verbs = [j for j, k in enumerate(keys) if k in speech and not quoted[j]]
    if not verbs:
        return None
    best: tuple[int, ActorMention] | None = None
    for a, start, end in sa.bounds:
        if quoted[start]:
            continue
        distance = min(min(abs(v - end), abs(start - v - 1)) for v in verbs)
        if distance <= 6 and (best is None or distance < best[0]):
            best = (distance, a)
    return best[1] if best else None
