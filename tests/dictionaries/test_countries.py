"""The country table: codes, ACLED names and regions, CAMEO codes, name lookups."""

from __future__ import annotations

import pytest

from coder.dictionaries.countries import (
    acled_regions,
    countries,
    country,
    country_by_iso2,
    country_by_name,
)


def test_table_covers_iso3166() -> None:
    table = countries()
    assert len(table) >= 245
    assert len({c.iso2 for c in table.values()}) == len(table)
    assert {c.region for c in table.values()} <= acled_regions()
    for c in table.values():  # every country can fill ACLED's iso, region and country columns
        assert c.iso_numeric is not None and c.acled_name and c.region, c.iso3
    assert table["XKX"].iso_numeric == 0  # ACLED's code for Kosovo
    assert len({c.iso_numeric for c in table.values()}) == len(table)


@pytest.mark.parametrize(
    ("written", "iso3", "acled_name", "region"),
    [
        ("Iraq", "IRQ", "Iraq", "Middle East"),
        ("the United States", "USA", "United States", "North America"),
        ("U.S.", "USA", "United States", "North America"),
        ("DR Congo", "COD", "Democratic Republic of Congo", "Middle Africa"),
        ("Côte d'Ivoire", "CIV", "Ivory Coast", "Western Africa"),
        ("cote d'ivoire", "CIV", "Ivory Coast", "Western Africa"),
        ("Burma", "MMR", "Myanmar", "Southeast Asia"),
        ("Swaziland", "SWZ", "eSwatini", "Southern Africa"),
        ("Czechia", "CZE", "Czech Republic", "Europe"),
        ("Palestinian Territories", "PSE", "Palestine", "Middle East"),
        ("Türkiye", "TUR", "Turkey", "Middle East"),
        ("Afghanistan", "AFG", "Afghanistan", "South Asia"),
        ("Egypt", "EGY", "Egypt", "Northern Africa"),
        ("Mexico", "MEX", "Mexico", "Central America"),
        ("Great Britain", "GBR", "United Kingdom", "Europe"),
        ("Republic of Korea", "KOR", "South Korea", "East Asia"),
        ("Kazakhstan", "KAZ", "Kazakhstan", "Caucasus and Central Asia"),
        ("Haiti", "HTI", "Haiti", "Caribbean"),
        ("Timor-Leste", "TLS", "East Timor", "Southeast Asia"),
        ("Kosovo", "XKX", "Kosovo", "Europe"),
        ("IRN", "IRN", "Iran", "Middle East"),
    ],
)
def test_country_by_name(written: str, iso3: str, acled_name: str, region: str) -> None:
    found = country_by_name(written)
    assert found is not None, written
    assert (found.iso3, found.acled_name, found.region) == (iso3, acled_name, region)


def test_unknown_names() -> None:
    assert country_by_name("Atlantis") is None
    assert country_by_name("") is None


def test_codes() -> None:
    assert country_by_iso2("iq").iso3 == "IRQ"  # type: ignore[union-attr]
    assert country_by_iso2("ZZ") is None
    assert countries()["ROU"].cameo == "ROM"
    assert countries()["TLS"].cameo == "TMP"
    assert countries()["MNE"].cameo == "MTN"
    assert countries()["PSE"].cameo == "PSE"
    assert country("ROM").iso3 == "ROU"  # type: ignore[union-attr]
    assert countries()["ETH"].iso_numeric == 231
    assert countries()["IRQ"].capital == "Baghdad"
