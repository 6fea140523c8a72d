"""What the event stage knows of one sentence, and the helpers its jobs share.

`SentenceAnalysis` is what the earlier stages found in a sentence; `find_events` fills in the
rest once per sentence (token keys, cue kinds, actor token bounds, the word sets) so that the
triggers of the sentence do not look them up again. `EventWords` holds the closed word sets of
`events/words.csv` as attributes, loaded once (`event_words`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from typing import Any, Literal, get_args

from coder.dictionaries.event_words import word_sets
from coder.dictionaries.files import register_cache
from coder.dictionaries.rules import Concept, RuleSet, Trigger, TriggerMatch
from coder.models import (
    ActorMention,
    CasualtyMention,
    DateExpression,
    EventMention,
    PlaceMention,
    Sentence,
)
from coder.text.tokens import Token, tokenize

# the concept families whose events are acts of conflict, and those of demonstrations
Conflict = Literal["violence", "protest", "riot"]
Demonstration = Literal["protest", "riot"]
CONFLICT_FAMILIES = frozenset(get_args(Conflict))
DEMONSTRATION_FAMILIES = frozenset(get_args(Demonstration))
# the concepts of a territory changing hands
Territorial = Literal["capture_territory", "regain_territory"]
TERRITORY_CONCEPTS = frozenset(get_args(Territorial))


@dataclass(frozen=True, slots=True)
class EventWords:
    """The closed word sets of events/words.csv, by set name (see the file's comments)."""

    be: frozenset[str] = frozenset()
    adverb: frozenset[str] = frozenset()
    participle: frozenset[str] = frozenset()
    preposition: frozenset[str] = frozenset()
    determiner: frozenset[str] = frozenset()
    anaphoric: frozenset[str] = frozenset()
    clause_break: frozenset[str] = frozenset()
    light_verb: frozenset[str] = frozenset()
    object_preposition: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    armed_victim: frozenset[str] = frozenset()
    after_adverbial_date: frozenset[str] = frozenset()
    locative: frozenset[str] = frozenset()
    date_preposition: frozenset[str] = frozenset()
    gerund_noun_follower: frozenset[str] = frozenset()
    background_preposition: frozenset[str] = frozenset()
    agent_preposition: frozenset[str] = frozenset()
    side_preposition: frozenset[str] = frozenset()
    loser_preposition: frozenset[str] = frozenset()
    member_preposition: frozenset[str] = frozenset()
    caller_preposition: frozenset[str] = frozenset()
    conjunct_joiner: frozenset[str] = frozenset()
    pair_joiner: frozenset[str] = frozenset()
    subject_coordinator: frozenset[str] = frozenset()
    clause_coordinator: frozenset[str] = frozenset()
    modifier_gap: frozenset[str] = frozenset()
    place_preposition: frozenset[str] = frozenset()
    verb_marker: frozenset[str] = frozenset()
    progressive_be: frozenset[str] = frozenset()
    survival_verb: frozenset[str] = frozenset()
    state_weapon_break: frozenset[str] = frozenset()
    state_weapon_owner: frozenset[str] = frozenset()
    passive_agent: frozenset[str] = frozenset()
    force_kind: frozenset[str] = frozenset()
    unarmed_kind: frozenset[str] = frozenset()
    allegation_preposition: frozenset[str] = frozenset()
    intention: frozenset[str] = frozenset()
    noun_follower: frozenset[str] = frozenset()
    grievance: frozenset[str] = frozenset()
    civilian_occupation: frozenset[str] = frozenset()
    mob_word: frozenset[str] = frozenset()
    crowd_word: frozenset[str] = frozenset()
    crowd_side: frozenset[str] = frozenset()
    crowd_subject: frozenset[str] = frozenset()
    armed_qualifier: frozenset[str] = frozenset()
    demonstrator_word: frozenset[str] = frozenset()
    sequel: frozenset[str] = frozenset()
    harm_concept: frozenset[str] = frozenset()
    quantity: frozenset[str] = frozenset()
    result_verb: frozenset[str] = frozenset()
    month_modal: frozenset[str] = frozenset()
    witchcraft_word: frozenset[str] = frozenset()
    theft_word: frozenset[str] = frozenset()
    mob_manner: frozenset[str] = frozenset()
    off_duty: frozenset[str] = frozenset()
    # derived: a clause break or a comma; a force word -> its agent id (sets "force:<agent>")
    clause_break_or_comma: frozenset[str] = frozenset()
    forces: dict[str, str] = field(default_factory=dict)


@register_cache
@lru_cache(maxsize=1)
def event_words() -> EventWords:
    """The event stage's word sets, loaded once (rebuilt when a dictionary directory is added)."""
    sets = word_sets()
    named = {f.name: sets[f.name] for f in fields(EventWords) if f.name in sets}
    forces = {w: name.split(":", 1)[1] for name, words in sets.items()
              if name.startswith("force:") for w in words}
    return EventWords(**named, clause_break_or_comma=sets["clause_break"] | {","},
                      forces=forces)


# what a SentenceAnalysis holds until find_events fills in the loaded word sets
_NO_WORDS = EventWords()


@dataclass(slots=True)
class SentenceAnalysis:
    """Everything the earlier stages found in one sentence."""

    sentence: Sentence
    tokens: list[Token] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateExpression] = field(default_factory=list)
    casualties: list[CasualtyMention] = field(default_factory=list)
    is_title: bool = False
    starts_quoted: bool = False  # a quotation opened in an earlier sentence is still open
    day: dt.date | None = None  # the document's anchor date (office holders, regime years)
    keys: list[str] = field(default_factory=list)  # token keys (find_events fills them in)
    # the kinds of the cue phrases that start with one of its keys (filled by find_events)
    cue_kinds: set[str] = field(default_factory=set)
    # the verbs of saying, cues.csv kind `speech` (filled by find_events: perf, one lookup per
    # call)
    speech_verbs: dict[str, str] = field(default_factory=dict)
    # the word sets, `event_words()` (filled by find_events: perf, one lookup per call)
    words: EventWords = _NO_WORDS
    token_index: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    weapon_positions: list[int] = field(default_factory=list)  # token index of each weapon
    # perf: each actor with its token indexes (first, one past last), in the order of `actors`;
    # filled by find_events, so the argument searches do not look the indexes up per candidate
    bounds: list[tuple[ActorMention, int, int]] = field(default_factory=list)
    # the places that may be an event's place, each with its (specific, prepositional) rank:
    # the same for every event of the sentence (filled on first use, reset by find_events)
    place_ranks: list[tuple[PlaceMention, int, int]] | None = None


