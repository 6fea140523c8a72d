"""ACLED's sides of demonstrations and crowd violence: the crowd first, as protesters or
rioters with its identity or organiser as associate, then only the force that intervened; crowds
that fight each other are rioters on both sides."""

from __future__ import annotations

import datetime as dt

from coder.dictionaries.event_words import word_sets
from coder.dictionaries.rules import load_rules
from coder.dictionaries.taxonomy import EVENT, INTER_CODE, INTER_GROUP, KIND, SUB
from coder.document.model import DocEvent
from coder.document.sides import event_sentences, generic_actor, sentence_actors
from coder.document.words import document_words
from coder.models import ActorMention, EventMention, Span
from coder.stages.actors import find_actors
from coder.stages.events import (
    SentenceAnalysis,
    demonstration_types,
    event_words,
    has_cue,
    is_armed,
    tokenized,
)
from coder.stages.events.analysis import cue_kinds, cue_spans
from coder.stages.events.realis import realis
from coder.stages.events.triggers import find_triggers
from coder.text.tokens import Token

# ACLED's label of an identity's civilians and of its militia ("Pokot Ethnic Group (Kenya)")
_GROUP = " Ethnic Group "
_MILITIA = " Ethnic Militia "
# the actor kind of an organisation (an NGO's offices stoned are property, not people)
_ORGANISATION = "organisation"


# how many tokens after the force the words of what it did may come ("police fired tear gas",
# "anti-riot police later used water cannon"; "police opened fire", "police shot dead")
_INTERVENTION_REACH = 8
_LETHAL_REACH = 4
# how many tokens before 'by' and the force the participle of what it did may end ("were
# dispersed by police", "were later teargassed by officers")
_PASSIVE_REACH = 3
# how many keys before that participle the crowd its subject may be named ("they were later")
_SUBJECT_REACH = 3
# how many keys before a violent cue a word of grievance makes it the crowd's complaint
_GRIEVANCE_REACH = 5
# how many keys before an intervention cue a relative word makes it a person's ("who was
# later arrested and detained")
_RELATIVE_REACH = 4


def force_in_later_sentence(ev: DocEvent, iso3: str, day: dt.date | None,
                             analyses: list[SentenceAnalysis]) -> None:
    """ACLED: a demonstration's second actor is the force that intervened. "Police fired tear
    gas" or "police opened fire" in a sentence after the demonstration's own names that force,
    and what it did makes the protest one with intervention or excessive force (the events
    stage's cue words, cues.csv, read as it reads them within one sentence); the crowd's own
    violence told there makes it a violent demonstration (`_later_crowd_violence`), even one
    met with lethal force (ACLED's excessive force is force against peaceful protesters)."""
    m = ev.mention
    if m.kind.event_type == EVENT.protests and _later_crowd_violence(ev, iso3, day, analyses):
        m.kind = KIND.violent_demonstration
        m.rule_ids.append("cues:violent:later")
    if m.kind.event_type not in {EVENT.protests, EVENT.riots} or (
        m.actor2 is not None and is_armed(m.actor2)
        and m.kind.sub_event_type != SUB.peaceful_protest
    ):
        return  # no demonstration, or one whose intervening force is known
    found = _later_force(ev, iso3, day, analyses)
    if found is None:
        return
    force, lethal = found
    m.actor2 = force
    m.rule_ids.append("cues:intervention:later")
    if m.kind.event_type == EVENT.protests and m.kind.sub_event_type != \
            SUB.excessive_force_against_protesters:
        m.kind = KIND.excessive_force_riot if lethal else KIND.protest_with_intervention


