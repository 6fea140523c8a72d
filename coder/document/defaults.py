"""ACLED's default actors: the unknown perpetrator, the crowd, the victims, the other side.

ACLED names every side of an event, even one the report leaves out: an unnamed attacker is an
unidentified armed group (or the state where one state alone uses the weapon), a crowd is
protesters or rioters, an attack's unnamed victims are civilians of the country.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from coder.dictionaries.taxonomy import EVENT, INTER_CODE, INTER_GROUP, KIND, SUB
from coder.document.crowds import (
    crowds_fighting,
    demonstration_sides,
    drop_grievance,
    force_against_crowd,
    force_at_riot,
    force_in_later_sentence,
    rival_crowds,
)
from coder.document.model import DocEvent, resolve_event_date
from coder.document.perpetrators import armed_perpetrator, arresting_force, rival_crowd
from coder.document.place_militias import place_militias
from coder.document.sides import event_sentences, generic_actor, sentence_actors
from coder.document.words import document_words
from coder.models import Actor, ActorMention, EventMention, Span
from coder.stages.actors import (
    ActorDictionary,
    find_actors,
    identity_label,
    person_actor,
    with_country,
)
from coder.stages.events import SentenceAnalysis, armed_victims, tokenized
from coder.text.tokens import tokenize

__all__ = ["country_of", "default_opponent", "fill_default_actors", "generic_actor",
           "people_on_event_day"]

def country_of(ev: DocEvent, fallback: str) -> str:
    """The country where the event happened: its place's, else `fallback`."""
    m = ev.mention
    if m.place is not None and m.place.place.iso3:
        return m.place.place.iso3
    return fallback


def _victims_armed(ev: DocEvent) -> list[bool]:
    """For each casualty figure of the event: whether its victims are soldiers, police or
    fighters."""
    # "no reports of casualties" (a zero) names no victims
    return [armed_victims(c.victims)
            for group in (*ev.fatalities.values(), *ev.injuries.values()) for c in group
            if c.value > 0]


def _unarmed_victims(ev: DocEvent) -> bool:
    """Casualties were reported and none of them as soldiers, police or fighters."""
    armed = _victims_armed(ev)
    return bool(armed) and not any(armed)


def _armed_victims_only(ev: DocEvent) -> bool:
    """Casualties were reported and all of them as soldiers, police or fighters."""
    armed = _victims_armed(ev)
    return bool(armed) and all(armed)


def default_opponent(ev: DocEvent, context_country: str, day: dt.date | None) -> None:
    """The other side of an event the text names one side of: the state's forces or a known
    enemy where the war says who (`_known_opponent`), else, in a battle, an unnamed enemy."""
    _known_opponent(ev, context_country, day)
    _unnamed_enemy(ev, context_country, day)


def _known_opponent(ev: DocEvent, context_country: str, day: dt.date | None) -> None:
    """A non-state group that takes a town fights the state's forces for it, unless the text
    names another defender."""
    m = ev.mention
    if m.actor2 is not None or m.actor1 is None:
        return
    iso3 = country_of(ev, context_country)
    if not iso3:
        return
    a1 = m.actor1.actor
    if (m.kind.sub_event_type == SUB.non_state_actor_overtakes_territory
            and a1.inter != INTER_CODE.state_forces):
        m.actor2 = generic_actor("troops", iso3, day)
        return
    if a1.inter != INTER_CODE.state_forces or m.kind.event_type not in {
            EVENT.battles, EVENT.explosions_remote_violence}:
        return
    if a1.country and a1.country != iso3 and (
        m.kind.event_type == EVENT.battles or _armed_victims_only(ev)
    ):
        # a foreign state's forces fighting or shelling soldiers in a country: that
        # country's forces are the other side ("Azerbaijani troops fired on positions in ...")
        m.actor2 = generic_actor("troops", iso3, day)
        return
    enemy = ActorDictionary.load().default_perpetrators.get((iso3, m.kind.sub_event_type))
    if enemy and a1.country == iso3 and m.kind.event_type == EVENT.battles:
        # "Ukrainian forces retook the village": in a war with one foreign enemy, that enemy
        m.actor2 = generic_actor("troops", enemy, day)