def tokenized(sa: SentenceAnalysis) -> list[Token]:
    """The sentence's tokens, and its keys, made once: a stage that needs the words of a
    sentence no earlier stage tokenized fills them in for every later one."""
    if not sa.tokens:
        sa.tokens = tokenize(sa.sentence.text)
        sa.keys = [t.key for t in sa.tokens]
    return sa.tokens


@dataclass(slots=True)
class Candidate:
    """An event mention being built, with what the document stage needs to finish it."""

    mention: EventMention
    concept: Concept
    trigger: Trigger
    match: TriggerMatch
    anaphoric: bool = False  # "the attack": refers back to an event already reported
    background: bool = False  # "... against the coup": a back-reference used as background
    ongoing: bool = False  # habitual or continuing activity with no day of its own
    quoted: bool = False


def _init_values(cls: type) -> attrgetter[tuple[Any, ...]]:
    """The values to call a dataclass with (positionally) for a copy of an instance: its
    `__init__` fields, in their order."""
    return attrgetter(*(f.name for f in fields(cls) if f.init))


# perf: `replace(m, ...)` without dataclasses.replace's inspection of the fields on every call
MENTION_VALUES = _init_values(EventMention)
CANDIDATE_VALUES = _init_values(Candidate)
START = attrgetter("start")
END = attrgetter("end")


