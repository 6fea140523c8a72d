"""The unit a place's own words put it in ("Sankuri (Lamu county)", "Kutulo, Wajir"), read
against the gazetteer's entries of that name.

Event notes and news name a village with the province or district it lies in. When no entry of
the village's name lies there, either the gazetteer has the village with the wrong province (a
town on a border, a GeoNames slip) or the village is unknown to it and the name belongs to a
namesake elsewhere. `outside_named_province` tells the two apart by distance: a town near the
named province's units keeps its point and takes that province; a namesake far away gives way
to the province itself, ACLED's convention for a village it cannot place (geo precision 3).
"""

from __future__ import annotations

import math
from functools import lru_cache

from coder.models import Place
from coder.stages.places.entries import (
    ADMIN1,
    ADMIN2,
    FEATURE,
    ISO3,
    LAT,
    LON,
    SOURCE,
    Entry,
    PlaceIndex,
)
from coder.text.tokens import Token, phrase_key

NEAR_PROVINCE_KM = 100  # a town this close to a unit of the named province may lie in it
# (the centres of sparse districts lie that far apart)
_PROVINCES = frozenset({"admin1", "region"})
_UNITS = frozenset({"admin2", "admin3"})


def in_named_area(entry: Entry, names: list[str]) -> bool:
    """Whether a bracketed name is the entry's province or district (a prefix of four letters
    or more will do: "Vayots Dzor" for "Vayots' Dzori Marz")."""
    areas = [phrase_key(a) for a in (entry[ADMIN1], entry[ADMIN2]) if a]
    return any(a == n or (min(len(a), len(n)) >= 4 and (a.startswith(n) or n.startswith(a)))
               for n in names for a in areas if a)


def units_outside(gaz: PlaceIndex, tokens: list[Token], k: int, ids: list[int]) -> list[int]:
    """`ids` without the local units (places_units.csv) that the place named after the comma
    at tokens[k] is in another province of: "Kutulo, Wajir" is not the ward of Mandera county
    called Kutulo, but a village of that name in Wajir."""
    key = name_at(gaz, tokens, k)
    if not key:
        return ids
    after = [gaz.entries[x] for x in gaz.index.get(key, ())]
    countries = {e[ISO3] for e in after}
    areas = {(e[ISO3], e[ADMIN1]) for e in after}
    return [x for x in ids if not gaz.entries[x][SOURCE].startswith("units:")
            or gaz.entries[x][ISO3] not in countries
            or (gaz.entries[x][ISO3], gaz.entries[x][ADMIN1]) in areas
            or in_named_area(gaz.entries[x], [key])]


def name_at(gaz: PlaceIndex, tokens: list[Token], k: int) -> str:
    """The longest indexed name starting at the capitalised tokens[k], or ""."""
    longest = gaz.first.get(tokens[k].key) if k < len(tokens) else None
    if not longest or not tokens[k].text[:1].isupper():
        return ""
    return gaz.phrases.longest_at(tokens, k, longest)[1] or ""


def named_province(gaz: PlaceIndex, names: list[str], iso3: str) -> int | None:
    """The province of `iso3` that one of `names` names ("lamu", "lamu county"), or None."""
    admin_words = gaz.cues.admin_after
    for n in names:
        words = n.split(" ")
        keys = [n, " ".join(words[:-1])] if len(words) > 1 and words[-1] in admin_words else [n]
        for key in keys:
            for x in gaz.index.get(key, ()):
                if gaz.entries[x][ISO3] == iso3 and gaz.entries[x][FEATURE] in _PROVINCES:
                    return x
    return None


def outside_named_province(gaz: PlaceIndex, chosen: int, names: list[str]) -> Place | None:
    """The place meant when the words after the chosen entry name a province of its country
    that it is not in (see the module docstring): the entry with that province, or the
    province itself; None when they name no such province or the entry is in it."""
    e = gaz.entries[chosen]
    if e[FEATURE] in _PROVINCES or e[LAT] is None or e[LON] is None:
        return None
    province = named_province(gaz, names, e[ISO3])
    if province is None:
        return None
    admin1 = gaz.entries[province][ADMIN1] or gaz.entries[province][2]
    if phrase_key(admin1) == phrase_key(e[ADMIN1]):
        return None
    units = _unit_points(gaz, e[ISO3], admin1)
    if units and min(_km(e[LAT], e[LON], *u) for u in units) <= NEAR_PROVINCE_KM:
        place = gaz.place(chosen)
        place.admin1, place.admin2 = admin1, ""
        return place
    return gaz.place(province)


def inside_container(gaz: PlaceIndex, inner: Place, outer: Place) -> Place | None:
    """`inner` as the words put it inside `outer` of its own country ("the Majengo area of
    Mombasa", "Kapedo in Tiaty"): itself when it lies in outer's province or is no smaller
    unit, itself with outer's province when it lies near that province's units (a border
    town), None when it lies far off (a namesake of a place the gazetteer lacks: outer,
    named too, stands for it)."""
    province = outer.admin1 or (outer.name if outer.feature in _PROVINCES else "")
    if (inner.iso3 != outer.iso3 or not province or inner.feature in _PROVINCES
            or outer.feature == "country" or phrase_key(inner.admin1) == phrase_key(province)
            or inner.latitude is None or inner.longitude is None):
        return inner
    units = _unit_points(gaz, inner.iso3, province)
    if not units:
        return inner
    if min(_km(inner.latitude, inner.longitude, *u) for u in units) <= NEAR_PROVINCE_KM:
        inner.admin1, inner.admin2 = province, ""
        return inner
    return None


def _unit_points(gaz: PlaceIndex, iso3: str, admin1: str) -> tuple[tuple[float, float], ...]:
    """The points of the districts and local units the gazetteer has in one province."""
    return _country_units(gaz, iso3).get(admin1, ())


@lru_cache(maxsize=256)
def _country_units(gaz: PlaceIndex, iso3: str) -> dict[str, tuple[tuple[float, float], ...]]:
    """The points of the districts and local units of one country, by province, in the
    gazetteer's order (perf: one pass over the gazetteer per country, not per province)."""
    units: dict[str, list[tuple[float, float]]] = {}
    for e in gaz.entries:
        if (e[ISO3] == iso3 and e[FEATURE] in _UNITS
                and e[LAT] is not None and e[LON] is not None):
            units.setdefault(e[ADMIN1], []).append((e[LAT], e[LON]))
    return {a: tuple(points) for a, points in units.items()}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))
