"""Row models of the actor dictionaries in `coder/data/actors/`, and the name variants they imply.

Files: `roles.csv` (CAMEO role -> ACLED name template), `agents.csv` (generic agents such as
"police"), `organisations.csv` (named groups, state bodies, IGOs/NGOs, optionally dated),
`people.csv` (office holders with dated terms), `demonyms.csv`, `regimes.csv` (ACLED regime
years), `ethnic_groups.csv` (identities ACLED names militias after) and `words.csv` (small
closed word sets). Country names and capitals come from
`coder.dictionaries.countries`. Every row is a pydantic model;
`coder.stages.actors.dictionary` loads them, checks
cross-file references (a person's group, an agent's role, a country code) and indexes them.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import product
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from coder.dictionaries.files import split_cell

_CODE = r"^[A-Z]{3}(?:[A-Z]{3})*$"
_ISO3_OR_EMPTY = r"^$|^[A-Z]{3}$"
_ROLE_OR_EMPTY = r"^$|^[A-Z]{3}$"


def _empty_to_none(value: object) -> object:
    return None if value == "" else value


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RoleRow(_Row):
    """roles.csv: how a CAMEO role is named in ACLED."""

    role: str = Field(pattern=r"^[A-Z]{3}$")
    name: str = Field(min_length=3)
    unknown: str = Field(min_length=3)  # the name when no country is known
    inter: int = Field(ge=1, le=8)
    kind: str = Field(min_length=2)
    state: bool = False  # a state role: "former" turns it into ELI


class RegimeRow(_Row):
    """regimes.csv: a regime period and its ACLED label ("2020-2022")."""

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    start: dt.date
    end: dt.date | None = None
    label: str = Field(pattern=r"^\d{4}-(\d{4})?$")

    _none = field_validator("end", mode="before")(_empty_to_none)


class AffiliateRow(_Row):
    """affiliates.csv: the local branch a transnational group's name stands for in a country
    ("Islamic State" in Nigeria is ISWAP). `affiliate` is an organisations.csv id, or a name
    with {country} ("Islamic State ({country})") when the branch has no row of its own."""

    group: str = Field(min_length=1)
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    affiliate: str = Field(min_length=1)


class DefaultPerpetratorRow(_Row):
    """default_perpetrators.csv: in a war where only one state strikes from afar, the state whose
    forces an unattributed strike of these sub-event types is coded to."""

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    sub_event_types: list[str]
    state: str = Field(pattern=r"^[A-Z]{3}$")

    _split = field_validator("sub_event_types", mode="before")(split_cell)


class EthnicGroupRow(_Row):
    """ethnic_groups.csv: an ethnic or communal identity ACLED names militias after
    ("Fulani Ethnic Militia (Nigeria)"). `names`: how reports write it; `herders`: countries
    where "herders"/"herdsmen" alone means this group's militia (ACLED's practice for Fulani
    herders in the Sahel and Nigeria)."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    names: list[str] = Field(min_length=1)
    militia: str = Field(min_length=1)  # ACLED name: "Fulani Ethnic Militia ({country})"
    herders: list[str] = Field(default_factory=list)

    _split = field_validator("names", "herders", mode="before")(split_cell)


class IdentityNounRow(_Row):
    """identity_nouns.csv: a noun after an unknown capitalised name that makes the name an
    identity militia ("the Kapkeny clan": Kapkeny Clan Militia). `militia` has {name} and
    {country}."""

    noun: str = Field(pattern=r"^[a-z]+$")
    militia: str = Field(pattern=r"\{name\}.*\{country\}")


WordKind = Literal[
    "locative", "former", "particle", "modifier", "backer", "pro", "not-name", "conjunction",
    "determiner", "spelling", "place-locative", "object-noun", "not-capital", "affiliation",
    "community", "held", "herder", "article", "indefinite", "ethnic-armed", "affiliate-agent",
    "verb-noun",
    "noun-follower", "civil-officer", "civil-qualified", "suspect-agent", "suspect-hedge",
    "crime-word", "suspect-as", "group-verb", "group-before", "origin-from", "origin",
    "not-identity", "group-adjective", "of-link", "definite",
]


class WordRow(_Row):
    """words.csv: one word of a small closed set."""

    kind: WordKind
    word: str = Field(min_length=1)


class DemonymRow(_Row):
    """demonyms.csv: adjectives and plural nouns for a country's people."""

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    demonyms: list[str] = Field(default_factory=list)
    plurals: list[str] = Field(default_factory=list)
    state_form: str = ""  # "the United States" in "Military Forces of the United States"

    _lists = field_validator("demonyms", "plurals", mode="before")(split_cell)


