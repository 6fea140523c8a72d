"""ACLED's and CAMEO's taxonomies, read from the package's data and checked on load.

Code never writes an ACLED type name: it names it through this module, by a slug of the name in
`acled_taxonomy.csv` (`EVENT.battles` is "Battles", `SUB.armed_clash` is "Armed clash",
`INTER.state_forces` is "State forces"), and names the kinds ACLED's rules give an event by their
row in `events/kinds.csv` (`KIND.protest_with_intervention`). A name that is not in the data
raises `TaxonomyError` the moment it is used, never a silently wrong code; `check_names` resolves
every name the package's source uses, and a test calls it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic.json_schema import JsonDict
from pydantic_core import PydanticCustomError

from coder.dictionaries.files import read_csv_models, register_cache


@dataclass(slots=True)
class EventType:
    """What happened, in both vocabularies."""

    event_type: str = ""  # ACLED event type, "" for CAMEO-only events
    sub_event_type: str = ""
    cameo_code: str = ""


class TaxonomyError(LookupError):
    """A type name or kind that the taxonomy data does not hold."""


class _AcledRow(BaseModel):
    model_config = ConfigDict(extra="ignore")
    disorder_type: str = Field(min_length=1)
    event_type: str = Field(min_length=1)
    sub_event_type: str = Field(min_length=1)


def _blank_is_none(value: object) -> object:
    return None if value == "" else value


class _CameoRow(BaseModel):
    model_config = ConfigDict(extra="ignore")
    code: str = Field(pattern=r"^[0-9]{2,4}$")
    name: str
    quad_class: Annotated[int | None, BeforeValidator(_blank_is_none)] = Field(
        default=None, ge=1, le=4)
    goldstein: Annotated[float | None, BeforeValidator(_blank_is_none)] = Field(
        default=None, ge=-10, le=10)


class _InterRow(BaseModel):
    code: int = Field(ge=1, le=8)
    label: str = Field(min_length=1)


class _KindRow(BaseModel):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    event_type: str
    sub_event_type: str
    cameo_code: str = Field(pattern=r"^[0-9]{2,4}$")

    @model_validator(mode="after")
    def _in_the_taxonomy(self) -> _KindRow:
        message = kind_problem(self.event_type, self.sub_event_type, self.cameo_code)
        if message:
            raise ValueError(message)
        return self


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    quad_class: int | None
    goldstein: float | None


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """ACLED's types in the codebook's order, CAMEO's codes, ACLED's inter labels."""

    disorder_types: tuple[str, ...]
    event_types: tuple[str, ...]
    sub_event_types: tuple[str, ...]
    event_type_of: dict[str, str]  # sub-event type -> event type
    disorder_of: dict[str, str]  # sub-event type -> disorder type
    cameo: dict[str, CameoCode]
    inter_labels: dict[int, str]  # inter code -> label
    kinds: dict[str, tuple[str, str, str]]  # kind name -> (event type, sub-event, CAMEO code)


def slug(name: str) -> str:
    """The identifier code uses for a type name: "Explosions/Remote violence" ->
    "explosions_remote_violence"."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


@register_cache
@lru_cache(maxsize=1)
def _codebooks() -> tuple[list[_AcledRow], dict[str, CameoCode], dict[int, str]]:
    """ACLED's types, CAMEO's codes and ACLED's inter labels, as the data files hold them."""
    acled = read_csv_models("acled_taxonomy.csv", _AcledRow)
    cameo = {r.code: CameoCode(r.code, r.name, r.quad_class, r.goldstein)
             for r in read_csv_models("cameo_codes.csv", _CameoRow)}
    inter = {r.code: r.label for r in read_csv_models("acled_inter.csv", _InterRow)}
    return acled, cameo, inter


@register_cache
@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The packaged taxonomy, loaded once; every kind checked against ACLED's and CAMEO's."""
    acled, cameo, inter = _codebooks()
    kinds = {r.name: (r.event_type, r.sub_event_type, r.cameo_code)
             for r in read_csv_models("events/kinds.csv", _KindRow)}
    return Taxonomy(
        disorder_types=tuple(dict.fromkeys(r.disorder_type for r in acled)),
        event_types=tuple(dict.fromkeys(r.event_type for r in acled)),
        sub_event_types=tuple(r.sub_event_type for r in acled),
        event_type_of={r.sub_event_type: r.event_type for r in acled},
        disorder_of={r.sub_event_type: r.disorder_type for r in acled},
        cameo=cameo,
        inter_labels=inter,
        kinds=kinds,
    )


def kind_problem(event_type: str, sub_event_type: str, cameo_code: str) -> str:
    """Why an (event type, sub-event type, CAMEO code) triple is not in the taxonomy, or "".
    Empty fields are not checked (a CAMEO-only event has no ACLED type)."""
    acled, cameo, _ = _codebooks()
    event_type_of = {r.sub_event_type: r.event_type for r in acled}
    if sub_event_type and sub_event_type not in event_type_of:
        return f"unknown ACLED sub-event type {sub_event_type!r}"
    if sub_event_type and event_type_of[sub_event_type] != event_type:
        return (f"{sub_event_type!r} is a sub-event type of {event_type_of[sub_event_type]!r}, "
                f"not {event_type!r}")
    if event_type and event_type not in event_type_of.values():
        return f"unknown ACLED event type {event_type!r}"
    if cameo_code and cameo_code not in cameo:
        return f"unknown CAMEO code {cameo_code!r}"
    return ""


class _Names:
    """One column's names by slug: `EVENT.battles` is "Battles"; an unknown slug raises."""

    def __init__(self, column: str):
        self._column = column

    def _table(self) -> dict[str, str]:
        return _slug_tables()[self._column]

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            value = self._table()[name]
        except KeyError:
            raise TaxonomyError(f"no {self._column.replace('_', ' ')} named {name!r} in the "
                                "taxonomy data") from None
        # perf: remembered as a plain attribute, so the next use costs no call (hot path)
        self.__dict__[name] = value
        return value

    def cache_clear(self) -> None:
        """Forget the remembered names (the registry calls this when dictionaries change)."""
        column = self._column
        self.__dict__.clear()
        self._column = column

    def all(self) -> tuple[str, ...]:
        """Every name of the column, in the data's order."""
        return tuple(self._table().values())


