"""Dictionary entries resolved to actors on a date: people, organisations, generic agents.

An office holder is their office's actor (Government of X / XXXGOV) only inside a term of
people.csv, a former official (ELI) outside it; a group with dated rows (the Taliban before and
after August 2021) takes the row in force; ACLED names are filled from the templates of
roles.csv with the country's ACLED name and, where regimes.csv knows it, the regime years.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache

from coder.dictionaries.actor_tables import AgentRow, OrganisationRow, PersonRow
from coder.dictionaries.files import register_cache
from coder.dictionaries.taxonomy import INTER_GROUP
from coder.models import Actor, ActorMention
from coder.stages.actors.dictionary import ActorDictionary


def is_state_role(role: str) -> bool:
    """A role that "former" turns into ELI (a former minister is no longer the government):
    the `state` column of roles.csv."""
    row = ActorDictionary.load().roles.get(role)
    return row is not None and row.state


@register_cache
@lru_cache(maxsize=4096)
def _regime_label(iso3: str, day: dt.date | None) -> str:
    if day is None:
        return ""
    for r in ActorDictionary.load().regimes.get(iso3, ()):
        if r.start <= day and (r.end is None or day <= r.end):
            return f" ({r.label})"
    return ""


@register_cache
@lru_cache(maxsize=8192)
def _render(template: str, iso3: str, years: str) -> str:
    """Fill an ACLED name template for a country; without a country, drop the country part."""
    d = ActorDictionary.load()
    c = d.countries.get(iso3) if iso3 else None
    if c is None:
        return template.replace(" ({country})", "").replace(" of {state}{years}", "").strip()
    dem = d.demonyms.get(iso3)
    state = dem.state_form if dem is not None and dem.state_form else c.acled_name
    return template.format(state=state, country=c.acled_name, years=years)


def cameo(iso3: str) -> str:
    c = ActorDictionary.load().countries.get(iso3) if iso3 else None
    return c.cameo if c is not None else ""


def role_actor(role: str, iso3: str, day: dt.date | None, *, name: str = "",
               inter: int | None = None, kind: str = "", assoc: str = "") -> Actor:
    """The actor of a CAMEO role in a country (or none) on a date, named by its template."""
    return Actor(*_role_fields(role, iso3, day, name, inter, kind, assoc))


@register_cache
@lru_cache(maxsize=16384)
def _role_fields(role: str, iso3: str, day: dt.date | None, name: str, inter: int | None,
                 kind: str, assoc: str) -> tuple[str, str, int, str, str, str]:
    d = ActorDictionary.load()
    row = d.roles[role]
    template = name or row.name
    if iso3 and iso3 in d.countries:
        actor_name = _render(template, iso3, _regime_label(iso3, day))
        code = cameo(iso3) + role
    else:
        actor_name = _render(template, "", "") if name else row.unknown
        iso3, code = "", ""
    return (actor_name, code, inter or row.inter, iso3, kind or row.kind,
            _render(assoc, iso3, "") if assoc else "")


def agent_actor(agent: AgentRow, iso3: str, day: dt.date | None, former: bool = False) -> Actor:
    """A generic agent ("police") of a country (or none) on a date."""
    if former and is_state_role(agent.role):
        return role_actor("ELI", iso3, day)
    # perf: role_actor's body, without its keyword arguments (every generic agent comes here)
    return Actor(*_role_fields(agent.role, iso3, day, agent.name, agent.inter, agent.kind,
                               agent.assoc))


def _org_row(rows: list[OrganisationRow], day: dt.date | None) -> OrganisationRow:
    if day is None:  # no date: the current row (open end), else the latest
        return next((r for r in rows if r.end is None), rows[-1])
    for r in rows:
        if (r.start is None or r.start <= day) and (r.end is None or day <= r.end):
            return r
    return rows[0] if rows[0].start and day < rows[0].start else rows[-1]


def organisation_actor(org_id: str, day: dt.date | None) -> Actor:
    """A named organisation on a date (the Taliban are a rebel group before August 2021)."""
    row = _org_row(ActorDictionary.load().organisations[org_id], day)
    name = row.name
    if "{" in name:
        name = _render(name, row.iso3, _regime_label(row.iso3, day))
    return Actor(name, row.code, row.inter, row.iso3, row.kind)


def _person_row(rows: list[PersonRow], day: dt.date | None) -> PersonRow | None:
    """The row in force on `day`; None means a former official (no term covers the date)."""
    if day is None:
        dated = [r for r in rows if r.dated]
        if dated:
            return max(dated, key=lambda r: r.start or dt.date.min)
        return rows[0]
    for r in rows:
        if r.covers(day):
            return r
    return next((r for r in rows if not r.dated), None)


def person_actor(person_id: str, day: dt.date | None, former: bool = False) -> Actor:
    """A person on a date: their office's actor while in office, their group, or ELI."""
    return Actor(*_person_fields(person_id, day, former))


_ActorFields = tuple[str, str, int | None, str, str, str]