class AgentRow(_Row):
    """agents.csv: a generic kind of actor named by common nouns."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    phrases: list[str] = Field(min_length=1)
    role: str = Field(pattern=r"^[A-Z]{3}$")
    name: str = ""  # overrides the role's ACLED name template
    inter: int | None = Field(default=None, ge=1, le=8)
    kind: str = ""
    assoc: str = ""
    office: str = ""  # an office key of people.csv ("prime-minister")
    title: bool = False  # may stand before a person's name
    inherits: bool = False  # takes the actor of the group named just before it
    alone: bool = True  # may be a mention on its own

    _lists = field_validator("phrases", mode="before")(split_cell)
    _none = field_validator("inter", mode="before")(_empty_to_none)


OrgKind = Literal["group", "party", "government-body", "organisation"]


class OrganisationRow(_Row):
    """organisations.csv: a named group, party, state body, IGO or NGO."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    aliases: list[str] = Field(min_length=1)
    name: str = Field(min_length=2)
    code: str = Field(pattern=_CODE)
    inter: int = Field(ge=1, le=8)
    iso3: str = Field(default="", pattern=_ISO3_OR_EMPTY)
    kind: OrgKind
    start: dt.date | None = None
    end: dt.date | None = None

    _lists = field_validator("aliases", mode="before")(split_cell)
    _none = field_validator("start", "end", mode="before")(_empty_to_none)


class PersonRow(_Row):
    """people.csv: one term of office (or an undated affiliation) of one person."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str = Field(min_length=2)
    variants: list[str] = Field(default_factory=list)
    short: list[str] = Field(default_factory=list)  # [] -> last word of name; ["-"] -> none
    iso3: str = Field(default="", pattern=_ISO3_OR_EMPTY)
    role: str = Field(default="", pattern=_ROLE_OR_EMPTY)
    office: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    org: str = ""  # an organisations.csv id: the person speaks for that group

    _lists = field_validator("variants", "short", mode="before")(split_cell)
    _none = field_validator("start", "end", mode="before")(_empty_to_none)

    @field_validator("org")
    @classmethod
    def _role_or_org(cls, value: str, info) -> str:  # type: ignore[no-untyped-def]
        if not value and not info.data.get("role"):
            raise ValueError("a person row needs a role or an org")
        return value

    def covers(self, day: dt.date) -> bool:
        """True when this row is dated and `day` falls inside it."""
        if self.start is None and self.end is None:
            return False
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


def date_in(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    """True when `day` is inside [start, end] (open ends allowed)."""
    return (start is None or start <= day) and (end is None or day <= end)


# --------------------------------------------------------------------------------------------
# Spelling variants of names
# --------------------------------------------------------------------------------------------

ARTICLE_RE = re.compile(r"^(?:al|el|ul|ad|ar|as|at|az|an|ash|adh)-", re.IGNORECASE)
_DOUBLE_RE = re.compile(r"([a-z])\1")
_MAX_WORD_VARIANTS = 12
_MAX_NAME_VARIANTS = 48


def word_variants(word: str, groups: list[list[str]], *, one_change: bool = False) -> list[str]:
    """Spellings of one name word: article on/off ("al-X", "el-X", "X"), swapped letter groups
    ("dh"/"d"/"z"), doubled letters single. Lower case; the original comes first.

    With `one_change`, each variant differs from the word by one swap at most: a surname standing
    alone is checked against no first name, and two swaps turn "Qaani" into "Kani" (a town)."""
    low = word.lower()
    stem = ARTICLE_RE.sub("", low)
    has_article = stem != low
    out: list[str] = [stem]
    for group in groups:
        pattern = re.compile("|".join(re.escape(g) for g in sorted(group, key=len, reverse=True)))
        for current in [stem] if one_change else list(out):
            if not pattern.search(current):
                continue
            for alt in group:
                candidate = pattern.sub(alt, current)
                if candidate not in out:
                    out.append(candidate)
            if len(out) >= _MAX_WORD_VARIANTS:
                break
    for current in [stem] if one_change else list(out):
        single = _DOUBLE_RE.sub(r"\1", current)
        if single not in out:
            out.append(single)
    out = out[:_MAX_WORD_VARIANTS]
    if has_article:
        out = [f"{a}-{v}" for v in out for a in ("al", "el")] + out
    # the original spelling first, so it survives every cap
    return [low] + [v for v in out if v != low]


def name_variants(name: str, groups: list[list[str]]) -> list[str]:
    """Spellings of a name: the product of its words' variants, capped. A one-word name (a
    surname alone) gets one spelling change at most."""
    words = name.split()
    per_word = [word_variants(w, groups, one_change=len(words) == 1) for w in words]
    out: list[str] = []
    for combo in product(*per_word):
        out.append(" ".join(combo))
        if len(out) >= _MAX_NAME_VARIANTS:
            break
    return out


def alias_case(alias: str) -> int:
    """How a dictionary alias constrains the case of the text: 2 when the alias is an acronym in
    capitals ("IS" never matches "is"), 3 for a mixed-case acronym ("LeT"), 1 when it has any
    capital (a proper name), else 0."""
    letters = [c for c in alias if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return 2
    if " " not in alias and any(c.isupper() for c in alias[1:]) and any(c.islower() for c in alias):
        return 3  # "LeT", "JeM": never the word "Let"
    return 1 if any(c.isupper() for c in letters) else 0