def _later_crowd_violence(ev: DocEvent, iso3: str, day: dt.date | None,
                          analyses: list[SentenceAnalysis]) -> bool:
    """ACLED: demonstrators who use violence or destroy property make a violent
    demonstration, however many sentences the report takes to say so ("Traders marched to
    the council. They later stoned cars and lit bonfires."): a violent cue (cues.csv) in a
    sentence after the demonstration's first one, with no state force named before it (the
    force, not the crowd, acts there)."""
    rules = load_rules()
    for sa in event_sentences(ev, analyses)[1:]:
        keys = sa.keys
        spans = cue_spans(keys, rules, "violent")
        if not spans or any(rules.concepts[t.trigger.concept].family == "protest"
                            for t in find_triggers(tokenized(sa), rules, keys)):
            continue  # no violence, or a demonstration of its own, read with its own cues
        # the first cue to end, and the latest-starting one of those ending by then
        end = min(e for _, e in spans)
        at = max(s for s, e in spans if e <= end)
        before = keys[max(0, at - _GRIEVANCE_REACH) : at]
        words = event_words()
        if realis(keys, at, rules, "noun", cue_kinds(keys, rules), words) != "actual" or \
                not words.grievance.isdisjoint(before):
            continue  # "no reports of violence", "to protest the destruction of property"
        if not any(a.actor.inter == INTER_CODE.state_forces and a.span.start
                   < tokenized(sa)[at].start for a in sentence_actors(sa, iso3, day)):
            return True
    return False


def _later_force(ev: DocEvent, iso3: str, day: dt.date | None,
                 analyses: list[SentenceAnalysis]) -> tuple[ActorMention, bool] | None:
    """The state force that intervened in one of the sentences after the event's first one,
    and whether it used lethal force."""
    rules = load_rules()
    # the sentences after the event's first one: those that say more about it, and the next
    for sa in event_sentences(ev, analyses)[1:]:
        s = sa.sentence
        tokens, keys = tokenized(sa), sa.keys
        if not has_cue(keys, rules, "intervention") and not has_cue(keys, rules, "lethal"):
            continue
        for a in find_actors(tokens, s.text, day, iso3):
            if a.actor.inter != INTER_CODE.state_forces:
                continue
            at = next((i for i, t in enumerate(tokens) if t.start >= a.span.end), len(tokens))
            by = _passive_agent_at(keys, tokens, a)
            if has_cue(keys, rules, "lethal", at, at + _LETHAL_REACH) or \
                    has_cue(keys, rules, "lethal", max(0, by - _PASSIVE_REACH), by):
                return a, True
            if has_cue(keys, rules, "intervention", at, at + _INTERVENTION_REACH) or \
                    has_cue(keys, rules, "intervention", max(0, by - _PASSIVE_REACH), by):
                return a, False
    return None


def _passive_agent_at(keys: list[str], tokens: list[Token], force: ActorMention) -> int:
    """The index of the 'by' before a force named as a passive's agent whose subject is the
    crowd, a few keys before ("they were dispersed by police", "the march was broken up by
    officers"; words.csv demonstrator_word, passive_crowd), else 0 (no keys before it: no
    passive act). "The youth was arrested by police" is no act against the crowd."""
    first = next(i for i, t in enumerate(tokens) if t.end > force.span.start)
    words = event_words()
    if first == 0 or keys[first - 1] not in words.agent_preposition:
        return 0
    crowd = word_sets()["passive_crowd"] | words.demonstrator_word
    subject = keys[max(0, first - 1 - _PASSIVE_REACH - _SUBJECT_REACH) : first - 1]
    return first - 1 if not crowd.isdisjoint(subject) else 0


def force_at_riot(ev: DocEvent, iso3: str, day: dt.date | None,
                   analyses: list[SentenceAnalysis]) -> None:
    """ACLED: the second actor of a violent demonstration is the state force the rioters
    faced, whatever the report says it did ("students rioted ... police moved in", "youths
    stoned police vehicles"): the first state force named in the riot's sentences or the
    ones after them."""
    m = ev.mention
    if m.kind.sub_event_type != SUB.violent_demonstration or is_armed(m.actor2):
        return
    forces = document_words()["force_kind"]
    force = next((a for sa in event_sentences(ev, analyses)
                  for a in sentence_actors(sa, iso3, day)
                  if a.actor.inter == INTER_CODE.state_forces and a.actor.kind in forces
                  and not grievance(sa.sentence.text, a.span)), None)
    if force is not None:
        m.actor2 = force
        m.rule_ids.append("defaults:riot-force")
    elif m.actor2 is None and any(_intervention_told(sa) for sa in event_sentences(ev, analyses)):
        # ACLED: rioters "dispersed with tear gas" or "arrested" faced the usual intervening
        # force, the police, though the report does not name it
        m.actor2 = generic_actor("police", iso3)
        m.rule_ids.append("defaults:riot-intervention")


