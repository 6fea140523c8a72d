"""The actor dictionaries in `coder/data/actors/`, validated, and the name variants they imply.

Files: `roles.csv` (CAMEO role -> ACLED name template), `agents.csv` (generic agents such as
"police"), `organisations.csv` (named groups, state bodies, IGOs/NGOs, optionally dated),
`people.csv` (office holders with dated terms), `demonyms.csv`, `regimes.csv` (ACLED regime
years) and `words.csv` (small closed word sets). Country names and capitals come from
`coder.countries`. Every row is a pydantic model; cross-file references (a person's group, an
agent's role, a country code) are checked after loading and reported together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from coder.countries import countries
from coder.dictionaries import DictionaryError, read_csv_models, register_cache, split_list
from coder.models import Problem
from coder.text import PhraseMatcher, phrase_key

_CODE = r"^[A-Z]{3}(?:[A-Z]{3})*$"
_ISO3_OR_EMPTY = r"^$|^[A-Z]{3}$"
_ROLE_OR_EMPTY = r"^$|^[A-Z]{3}$"


def _empty_to_none(value: object) -> object:
    return None if value == "" else value


def _to_list(value: object) -> object:
    return split_list(value) if isinstance(value, str) else value


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RoleRow(_Row):
    """roles.csv: how a CAMEO role is named in ACLED."""

    role: str = Field(pattern=r"^[A-Z]{3}$")
    name: str = Field(min_length=3)
    unknown: str = Field(min_length=3)  # the name when no country is known
    inter: int = Field(ge=1, le=8)
    kind: str = Field(min_length=2)


class RegimeRow(_Row):
    """regimes.csv: a regime period and its ACLED label ("2020-2022")."""

    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    start: dt.date
    end: dt.date | None = None
    label: str = Field(pattern=r"^\d{4}-(\d{4})?$")

    _none = field_validator("end", mode="before")(_empty_to_none)


WordKind = Literal[
    "locative", "former", "particle", "modifier", "backer", "pro", "not-name", "conjunction",
    "determiner", "spelling",
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

    _lists = field_validator("demonyms", "plurals", mode="before")(_to_list)


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

    _lists = field_validator("phrases", mode="before")(_to_list)
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

    _lists = field_validator("aliases", mode="before")(_to_list)
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

    _lists = field_validator("variants", "short", mode="before")(_to_list)
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

_ARTICLE_RE = re.compile(r"^(?:al|el|ul|ad|ar|as|at|az|an|ash|adh)-", re.IGNORECASE)
_DOUBLE_RE = re.compile(r"([a-z])\1")
# "the United States" is stored as "United States": a phrase starting with "the" would make
# every "the" in every sentence start a multi-word lookup
_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
_MAX_WORD_VARIANTS = 12
_MAX_NAME_VARIANTS = 48


def word_variants(word: str, groups: list[list[str]]) -> list[str]:
    """Spellings of one name word: article on/off ("al-X", "el-X", "X"), swapped letter groups
    ("dh"/"d"/"z"), doubled letters single. Lower case; the original comes first."""
    low = word.lower()
    stem = _ARTICLE_RE.sub("", low)
    has_article = stem != low
    out: list[str] = [stem]
    for group in groups:
        pattern = re.compile("|".join(re.escape(g) for g in sorted(group, key=len, reverse=True)))
        for current in list(out):
            if not pattern.search(current):
                continue
            for alt in group:
                candidate = pattern.sub(alt, current)
                if candidate not in out:
                    out.append(candidate)
            if len(out) >= _MAX_WORD_VARIANTS:
                break
    for current in list(out):
        single = _DOUBLE_RE.sub(r"\1", current)
        if single not in out:
            out.append(single)
    out = out[:_MAX_WORD_VARIANTS]
    if has_article:
        out = [f"{a}-{v}" for v in out for a in ("al", "el")] + out
    # the original spelling first, so it survives every cap
    return [low] + [v for v in out if v != low]


def name_variants(name: str, groups: list[list[str]]) -> list[str]:
    """Spellings of a multi-word name: the product of its words' variants, capped."""
    words = name.split()
    per_word = [word_variants(w, groups) for w in words]
    out: list[str] = []
    for combo in product(*per_word):
        out.append(" ".join(combo))
        if len(out) >= _MAX_NAME_VARIANTS:
            break
    return out


