"""The casualty rules read from coder/data/casualties/ (cached, rebuilt when a user adds a
dictionary directory), and the word classes they define."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from coder.dictionaries.event_words import word_sets
from coder.dictionaries.files import read_csv_models, register_cache
from coder.text.numbers import NumberMatch
from coder.text.tokens import PhraseMatcher, Token, phrase_key

TriggerKind = Literal["killed", "injured", "casualties"]
Direction = Literal["before", "after", "both", "toll", "adjacent", "one"]
Role = Literal[
    "aux", "adverb", "blocker", "hypothetical", "negator", "follower", "determiner",
    "pronoun_singular", "pronoun_plural", "parenthetical", "aux_singular", "aux_plural",
    "perfect_aux", "toll_lead", "finding", "relative", "participle", "article", "conjunction",
    "companion", "institution", "preposition", "fate", "coordinator", "list_joint", "of_link",
    "definite", "victim_lead",
]


class TriggerRow(BaseModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    phrase: str = Field(min_length=1)
    kind: TriggerKind
    direction: Direction


class FunctionWordRow(BaseModel):
    word: str = Field(min_length=1)
    role: Role


class VictimRow(BaseModel):
    noun: str = Field(min_length=1)
    number: Literal["plural", "singular", "animal"]


class NotCountRow(BaseModel):
    word: str = Field(min_length=1)
    side: Literal["after", "before", "year_before", "before_any"]


class CumulativeRow(BaseModel):
    phrase: str = Field(min_length=1)


class BackgroundRow(BaseModel):
    phrase: str = Field(min_length=1)
    window: int = Field(ge=1, le=12)
    adjacent: Literal["yes", "no"]


class EarlierRow(BaseModel):
    phrase: str = Field(min_length=1)
    window: int = Field(ge=0, le=12)


class NonlethalRow(BaseModel):
    sub_event_type: str = Field(min_length=1)


@dataclass(slots=True, frozen=True)
class Trigger:
    rule_id: str
    kind: TriggerKind
    direction: Direction


@dataclass(slots=True, frozen=True)
class Rules:
    triggers: PhraseMatcher[Trigger]
    trigger_words: frozenset[str]  # first words of trigger phrases, function words left out
    cue_words: frozenset[str]  # a word every trigger phrase holds: its first content word
    stems: tuple[str, ...]  # cheap substring pre-check on the lower-cased sentence
    roles: dict[str, frozenset[str]]
    plural: frozenset[str]
    singular: frozenset[str]
    animals: frozenset[str]  # animals killed are no fatalities (ACLED counts people)
    not_after: frozenset[str]
    not_before: frozenset[str]
    year_before: frozenset[str]
    before_any: frozenset[str]  # words that make any following number no count ("form four")
    cumulative: PhraseMatcher[bool]
    background: PhraseMatcher[tuple[int, int]]  # cue -> (fewest, most) tokens before a trigger
    earlier: PhraseMatcher[int]  # cue -> the most tokens after a mention that it may start


def _triggers() -> tuple[PhraseMatcher[Trigger], set[str]]:
    """The trigger phrases, and the first word of each."""
    triggers: PhraseMatcher[Trigger] = PhraseMatcher()
    stems: set[str] = set()
    for row in read_csv_models("casualties/triggers.csv", TriggerRow):
        triggers.add(row.phrase, Trigger(f"casualties:{row.id}", row.kind, row.direction))
        stems.add(phrase_key(row.phrase).split(" ")[0])
    return triggers, stems


def _not_counts() -> dict[str, set[str]]:
    """Side ("after", "before", "year_before") -> the words that make a number no count."""
    sides: dict[str, set[str]] = {"after": set(), "before": set(), "year_before": set(),
                                  "before_any": set()}
    for nc in read_csv_models("casualties/not_counts.csv", NotCountRow):
        sides[nc.side].add(nc.word.lower() if not nc.word.isalnum() else phrase_key(nc.word))
    return sides


@register_cache
@lru_cache(maxsize=1)
def rules() -> Rules:
    """Every casualty table, read and validated."""
    triggers, stems = _triggers()
    roles: dict[str, set[str]] = {}
    for fw in read_csv_models("casualties/function_words.csv", FunctionWordRow):
        roles.setdefault(fw.role, set()).add(phrase_key(fw.word))
    victims = read_csv_models("casualties/victims.csv", VictimRow)
    function = frozenset(w for words in roles.values() for w in words)
    sides = _not_counts()
    cumulative: PhraseMatcher[bool] = PhraseMatcher()
    for cr in read_csv_models("casualties/cumulative.csv", CumulativeRow):
        cumulative.add(cr.phrase, True)
    background: PhraseMatcher[tuple[int, int]] = PhraseMatcher()
    for br in read_csv_models("casualties/background.csv", BackgroundRow):
        background.add(br.phrase, (0 if br.adjacent == "yes" else 1, br.window))
    earlier: PhraseMatcher[int] = PhraseMatcher()
    for er in read_csv_models("casualties/earlier.csv", EarlierRow):
        earlier.add(er.phrase, er.window)
    return Rules(
        triggers=triggers,
        trigger_words=frozenset(k.split(" ")[0] for k, _ in triggers.items()) - function,
        cue_words=frozenset(_first_content(k, function) for k, _ in triggers.items()),
        stems=tuple(sorted(stems)),
        roles={k: frozenset(v) for k, v in roles.items()},
        plural=frozenset(phrase_key(v.noun) for v in victims if v.number == "plural"),
        singular=frozenset(phrase_key(v.noun) for v in victims if v.number == "singular"),
        animals=frozenset(phrase_key(v.noun) for v in victims if v.number == "animal"),
        not_after=frozenset(sides["after"]),
        not_before=frozenset(sides["before"]),
        year_before=frozenset(sides["year_before"]),
        before_any=frozenset(sides["before_any"]),
        cumulative=cumulative,
        background=background,
        earlier=earlier,
    )


@register_cache
@lru_cache(maxsize=1)
def nonlethal_sub_events() -> frozenset[str]:
    """The ACLED sub-event types that hold no death by definition (nonlethal_sub_events.csv)."""
    return frozenset(r.sub_event_type for r in
                     read_csv_models("casualties/nonlethal_sub_events.csv", NonlethalRow))


def _first_content(phrase: str, function: frozenset[str]) -> str:
    """The first word of a trigger phrase that is no function word ("to death" -> "death")."""
    words = phrase.split(" ")
    return next((w for w in words if w not in function), words[0])


def has_role(word: str, role: str) -> bool:
    """Whether `word` (a token key) is a function word of `role`."""
    return word in rules().roles.get(role, frozenset())


def hypothetical_at(tokens: list[Token], j: int) -> bool:
    """tokens[j] makes a report hypothetical ("could have killed", "may have died"), unless it
    is a month's name of a date ("on May 3", "3 May", "in May 2015": no modality; the events
    stage reads such dates the same way, events/words.csv month_modal)."""
    key = tokens[j].key
    if not has_role(key, "hypothetical"):
        return False
    sets = word_sets()
    if key not in sets["month_modal"]:
        return True
    before = tokens[j - 1].key if j > 0 else ""
    after = tokens[j + 1].key if j + 1 < len(tokens) else ""
    return not (before in sets["date_preposition"] or before[:1].isdigit()
                or after[:1].isdigit())


def is_count(tokens: list[Token], n: NumberMatch) -> bool:
    """False for numbers that are ages, distances, times, dates or years, not people."""
    r = rules()
    core = tokens[n.core]
    nxt = n.end
    # "25-year-old": look through a glued hyphen
    if nxt < len(tokens) and tokens[nxt].key == "-" and tokens[nxt].start == tokens[nxt - 1].end:
        nxt += 1
    if nxt < len(tokens) and (tokens[nxt].key in r.not_after or (
        tokens[nxt].key == ":" and tokens[nxt].start == tokens[nxt - 1].end
    )):
        return False
    prev = tokens[n.core - 1].key if n.core > 0 else ""
    if (core.key.isdigit() and prev in r.not_before) or prev in r.before_any:
        return False
    if core.key.isdigit() and len(core.key) == 4 and 1800 <= int(core.key) <= 2100:
        follows_word = n.end < len(tokens) and tokens[n.end].is_word
        if prev in r.year_before or not follows_word or n.core == 0:
            return False
    return True


def is_plural(tok: Token) -> bool:
    """A plural victim noun: listed, or a lower-case word in -s that is no function word."""
    r = rules()
    if tok.key in r.plural:
        return True
    if tok.key in r.singular or not tok.is_word:
        return False
    return (len(tok.key) > 3 and tok.key.endswith("s") and not tok.key.endswith(("ss", "us", "is"))
            and tok.text[:1].islower() and not any(tok.key in v for v in r.roles.values()))