def _intervention_told(sa: SentenceAnalysis) -> bool:
    """Whether the sentence tells of a force's intervention that happened (an intervention
    cue of cues.csv: "tear gas", "were dispersed", "arrested"), not one only planned or
    threatened ("threatened to arrest them"), nor the crowd's grievance, a word of grievance
    a few keys before it ("rioted after their leaders were arrested"), nor a person's, told
    in a relative clause (document words person_relative: "an MP, who was arrested"), nor a
    crowd that left of itself ("the rioters dispersed": crowd_own_cue, passive only)."""
    rules = load_rules()
    keys = sa.keys
    spans = cue_spans(keys, rules, "intervention")
    if not spans:
        return False
    kinds, words = cue_kinds(keys, rules), event_words()
    relative = document_words()["person_relative"]
    own = document_words()["crowd_own_cue"]
    return any((keys[i] not in own or not words.be.isdisjoint(keys[max(0, i - 2) : i]))
               and words.grievance.isdisjoint(keys[max(0, i - _GRIEVANCE_REACH) : i])
               and relative.isdisjoint(keys[max(0, i - _RELATIVE_REACH) : i])
               and realis(keys, i, rules, "verb", kinds, words) == "actual"
               for i, _ in spans)


def drop_grievance(m: EventMention) -> None:
    """A force the demonstration's sentence names only as its grievance ("protesting police
    harassment") is not its second side, nor is a state that is no force (a government, a
    ministry, a capital named as the state): ACLED's second side of a demonstration is a
    force that faced it, found after this if the report names one."""
    a = m.actor2
    if m.kind.sub_event_type == SUB.excessive_force_against_protesters:
        return  # the state used the force itself
    if m.kind.event_type in demonstration_types() and a is not None and \
            a.actor.inter == INTER_CODE.state_forces and (
                a.actor.kind not in document_words()["force_kind"]
                or grievance(m.sentence_text, a.span)):
        m.actor2 = None


def grievance(text: str, span: Span) -> bool:
    """The force is named as what the crowd complains of, not as one it faced: right after
    "against" or "over" ("a protest against the police"), or before a word of grievance
    ("police harassment", "police brutality"; document words grievance_before/after)."""
    if span.start < 0 or text[span.start:span.end] != span.text:
        return False
    words = document_words()
    before = [w.strip(".,;:'\"()").lower() for w in text[:span.start].split()[-2:]]
    after = [w.strip(".,;:'\"()").lower() for w in text[span.end:].split()[:1]]
    return not words["grievance_before"].isdisjoint(before) or \
        not words["grievance_after"].isdisjoint(after)


def force_against_crowd(m: EventMention, iso3: str) -> None:
    """The crowd is the target; the force is used by the state or an armed group."""
    crowd = next((a for a in (m.actor2, m.actor1)
                  if a is not None and a.actor.inter in INTER_GROUP.crowd),
                 None) or generic_actor("protesters", iso3)
    # "people" who protested are the crowd, never the force that was used against it
    force = next((a for a in (m.actor1, m.actor2) if a is not None and a is not crowd
                  and a.actor.inter not in INTER_GROUP.crowd_or_civilians), None) or generic_actor(
                      "gunmen", iso3)
    m.actor1, m.actor2 = force, crowd


def crowds_fighting(ev: DocEvent, iso3: str, analyses: list[SentenceAnalysis]) -> None:
    """ACLED's kind of a crowd's violence: a riot on civilians is mob violence
    (`riot_on_civilians`), and crowds or communities fighting each other are mob violence or
    a communal clash (`_crowd_fight`)."""
    riot_on_civilians(ev, analyses)
    _crowd_fight(ev, iso3, analyses)


