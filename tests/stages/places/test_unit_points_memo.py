"""The districts' points of a province, read from the per-country table, are the direct
scan's, in the same order."""

from __future__ import annotations

import random

from coder.stages.places import Gazetteer
from coder.stages.places.container import _UNITS, _unit_points
from coder.stages.places.entries import ADMIN1, FEATURE, ISO3, LAT, LON


def _direct(gaz: Gazetteer, iso3: str, admin1: str) -> tuple[tuple[float, float], ...]:
    return tuple((e[LAT], e[LON]) for e in gaz.entries
                 if e[ISO3] == iso3 and e[ADMIN1] == admin1 and e[FEATURE] in _UNITS
                 and e[LAT] is not None and e[LON] is not None)


def test_unit_points_equal_the_direct_scan() -> None:
    gaz = Gazetteer.load()
    rng = random.Random(11)
    pairs = {(e[ISO3], e[ADMIN1]) for e in rng.sample(gaz.entries, 60)}
    pairs |= {("KEN", "Nairobi"), ("KEN", "no such province"), ("ZZZ", "Nairobi")}
    for iso3, admin1 in sorted(pairs):
        assert _unit_points(gaz, iso3, admin1) == _direct(gaz, iso3, admin1)
    assert any(_unit_points(gaz, iso3, admin1) for iso3, admin1 in pairs)