@register_cache
@lru_cache(maxsize=16384)
def _person_fields(person_id: str, day: dt.date | None, former: bool) -> _ActorFields:
    """The fields of person_actor's Actor (perf: a person is named in sentence after sentence;
    the Actor is mutable, so each call builds its own from these)."""
    rows = ActorDictionary.load().people[person_id]
    row = _person_row(rows, day)
    if row is None:  # outside every term: a former official
        iso3 = next((r.iso3 for r in reversed(rows) if r.iso3), "")
        actor = role_actor("ELI", iso3, day)
    elif row.org:
        actor = organisation_actor(row.org, day)
        return actor.name, actor.code, actor.inter, actor.country, actor.kind, actor.assoc
    elif former and is_state_role(row.role):
        actor = role_actor("ELI", row.iso3, day)
    else:
        actor = role_actor(row.role, row.iso3, day)
    return actor.name, actor.code, actor.inter, actor.country, "person", actor.assoc


def office_holder(iso3: str, office: str, day: dt.date | None) -> str:
    """The id of the person holding `office` in `iso3` on `day`, or ""."""
    if day is None or not iso3:
        return ""
    for r in ActorDictionary.load().offices.get((iso3, office), ()):
        if r.covers(day):
            return r.id
    return ""


def ethnic_actor(group: str, iso3: str, day: dt.date | None) -> Actor:
    """The identity militia of an ethnic or clan group (ethnic_groups.csv) in a country."""
    row = ActorDictionary.load().ethnic_groups[group]
    return role_actor("UAF", iso3, day, name=row.militia, inter=4, kind="militia")


def identity_actor(ref: str, iso3: str, day: dt.date | None) -> Actor:
    """The identity militia of a group the dictionaries do not know, from its piece's ref
    "<noun>:<name>" (coder.stages.actors.identities): "clan:Kapkeny" is Kapkeny Clan Militia."""
    noun, name = ref.split(":", 1)
    template = ActorDictionary.load().identity_nouns[noun].replace("{name}", name)
    return role_actor("UAF", iso3, day, name=template, inter=4, kind="militia")


def identity_label(group: str, iso3: str) -> str:
    """ACLED's associated-actor label of an ethnic group's civilians: "Garre Ethnic Group
    (Kenya)" beside the militia "Garre Ethnic Militia (Kenya)"; "" for clan militias."""
    militia = ActorDictionary.load().ethnic_groups[group].militia
    if " Ethnic Militia " not in militia:
        return ""
    return _render(militia.replace(" Ethnic Militia ", " Ethnic Group "), iso3, "")


def identity_of(found: tuple[Actor, str] | None, group: str,
                iso3: str) -> tuple[Actor, str] | None:
    """ "Garre villagers": civilians (or a crowd) with their ethnic group as associated actor."""
    if found is None:
        return None
    actor, rule = found
    identified = INTER_GROUP.crowd_or_civilians  # named by who they are, not what they do
    if actor.inter not in identified or actor.assoc or not rule.startswith("agents:"):
        return found
    return replace(actor, assoc=identity_label(group, iso3)), f"{rule}:ethnic:{group}"


_IDENTITY_RULE = "identity:"  # rule id prefix of an unknown group's militia (mentions.py)


def with_country(mention: ActorMention, iso3: str, day: dt.date | None) -> ActorMention:
    """The same mention with `iso3` as its country when it is a generic agent that had none
    (used once the event's country is known)."""
    rule = mention.rule_id
    if rule.startswith("organisations:"):
        return _local_branch(mention, iso3, day)
    if mention.actor.country:
        return mention
    if rule.startswith("ethnic:"):
        return ActorMention(mention.span, ethnic_actor(rule.split(":")[1], iso3, day), rule,
                            mention.coreferent)
    if rule.startswith(_IDENTITY_RULE):
        return ActorMention(mention.span, identity_actor(rule[len(_IDENTITY_RULE):], iso3, day),
                            rule, mention.coreferent)
    if not rule.startswith("agents:"):
        return mention
    d = ActorDictionary.load()
    agent = d.agents.get(rule.split(":")[1])
    if agent is None:
        return mention
    group = d.herders.get(iso3)
    if group and mention.span.text.lower().rsplit(" ", 1)[-1] in d.words["herder"]:
        # "suspected herders" in Nigeria or Mali: ACLED's Fulani ethnic militia
        return ActorMention(mention.span, ethnic_actor(group, iso3, day),
                            f"ethnic:{group}:herders", mention.coreferent)
    actor = agent_actor(agent, iso3, day)
    if ":ethnic:" in rule and not actor.assoc:  # "Garre villagers"
        actor.assoc = identity_label(rule.rsplit(":", 1)[1], iso3)
    return ActorMention(mention.span, actor, rule, mention.coreferent)


def _local_branch(mention: ActorMention, iso3: str, day: dt.date | None) -> ActorMention:
    """ "Islamic State" in an event in Nigeria is ISWAP (affiliates.csv)."""
    d = ActorDictionary.load()
    group = mention.rule_id.split(":")[1]
    affiliate = d.affiliates.get((group, iso3))
    if affiliate is None:
        return mention
    if affiliate in d.organisations:
        actor = organisation_actor(affiliate, day)
        rule = f"organisations:{affiliate}"
    else:
        actor = replace(mention.actor, name=affiliate.format(country=d.countries[iso3].acled_name),
                        country=iso3)
        rule = mention.rule_id
    return ActorMention(mention.span, actor, f"{rule}:affiliate", mention.coreferent)
