"""Event rules: trigger phrases, concepts, weapons and cue words, loaded from `coder/data/events/`.

A trigger phrase is written as words separated by spaces, where a word may be `a|b` (either),
`{verb}` (verb, verbs, verbed, verbing), `[noun]` (noun, nouns) or `*` (up to four words of any
kind); `peace_deal` is one alternative of several words. Phrases are compiled into token
patterns indexed by their possible first words, so matching
a sentence costs one dict lookup per token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from coder.dictionaries.files import (
    DictionaryError,
    read_csv_models,
    read_jsonl_models,
    register_cache,
)
from coder.dictionaries.taxonomy import kind_problem
from coder.problems import Problem
from coder.text.tokens import PhraseMatcher, Token, inside_number, key_positions, phrase_key

GAP = "*"
_RAW_WORD = re.compile(r"[^\W\d_]+")
MAX_GAP = 4

Family = Literal["violence", "protest", "riot", "sd", "verbal"]


class Concept(BaseModel):
    concept: str
    family: Family
    event_type: str = ""
    sub_event_type: str = ""
    cameo_code: str = Field(default="", pattern=r"^$|^\d{2,4}$")
    resolve: bool = False
    needs_target: bool = False
    needs_actor: bool = False
    reciprocal: bool = False
    object_is_event: bool = False

    @model_validator(mode="after")
    def _acled_pair(self) -> Concept:
        problem = kind_problem(self.event_type, self.sub_event_type, "")
        if problem:
            raise ValueError(problem)
        if bool(self.event_type) != bool(self.sub_event_type):
            raise ValueError("event_type and sub_event_type go together")
        return self


class Trigger(BaseModel):
    id: str = Field(pattern=r"^[a-z_]+\.[a-z_]+$")
    concept: str
    pos: Literal["verb", "noun"]
    phrases: list[str] = Field(min_length=1)
    realis: str = ""
    after: list[str] = []
    before: list[str] = []
    after_or_before: list[str] = []
    unless: list[str] = []
    swap_if: list[str] = []
    # the subject or "by" agent only found the victims ("police found the bodies"): no perpetrator
    finder: bool = False

    @field_validator("phrases")
    @classmethod
    def _phrases_compile(cls, phrases: list[str]) -> list[str]:
        for p in phrases:
            compile_phrase(p)  # raises ValueError with the reason
        return phrases


class Weapon(BaseModel):
    phrase: str = Field(min_length=1)
    weapon: str
    event_type: str
    sub_event_type: str
    cameo_code: str = Field(pattern=r"^\d{2,4}$")
    rank: int = Field(ge=0, le=100)


class Cue(BaseModel):
    phrase: str = Field(min_length=1)
    cue: Literal[
        "negation", "modality", "attempt", "intervention", "lethal", "violent", "peaceful",
        "habitual", "compound", "speech", "allegation", "facility", "attribution", "discard",
        "cancelled", "disrupted", "unopposed", "assembly", "civilian_property",
    ]
    value: str


# --------------------------------------------------------------------------------------------
# Phrase compilation
# --------------------------------------------------------------------------------------------


def _verb_forms(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


def _noun_forms(noun: str) -> list[str]:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return [noun, noun + "es"]
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return [noun, noun[:-1] + "ies"]
    return [noun, noun + "s"]


Element = frozenset[str] | None  # None is a gap


def compile_phrase(phrase: str) -> list[tuple[Element, ...]]:
    """Compile one phrase into token patterns (each a tuple of key-sets or gaps).

    Words that tokenise into several tokens ("sit-in", "de-escalation") become consecutive
    elements, so the pattern matches the text as the tokenizer splits it.
    """
    if not phrase.strip():
        raise ValueError("empty phrase")
    # one word position may expand to a multi-token alternative, so build sequences
    sequences: list[list[Element]] = [[]]
    for word in phrase.split():
        if word == GAP:
            sequences = [s + [None] for s in sequences]
            continue
        alternatives: list[str] = []
        for alt in word.split("|"):
            if alt.startswith("{") and alt.endswith("}"):
                alternatives += _verb_forms(alt[1:-1])
            elif alt.startswith("[") and alt.endswith("]"):
                alternatives += _noun_forms(alt[1:-1])
            elif alt:
                alternatives.append(alt)
            else:
                raise ValueError(f"empty alternative in {word!r}")
        single: set[str] = set()
        multi: list[list[str]] = []
        for alt in alternatives:
            keys = phrase_key(alt.replace("_", " ")).split()
            if not keys:
                raise ValueError(f"word {alt!r} has no letters")
            if len(keys) == 1:
                single.add(keys[0])
            else:
                multi.append(keys)
        grown: list[list[Element]] = []
        for s in sequences:
            if single:
                grown.append(s + [frozenset(single)])
            for keys in multi:
                grown.append(s + [frozenset({k}) for k in keys])
        sequences = grown
    if sequences and sequences[0] and sequences[0][0] is None:
        raise ValueError("a phrase cannot start with a gap")
    return [tuple(s) for s in sequences]


@dataclass(slots=True, frozen=True)
class Pattern:
    trigger: Trigger
    elements: tuple[Element, ...]


@dataclass(slots=True, frozen=True)
class TriggerMatch:
    trigger: Trigger
    start: int  # token index
    end: int  # one past the last matched token
    anchor: int  # index of the first matched token (the trigger word itself)


_SET_TRIGGER_MATCH_FIELDS = tuple(
    getattr(TriggerMatch, name).__set__ for name in ("trigger", "start", "end", "anchor")
)


def _trigger_match(trigger: Trigger, start: int, end: int, anchor: int) -> TriggerMatch:
    """`TriggerMatch(trigger, start, end, anchor)`, built in half the time (perf: as
    `coder.text.tokens._match`, the slot descriptors set the fields of the frozen instance
    directly)."""
    m: TriggerMatch = object.__new__(TriggerMatch)
    set_trigger, set_start, set_end, set_anchor = _SET_TRIGGER_MATCH_FIELDS
    set_trigger(m, trigger)
    set_start(m, start)
    set_end(m, end)
    set_anchor(m, anchor)
    return m


# How a pattern goes on once its first word matched: it is one word long; its second element
# is a gap; its second (and last) word is the next token; its second word is the next token and
# more elements follow.
_ONE, _GAP, _PAIR, _MORE = range(4)
# (trigger, elements, how it goes on, the word after a leading gap: "call * for" -> {"for"})
Step = tuple[Trigger, tuple[Element, ...], int, Element]


def _how(elements: tuple[Element, ...]) -> int:
    if len(elements) == 1:
        return _ONE
    if elements[1] is None:
        return _GAP
    return _PAIR if len(elements) == 2 else _MORE


def _step(p: Pattern) -> Step:
    how = _how(p.elements)
    after = p.elements[2] if how == _GAP and len(p.elements) > 2 else None
    return (p.trigger, p.elements, how, after)


class TriggerIndex:
    """All trigger patterns, indexed by the key of their first word."""

    def __init__(self, triggers: list[Trigger]):
        self.by_first: dict[str, list[Pattern]] = {}
        for trig in triggers:
            for phrase in trig.phrases:
                for elements in compile_phrase(phrase):
                    first = elements[0]
                    assert first is not None
                    for key in first:
                        self.by_first.setdefault(key, []).append(Pattern(trig, elements))
        self.first_words = frozenset(self.by_first)
        # the first words that are plain letters: a space-delimited chunk equal to one of them
        # is one of the regex's words, so most sentences are decided by `str.split` alone
        self._alpha_first = frozenset(w for w in self.first_words if w.isalpha())
        # perf: per first word, (next word -> steps, steps for any other next word): the
        # patterns of one word, those going on with a gap and those whose second word is the
        # next token's key, in their order in `by_first` (which orders ties between matches).
        # Most patterns are thus decided by two dict lookups, not matched.
        self._plans: dict[str, tuple[dict[str, tuple[Step, ...]], tuple[Step, ...]]] = {}
        for key, patterns in self.by_first.items():
            steps = [_step(p) for p in patterns]
            default = tuple(s for s in steps if s[2] in (_ONE, _GAP))
            seconds = {k for _, elements, how, _ in steps if how in (_PAIR, _MORE)
                       for k in elements[1] or ()}
            by_next = {
                k: tuple(s for s in steps if s[2] in (_ONE, _GAP) or k in (s[1][1] or ()))
                for k in seconds
            }
            self._plans[key] = (by_next, default)

    def may_match(self, text: str) -> bool:
        """Cheap test on raw text: False when no word of it can start a trigger phrase."""
        chunks = text.lower().split()
        if not self._alpha_first.isdisjoint(chunks):
            return True
        # the regex's words inside the all-letter chunks were tested just now: look only into
        # the others ("attacked,", "al-Shabaab's")
        rest = " ".join([c for c in chunks if not c.isalpha()])
        return not self.first_words.isdisjoint(_RAW_WORD.findall(rest))

    def find(self, tokens: list[Token], keys: list[str] | None = None) -> list[TriggerMatch]:
        """Every pattern match, longest first at each start; overlaps are resolved by callers.

        `keys`: the tokens' keys, when the caller has them already."""
        found: list[TriggerMatch] = []
        if keys is None:
            keys = [t.key for t in tokens]
        # most sentences hold one or two first words: find them with set operations, then
        # visit only their tokens
        present = self.first_words.intersection(keys)
        if not present:
            return found
        n = len(tokens)
        plans = self._plans
        for i, key in key_positions(keys, present):
            if not tokens[i].is_word:
                continue
            by_next, steps = plans[key]
            j = i + 1  # the next token that is not skippable (what `_match_from` checks next)
            if by_next:
                while j < n and keys[j] in _SKIPPABLE:
                    j += 1
                if j < n:
                    steps = by_next.get(keys[j], steps)
            for trigger, elements, how, after in steps:
                if how == _ONE:  # a one-word trigger has matched already
                    end: int | None = i + 1
                elif how == _PAIR:
                    end = j + 1
                elif how == _MORE:
                    end = _match_from(tokens, keys, j + 1, elements, 2, n)
                else:
                    if after is not None and after.isdisjoint(keys):
                        continue  # perf: the word after the gap is nowhere in the sentence
                    end = _match_from(tokens, keys, i + 1, elements, 1, n)
                if end is not None:
                    found.append(_trigger_match(trigger, i, end, i))
        return found