def _unnamed_enemy(ev: DocEvent, context_country: str, day: dt.date | None) -> None:
    """ACLED: a battle always has two sides. The side a clash report leaves unnamed is an
    unidentified armed group ("police exchanged fire with gunmen"; "a clash between armed
    groups"), or, against a communal militia, another communal militia."""
    m = ev.mention
    if m.actor2 is not None or m.actor1 is None or m.kind.event_type != EVENT.battles:
        return
    iso3 = country_of(ev, context_country)
    if not iso3:
        return
    fallen = _fallen_force(ev, iso3, day)
    if fallen is not None and fallen.actor.name != m.actor1.actor.name:
        m.actor2 = fallen  # "a policeman was wounded": the police were the other side
    else:
        communal = m.actor1.actor.inter == INTER_CODE.identity_militia
        m.actor2 = generic_actor("communal-militia" if communal else "gunmen", iso3, day)
        if communal and m.actor1.rule_id.startswith("agents:"):  # unnamed militias, one kind
            m.actor2.actor = replace(m.actor1.actor, assoc="")
    m.rule_ids.append("defaults:unnamed-enemy")


def _fallen_force(ev: DocEvent, iso3: str, day: dt.date | None) -> ActorMention | None:
    """The state force the event's casualty figures name as its dead or wounded ("two police
    officers were killed", "a soldier was wounded"), if any."""
    forces = document_words()["force_kind"]
    for group in (*ev.fatalities.values(), *ev.injuries.values()):
        for c in group:
            if c.value <= 0 or not c.victims:
                continue
            for a in find_actors(tokenize(c.victims), c.victims, day, iso3):
                if a.actor.inter == INTER_CODE.state_forces and a.actor.kind in forces:
                    return ActorMention(Span(-1, -1, ""), a.actor, a.rule_id + ":casualties")
    return None


def people_on_event_day(ev: DocEvent, anchor: dt.date | None) -> None:
    """People were resolved on the report's date; an event days earlier takes them as they were
    on its own day ("detained President Bazoum" on the coup's day: still the government)."""
    m = ev.mention
    if anchor is None or m.date_expression is None:
        return
    if not any(a is not None and a.rule_id.startswith("people:") for a in (m.actor1, m.actor2)):
        return
    resolved = resolve_event_date(ev, anchor)
    if resolved is None or resolved.date >= anchor:
        return
    for side in ("actor1", "actor2"):
        a = getattr(m, side)
        if a is not None and a.rule_id.startswith("people:") and a.actor.code.endswith("ELI"):
            actor = person_actor(a.rule_id.split(":", 1)[1], resolved.date)
            setattr(m, side, ActorMention(a.span, actor, a.rule_id, a.coreferent))


def fill_default_actors(ev: DocEvent, context_country: str, day: dt.date | None,
                        analyses: list[SentenceAnalysis]) -> None:
    """Every side ACLED names that the text left out, and the sides as ACLED orders them.
    `analyses` are the document's sentences, as the document step read them."""
    m = ev.mention
    iso3 = country_of(ev, context_country)
    if iso3:
        _localise_agents(m, iso3, day)
    if ev.family == "verbal":
        return
    if ev.family == "demo":
        drop_grievance(m)
        force_in_later_sentence(ev, iso3, day, analyses)
        force_at_riot(ev, iso3, day, analyses)
    if m.kind.sub_event_type == SUB.excessive_force_against_protesters:
        force_against_crowd(m, iso3)
        return
    crowds_fighting(ev, iso3, analyses)
    demonstration_sides(m, iso3)
    _attack_on_a_force(ev, iso3, day)
    _blamed_group(ev, iso3, day, analyses)
    rival_crowd(ev, iso3, day)
    _default_sides(ev, iso3, day)
    arresting_force(ev, iso3, day)
    armed_perpetrator(ev, iso3, day)
    _communal_sides(ev, iso3, analyses)
    place_militias(ev, iso3, day, analyses)
    _tidy_sides(m, iso3)