def quoted_flags(
    tokens: list[Token], inside: bool = False, keys: list[str] | None = None
) -> list[bool]:
    """For each token, whether it stands inside double quotation marks (`inside`: the sentence
    starts inside a quotation opened by an earlier sentence; `keys`: the tokens' keys, when the
    caller has them)."""
    if keys is None:
        keys = [t.key for t in tokens]
    flags: list[bool] = []
    start = 0  # the first token whose flag is not set yet
    # perf: from quotation mark to quotation mark (found by `list.index`), not token by token
    for _ in range(keys.count('"')):
        i = keys.index('"', start)
        flags += [inside] * (i - start)
        # a straight quote toggles; a curly one says which side it is
        text = tokens[i].text
        if text in "\u201c\u201e\u00ab":
            inside = True
        elif text in "\u201d\u00bb":
            inside = False
        else:
            inside = not inside
        flags.append(False)
        start = i + 1
    flags += [inside] * (len(keys) - start)
    return flags


def actor_bounds(sa: SentenceAnalysis) -> list[tuple[ActorMention, int, int]]:
    """Each actor with its token indexes, as `mention_index` gives them (and keeps them for
    it): the same lookup, made once for all the sentence's actors."""
    tokens = sa.tokens
    index = sa.token_index
    bounds = []
    for a in sa.actors:
        start = a.span.start
        end = a.span.end
        first = bisect_left(tokens, start, key=START)
        last = max(bisect_right(tokens, end, key=END), first + 1)
        index[start, end] = (first, last)
        bounds.append((a, first, last))
    return bounds


def mention_index(sa: SentenceAnalysis, a: ActorMention) -> tuple[int, int]:
    """Token indexes (first, one past last) of an actor mention."""
    key = (a.span.start, a.span.end)
    found = sa.token_index.get(key)
    if found is not None:
        return found
    # perf: the few actors of a sentence are placed by bisecting the tokens themselves, not
    # lists of their offsets built for the purpose
    first = bisect_left(sa.tokens, a.span.start, key=START)
    last = bisect_right(sa.tokens, a.span.end, key=END)
    found = sa.token_index[key] = (first, max(last, first + 1))
    return found


# --------------------------------------------------------------------------------------------
# Cue phrases (cues.csv)
# --------------------------------------------------------------------------------------------

# the cue kinds that describe a demonstration, looked for anywhere in its sentence
DemonstrationCue = Literal["intervention", "lethal", "violent", "peaceful", "habitual"]
_DEMO_CUE_KINDS = get_args(DemonstrationCue)


def cue_value(keys: list[str], rules: RuleSet, kind: str) -> str | None:
    """The value of the first (leftmost, then longest) cue phrase of `kind` in `keys`."""
    by_first = rules.cue_first.get(kind, {})
    if by_first.keys().isdisjoint(keys):  # perf: the common case, no phrase starts here
        return None
    table = rules.cue_keys[kind]
    for i, word in enumerate(keys):
        phrases = by_first.get(word)
        if phrases:
            for phrase in phrases:  # longest first
                if tuple(keys[i : i + len(phrase)]) == phrase:
                    return table[" ".join(phrase)]
    return None


def has_cue(
    keys: list[str], rules: RuleSet, kind: str, lo: int = 0, hi: int | None = None
) -> bool:
    """Whether a cue phrase of `kind` occurs in keys[lo:hi]."""
    by_first = rules.cue_first.get(kind, {})
    window = keys[max(lo, 0) : hi]
    if by_first.keys().isdisjoint(window):  # perf: the common case, no phrase starts here
        return False
    for i, word in enumerate(window):
        for phrase in by_first.get(word, ()):
            if tuple(window[i : i + len(phrase)]) == phrase:
                return True
    return False


def cue_spans(keys: list[str], rules: RuleSet, kind: str) -> list[tuple[int, int]]:
    """Every cue phrase of `kind` in the keys, as (start, end) key indexes, by start."""
    by_first = rules.cue_first.get(kind, {})
    if by_first.keys().isdisjoint(keys):  # perf: the common case, no phrase starts here
        return []
    return [(i, i + len(phrase)) for i, word in enumerate(keys)
            for phrase in by_first.get(word, ()) if tuple(keys[i : i + len(phrase)]) == phrase]


def cue_kinds(keys: list[str], rules: RuleSet) -> set[str]:
    """The kinds of the cue phrases that start with one of the keys (perf: a kind not among
    them need not be looked for, see `sentence_has_cue`)."""
    starts = rules.cue_starts
    kinds: set[str] = set()
    for word in starts.keys() & keys:
        kinds |= starts[word]
    return kinds


