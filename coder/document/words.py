"""The closed word sets the document stage reads, loaded from the data when first used."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal, get_args

from pydantic import BaseModel, Field

from coder.dictionaries.event_words import word_sets
from coder.dictionaries.files import read_word_sets, register_cache

DocumentWordSet = Literal["crowd_kind", "not_antecedent_kind", "casualty_concept", "force_kind",
                          "armed_group_kind", "blame_cue", "blame_doubt", "unnamed_cue",
                          "place_agent_rule", "place_suffix", "place_origin",
                          "place_article", "place_joiner",
                          "unarmed_victim_kind", "communal_cue", "ethnic_cue", "religious_cue",
                          "partisan_agent", "communal_clash_rule", "riot_cue",
                          "crowd_fight_rule", "grievance_before", "grievance_after",
                          "person_relative", "crowd_own_cue"]


class _Word(BaseModel):
    set: DocumentWordSet
    word: str = Field(min_length=1)


@register_cache
@lru_cache(maxsize=1)
def document_words() -> dict[str, frozenset[str]]:
    """The sets of document/words.csv by name (every set present, maybe empty)."""
    return read_word_sets("document/words.csv", _Word, get_args(DocumentWordSet))


def person_pronouns() -> frozenset[str]:
    """he, his, him, she, her: they stand for a person named before them."""
    return word_sets()["person_pronoun"]


def group_pronouns() -> frozenset[str]:
    """it, its: they stand for a group named before them in their sentence."""
    return word_sets()["group_pronoun"]


@register_cache
@lru_cache(maxsize=1)
def pronouns() -> frozenset[str]:
    """Every pronoun the document stage resolves."""
    return person_pronouns() | group_pronouns()