def riot_on_civilians(ev: DocEvent, analyses: list[SentenceAnalysis]) -> None:
    """ACLED: a violent demonstration is demonstrators' violence, most often against the
    forces that face them; a crowd that turns on civilians ("rioters beat up two
    journalists", "youths stoned a candidate's car") with no state force named in the
    event's sentences is mob violence, its victims the second side (civilians targeted)."""
    m = ev.mention
    if m.kind.sub_event_type != SUB.violent_demonstration or m.actor1 is None \
            or m.actor2 is None or not m.actor2.span.text:
        return  # no riot, or no victims the text names (the owners of burnt property)
    victims = m.actor2.actor
    if m.actor1.actor.inter not in {INTER_CODE.rioters, INTER_CODE.civilians} or \
            victims.inter != INTER_CODE.civilians or victims.kind == _ORGANISATION or \
            victims == m.actor1.actor or _told_as_demonstration(m):
        # demonstrators, or a crowd the report shows demonstrating; an office stoned; the
        # crowd's own people ("students rioted after students were expelled")
        return
    forces = document_words()["force_kind"]
    if any(a.actor.inter == INTER_CODE.state_forces and a.actor.kind in forces
           for sa in event_sentences(ev, analyses) for a in sa.actors):
        return  # a crowd facing the police or army: the demonstration's own violence
    m.kind = KIND.mob_violence
    m.civilian_targeting = True
    m.rule_ids.append("crowds:riot-on-civilians")


def _told_as_demonstration(m: EventMention) -> bool:
    """Whether one of the event's triggers is a demonstration's ("protested", "a march",
    "blocked the road to protest"), not only a riot's or a crowd's act."""
    rules = load_rules()
    return any(rid in rules.triggers and rules.concepts[rules.triggers[rid].concept].family
               == "protest" for rid in m.rule_ids)


def _crowd_fight(ev: DocEvent, iso3: str, analyses: list[SentenceAnalysis]) -> None:
    """ACLED: battles are fought by organised armed groups. Residents, students or crowds
    fighting each other ("two groups of villagers clashed") are mob violence between two
    groups of rioters, each with its identity as associate; communities, clans or ethnic
    groups fighting each other are an armed clash of identity militias."""
    m = ev.mention
    # "houses were torched in clashes between two communities": the events stage's mob
    # violence, from a clash word, with no side the text names
    mob_clash = (m.kind.sub_event_type == SUB.mob_violence and m.actor1 is None
                 and m.actor2 is None
                 and not document_words()["communal_clash_rule"].isdisjoint(m.rule_ids))
    if not mob_clash and (m.kind.sub_event_type != SUB.armed_clash or m.actor1 is None):
        return
    if any(a is not None and a.actor.inter not in INTER_GROUP.crowd_or_civilians
           for a in (m.actor1, m.actor2)):
        return
    if _communal_fight(ev, iso3, analyses):
        m.kind = KIND.armed_clash
        return
    if m.actor1 is None:
        return
    m.kind = KIND.mob_violence
    other = m.actor2 or ActorMention(Span(-1, -1, ""), m.actor1.actor, "agents:rioters:default")
    m.actor1, m.actor2 = _as_rioters(m.actor1, iso3), _as_rioters(other, iso3)
    if m.actor2.rule_id.endswith(":default"):
        m.actor2.actor.assoc = ""  # the other group, unnamed