def sentence_has_cue(
    sa: SentenceAnalysis, rules: RuleSet, kind: str, lo: int = 0, hi: int | None = None
) -> bool:
    """`has_cue` on the sentence's keys (perf: without a scan when no phrase of `kind` starts
    with a word of the sentence, see `SentenceAnalysis.cue_kinds`)."""
    return kind in sa.cue_kinds and has_cue(sa.keys, rules, kind, lo, hi)


def sentence_cues(sa: SentenceAnalysis, rules: RuleSet) -> set[str]:
    """Demonstration cue kinds named anywhere in the sentence."""
    if not sa.cue_kinds:
        return set()
    found = {kind for kind in _DEMO_CUE_KINDS if sentence_has_cue(sa, rules, kind)}
    if "violent" in found and "negation" in sa.cue_kinds and not _cue_affirmed(
            sa.keys, rules, "violent", sa.words.clause_break_or_comma):
        found.discard("violent")  # "a march free of running battles", "no violent incident"
    grievance = sa.words.grievance
    if not _FORCE_CUE_KINDS.isdisjoint(found) and not grievance.isdisjoint(sa.keys):
        # "protested against the killing of a student", "marched over the arrest of their
        # leader": the grievance, not force used on the crowd
        for kind in found & _FORCE_CUE_KINDS:
            if not _cue_outside_grievance(sa.keys, rules, kind, grievance,
                                          sa.words.clause_break_or_comma):
                found.discard(kind)
    return found


_FORCE_CUE_KINDS = frozenset({"lethal", "intervention"})
# how far back in its clause a negation denies a demonstration cue ("no cars were torched")
_NEGATION_REACH = 4


def _cue_affirmed(keys: list[str], rules: RuleSet, kind: str, breaks: frozenset[str]) -> bool:
    """Whether a cue phrase of `kind` occurs with no negation cue (cues.csv) in the few keys
    before it in its clause ("did not turn violent", "devoid of running battles")."""
    by_first = rules.cue_first.get(kind, {})
    for i, word in enumerate(keys):
        for phrase in by_first.get(word, ()):
            if tuple(keys[i : i + len(phrase)]) == phrase:
                window = list(reversed(_same_clause_before(keys, i, breaks)))[-_NEGATION_REACH:]
                if cue_value(window, rules, "negation") is None:
                    return True
    return False


def _cue_outside_grievance(keys: list[str], rules: RuleSet, kind: str,
                           grievance: frozenset[str], breaks: frozenset[str]) -> bool:
    """Whether a cue phrase of `kind` occurs with no grievance word in the five keys before it
    ("against the killing of", "after a boy was killed") nor earlier in its clause ("against
    the release of three men suspected of killing a rider")."""
    by_first = rules.cue_first.get(kind, {})
    for i, word in enumerate(keys):
        for phrase in by_first.get(word, ()):
            if tuple(keys[i : i + len(phrase)]) == phrase and \
                    grievance.isdisjoint(_after_break(keys[max(0, i - 5) : i], breaks)) and \
                    grievance.isdisjoint(_same_clause_before(keys, i, breaks)):
                return True
    return False


def _after_break(window: list[str], breaks: frozenset[str]) -> list[str]:
    """The keys of `window` after its last clause break ("protest unpaid wages; police broke
    up the march": the grievance ends at the semicolon)."""
    cut = max((k for k, key in enumerate(window) if (key in breaks and key != ",") or key == "."),
              default=-1)
    return window[cut + 1 :]


# how far back a grievance word may govern a cue ("against the release of three men suspected
# of killing a rider")
_GRIEVANCE_REACH = 10


def _same_clause_before(keys: list[str], i: int, breaks: frozenset[str]) -> list[str]:
    """The keys before `i`, back to the nearest comma, clause break or full stop (one the
    sentence splitter left: "leaders. police intervened"), at most _GRIEVANCE_REACH."""
    out: list[str] = []
    for k in reversed(keys[max(0, i - _GRIEVANCE_REACH) : i]):
        if k in breaks or k == ".":
            break
        out.append(k)
    return out
