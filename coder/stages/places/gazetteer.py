"""Place resolution: find the places a sentence names and resolve them to gazetteer entries.

Three sources, one index: countries (`countries.csv`), the curated supplement of landmarks,
camps, crossings and admin1 aliases (`places_supplement.csv`), and the generated gazetteer of
populated places and admin1 units (`gazetteer.tsv.gz`, see scripts/build_gazetteer.py). Every
name is keyed with `phrase_key`; the gazetteer ships its keys precomputed so loading is a dict
build, not 400,000 tokenisations. Small closed word sets (near-cues, admin words, titles, common
words) live in `place_cues.csv`.

Only spans that start with a capitalised token are looked up, so "hit", "police" or "security"
never match; the same words capitalised are matched only where the document's countries make
them likely places.
"""

from __future__ import annotations

import gzip
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from coder.dictionaries.countries import Country, countries, country
from coder.dictionaries.files import (
    DATA_DIR,
    DictionaryError,
    PipeList,
    read_csv_models,
    register_cache,
)
from coder.models import Place, PlaceMention
from coder.problems import Problem
from coder.stages.places.match import _FEATURE, _ISO3, _POP, PlaceContext, match_places

__all__ = ["Gazetteer", "PlaceContext", "document_context", "place_cues"]
from coder.text.tokens import Token, phrase_key, tokenize

GAZETTEER_FILE = "gazetteer.tsv.gz"
SUPPLEMENT_FILE = "places_supplement.csv"
CUES_FILE = "place_cues.csv"

CueKind = Literal[
    "near", "admin_after", "admin_before", "district_after", "title", "article_glued", "stop",
    "locative", "group_after", "qualifier",
]


class PlaceCue(BaseModel):
    """One row of place_cues.csv: a phrase and the role it plays around a place name."""

    phrase: str = Field(min_length=1)
    cue: CueKind


class SupplementPlace(BaseModel):
    """One row of places_supplement.csv."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=2)  # ACLED location label ("Baghdad - Green Zone")
    aliases: PipeList = Field(default_factory=list)
    city: str = ""
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    admin1: str = ""
    admin2: str = ""
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    geo_precision: int = Field(ge=1, le=3)
    feature: str = Field(min_length=2)

    @field_validator("iso3")
    @classmethod
    def _known_country(cls, value: str) -> str:
        if value not in countries():
            raise ValueError(f"unknown country code {value!r}")
        return value


@dataclass(slots=True)
class CueTrie:
    """Cue phrases read backwards from their last word, so "is a cue phrase ending at token j"
    is a walk of one dict probe per word (placematch._ends_with)."""

    end: bool = False  # the words from here to the last word are a whole cue phrase
    before: dict[str, CueTrie] = field(default_factory=dict)  # word written before -> rest

    def add(self, words: list[str]) -> None:
        node = self
        for w in reversed(words):
            node = node.before.setdefault(w, CueTrie())
        node.end = True


@dataclass(slots=True)
class _Cues:
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


@register_cache
@lru_cache(maxsize=1)
def place_cues() -> _Cues:
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

    return _Cues(
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
    )


# One gazetteer entry, kept as a tuple until it is matched (Place objects are built lazily):
# (source id, feature, name, iso3, admin1, admin2, lat, lon, population, geo_precision, main key)
Entry = tuple[str, str, str, str, str, str, float | None, float | None, int, int, str]
# Place's fields in order: name, country, iso3, iso_numeric, region, admin1, admin2, admin3,
# latitude, longitude, geo_precision, feature, population, geonameid
_PlaceFields = tuple[str, str, str, int | None, str, str, str, str, float | None, float | None,
                     int, str, int, int | None]



def _read_gazetteer_rows() -> tuple[list[Entry], list[str]]:
    """Rows of gazetteer.tsv.gz with a cheap structural check (full pydantic validation of
    170,000 rows would cost a second per start; tests/test_places.py validates the file)."""
    path = DATA_DIR / GAZETTEER_FILE
    iso2 = {c.iso2: c.iso3 for c in countries().values()}
    problems: list[Problem] = []
    entries: list[Entry] = []
    keys: list[str] = []
    with io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        for line_no, line in enumerate(fh, start=2):
            cells = line.rstrip("\n").split("\t")
            if len(cells) != len(header) or cells[3] not in iso2:
                problems.append(Problem("bad_dictionary", "bad row (columns or country code)",
                                        file=GAZETTEER_FILE, row=line_no))
                continue
            gid, feat, name, cc, a1, a2, lat, lon, pop, key_cell = cells
            precision = 3 if feat == "admin1" else 1
            main = key_cell.split("|", 1)[0]
            entries.append((f"gazetteer:{gid}", feat, name, iso2[cc], a1, a2, float(lat),
                            float(lon), int(pop), precision, main))
            keys.append(key_cell)
    if problems:
        raise DictionaryError(problems[:50])
    return entries, keys


class Gazetteer:
    """All known places, indexed by name key; `find_places` resolves them in a sentence."""

    def __init__(self, entries: list[Entry], index: dict[str, list[int]]) -> None:
        self.entries = entries
        self.index = index
        self.first: dict[str, int] = {}  # first word key -> longest key length in words
        # perf: the word prefixes of longer keys that are no key themselves ("ras al" of "ras
        # al ain"): matching stops as soon as the words read so far are neither, instead of
        # probing the index for every longer span up to `first`'s length
        self.prefixes: set[str] = set()
        for key in index:
            words = key.split(" ")
            n = len(words)
            if self.first.get(words[0], 0) < n:
                self.first[words[0]] = n
            while n > 2:
                key = key[:key.rfind(" ")]  # one word less
                n -= 1
                if key not in index:
                    self.prefixes.add(key)
        self.cues = place_cues()
        # the words met so far: (`first` of the word or 0, whether it is a key by itself)
        self.recent_first: dict[str, tuple[int, bool]] = {}
        self._countries: dict[str, int] = {}  # iso3 -> entry id of the country itself
        self._place_fields: dict[int, _PlaceFields] = {}  # see `place`
        for i, e in enumerate(entries):
            if e[_FEATURE] == "country":
                self._countries[e[_ISO3]] = i

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer with countries and supplement (cached singleton)."""
        return _load_gazetteer()

    # ---------------------------------------------------------------- lookups
    def place(self, entry_id: int) -> Place:
        """The Place of one entry (a new object: callers adjust its precision)."""
        # perf: the fields of the places met so far, by entry id; a Place is mutable, so each
        # call builds its own from them
        fields = self._place_fields.get(entry_id)
        if fields is None:
            fields = _place_fields(self.entries[entry_id])
            if len(self._place_fields) < 10_000:
                self._place_fields[entry_id] = fields
        return Place(*fields)

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The best place with this name, optionally within one country (ISO3)."""
        ids = self.index.get(phrase_key(name), [])
        if country:
            ids = [i for i in ids if self.entries[i][_ISO3] == country.upper()]
        return self.place(ids[0]) if ids else None

    def country_place(self, iso3: str) -> Place:
        """The country itself as a place (feature 'country', geo_precision 3)."""
        return self.place(self._countries[iso3.upper()])

    def capital(self, iso3: str) -> Place | None:
        """The capital city of a country, from the gazetteer (the city, not a same-named
        province: Washington, not Washington state)."""
        c = country(iso3)
        if c is None or not c.capital:
            return None
        ids = [i for i in self.index.get(phrase_key(c.capital), ())
               if self.entries[i][_ISO3] == c.iso3]
        cities = [i for i in ids if self.entries[i][_FEATURE] == "city"]
        return self.place((cities or ids)[0]) if ids else None

    # ---------------------------------------------------------------- matching
    def find_places(
        self, tokens: list[Token], text: str, context: PlaceContext
    ) -> list[PlaceMention]:
        """Every place the sentence names, resolved using the document's context."""
        return match_places(self, tokens, context)