def _communal_fight(ev: DocEvent, iso3: str, analyses: list[SentenceAnalysis]) -> bool:
    """ACLED: a fight the report calls communal, clan, tribal or ethnic ("clan clashes", "two
    communities clashed") is an armed clash between identity militias: each side is its
    group's ethnic militia where the report names the group, else an unidentified communal
    (ethnic, where the report says ethnic or tribal) militia. Crowds of faiths or of
    parties' supporters fighting, or a fight the report calls a riot or a mob's, remain
    rioters."""
    words = document_words()
    keys = {t.key for sa in event_sentences(ev, analyses) for t in tokenized(sa)}
    if words["communal_cue"].isdisjoint(keys) or not words["religious_cue"].isdisjoint(keys) \
            or not words["riot_cue"].isdisjoint(keys):
        return False  # a religious riot ("Hindus and Muslims clashed"), or one called so
    m = ev.mention
    if any(a is not None and a.rule_id.split(":")[:2] in
           (["agents", agent] for agent in words["partisan_agent"]) for a in (m.actor1, m.actor2)):
        return False  # rival supporters of parties or leaders are rioters
    agent = "communal-militia" if words["ethnic_cue"].isdisjoint(keys) else "ethnic-militia"
    unnamed = ActorMention(Span(-1, -1, ""), generic_actor(agent, iso3).actor,
                           f"agents:{agent}:default")
    m.actor1 = _as_militia(m.actor1, agent, iso3) if m.actor1 is not None else unnamed
    m.actor2 = _as_militia(m.actor2, agent, iso3) if m.actor2 is not None else ActorMention(
        unnamed.span, generic_actor(agent, m.actor1.actor.country or iso3).actor,
        unnamed.rule_id)
    m.rule_ids.append("defaults:communal-fight")
    return True


def _as_militia(side: ActorMention, agent: str, iso3: str) -> ActorMention:
    """The side as its identity militia: "Kipsigi Ethnic Group (Kenya)" fights as "Kipsigi
    Ethnic Militia (Kenya)"; a side of no named identity as the unidentified `agent`."""
    country = side.actor.country or iso3
    militia = generic_actor(agent, country)
    if _GROUP in side.actor.assoc:
        militia.actor.name = side.actor.assoc.replace(_GROUP, _MILITIA)
    militia.actor.assoc = ""
    return ActorMention(side.span, militia.actor, side.rule_id + ":communal")


def _as_rioters(side: ActorMention, iso3: str) -> ActorMention:
    """The side as ACLED's rioters of its country, its identity kept as associate."""
    crowd = generic_actor("rioters", side.actor.country or iso3)
    crowd.actor.assoc = side.actor.assoc
    return ActorMention(side.span, crowd.actor, side.rule_id)


def rival_crowds(m: EventMention) -> bool:
    """Mob violence between two crowds: each is a side of its own."""
    return (m.kind.sub_event_type == SUB.mob_violence and m.actor1 is not None
            and m.actor2 is not None and m.actor1.actor.inter in INTER_GROUP.crowd
            and m.actor2.actor.inter in INTER_GROUP.crowd)


def demonstration_sides(m: EventMention, iso3: str) -> None:
    """ACLED's sides of a demonstration: the crowd (with its organiser as associate) first,
    then only a force that intervened."""
    et = m.kind.event_type
    if et == EVENT.riots and m.actor1 is not None and m.actor1.actor.inter in {
            INTER_CODE.protesters, INTER_CODE.civilians}:
        # ACLED: the crowd of a violent demonstration is coded as rioters
        crowd = generic_actor("rioters", m.actor1.actor.country or iso3)
        crowd.actor.assoc = m.actor1.actor.assoc
        m.actor1 = ActorMention(m.actor1.span, crowd.actor, m.actor1.rule_id)
    if et in demonstration_types() and m.actor2 is not None and not rival_crowds(m) and (
        not is_armed(m.actor2) or m.kind.sub_event_type == SUB.peaceful_protest
    ):
        # ACLED: a demonstration's second actor is a force that intervened, never the
        # government or cause it was directed at
        m.actor2 = None
    if m.kind.sub_event_type == SUB.protest_with_intervention and m.actor2 is None:
        m.actor2 = generic_actor("police", iso3)  # the usual intervening force
    if (et in demonstration_types() and m.actor1 is not None
            and m.actor1.actor.inter not in INTER_GROUP.crowd):
        # ACLED: the group that organised a protest is an associated actor of the crowd
        organiser = m.actor1
        crowd = generic_actor("protesters" if et == EVENT.protests else "rioters", iso3)
        # civilians who marched are the crowd, their identity ("Teachers (Kenya)") its
        # associate; an organisation that organised it is named itself
        crowd.actor.assoc = (organiser.actor.assoc if organiser.actor.inter == INTER_CODE.civilians
                             else organiser.actor.name)
        m.actor1 = ActorMention(organiser.span, crowd.actor, crowd.rule_id)