def alias_case(alias: str) -> int:
    """How a dictionary alias constrains the case of the text: 2 when the alias is an acronym in
    capitals ("IS" never matches "is"), 1 when it has any capital (a proper name), else 0."""
    letters = [c for c in alias if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return 2
    return 1 if any(c.isupper() for c in letters) else 0


# --------------------------------------------------------------------------------------------
# The loaded dictionary
# --------------------------------------------------------------------------------------------

EntryKind = Literal["agent", "org", "person", "country", "capital", "demonym", "plural"]


@dataclass(slots=True, frozen=True)
class Entry:
    """What a matched phrase names: `ref` is an agent/org/person id or an ISO3 code."""

    kind: EntryKind
    ref: str
    case: int  # 0 any case, 1 some capital needed, 2 all capitals (acronyms)


# Later kinds win a shared key: a country name beats a demonym spelled the same ("UK"), a
# group's name beats a capital used as its metonym ("Brussels" -> EU).
_PRECEDENCE: tuple[EntryKind, ...] = (
    "agent", "demonym", "plural", "capital", "country", "org", "person",
)


class ActorDictionary:
    """All actor tables, indexed, and one PhraseMatcher over every name they contain."""

    def __init__(
        self,
        roles: list[RoleRow],
        agents: list[AgentRow],
        organisations: list[OrganisationRow],
        people: list[PersonRow],
        demonyms: list[DemonymRow],
        regimes: list[RegimeRow],
        words: list[WordRow],
    ) -> None:
        self.roles = {r.role: r for r in roles}
        self.agents = {a.id: a for a in agents}
        self.organisations: dict[str, list[OrganisationRow]] = defaultdict(list)
        for o in organisations:
            self.organisations[o.id].append(o)
        self.people: dict[str, list[PersonRow]] = defaultdict(list)
        for p in people:
            self.people[p.id].append(p)
        self.demonyms = {d.iso3: d for d in demonyms}
        self.regimes: dict[str, list[RegimeRow]] = defaultdict(list)
        for r in regimes:
            self.regimes[r.iso3].append(r)
        self.words: dict[str, frozenset[str]] = {}
        grouped: dict[str, set[str]] = defaultdict(set)
        for w in words:
            grouped[w.kind].add(w.word.lower())
        self.words = {k: frozenset(v) for k, v in grouped.items()}
        self.spelling = [w.word.lower().split("|") for w in words if w.kind == "spelling"]
        # (iso3, office) -> person rows holding it, for "the prime minister" on a date
        self.offices: dict[tuple[str, str], list[PersonRow]] = defaultdict(list)
        for p in people:
            if p.office and p.role and p.iso3:
                self.offices[(p.iso3, p.office)].append(p)
        self.countries = countries()
        self.problems = self._check()
        if self.problems:
            raise DictionaryError(self.problems)
        self.matcher: PhraseMatcher[Entry] = PhraseMatcher()
        self._build_matcher()

    @classmethod
    def load(cls) -> ActorDictionary:
        """The packaged (and user) actor dictionaries; cached, validated, raises DictionaryError."""
        return _load()

    def words_of(self, kind: str) -> frozenset[str]:
        return self.words.get(kind, frozenset())

    def _check(self) -> list[Problem]:
        """Cross-file references that pydantic cannot see row by row."""
        problems: list[Problem] = []

        def bad(file: str, message: str, value: str) -> None:
            problems.append(Problem("bad_dictionary", message, file=f"{_DIR}/{file}",
                                    value=value))

        for a in self.agents.values():
            if a.role not in self.roles:
                bad("agents.csv", f"{a.id}: role {a.role!r} not in roles.csv", a.role)
        for rows in self.organisations.values():
            for o in rows:
                if o.iso3 and o.iso3 not in self.countries:
                    bad("organisations.csv", f"{o.id}: unknown country {o.iso3!r}", o.iso3)
        for rows in self.people.values():
            for p in rows:
                if p.iso3 and p.iso3 not in self.countries:
                    bad("people.csv", f"{p.id}: unknown country {p.iso3!r}", p.iso3)
                if p.role and p.role not in self.roles:
                    bad("people.csv", f"{p.id}: role {p.role!r} not in roles.csv", p.role)
                if p.role and not p.iso3:
                    bad("people.csv", f"{p.id}: a role needs a country", p.role)
                if p.org and p.org not in self.organisations:
                    bad("people.csv", f"{p.id}: unknown org {p.org!r}", p.org)
        for d in self.demonyms.values():
            if d.iso3 not in self.countries:
                bad("demonyms.csv", f"unknown country {d.iso3!r}", d.iso3)
        return problems

    def _build_matcher(self) -> None:
        staged: dict[EntryKind, list[tuple[str, Entry]]] = defaultdict(list)
        for a in self.agents.values():
            staged["agent"] += [(p, Entry("agent", a.id, 0)) for p in a.phrases]
        for d in self.demonyms.values():
            staged["demonym"] += [(n, Entry("demonym", d.iso3, alias_case(n))) for n in d.demonyms]
            plurals = [n + "s" for n in d.demonyms if n.endswith(("i", "an")) and " " not in n]
            plurals += d.plurals
            staged["plural"] += [(n, Entry("plural", d.iso3, alias_case(n))) for n in plurals]
        names: set[str] = set()
        for c in self.countries.values():
            for n in c.names():
                staged["country"].append((n, Entry("country", c.iso3, alias_case(n))))
                names.add(phrase_key(n))
        for c in self.countries.values():
            if c.capital and phrase_key(c.capital) not in names:
                staged["capital"].append((c.capital, Entry("capital", c.iso3, 1)))
        for rows in self.organisations.values():
            for alias in dict.fromkeys(a for o in rows for a in o.aliases):
                staged["org"].append((alias, Entry("org", rows[0].id, alias_case(alias))))
        staged["person"], shorts = self._person_phrases()
        for kind in _PRECEDENCE:
            for phrase, entry in staged[kind]:
                self.matcher.add(_THE_RE.sub("", phrase), entry)
        for phrase, entry in shorts:
            self.matcher.add(phrase, entry, overwrite=False)

    def _person_phrases(self) -> tuple[list[tuple[str, Entry]], list[tuple[str, Entry]]]:
        """Full names and variants, then unambiguous short forms (not overriding other names)."""
        full: list[tuple[str, Entry]] = []
        shorts: dict[str, set[str]] = defaultdict(set)
        for pid, rows in self.people.items():
            spellings = dict.fromkeys(n for r in rows for n in (r.name, *r.variants))
            for n in spellings:
                for v in name_variants(n, self.spelling):
                    full.append((v, Entry("person", pid, 1)))
            # "al-Kadhimi" gives the short form "Kadhimi" its article too
            article = any(_ARTICLE_RE.match(w) for n in spellings for w in n.split())
            for r in rows:
                forms = r.short or [r.name.split()[-1]]
                for s in forms:
                    if s == "-":
                        continue
                    for v in name_variants(s, self.spelling):
                        shorts[phrase_key(v)].add(pid)
                        if article and " " not in v and not _ARTICLE_RE.match(v):
                            shorts[phrase_key(f"al-{v}")].add(pid)
                            shorts[phrase_key(f"el-{v}")].add(pid)
        full = list(dict(full).items())  # one entry per spelling
        # a short form shared by two people is ambiguous; added last, it never overrides
        unique = [(k, Entry("person", next(iter(p)), 1)) for k, p in shorts.items() if len(p) == 1]
        return full, unique


_DIR = "coder/data/actors"


@register_cache
@lru_cache(maxsize=1)
def _load() -> ActorDictionary:
    def read(name: str, model):  # type: ignore[no-untyped-def]
        return read_csv_models(f"actors/{name}", model)

    problems: list[Problem] = []
    tables = {}
    for key, name, model in (
        ("roles", "roles.csv", RoleRow), ("agents", "agents.csv", AgentRow),
        ("organisations", "organisations.csv", OrganisationRow),
        ("people", "people.csv", PersonRow), ("demonyms", "demonyms.csv", DemonymRow),
        ("regimes", "regimes.csv", RegimeRow), ("words", "words.csv", WordRow),
    ):
        try:
            tables[key] = read(name, model)
        except DictionaryError as err:  # keep reading: report every broken file at once
            problems += err.problems
    if problems:
        raise DictionaryError(problems)
    return ActorDictionary(**tables)