def _place_fields(e: Entry) -> _PlaceFields:
    """The Place of an entry, as the positional arguments of `Place` (in its field order)."""
    c = countries()[e[_ISO3]]
    lat, lon = e[6], e[7]
    return (
        e[2], c.acled_name, c.iso3, c.iso_numeric, c.region, e[4], e[5], "",  # name .. admin3
        round(lat, 4) if lat is not None else None,
        round(lon, 4) if lon is not None else None,
        e[9], e[1], e[_POP],  # geo_precision, feature, population
        int(e[0].split(":")[1]) if e[0].startswith("gazetteer:") else None,
    )


def _country_entries(all_countries: dict[str, Country]) -> list[tuple[Entry, list[str]]]:
    out = []
    for c in all_countries.values():
        keys = [phrase_key(n) for n in c.names()]
        entry: Entry = (f"countries:{c.iso3}", "country", c.acled_name, c.iso3, "", "", None,
                        None, 0, 3, keys[0])
        out.append((entry, keys))
    return out


def _supplement_entries() -> list[tuple[Entry, list[str]]]:
    out = []
    for s in read_csv_models(SUPPLEMENT_FILE, SupplementPlace):
        keys = [phrase_key(n) for n in (s.name, *s.aliases)]
        admin1 = s.admin1
        entry: Entry = (f"supplement:{s.id}", s.feature, s.name, s.iso3, admin1, s.admin2,
                        s.lat, s.lon, 0, s.geo_precision, keys[0])
        out.append((entry, keys))
    return out


@register_cache
@lru_cache(maxsize=1)
def _load_gazetteer() -> Gazetteer:
    entries: list[Entry] = []
    index: dict[str, list[int]] = {}
    # countries first, then the curated supplement, then GeoNames by population: the order of
    # ids under a key is the order of preference when context does not decide
    for entry, keys in _country_entries(countries()) + _supplement_entries():
        i = len(entries)
        entries.append(entry)
        for k in dict.fromkeys(keys):
            if k:
                index.setdefault(k, []).append(i)
    base = len(entries)
    rows, key_cells = _read_gazetteer_rows()
    entries.extend(rows)
    for offset, cell in enumerate(key_cells):
        i = base + offset
        for k in cell.split("|"):
            ids = index.get(k)
            if ids is None:
                index[k] = [i]
            elif ids[-1] != i:
                ids.append(i)
    return Gazetteer(entries, index)


def document_context(texts: list[str], dateline: str = "") -> PlaceContext:
    """Rank the document's countries by how often it names them, their capitals or big cities."""
    gaz = Gazetteer.load()
    counts: Counter[str] = Counter()
    for text in texts:
        tokens = tokenize(text)
        for m in gaz.find_places(tokens, text, PlaceContext()):
            counts[m.place.iso3] += 1
    if dateline:
        found = gaz.lookup(dateline)
        if found:
            counts[found.iso3] += 1
    return PlaceContext([iso for iso, _ in counts.most_common()], dateline)
