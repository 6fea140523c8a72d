"""What the place scan and the gazetteer share: the entry tuple and its field positions, the
document's place context, and `PlaceIndex`, the indexed entries the scan reads.

`gazetteer.py` loads the data into a `Gazetteer` (a `PlaceIndex` with lookups); `match.py` and
`resolve.py` read a `PlaceIndex` only, so neither imports the other's module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from coder.dictionaries.countries import countries
from coder.models import Place
from coder.stages.places.cues import PlaceCues, place_cues
from coder.text.phrases import PhraseTable
from coder.text.tokens import Token

# One gazetteer entry, kept as a tuple until it is matched (Place objects are built lazily):
# (source id, feature, name, iso3, admin1, admin2, lat, lon, population, geo_precision, main key)
Entry = tuple[str, str, str, str, str, str, float | None, float | None, int, int, str]

# positions in an entry tuple; Final so type checkers know each type
SOURCE: Final = 0
FEATURE: Final = 1
NAME: Final = 2
ISO3: Final = 3
ADMIN1: Final = 4
ADMIN2: Final = 5
LAT: Final = 6
LON: Final = 7
POP: Final = 8
PREC: Final = 9
MAIN: Final = 10

# Place's fields in order: name, country, iso3, iso_numeric, region, admin1, admin2, admin3,
# latitude, longitude, geo_precision, feature, population, geonameid
_PlaceFields = tuple[str, str, str, int | None, str, str, str, str, float | None, float | None,
                     int, str, int, int | None]


@dataclass(slots=True)
class PlaceContext:
    """What the document tells us about where it is."""

    countries: list[str] = field(default_factory=list)  # ISO3, most mentioned first
    dateline: str = ""  # dateline place ("BAGHDAD", "TEHRAN"), may be ""
    confirmed: str = ""  # ISO3 the document is known to be about: every sentence's own country
    # ISO3 the text supports by more than a town's bare name: named, confirmed by a place's own
    # words, an actor's country, the dateline's
    supported: frozenset[str] = frozenset()


class PlaceIndex:
    """Gazetteer entries indexed by name key, with the phrase table the scan reads and the cue
    words around place names."""

    def __init__(self, entries: list[Entry], index: dict[str, list[int]]) -> None:
        self.entries = entries
        self.index = index
        # `first`: first word key -> longest key length in words; `prefixes`: the word prefixes
        # of longer keys that are no key themselves ("ras al" of "ras al ain")
        self.phrases: PhraseTable[list[int]] = PhraseTable(index, index, possessive=True)
        self.first = self.phrases.first
        self.cues: PlaceCues = place_cues()
        # the words met so far: (`first` of the word or 0, whether it is a key by itself)
        self.recent_first: dict[str, tuple[int, bool]] = {}
        self._place_fields: dict[int, _PlaceFields] = {}  # see `place`
        # the names the sentences scanned last hold (`match.scan_names`), by id of their token
        # list, with the list itself: an id is only trusted for the very same list; and what
        # the words around each name say (`resolve.resolve`), by its token range
        self.scans: dict[int, tuple[list[Token], list[tuple[int, int, str]], dict[
            tuple[int, int], tuple[list[int], Any]]]] = {}

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


def _place_fields(e: Entry) -> _PlaceFields:
    """The Place of an entry, as the positional arguments of `Place` (in its field order)."""
    c = countries()[e[ISO3]]
    lat, lon = e[LAT], e[LON]
    return (
        e[NAME], c.acled_name, c.iso3, c.iso_numeric, c.region, e[ADMIN1], e[ADMIN2], "",
        round(lat, 4) if lat is not None else None,
        round(lon, 4) if lon is not None else None,
        e[PREC], e[FEATURE], e[POP],
        int(e[SOURCE].split(":")[1]) if e[SOURCE].startswith("gazetteer:") else None,
    )