def _localise_agents(m: EventMention, iso3: str, day: dt.date | None) -> None:
    """Generic agents the document gave no country ("gunmen", "villagers") belong to the
    country where the event happened."""
    if m.actor1 is not None:
        m.actor1 = with_country(m.actor1, iso3, day)
    if m.actor2 is not None:
        m.actor2 = with_country(m.actor2, iso3, day)


def _attack_on_a_force(ev: DocEvent, iso3: str, day: dt.date | None) -> None:
    """ACLED: violence against civilians harms unarmed people; an attack on soldiers or police
    is a battle. An armed group's attack (or an unnamed attacker's) on a state force ("militants
    attacked a police patrol") whose casualties name no unarmed victims, or whose reported
    dead and wounded are all soldiers or police ("Gunmen raided the town. Three police
    officers were killed."), is an armed clash with that force."""
    m = ev.mention
    if (m.kind.event_type, m.kind.sub_event_type) != (EVENT.violence_against_civilians,
                                                       SUB.attack):
        return
    if m.actor1 is not None and m.actor1.actor.inter not in INTER_GROUP.non_state_armed:
        return
    forces = document_words()["force_kind"]
    target = m.actor2
    if target is None or target.actor.inter == INTER_CODE.civilians:
        if target is not None and not target.rule_id.endswith(":default"):
            return  # civilians the report names as the target
        target = _fallen_force(ev, iso3, day) if _armed_victims_only(ev) else None
    elif _names_unarmed_victims(ev):
        return  # "militants shot a trader; police are investigating"
    if target is None or target.actor.inter != INTER_CODE.state_forces or (
            target.actor.kind not in forces):
        return
    m.actor2 = target
    m.kind = KIND.armed_clash
    m.civilian_targeting = False
    m.rule_ids.append("defaults:attack-on-a-force")


def _names_unarmed_victims(ev: DocEvent) -> bool:
    """A casualty figure of the event names its victims, and not as armed people."""
    return any(c.value > 0 and c.victims and not armed_victims(c.victims)
               for group in (*ev.fatalities.values(), *ev.injuries.values()) for c in group)


def _blamed_group(ev: DocEvent, iso3: str, day: dt.date | None,
                  analyses: list[SentenceAnalysis]) -> None:
    """ACLED names the group a report suspects or blames: an attacker its sentence leaves out
    or names only as unidentified ("five were shot dead ...", "gunmen killed a chief; the
    attackers are believed to be Al Shabaab") is the one named armed group that the report's
    sentences about it suspect or blame ("Al Shabaab was suspected", "a bomb believed planted
    by the ADF"); so is the unnamed enemy of a battle. A group that only comments is no
    suspect."""
    m = ev.mention
    if m.kind.event_type not in {
        EVENT.battles, EVENT.explosions_remote_violence, EVENT.violence_against_civilians
    }:
        return
    side = "actor1" if _unidentified(m.actor1, m) else "actor2" if (
        m.kind.event_type == EVENT.battles and _unidentified(m.actor2, m)) else ""
    if not side:
        return
    words = document_words()
    groups = {a.actor.name: a for sa in event_sentences(ev, analyses)
              for a in sentence_actors(sa, iso3, day)
              if a.actor.kind in words["armed_group_kind"]
              and a.actor.inter in INTER_GROUP.non_state_armed
              and _near_cue(sa, a, words["blame_cue"])
              and not _near_cue(sa, a, words["blame_doubt"])}
    other = m.actor2 if side == "actor1" else m.actor1
    if other is not None:
        groups.pop(other.actor.name, None)
    if not groups:
        groups = _sole_group(analyses, iso3, day)
        if other is not None and other.actor.name in groups:
            return
    if len(groups) == 1:
        setattr(m, side, next(iter(groups.values())))
        m.rule_ids.append("defaults:blamed-group")


