"""The cue words around place names (`coder/data/place_cues.csv`): near-cues, admin words,
titles, glued articles, common words that are places only after a locative, and the like."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from coder.dictionaries.actor_tables import DemonymRow
from coder.dictionaries.files import read_csv_models, register_cache
from coder.stages.dates.grammar import MonthRow, WeekdayRow
from coder.text.tokens import phrase_key

CUES_FILE = "place_cues.csv"
DEMONYMS_FILE = "actors/demonyms.csv"  # read only: the actors' table of a country's people
# read only: the date grammar's day and month names ("in Moyale Monday" names no "Moyale M...")
WEEKDAYS_FILE = "dates/weekdays.csv"
MONTHS_FILE = "dates/months.csv"

CueKind = Literal[
    "near", "admin_after", "admin_before", "district_after", "title", "article_glued", "stop",
    "locative", "group_after", "qualifier", "place_noun", "scene", "compass_after",
    "institution_after", "road_after", "chosen_before", "office_after", "office_before",
    "residents_after", "name_join", "origin_before", "noun_link", "article",
]


class PlaceCue(BaseModel):
    """One row of place_cues.csv: a phrase and the role it plays around a place name."""

    phrase: str = Field(min_length=1)
    cue: CueKind


@dataclass(slots=True)
class CueTrie:
    """Cue phrases read backwards from their last word, so "is a cue phrase ending at token j"
    is a walk of one dict probe per word (match.ends_with)."""

    end: bool = False  # the words from here to the last word are a whole cue phrase
    before: dict[str, CueTrie] = field(default_factory=dict)  # word written before -> rest

    def add(self, words: list[str]) -> None:
        node = self
        for w in reversed(words):
            node = node.before.setdefault(w, CueTrie())
        node.end = True


@dataclass(slots=True)
class PlaceCues:
    """The cue words of place_cues.csv, grouped by role for O(1) checks."""

    near: CueTrie  # cue phrases, read backwards from their last word
    admin_after: frozenset[str]
    admin_before: CueTrie
    district_after: frozenset[str]
    titles: frozenset[str]
    articles: frozenset[str]
    stop: frozenset[str]
    locative: frozenset[str]  # words before which a common-word name may be a place ("in Hit")
    group_after: frozenset[str]  # "Fano militiamen": a name before these words names a group
    qualifiers: frozenset[str]  # "in central Kyiv": words between "in" and a containing place
    place_nouns: frozenset[str]  # "near the town of X": nouns before "of" and a place
    scene: frozenset[str]  # "across Kenya": words that put the story in the country after them
    demonyms: frozenset[str]  # "Somali": a people, not the province named after it
    compass_after: frozenset[str]  # "Narok South": a district named after the place before it
    institutions: frozenset[str]  # "Webuye High School": named after the place before it
    roads: frozenset[str]  # "the Gilgil-Nyahururu road": a road named after its two ends
    chosen: frozenset[str]  # "coordinates for X": a coder's note of the place it uses
    chosen_trie: CueTrie  # the same phrases, read backwards from their last word
    office_after: frozenset[str]  # "the Kilifi governor": an office named after the place
    office_before: CueTrie  # "MP for Gilgil", "a resident of Nyali", read backwards
    residents: frozenset[str]  # "Bahati residents": the people of the place before them
    name_join: frozenset[str]  # "Turkana and Pokot raiders": joins two names before a group
    origin_before: frozenset[str]  # "raiders from West Pokot": the place the group comes from
    noun_link: frozenset[str]  # "the town of X": between a place noun and the name
    article: frozenset[str]  # "near the town of X": skipped left of the place noun or name
    calendar: frozenset[str]  # "Monday", "March": capitalised words that continue no name


@register_cache
@lru_cache(maxsize=1)
def place_cues() -> PlaceCues:
    """The cue words of place_cues.csv, grouped for O(1) checks."""
    rows = read_csv_models(CUES_FILE, PlaceCue)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_kind[r.cue].append(phrase_key(r.phrase))

    def backwards(keys: list[str]) -> CueTrie:
        out = CueTrie()
        for k in keys:
            out.add(k.split(" "))
        return out

    return PlaceCues(
        near=backwards(by_kind["near"]),
        admin_after=frozenset(by_kind["admin_after"]),
        admin_before=backwards(by_kind["admin_before"]),
        district_after=frozenset(by_kind["district_after"]),
        titles=frozenset(by_kind["title"]),
        articles=frozenset(by_kind["article_glued"]),
        stop=frozenset(by_kind["stop"]),
        locative=frozenset(by_kind["locative"]),
        group_after=frozenset(by_kind["group_after"]),
        qualifiers=frozenset(by_kind["qualifier"]),
        place_nouns=frozenset(by_kind["place_noun"]),
        scene=frozenset(by_kind["scene"]),
        compass_after=frozenset(by_kind["compass_after"]),
        institutions=frozenset(by_kind["institution_after"]),
        roads=frozenset(by_kind["road_after"]),
        chosen=frozenset(by_kind["chosen_before"]),
        chosen_trie=backwards(by_kind["chosen_before"]),
        office_after=frozenset(by_kind["office_after"]),
        office_before=backwards(by_kind["office_before"]),
        residents=frozenset(by_kind["residents_after"]),
        name_join=frozenset(by_kind["name_join"]),
        origin_before=frozenset(by_kind["origin_before"]),
        noun_link=frozenset(by_kind["noun_link"]),
        article=frozenset(by_kind["article"]),
        calendar=frozenset(
            [phrase_key(r.name) for r in read_csv_models(WEEKDAYS_FILE, WeekdayRow) if r.prose]
            + [phrase_key(r.name) for r in read_csv_models(MONTHS_FILE, MonthRow)
               if not r.abbreviation]),
        demonyms=frozenset(phrase_key(d) for r in read_csv_models(DEMONYMS_FILE, DemonymRow)
                           for d in r.demonyms),
    )
