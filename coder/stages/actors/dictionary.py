"""The actor dictionary: every table of `coder/data/actors/` loaded, cross-checked and indexed,
with one PhraseMatcher over every name (agents, organisations, people with their generated
spelling variants, countries, capitals, demonyms)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from coder.dictionaries.actor_tables import (
    ARTICLE_RE,
    AffiliateRow,
    AgentRow,
    DefaultPerpetratorRow,
    DemonymRow,
    EthnicGroupRow,
    IdentityNounRow,
    OrganisationRow,
    PersonRow,
    RegimeRow,
    RoleRow,
    WordRow,
    alias_case,
    name_variants,
)
from coder.dictionaries.countries import countries
from coder.dictionaries.files import DictionaryError, read_csv_models, register_cache
from coder.problems import Problem
from coder.text.tokens import PhraseMatcher, phrase_key

# "the United States" is stored as "United States": a phrase starting with "the" would make
# every "the" in every sentence start a multi-word lookup
_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)
_INNER_POSSESSIVE_RE = re.compile(r"(?<=\w)(?:'s|s')(?=\s|$)")


EntryKind = Literal[
    "agent", "ethnic", "org", "person", "country", "capital", "demonym", "plural", "identity"
]


@dataclass(slots=True, frozen=True)
class Entry:
    """What a matched phrase names: `ref` is an agent/org/person id or an ISO3 code."""

    kind: EntryKind
    ref: str
    case: int  # 0 any case, 1 some capital, 2 all capitals, 3 an inner capital ("LeT")


# Later kinds win a shared key: a country name beats a demonym spelled the same ("UK"), a
# group's name beats a capital used as its metonym ("Brussels" -> EU).
_PRECEDENCE: tuple[EntryKind, ...] = (
    "agent", "ethnic", "demonym", "plural", "capital", "country", "org", "person",
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
        affiliates: list[AffiliateRow],
        default_perpetrators: list[DefaultPerpetratorRow],
        ethnic_groups: list[EthnicGroupRow],
        identity_nouns: list[IdentityNounRow],
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
        kinds = WordRow.model_fields["kind"].annotation.__args__  # type: ignore[union-attr]
        self.words = {k: frozenset(grouped.get(k, ())) for k in kinds}
        self.spelling = [w.word.lower().split("|") for w in words if w.kind == "spelling"]
        # (iso3, office) -> person rows holding it, for "the prime minister" on a date
        self.offices: dict[tuple[str, str], list[PersonRow]] = defaultdict(list)
        for p in people:
            if p.office and p.role and p.iso3:
                self.offices[(p.iso3, p.office)].append(p)
        self.affiliates = {(a.group, a.iso3): a.affiliate for a in affiliates}
        self.default_perpetrators = {(r.iso3, t): r.state for r in default_perpetrators
                                     for t in r.sub_event_types}
        self.ethnic_groups = {e.id: e for e in ethnic_groups}
        # country -> the group whose militia "herders" names there
        self.herders = {iso3: e.id for e in ethnic_groups for iso3 in e.herders}
        self.identity_nouns = {r.noun: r.militia for r in identity_nouns}
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

    def _check(self) -> list[Problem]:
        """Cross-file references that pydantic cannot see row by row."""
        problems: list[Problem] = []

        def bad(file: str, message: str, value: str) -> None:
            problems.append(Problem("bad_dictionary", message, file=f"{_DIR}/{file}",
                                    value=value))

        for a in self.agents.values():
            if a.role not in self.roles:
                bad("agents.csv", f"{a.id}: role {a.role!r} not in roles.csv", a.role)
        for org_rows in self.organisations.values():
            for o in org_rows:
                if o.iso3 and o.iso3 not in self.countries:
                    bad("organisations.csv", f"{o.id}: unknown country {o.iso3!r}", o.iso3)
        for person_rows in self.people.values():
            for p in person_rows:
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
        for (group, iso3), affiliate in self.affiliates.items():
            if group not in self.organisations:
                bad("affiliates.csv", f"unknown group {group!r}", group)
            if iso3 not in self.countries:
                bad("affiliates.csv", f"unknown country {iso3!r}", iso3)
            if "{" not in affiliate and affiliate not in self.organisations:
                bad("affiliates.csv", f"unknown organisation {affiliate!r}", affiliate)
        for e in self.ethnic_groups.values():
            if "{country}" not in e.militia:
                bad("ethnic_groups.csv", f"{e.id}: the militia name needs {{country}}", e.militia)
            for iso3 in e.herders:
                if iso3 not in self.countries:
                    bad("ethnic_groups.csv", f"{e.id}: unknown country {iso3!r}", iso3)
        for kind in ("ethnic-armed", "affiliate-agent", "suspect-agent", "suspect-as"):
            for word in sorted(self.words[kind] - self.agents.keys()):
                bad("words.csv", f"{kind}: {word!r} is not an agents.csv id", word)
        for (iso3, _), state in self.default_perpetrators.items():
            for code in (iso3, state):
                if code not in self.countries:
                    bad("default_perpetrators.csv", f"unknown country {code!r}", code)
        return problems

    def _build_matcher(self) -> None:
        """`matcher` over every name (later kinds of _PRECEDENCE win a shared key; people's
        short forms never override another name), `possessive` over the names with an inner
        possessive, and the scan tables of coder.stages.actors.pieces."""
        staged = self._staged_names()
        staged["person"], shorts = self._person_phrases()
        for kind in _PRECEDENCE:
            for phrase, entry in staged[kind]:
                self.matcher.add(_THE_RE.sub("", phrase), entry)
        for phrase, entry in shorts:
            self.matcher.add(phrase, entry, overwrite=False)
        # names with a possessive inside ("New People's Army", "Workers' Party") cannot be
        # matched over the separate "'s" token: they get their own matcher, run on tokens
        # with the possessive glued back (see coder.stages.actors.pieces)
        self.possessive: PhraseMatcher[Entry] = PhraseMatcher()
        for kind in _PRECEDENCE:
            for phrase, entry in staged[kind]:
                if _INNER_POSSESSIVE_RE.search(phrase):
                    self.possessive.add(_INNER_POSSESSIVE_RE.sub("s", _THE_RE.sub("", phrase)),
                                        entry)
        self._build_scan()

    def _staged_names(self) -> dict[EntryKind, list[tuple[str, Entry]]]:
        """Every name but people's, by kind: agents' phrases, ethnic names, demonyms and their
        plurals, countries' names, capitals of states, organisations' aliases."""
        staged: dict[EntryKind, list[tuple[str, Entry]]] = defaultdict(list)
        for a in self.agents.values():
            staged["agent"] += [(p, Entry("agent", a.id, 0)) for p in a.phrases]
        for e in self.ethnic_groups.values():
            # a people's name also takes a plural "-s" ("the Maasais", "Kalenjins")
            forms = [*e.names, *(n + "s" for n in e.names if not n.endswith("s"))]
            staged["ethnic"] += [(n, Entry("ethnic", e.id, alias_case(n))) for n in forms]
        for d in self.demonyms.values():
            staged["demonym"] += [(n, Entry("demonym", d.iso3, alias_case(n))) for n in d.demonyms]
            plurals = [n + "s" for n in d.demonyms if n.endswith(("i", "an"))]
            plurals += d.plurals
            staged["plural"] += [(n, Entry("plural", d.iso3, alias_case(n))) for n in plurals]
        names: set[str] = set()
        for c in self.countries.values():
            for n in c.names():
                staged["country"].append((n, Entry("country", c.iso3, alias_case(n))))
                names.add(phrase_key(n))
        # capitals of states only (territories' capitals are small towns or common words:
        # "The Valley", "Hamilton"), and not those listed as "not-capital" ("Male")
        not_capital = self.words["not-capital"]
        for c in self.countries.values():
            key = phrase_key(c.capital)
            if c.iso3 in self.demonyms and key and key not in names and key not in not_capital:
                staged["capital"].append((c.capital, Entry("capital", c.iso3, 1)))
        for rows in self.organisations.values():
            for alias in dict.fromkeys(a for o in rows for a in o.aliases):
                staged["org"].append((alias, Entry("org", rows[0].id, alias_case(alias))))
        return staged

    def _build_scan(self) -> None:
        """perf: the matcher's tables reshaped for the scan of coder.stages.actors.pieces, run
        on every sentence (the longest match of PhraseMatcher.iter_find, without a Match per
        hit). `scan`: each word a name starts with -> (words in its longest name, the name of
        that word alone or None); also "'s" and "'" -> (0, None), so the one pass over the
        sentence finds the possessives too. `possessive_stems`: the words a possessive name can
        start from in the text. A merged word ("People" + "'s" -> "peoples") is a word of some
        name, so the word written before the "'s" is such a word less its appended "s"es; a
        sentence with no such word before a possessive holds no possessive name, and skips the
        merging."""
        names = self.matcher.table.entries
        self.scan: dict[str, tuple[int, Entry | None]] = {
            w: (n, names.get(w)) for w, n in self.matcher.first_words.items()}
        self.scan.update({"'s": (0, None), "'": (0, None)})
        self.possessive_stems: frozenset[str] = frozenset(
            w[:len(w) - m] for key, _ in self.possessive.items() for w in key.split(" ")
            for m in range(len(w) - len(w.rstrip("s")) + 1) if m < len(w))

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
            article = any(ARTICLE_RE.match(w) for n in spellings for w in n.split())
            for r in rows:
                forms = r.short or [r.name.split()[-1]]
                for s in forms:
                    if s == "-":
                        continue
                    for v in name_variants(s, self.spelling):
                        shorts[phrase_key(v)].add(pid)
                        if article and " " not in v and not ARTICLE_RE.match(v):
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
        ("affiliates", "affiliates.csv", AffiliateRow),
        ("default_perpetrators", "default_perpetrators.csv", DefaultPerpetratorRow),
        ("ethnic_groups", "ethnic_groups.csv", EthnicGroupRow),
        ("identity_nouns", "identity_nouns.csv", IdentityNounRow),
    ):
        try:
            tables[key] = read(name, model)
        except DictionaryError as err:  # keep reading: report every broken file at once
            problems += err.problems
    if problems:
        raise DictionaryError(problems)
    return ActorDictionary(**tables)