# skipped between the words of a phrase ("sit-in" is "sit - in"); quotation marks never
# interrupt a phrase either ("offered “all assistance”"); a gap does not count them
_SKIPPABLE = frozenset({"-", "'", '"'})


def _match_from(
    tokens: list[Token], keys: list[str], pos: int, elements: tuple[Element, ...], k: int, n: int
) -> int | None:
    """Match elements[k:] starting at token `pos` (`keys`: the tokens' keys); return the end
    index or None."""
    last = len(elements)
    while k < last:
        el = elements[k]
        if el is None:  # gap: try 0..MAX_GAP words, shortest first
            after = elements[k + 1] if k + 1 < last else None  # the word after the gap
            p = pos  # one past the gap
            for skip in range(MAX_GAP + 1):
                if skip:  # one more word into the gap
                    while p < n and (keys[p] == '"' or (keys[p] == "-" and p + 1 < n
                                                        and tokens[p + 1].is_word)
                                     or inside_number(tokens, p)):
                        p += 1  # nor a name's hyphen ("Kisa-Mara road") nor a number's comma
                    if p >= n or not (tokens[p].is_word or keys[p] == "'s"):
                        break  # gaps never cross punctuation (a possessive is part of a phrase)
                    p += 1
                if after is None:  # another gap, or the end of the phrase
                    end = _match_from(tokens, keys, p, elements, k + 1, n)
                else:
                    # perf: the test of the word after the gap, made here and not by a call
                    q = p
                    while q < n and keys[q] in _SKIPPABLE:
                        q += 1
                    if q >= n or keys[q] not in after:
                        continue
                    end = _match_from(tokens, keys, q + 1, elements, k + 2, n)
                if end is not None:
                    return end
            return None
        while pos < n and keys[pos] in _SKIPPABLE:
            pos += 1
        if pos >= n or keys[pos] not in el:
            return None
        pos += 1
        k += 1
    return pos


