"""Place resolution: find the places a sentence names and resolve them to gazetteer entries.

Three sources, one index: countries (`countries.csv`), the curated supplement of landmarks,
camps, crossings and admin1 aliases (`places_supplement.csv`), and the generated gazetteer of
populated places and admin1 units (`gazetteer.tsv.gz`, see scripts/build_gazetteer.py). Every
name is keyed with `phrase_key`; the gazetteer ships its keys precomputed so loading is a dict
build, not 400,000 tokenisations. Small closed word sets (near-cues, admin words, titles, common
words) live in `place_cues.csv` (see `cues.py`); the scan is `match.py`, the choice of the place
a name means `resolve.py`.

Only spans that start with a capitalised token are looked up, so "hit", "police" or "security"
never match; the same words capitalised are matched only where the document's countries make
them likely places.
"""

from __future__ import annotations

import gzip
from collections import Counter
from functools import lru_cache

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
from coder.stages.places.cues import place_cues
from coder.stages.places.entries import FEATURE, ISO3, Entry, PlaceContext, PlaceIndex
from coder.stages.places.match import Name, match_places, scan_names, stated_countries
from coder.text.tokens import Token, phrase_key, tokenize

__all__ = ["Gazetteer", "PlaceContext", "document_context", "place_cues"]

GAZETTEER_FILE = "gazetteer.tsv.gz"
SCANS_KEPT = 2_000  # sentences whose names `Gazetteer.scan` keeps (a long document's)
SUPPLEMENT_FILE = "places_supplement.csv"


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


def _read_gazetteer_rows() -> tuple[list[Entry], list[str]]:
    """Rows of gazetteer.tsv.gz with a cheap structural check (full pydantic validation of
    170,000 rows would cost a second per start; tests/test_places.py validates the file)."""
    path = DATA_DIR / GAZETTEER_FILE
    iso2 = {c.iso2: c.iso3 for c in countries().values()}
    problems: list[Problem] = []
    entries: list[Entry] = []
    keys: list[str] = []
    # perf: decompressed and split at once, not read line by line (the lines a text-mode
    # file gives: universal newlines, no empty line after the last newline)
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    header = lines[0].split("\t") if lines else [""]
    width = len(header)
    append, append_key = entries.append, keys.append
    for line_no, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != width or cells[3] not in iso2:
            problems.append(Problem("bad_dictionary", "bad row (columns or country code)",
                                    file=GAZETTEER_FILE, row=line_no))
            continue
        gid, feat, name, cc, a1, a2, lat, lon, pop, key_cell = cells
        precision = 3 if feat == "admin1" else 2 if feat == "admin2" else 1
        main = key_cell.split("|", 1)[0]
        append((f"gazetteer:{gid}", feat, name, iso2[cc], a1, a2, float(lat), float(lon),
                int(pop), precision, main))
        append_key(key_cell)
    if problems:
        raise DictionaryError(problems[:50])
    return entries, keys


class Gazetteer(PlaceIndex):
    """All known places, indexed by name key; `find_places` resolves them in a sentence."""

    def __init__(self, entries: list[Entry], index: dict[str, list[int]]) -> None:
        super().__init__(entries, index)
        self._countries: dict[str, int] = {}  # iso3 -> entry id of the country itself
        for i, e in enumerate(entries):
            if e[FEATURE] == "country":
                self._countries[e[ISO3]] = i

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer with countries and supplement (cached singleton)."""
        return _load_gazetteer()

    # ---------------------------------------------------------------- lookups
    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The best place with this name, optionally within one country (ISO3)."""
        ids = self.index.get(phrase_key(name), [])
        if country:
            ids = [i for i in ids if self.entries[i][ISO3] == country.upper()]
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
               if self.entries[i][ISO3] == c.iso3]
        cities = [i for i in ids if self.entries[i][FEATURE] == "city"]
        return self.place((cities or ids)[0]) if ids else None

    # ---------------------------------------------------------------- matching
    def find_places(
        self, tokens: list[Token], text: str, context: PlaceContext
    ) -> list[PlaceMention]:
        """Every place the sentence names, resolved using the document's context (from the
        names `scan` found in these very tokens, when it read them lately)."""
        seen = self.scans.get(id(tokens))
        names = seen[1] if seen is not None and seen[0] is tokens else None
        return match_places(self, tokens, context, names)

    def scan(self, tokens: list[Token]) -> list[Name]:
        """The names the sentence holds, before any context chooses among their places (see
        `match.scan_names`); kept for a while, so that `find_places` on the same token list
        reads its words once more only when many sentences were scanned since."""
        names = scan_names(self, tokens)
        if len(self.scans) >= SCANS_KEPT:
            self.scans.clear()
        self.scans[id(tokens)] = (tokens, names)
        return names

    def named_countries(self, names: list[Name]) -> set[str]:
        """The countries (ISO3) some of these names name by their own name ("Uganda")."""
        entries = self.entries
        return {entries[x][ISO3] for _, _, key in names for x in self.index[key]
                if entries[x][FEATURE] == "country"}

    def stated_countries(self, tokens: list[Token], names: list[Name] | None = None,
                         ) -> tuple[dict[str, int], dict[str, int]]:
        """The countries the sentence's own places name, weighted (see `match.stated_countries`)."""
        return stated_countries(self, tokens, names)


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