@register_cache
@lru_cache(maxsize=1)
def _slug_tables() -> dict[str, dict[str, str]]:
    t = taxonomy()
    return {
        "disorder_type": {slug(n): n for n in t.disorder_types},
        "event_type": {slug(n): n for n in t.event_types},
        "sub_event_type": {slug(n): n for n in t.sub_event_types},
        "inter": {slug(n): n for n in t.inter_labels.values()},
    }


class _Kinds:
    """The kinds of `events/kinds.csv` by name: `KIND.mob_violence` is a new `EventType`."""

    def __getattr__(self, name: str) -> EventType:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return EventType(*taxonomy().kinds[name])
        except KeyError:
            raise TaxonomyError(f"no event kind named {name!r} in events/kinds.csv") from None


class _InterCodes:
    """ACLED's inter codes (`acled_inter.csv`) by the slug of their label: `INTER_CODE.civilians`
    is 7."""

    def __getattr__(self, name: str) -> int:
        if name.startswith("__"):
            raise AttributeError(name)
        codes = {slug(label): code for code, label in taxonomy().inter_labels.items()}
        if name not in codes:
            raise TaxonomyError(f"no inter code named {name!r} in acled_inter.csv")
        # perf: remembered as a plain attribute, so the next use costs no call (hot path)
        self.__dict__[name] = codes[name]
        return codes[name]

    def cache_clear(self) -> None:
        """Forget the remembered codes (the registry calls this when dictionaries change)."""
        self.__dict__.clear()


class _InterGroups:
    """The groups of inter codes the rules name: `INTER_GROUP.crowd` (rioters, protesters),
    `crowd_or_civilians`, `non_state_armed` (rebels, political and identity militias) and
    `armed` (those, state forces and external forces)."""

    _MEMBERS = {
        "crowd": ("rioters", "protesters"),
        "crowd_or_civilians": ("rioters", "protesters", "civilians"),
        "non_state_armed": ("rebel_group", "political_militia", "identity_militia"),
        "armed": ("state_forces", "rebel_group", "political_militia", "identity_militia",
                  "external_other_forces"),
    }

    def __getattr__(self, name: str) -> frozenset[int]:
        if name.startswith("__") or name not in self._MEMBERS:
            raise AttributeError(name)
        value = frozenset(getattr(INTER_CODE, n) for n in self._MEMBERS[name])
        self.__dict__[name] = value
        return value

    def cache_clear(self) -> None:
        """Forget the remembered groups (the registry calls this when dictionaries change)."""
        self.__dict__.clear()


DISORDER = register_cache(_Names("disorder_type"))
EVENT = register_cache(_Names("event_type"))
SUB = register_cache(_Names("sub_event_type"))
INTER = register_cache(_Names("inter"))
INTER_CODE = register_cache(_InterCodes())
INTER_GROUP = register_cache(_InterGroups())
KIND = _Kinds()


def taxonomy_field(column: str) -> object:
    """A record field's type: a string that is "" or one of the taxonomy's names in `column`
    ("disorder_type", "event_type", "sub_event_type", "inter"); the JSON Schema lists them."""
    names = {"disorder_type": DISORDER, "event_type": EVENT, "sub_event_type": SUB,
             "inter": INTER}[column]

    def check(value: str) -> str:
        allowed = ("", *names.all())
        if value not in allowed:
            expected = ", ".join(repr(v) for v in allowed[:-1]) + f" or {allowed[-1]!r}"
            raise PydanticCustomError("literal_error", "Input should be {expected}",
                                      {"expected": expected})
        return value

    def schema(field_schema: JsonDict) -> None:
        field_schema["enum"] = ["", *names.all()]

    return Annotated[str, Field(json_schema_extra=schema), AfterValidator(check)]


def check_names(source: str) -> list[str]:
    """Every `EVENT.x`, `SUB.x`, `DISORDER.x`, `INTER.x` and `KIND.x` in `source` that the data
    does not define, as messages."""
    namespaces = {"EVENT": EVENT, "SUB": SUB, "DISORDER": DISORDER, "INTER": INTER, "KIND": KIND}
    problems = []
    for space, name in re.findall(r"\b(EVENT|SUB|DISORDER|INTER|KIND)\.([a-z_][a-z0-9_]*)\b",
                                  source):
        if name == "all" and space != "KIND":
            continue
        try:
            getattr(namespaces[space], name)
        except TaxonomyError as err:
            problems.append(str(err))
    return problems