# --------------------------------------------------------------------------------------------
# The loaded rule set
# --------------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class TriggerFilter:
    """A trigger's context phrases, as keys (computed once at load).

    The context phrases are padded with a space either side (" fight corruption "), ready to be
    looked for in the sentence's keys joined by spaces (perf: not padded per test)."""

    unless: tuple[str, ...]
    after: tuple[str, ...]
    before: tuple[str, ...]
    after_or_before: tuple[str, ...]
    swap_if: tuple[str, ...]  # not padded: compared with the keys of the match one by one
    unless_first: frozenset[str]  # the first word of each `unless` phrase

    @property
    def active(self) -> bool:
        return bool(self.unless or self.after or self.before or self.after_or_before)

    @classmethod
    def of(cls, t: Trigger) -> TriggerFilter:
        def keys(phrases: list[str]) -> tuple[str, ...]:
            return tuple(phrase_key(p) for p in phrases)

        def padded(phrases: list[str]) -> tuple[str, ...]:
            return tuple(f" {k} " for k in keys(phrases))

        return cls(padded(t.unless), padded(t.after), padded(t.before),
                   padded(t.after_or_before), keys(t.swap_if),
                   frozenset(k.split(" ", 1)[0] for k in keys(t.unless)))


@dataclass(slots=True)
class RuleSet:
    concepts: dict[str, Concept]
    triggers: dict[str, Trigger]
    filters: dict[str, TriggerFilter]
    index: TriggerIndex
    weapons: PhraseMatcher[Weapon]
    cues: dict[str, list[Cue]]  # cue kind -> cues
    cue_keys: dict[str, dict[str, str]]  # cue kind -> phrase key -> value
    cue_kinds: dict[str, frozenset[str]]  # phrase key -> every cue kind it belongs to
    cue_words: frozenset[str]  # every word of every cue phrase (a cheap pre-check)
    cue_kind_words: dict[str, frozenset[str]]  # cue kind -> the words its phrases contain
    # cue kind -> first word -> the phrases (as word tuples) starting with it
    cue_first: dict[str, dict[str, list[tuple[str, ...]]]]  # longest phrases first
    cue_starts: dict[str, frozenset[str]]  # first word of cue phrases -> the kinds of those
    filtered: frozenset[str]  # ids of the triggers with context conditions (filter is active)


