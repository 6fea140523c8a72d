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
from operator import attrgetter
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from coder.dictionaries import (
    DictionaryError,
    read_csv_models,
    read_jsonl_models,
    register_cache,
)
from coder.models import EVENT_TYPES, SUB_EVENT_TYPES, Problem
from coder.text import PhraseMatcher, Token, phrase_key

GAP = "*"
_KEY = attrgetter("key")
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
        if self.event_type and self.event_type not in EVENT_TYPES:
            raise ValueError(f"unknown ACLED event type {self.event_type!r}")
        if self.sub_event_type and self.sub_event_type not in SUB_EVENT_TYPES:
            raise ValueError(f"unknown ACLED sub-event type {self.sub_event_type!r}")
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


WordSet = Literal[
    "be", "adverb", "participle", "preposition", "determiner", "anaphoric", "clause_break",
    "light_verb", "object_preposition", "first_person", "armed_victim", "after_adverbial_date",
    "locative", "date_preposition", "person_pronoun", "group_pronoun", "force:police",
    "force:troops", "force:security-forces", "gerund_noun_follower", "background_preposition",
]


class Word(BaseModel):
    set: WordSet
    word: str = Field(min_length=1)


@lru_cache(maxsize=1)
def word_sets() -> dict[str, frozenset[str]]:
    """The closed grammatical word sets of events/words.csv, by set name (every set present)."""
    sets: dict[str, set[str]] = {name: set() for name in WordSet.__args__}  # type: ignore[attr-defined]
    for row in read_csv_models("events/words.csv", Word):
        sets[row.set].add(row.word.lower())
    return {name: frozenset(words) for name, words in sets.items()}


register_cache(word_sets)


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

    def may_match(self, text: str) -> bool:
        """Cheap test on raw text: False when no word of it can start a trigger phrase."""
        low = text.lower()
        if not self._alpha_first.isdisjoint(low.split()):
            return True
        return not self.first_words.isdisjoint(_RAW_WORD.findall(low))

    def find(self, tokens: list[Token]) -> list[TriggerMatch]:
        """Every pattern match, longest first at each start; overlaps are resolved by callers."""
        found: list[TriggerMatch] = []
        by_first = self.by_first
        keys = list(map(_KEY, tokens))
        # most sentences hold one or two first words: find them with set operations, then
        # visit only their tokens
        present = self.first_words.intersection(keys)
        if not present:
            return found
        # quotation marks never interrupt a phrase: "offered “all assistance”"
        if '"' in keys:
            keep = [i for i, k in enumerate(keys) if k != '"']
            view = [tokens[i] for i in keep]
            keys = [keys[i] for i in keep]
        else:
            keep = range(len(tokens))  # type: ignore[assignment]
            view = tokens
        n = len(view)
        for i, key in enumerate(keys):
            if key not in present:
                continue
            tok = view[i]
            patterns = by_first[key] if tok.is_word else None
            if not patterns:
                continue
            nxt = None  # key of the next token that is not skippable, once needed
            for pat in patterns:
                elements = pat.elements
                if len(elements) == 1:  # a one-word trigger has matched already
                    found.append(TriggerMatch(pat.trigger, keep[i], keep[i] + 1, keep[i]))
                    continue
                second = elements[1]
                if second is not None:
                    # what `_match_from` checks first, done once for all patterns of the word
                    if nxt is None:
                        j = i + 1
                        while j < n and keys[j] in _SKIPPABLE:
                            j += 1
                        nxt = keys[j] if j < n else ""
                    if nxt not in second:
                        continue
                end = _match_from(view, i + 1, elements, 1, n)
                if end is not None:
                    found.append(TriggerMatch(pat.trigger, keep[i], keep[end - 1] + 1, keep[i]))
        return found


_SKIPPABLE = frozenset({"-", "'"})


def _match_from(
    tokens: list[Token], pos: int, elements: tuple[Element, ...], k: int, n: int
) -> int | None:
    """Match elements[k:] starting at token `pos`; return the end index or None."""
    while k < len(elements):
        el = elements[k]
        if el is None:  # gap: try 0..MAX_GAP words, shortest first
            for skip in range(MAX_GAP + 1):
                p = pos + skip
                if p > n:
                    break
                if skip and not (tokens[p - 1].is_word or tokens[p - 1].key == "'s"):
                    break  # gaps never cross punctuation (a possessive is part of a phrase)
                end = _match_from(tokens, p, elements, k + 1, n)
                if end is not None:
                    return end
            return None
        while pos < n and tokens[pos].key in _SKIPPABLE:
            pos += 1
        if pos >= n or tokens[pos].key not in el:
            return None
        pos += 1
        k += 1
    return pos


# --------------------------------------------------------------------------------------------
# The loaded rule set
# --------------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class TriggerFilter:
    """A trigger's context phrases, as keys (computed once at load)."""

    unless: tuple[str, ...]
    after: tuple[str, ...]
    before: tuple[str, ...]
    after_or_before: tuple[str, ...]
    swap_if: tuple[str, ...]

    @property
    def active(self) -> bool:
        return bool(self.unless or self.after or self.before or self.after_or_before)

    @classmethod
    def of(cls, t: Trigger) -> TriggerFilter:
        def keys(phrases: list[str]) -> tuple[str, ...]:
            return tuple(phrase_key(p) for p in phrases)

        return cls(keys(t.unless), keys(t.after), keys(t.before), keys(t.after_or_before),
                   keys(t.swap_if))


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
    cue_first: dict[str, dict[str, list[tuple[str, ...]]]]


def _first_word_index(
    cue_keys: dict[str, dict[str, str]],
) -> dict[str, dict[str, list[tuple[str, ...]]]]:
    index: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for kind, table in cue_keys.items():
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in table:
            words = tuple(key.split())
            by_first.setdefault(words[0], []).append(words)
        index[kind] = by_first
    return index


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
    return RuleSet(
        concepts=concepts,
        triggers={t.id: t for t in triggers},
        filters={t.id: TriggerFilter.of(t) for t in triggers},
        index=TriggerIndex(triggers),
        weapons=weapons,
        cues=cues,
        cue_keys=cue_keys,
        cue_words=frozenset(w for table in cue_keys.values() for k in table for w in k.split()),
        cue_kind_words={kind: frozenset(w for k in table for w in k.split())
                        for kind, table in cue_keys.items()},
        cue_first=_first_word_index(cue_keys),
        cue_kinds={
            key: frozenset(kind for kind, table in cue_keys.items() if key in table)
            for key in {k for table in cue_keys.values() for k in table}
        },
    )


register_cache(load_rules)
