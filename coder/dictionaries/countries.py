"""Countries and territories: ISO codes, ACLED names and regions, CAMEO codes, aliases.

The table is `coder/data/countries.csv` (one row per ISO 3166 country or territory). Lookups by
name are case- and accent-insensitive: every name, ACLED name, alias and ISO code is keyed with
`phrase_key`, so "Côte d'Ivoire", "cote d'ivoire" and "CIV" all find Ivory Coast.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from coder.dictionaries.files import PipeList, read_csv_models, register_cache
from coder.text.tokens import phrase_key

COUNTRIES_FILE = "countries.csv"
REGIONS_FILE = "acled_regions.csv"


class Region(BaseModel):
    """One row of acled_regions.csv: a region ACLED files countries under."""

    region: str = Field(min_length=2)


@register_cache
@lru_cache(maxsize=1)
def acled_regions() -> frozenset[str]:
    """The ACLED region names (acled_regions.csv)."""
    return frozenset(r.region for r in read_csv_models(REGIONS_FILE, Region))


class Country(BaseModel):
    """One row of countries.csv."""

    model_config = ConfigDict(frozen=True)

    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    iso_numeric: int | None = Field(default=None, ge=0, le=999)
    name: str = Field(min_length=2)
    acled_name: str = Field(min_length=2)
    region: str
    capital: str = ""
    cameo: str = Field(pattern=r"^[A-Z]{3}$")
    aliases: PipeList = Field(default_factory=list)

    @field_validator("iso_numeric", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("region")
    @classmethod
    def _known_region(cls, value: str) -> str:
        if value not in acled_regions():
            raise ValueError(f"not an ACLED region: {value!r}")
        return value

    def names(self) -> list[str]:
        """Every name this country is written as: name, ACLED name, then aliases."""
        out = [self.name]
        for n in (self.acled_name, *self.aliases):
            if n not in out:
                out.append(n)
        return out


@register_cache
@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """All countries keyed by ISO alpha-3; raises DictionaryError on invalid rows."""
    # a user override file is read after the packaged one, so its row for a code wins
    return {row.iso3: row for row in read_csv_models(COUNTRIES_FILE, Country)}


@register_cache
@lru_cache(maxsize=1)
def _by_iso2() -> dict[str, Country]:
    return {c.iso2: c for c in countries().values()}


@register_cache
@lru_cache(maxsize=1)
def _by_cameo() -> dict[str, Country]:
    return {c.cameo: c for c in countries().values()}


@register_cache
@lru_cache(maxsize=1)
def country_name_index() -> dict[str, Country]:
    """phrase_key of every name, alias and code -> Country (first writer wins for names)."""
    index: dict[str, Country] = {}
    for c in countries().values():
        for n in c.names():
            index.setdefault(phrase_key(n), c)
    # codes come last so a name never loses to a code ("CAR" the alias vs a code)
    for c in countries().values():
        for code in (c.iso3, c.iso2, c.cameo):
            index.setdefault(code.lower(), c)
    return index


def country(iso3: str) -> Country | None:
    """The country with this ISO alpha-3 (or CAMEO) code, or None."""
    code = iso3.upper()
    return countries().get(code) or _by_cameo().get(code)


def country_by_iso2(code: str) -> Country | None:
    """The country with this ISO alpha-2 code, or None."""
    return _by_iso2().get(code.upper())


def country_by_name(name: str) -> Country | None:
    """The country named `name` (name, ACLED name, alias or ISO/CAMEO code), or None."""
    key = phrase_key(name)
    if key.startswith("the "):
        found = country_name_index().get(key)
        return found or country_name_index().get(key[4:])
    return country_name_index().get(key)