def _sole_group(analyses: list[SentenceAnalysis], iso3: str,
                day: dt.date | None) -> dict[str, ActorMention]:
    """ACLED attributes an unidentified attacker to the one armed group a report names, blamed
    or not ("Violence followed the arrest of the sect's founder: three killed"), unless the
    report calls its attackers unknown ("unidentified gunmen") or doubts the group: the named
    armed groups of the whole report, none doubted, or none when the report says unknown."""
    words = document_words()
    if any(not words["unnamed_cue"].isdisjoint(sa.keys) for sa in analyses):
        return {}
    return {a.actor.name: a for sa in analyses for a in sentence_actors(sa, iso3, day)
            if a.actor.kind in words["armed_group_kind"]
            and a.actor.inter in INTER_GROUP.non_state_armed
            and not _near_cue(sa, a, words["blame_doubt"])}


def _unidentified(a: ActorMention | None, m: EventMention) -> bool:
    """The side is unnamed, or named only as unidentified attackers ("gunmen", "assailants"),
    or, in one-sided violence, as people of no armed group ("men believed to be ...")."""
    if a is None:
        return True
    if a.rule_id.startswith("agents:gunmen"):
        return True
    return a.actor.inter == INTER_CODE.civilians and ":ethnic:" not in a.rule_id and \
        a is m.actor1 and m.kind.event_type != EVENT.battles


# how many tokens from a blame word the group it blames may stand ("Al Shabaab are
# suspected", "a device believed to have been planted by the ADF")
_BLAME_REACH = 8


def _near_cue(sa: SentenceAnalysis, a: ActorMention, cues: frozenset[str]) -> bool:
    """A blame word stands within `_BLAME_REACH` tokens of the mention, on either side."""
    tokens = tokenized(sa)
    at = [i for i, t in enumerate(tokens) if a.span.start <= t.start < a.span.end]
    if not at:
        return False
    near = tokens[max(0, at[0] - _BLAME_REACH) : at[-1] + 1 + _BLAME_REACH]
    return any(t.key in cues for t in near)


def _default_sides(ev: DocEvent, iso3: str, day: dt.date | None) -> None:
    """The crowd of a demonstration, the perpetrator of violence (the state where it alone uses
    the weapon, else an unidentified armed group), and civilian victims."""
    m = ev.mention
    et = m.kind.event_type
    if m.actor1 is None:
        if et == EVENT.protests:
            m.actor1 = generic_actor("protesters", iso3)
        elif et == EVENT.riots:
            m.actor1 = generic_actor("rioters", iso3)
        elif et in {EVENT.battles, EVENT.explosions_remote_violence,
                    EVENT.violence_against_civilians}:
            state = ActorDictionary.load().default_perpetrators.get(
                (iso3, m.kind.sub_event_type))
            m.actor1 = generic_actor("troops", state) if state else generic_actor("gunmen", iso3)
    if et == EVENT.violence_against_civilians and m.actor2 is None:
        m.actor2 = generic_actor("civilians", iso3)
    if m.kind.sub_event_type == SUB.mob_violence and m.actor2 is not None and (
        m.actor2.rule_id.startswith("agents:")
        and m.actor2.actor.inter in INTER_GROUP.non_state_armed
    ):
        # ACLED: the suspected thieves or robbers a mob lynched are its civilian victims
        m.actor2 = ActorMention(m.actor2.span, generic_actor("civilians", iso3).actor,
                                "agents:civilians:suspects")
    if et == EVENT.violence_against_civilians and m.actor2 is not None:
        m.actor2 = _civilian_victims(m.actor2, iso3)
    if m.actor2 is None and et == EVENT.explosions_remote_violence and _armed_victims_only(ev):
        # "four soldiers died when their truck hit a roadside bomb": the force it struck
        m.actor2 = _fallen_force(ev, iso3, day)
    if m.actor2 is None and (
        m.kind.sub_event_type == SUB.mob_violence
        or (et in {EVENT.explosions_remote_violence, EVENT.riots} and _unarmed_victims(ev))
    ):
        # the people a strike or a mob killed or hurt, when no armed target is named
        m.actor2 = generic_actor("civilians", iso3)