def _first_word_index(
    cue_keys: dict[str, dict[str, str]],
) -> dict[str, dict[str, list[tuple[str, ...]]]]:
    index: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for kind, table in cue_keys.items():
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in table:  # "tear gassed" is also written "tear-gassed" (tear - gassed)
            words = tuple(key.split())
            by_first.setdefault(words[0], []).extend({words, tuple(" - ".join(words).split())})
        for phrases in by_first.values():
            phrases.sort(key=len, reverse=True)  # the longest phrase is the one a text names
        index[kind] = by_first
    return index


def _start_kinds(cue_keys: dict[str, dict[str, str]]) -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for kind, table in cue_keys.items():
        for key in table:
            kinds.setdefault(key.split()[0], set()).add(kind)
    return {word: frozenset(k) for word, k in kinds.items()}


@register_cache
@lru_cache(maxsize=1)
def load_rules() -> RuleSet:
    """Load and cross-check every event rule file; raise DictionaryError listing all problems."""
    concepts = {c.concept: c for c in read_csv_models("events/concepts.csv", Concept)}
    triggers = read_jsonl_models("events/triggers.jsonl", Trigger)
    problems = [
        Problem("bad_dictionary", f"unknown concept {t.concept!r}",
                file="coder/data/events/triggers.jsonl", column="concept", value=t.id)
        for t in triggers
        if t.concept not in concepts
    ]
    if problems:
        raise DictionaryError(problems)
    weapons: PhraseMatcher[Weapon] = PhraseMatcher()
    for w in read_csv_models("events/weapons.csv", Weapon):
        weapons.add(w.phrase, w)
    cues: dict[str, list[Cue]] = {}
    cue_keys: dict[str, dict[str, str]] = {}
    for cue in read_csv_models("events/cues.csv", Cue):
        cues.setdefault(cue.cue, []).append(cue)
        cue_keys.setdefault(cue.cue, {})[phrase_key(cue.phrase)] = cue.value
    filters = {t.id: TriggerFilter.of(t) for t in triggers}
    return RuleSet(
        concepts=concepts,
        triggers={t.id: t for t in triggers},
        filters=filters,
        filtered=frozenset(t for t, f in filters.items() if f.active),
        index=TriggerIndex(triggers),
        weapons=weapons,
        cues=cues,
        cue_keys=cue_keys,
        cue_words=frozenset(w for table in cue_keys.values() for k in table for w in k.split()),
        cue_kind_words={kind: frozenset(w for k in table for w in k.split())
                        for kind, table in cue_keys.items()},
        cue_first=_first_word_index(cue_keys),
        cue_starts=_start_kinds(cue_keys),
        cue_kinds={
            key: frozenset(kind for kind, table in cue_keys.items() if key in table)
            for key in {k for table in cue_keys.values() for k in table}
        },
    )

