"""How scripts/build_gazetteer.py writes GeoNames' admin names: short, without unit words."""

from __future__ import annotations

import importlib.util

from locations import ROOT

from coder.stages.places import Gazetteer

_SPEC = importlib.util.spec_from_file_location("build_gazetteer",
                                               ROOT / "scripts" / "build_gazetteer.py")
assert _SPEC is not None and _SPEC.loader is not None
build = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build)


def test_a_provinces_unit_word_area_is_dropped_like_province() -> None:
    assert build.admin1_name("Lusaka Area") == "Lusaka"
    assert build.admin1_name("Basra Governorate") == "Basra"
    assert build.admin1_name("Area") == "Area"  # nothing would be left


def test_a_district_keeps_area_as_part_of_its_name() -> None:
    assert build.clean_admin1("Malakand Protected Area") == "Malakand Protected Area"


def test_a_unit_geonames_names_by_a_shorter_name_gets_its_official_name() -> None:
    names = build.official_names()
    assert names[("KE", "Marakwet")] == "Elgeyo-Marakwet"
    gaz = Gazetteer.load()
    iten = gaz.lookup("Iten", "KEN")
    assert iten is not None and iten.admin1 == "Elgeyo-Marakwet"
    # the GeoNames name still finds the county
    county = gaz.lookup("Marakwet", "KEN")
    assert county is not None and county.admin1 == "Elgeyo-Marakwet"
