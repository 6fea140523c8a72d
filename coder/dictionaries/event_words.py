"""The closed grammatical word sets of `coder/data/events/words.csv` (one word per row, by set
name), which the event and document stages read; a set name the code does not know is a
problem reported at its file line."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal, get_args

from pydantic import BaseModel, Field

from coder.dictionaries.files import read_word_sets, register_cache

# the set names the code reads; a row naming another set is a problem of its line
WordSet = Literal[
    "be", "adverb", "participle", "preposition", "determiner", "anaphoric", "clause_break",
    "light_verb", "object_preposition", "first_person", "armed_victim", "after_adverbial_date",
    "locative", "date_preposition", "person_pronoun", "group_pronoun", "force:police",
    "force:troops", "force:security-forces", "gerund_noun_follower", "background_preposition",
    "agent_preposition", "side_preposition", "loser_preposition", "member_preposition",
    "caller_preposition", "conjunct_joiner", "pair_joiner", "subject_coordinator",
    "clause_coordinator", "modifier_gap", "place_preposition", "verb_marker", "progressive_be",
    "survival_verb", "state_weapon_break", "force_kind", "unarmed_kind", "allegation_preposition",
    "intention", "noun_follower", "grievance", "civilian_occupation", "mob_word", "crowd_word",
    "crowd_side", "sequel", "harm_concept", "crowd_subject", "armed_qualifier", "demonstrator_word",
    "quantity", "result_verb", "month_modal", "witchcraft_word", "theft_word", "mob_manner",
    "off_duty", "passive_crowd", "state_weapon_owner", "passive_agent",
]


class Word(BaseModel):
    set: WordSet
    word: str = Field(min_length=1)


@register_cache
@lru_cache(maxsize=1)
def word_sets() -> dict[str, frozenset[str]]:
    """The closed grammatical word sets of events/words.csv, by set name (every set present)."""
    return read_word_sets("events/words.csv", Word, get_args(WordSet), str.lower)