def _communal_sides(ev: DocEvent, iso3: str, analyses: list[SentenceAnalysis]) -> None:
    """ACLED: unidentified attackers in violence a report calls ethnic, tribal, clan or
    communal ("clashes between the two clans", "an ethnically motivated attack") are an
    unidentified communal militia, not an unidentified armed group; an unidentified ethnic
    militia where the report calls it ethnic or tribal."""
    m = ev.mention
    if m.kind.event_type not in {EVENT.battles, EVENT.violence_against_civilians}:
        return
    sides = [side for side in ("actor1", "actor2") if (a := getattr(m, side)) is not None
             and a.rule_id.startswith(("agents:gunmen", "agents:communal-militia"))]
    words = document_words()
    keys = {t.key for sa in event_sentences(ev, analyses) for t in tokenized(sa)}
    if not sides or words["communal_cue"].isdisjoint(keys):
        return
    agent = "communal-militia" if words["ethnic_cue"].isdisjoint(keys) else "ethnic-militia"
    for side in sides:
        a = getattr(m, side)
        militia = generic_actor(agent, a.actor.country or iso3)
        setattr(m, side, ActorMention(a.span, militia.actor, a.rule_id + ":communal"))


def _civilian_victims(victims: ActorMention, iso3: str) -> ActorMention:
    """ACLED: the victims of violence against civilians are civilians. "Turkana herders" an
    attack killed are Civilians with their ethnic group as associate ("Turkana Ethnic Group"),
    not the group's militia; unnamed herders or villagers are plain civilians; an unarmed
    official, politician or party member the report does not name ("a senator") is a civilian
    too (the party as associate), and so is the staff of a named aid or rights group (the
    group as associate)."""
    rule = victims.rule_id
    country = victims.actor.country or iso3
    # a named leader keeps his name (reports of one attack on him merge by it)
    civilian = victims.actor.inter == INTER_CODE.civilians
    named_ngo = civilian and rule.startswith("organisations:")
    if named_ngo or (not civilian and not rule.startswith("people:") and (
        victims.actor.kind in document_words()["unarmed_victim_kind"]
    )):
        civilians = generic_actor("civilians", country)
        if victims.actor.kind == "party" or named_ngo:
            civilians.actor.assoc = victims.actor.name
        return ActorMention(victims.span, civilians.actor, f"{rule}:victims")
    if victims.actor.inter != INTER_CODE.identity_militia or not rule.startswith(
            ("ethnic:", "agents:communal-militia", "agents:ethnic-militia")):
        return victims
    civilians = generic_actor("civilians", country)
    if rule.startswith("ethnic:"):
        civilians.actor.assoc = identity_label(rule.split(":")[1], country)
    return ActorMention(victims.span, civilians.actor, f"{rule}:victims")


def _tidy_sides(m: EventMention, iso3: str) -> None:
    """A one-sided event has its actor first; one actor is never both sides; a state's forces
    acting outside their country are foreign state forces."""
    if m.actor1 is None and m.actor2 is not None:
        m.actor1, m.actor2 = m.actor2, None  # ACLED: a one-sided event has its actor first
    if m.actor1 is not None and m.actor2 is not None and not rival_crowds(m) and (
            m.kind.event_type != EVENT.violence_against_civilians) and (
            m.actor1.actor == m.actor2.actor or (m.actor1.rule_id.endswith(":default")
                                                 and m.actor1.actor.name == m.actor2.actor.name)):
        # one actor on both sides; an unnamed perpetrator defaulted to the same unidentified
        # group as the victims ("militants killed by the bomb they were making") is no second side
        m.actor2 = None
    for a in (m.actor1, m.actor2):
        if a is None or a.actor.inter != INTER_CODE.state_forces:
            continue
        if a.actor.country and iso3 and a.actor.country != iso3:
            a.actor = Actor(a.actor.name, a.actor.code, INTER_CODE.external_other_forces,
                            a.actor.country, a.actor.kind, a.actor.assoc)
