"""Whether two mentions in one document report one incident, and how one folds into the other.

ACLED codes a protest that turns violent the same day as one event, and a battle absorbs the
remote violence of the same armed pair; a vaguer mention never overrides a more specific one.
"""

from __future__ import annotations

from coder.dictionaries.taxonomy import EVENT, INTER_CODE, INTER_GROUP, KIND, SUB
from coder.document.model import DocEvent
from coder.models import ActorMention, DateExpression, EventMention, PlaceMention
from coder.stages.events import (
    ARMED_TARGET,
    demonstration_types,
    event_words,
    is_armed,
    type_rank,
)


def same_day(a: DateExpression | None, b: DateExpression | None) -> bool:
    """No conflict between two date expressions: either is missing, or they say the same."""
    if a is None or b is None:
        return True
    return (a.kind, a.year, a.month, a.day, a.weekday, a.offset_days) == (
        b.kind, b.year, b.month, b.day, b.weekday, b.offset_days
    )


def same_place(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    """No conflict between two places: either is missing, one is the other's country, or they
    are one city (a district or landmark of a city and the city itself)."""
    if a is None or b is None:
        return True
    if a.place.name == b.place.name:
        return True
    if "country" in {a.place.feature, b.place.feature}:
        return a.place.iso3 == b.place.iso3
    return a.place.name.split(" - ")[0] == b.place.name.split(" - ")[0]


def _code(m: ActorMention | None) -> str:
    """An actor's identity for matching: its CAMEO code, else its name (generic agents get a
    country, hence a code, only once the event's place is known)."""
    return (m.actor.code or m.actor.name) if m is not None else ""


def _compatible_actor(a: ActorMention | None, b: ActorMention | None) -> bool:
    return a is None or b is None or a.actor.code == b.actor.code or a.actor.name == b.actor.name


def _linked(main: EventMention, m: EventMention, adjacent: bool) -> bool:
    """Something ties two mentions together: adjacent sentences, or the same date, place or
    target, each named by both."""
    return (
        adjacent
        or (main.date_expression is not None and m.date_expression is not None
            and same_day(main.date_expression, m.date_expression))
        or (main.place is not None and m.place is not None and same_place(main.place, m.place))
        or (main.actor2 is not None and m.actor2 is not None
            and _compatible_actor(main.actor2, m.actor2))
    )


def same_incident(ev: DocEvent, m: EventMention, family: str, adjacent: bool) -> bool:
    """Two mentions in one document describe one incident: nothing conflicts (date, place,
    target) and something links them (the same date, place or target, or adjacent sentences)."""
    main = ev.mention
    if not (same_day(main.date_expression, m.date_expression)
            and same_place(main.place, m.place)
            and (ev.family != family or _compatible_actor(main.actor2, m.actor2)
                 or battle_toll(main, m))):
        return False
    if not _linked(main, m, adjacent):
        return False
    if ev.family == family == "violence":
        return _one_violent_incident(main, m)
    # a demonstration and violence against it (or by it) are one incident when no organised
    # armed pair fights (ACLED: a protest that turns violent the same day is one event)
    other = m if ev.family == "demo" else main
    if ev.family == "demo" and family == "demo":
        return True
    if {ev.family, family} == {"demo", "violence"}:
        demo = m if other is main else main
        return (about_demonstration(other) or aimed_at(other, demo)) \
            and not grievance_of(other, demo)
    return False


# how many words before a violent trigger a word of grievance names it as one
_GRIEVANCE_GAP = 4


def grievance_of(violence: EventMention, demo: EventMention) -> bool:
    """"Residents protested against the killings", "marched following the shooting of a
    rider": violence named a few words after a word of grievance (events words.csv), in the
    same clause of the demonstration's own sentence, is what the crowd complains of, no part
    of its demonstration ("blamed the mayor for the clashes", a sentence later, is not)."""
    text = violence.sentence_text
    if (violence.doc_id, violence.sentence_index) != (demo.doc_id, demo.sentence_index):
        return False
    if not text or text[violence.trigger.start : violence.trigger.end] != violence.trigger.text:
        return False
    words = event_words()
    for raw in reversed(text[: violence.trigger.start].split()[-_GRIEVANCE_GAP:]):
        if raw[-1:] in words.clause_break_or_comma:
            return False  # "At a protest, two men were shot": another clause
        word = raw.strip("'\"()").lower()
        if word in words.grievance:
            return True
        if not word.isalpha():
            return False
    return False


# how many words may stand between a violent verb and the demonstration it is aimed at
_OBJECT_GAP = 4


def aimed_at(violence: EventMention, demo: EventMention) -> bool:
    """"Gunmen fired on a rally", "attacked the march": the demonstration is the violent
    act's object (the demonstration's trigger a few words after it in the same sentence), so
    the violence was used against the crowd, whoever committed it."""
    if violence.sentence_index != demo.sentence_index or violence.doc_id != demo.doc_id:
        return False
    if demo.trigger.start < violence.trigger.end:
        return False
    gap = violence.sentence_text[violence.trigger.end : demo.trigger.start].lower().split()
    words = event_words()
    # "fired on a rally", "attacked the march"; not "killed in riots", "killed a man and
    # torched houses"
    return (len(gap) <= _OBJECT_GAP and bool(gap)
            and (gap[0] in words.object_preposition or gap[0] in words.determiner)
            and words.clause_break_or_comma.isdisjoint(gap)
            and words.clause_coordinator.isdisjoint(gap))


def _one_violent_incident(main: EventMention, m: EventMention) -> bool:
    """Two violent mentions of one setting are one incident, except that a battle absorbs
    remote violence only between armed actors (ACLED's hierarchy)."""
    battles = EVENT.battles
    if main.kind.event_type == battles and m.kind.event_type == battles:
        return True
    if battle_toll(main, m):
        return True
    if bare_clash(m) or bare_clash(main):
        return True  # "in an exchange of fire": the setting of the incident, no new event
    if battles in {main.kind.event_type, m.kind.event_type}:
        other = m if main.kind.event_type == battles else main
        return is_armed(other.actor1) or is_armed(other.actor2) or other.actor2 is None
    return True


def _toll_and_battle(a: EventMention, b: EventMention) -> tuple[EventMention, EventMention] | None:
    """(toll, battle) when one of the two is a fight between two named sides (not an attack
    that is a fight only because its target is armed) and the other, in the same sentence, a
    killing or wounding that names no perpetrator."""
    if a.doc_id != b.doc_id or a.sentence_index != b.sentence_index:
        return None
    for toll, battle in ((a, b), (b, a)):
        if (battle.kind.event_type == EVENT.battles and battle.actor1 is not None
                and battle.actor2 is not None and ARMED_TARGET not in battle.rule_ids
                and toll.actor1 is None
                and toll.kind.event_type == EVENT.violence_against_civilians):
            return toll, battle
    return None


def battle_toll(a: EventMention, b: EventMention) -> bool:
    """"Six people died in fighting between two clans": the deaths and wounds a sentence
    reports with no perpetrator beside a fight between named sides are the fight's toll (ACLED
    counts the dead of a battle, bystanders caught in it included, in the battle event)."""
    return _toll_and_battle(a, b) is not None


def bare_clash(m: EventMention) -> bool:
    """A battle named with no side of its own ("in an exchange of fire", "running battles")."""
    return m.kind.event_type == EVENT.battles and m.actor1 is None and m.actor2 is None


def about_demonstration(m: EventMention) -> bool:
    """Violence that is part of a demonstration: against or by the crowd, or unattributed
    shooting and clashes, never an armed pair fighting nor a targeted attack on someone else."""
    if is_armed(m.actor1) and is_armed(m.actor2):
        return False
    if (m.kind.event_type, m.kind.sub_event_type) not in {
        (EVENT.violence_against_civilians, SUB.attack), (EVENT.battles, SUB.armed_clash),
        (EVENT.protests, SUB.excessive_force_against_protesters),
        (EVENT.riots, SUB.mob_violence),
    }:
        return False
    a1 = m.actor1.actor.inter if m.actor1 is not None else None
    a2 = m.actor2.actor.inter if m.actor2 is not None else None
    crowd = INTER_GROUP.crowd
    if a1 not in crowd and a1 != INTER_CODE.state_forces and is_armed(m.actor1) and a2 not in crowd:
        # gunmen who killed a shopkeeper, raiders who attacked a village: an armed group's
        # violence against people who are not the crowd is no part of the demonstration (at
        # most its grievance), whatever the sentence order
        return False
    return a2 is None or a2 in crowd or a1 in crowd or a2 == INTER_CODE.civilians


def merge_into(ev: DocEvent, m: EventMention, family: str) -> None:
    """Fold a later mention of the event into it: the kind the two together show, then every
    argument the event still lacks."""
    _merge_kind(ev, m, family)
    _merge_arguments(ev.mention, m)


def _merge_kind(ev: DocEvent, m: EventMention, family: str) -> None:
    """Violence at a demonstration makes it one met with force (or a riot); a demonstration
    that violence turns out to be part of takes the event over; else the more specific kind
    wins, never a generic "attack" (nor an attack on armed people over the explosion it was:
    ACLED merges remote violence into a battle only when a fight is told)."""
    main = ev.mention
    pair = _toll_and_battle(main, m)
    if pair is not None and pair[0] is main:
        # the fight told after its toll takes the event over, with its own sides
        main.kind, main.civilian_targeting = m.kind, m.civilian_targeting
        main.actor1, main.actor2 = m.actor1, m.actor2
    elif ev.family == "demo" and family == "violence":
        # violence against (or by) demonstrators upgrades the demonstration
        if main.kind.event_type == EVENT.protests and main.kind.sub_event_type != (
            SUB.excessive_force_against_protesters
        ):
            state = m.actor1 is not None and m.actor1.actor.inter == INTER_CODE.state_forces
            main.kind = KIND.excessive_force if state else KIND.violent_demonstration
        if (main.actor2 is None and m.actor1 is not None
                and m.actor1.actor.inter == INTER_CODE.state_forces):
            main.actor2 = m.actor1
    elif ev.family == "violence" and family == "demo":
        demo_kind = m.kind if m.kind.event_type in demonstration_types() else None
        if demo_kind is not None and not _armed_act_told_as_crowd_act(main, m):
            state_actor = (main.actor1 if main.actor1
                           and main.actor1.actor.inter == INTER_CODE.state_forces else None)
            # a riot or a mob keeps its kind ("lynched by a mob": mob violence); violence
            # against a protest is force used on it
            main.kind = demo_kind if demo_kind.event_type == EVENT.riots else (
                KIND.excessive_force)
            ev.family = "demo"
            main.actor1, main.actor2 = m.actor1, state_actor or m.actor2
    elif main.kind.event_type == EVENT.protests and m.kind == KIND.mob_violence:
        # a crowd act told apart from the demonstration it belongs to ("Traders protested ...
        # They stoned passing cars."): demonstrators who turn violent (ACLED: violent
        # demonstration), not an unorganised mob
        main.kind = KIND.violent_demonstration
    elif (type_rank(m.kind) > type_rank(main.kind)
          and (not bare_clash(m) or main.actor1 is None)
          and not (main.kind.event_type == EVENT.explosions_remote_violence
                   and ARMED_TARGET in m.rule_ids)
          and (m.kind.event_type, m.kind.sub_event_type)
          != (EVENT.violence_against_civilians, SUB.attack)):
        # "three killed in ethnic clashes": with no perpetrator named, the clash is the account
        # of the killing; a named killer's act stays what it was ("killed in an exchange")
        # a generic "killing" never overrides a more specific account of the same incident
        if (m.kind.event_type == EVENT.battles and main.actor1 is None
                and main.actor2 is not None
                and main.actor2.actor.inter == INTER_CODE.civilians):
            # the people killed in a fight are its dead, not a side of it (ACLED: civilians
            # are never a side of a battle); the fight's own side, or its default, stands
            main.actor2 = m.actor2
        main.kind = m.kind
        main.civilian_targeting = m.civilian_targeting
    elif (m.kind.event_type == EVENT.explosions_remote_violence
          and main.kind.event_type == EVENT.battles and ARMED_TARGET in main.rule_ids):
        # "Militants attacked an army convoy. A landmine killed four soldiers.": the attack
        # was the explosion, no fight
        main.kind = m.kind


def _armed_act_told_as_crowd_act(main: EventMention, m: EventMention) -> bool:
    """"A trader was set upon by a soldier. Stones had been thrown at him earlier.": a crowd's act
    (mob violence) that names no crowd of its own, told of the same incident as an armed
    actor's violence, is that actor's act: the violence keeps its kind and sides (unless its
    victims are a crowd: "police fired at protesters ... stones were thrown": a riot)."""
    victims = main.actor2.actor.inter if main.actor2 is not None else None
    return (m.kind.sub_event_type == SUB.mob_violence and m.actor1 is None
            and is_armed(main.actor1) and victims not in INTER_GROUP.crowd)


def _merge_arguments(main: EventMention, m: EventMention) -> None:
    """Actors, date and realis the main mention lacks; the more precise place; rule ids."""
    if main.actor1 is None and m.actor1 is not None:
        main.actor1 = m.actor1
    if main.actor2 is None and m.actor2 is not None and m.actor2 is not main.actor1:
        main.actor2 = m.actor2
    if main.date_expression is None:
        main.date_expression = m.date_expression
    if main.place is None or (m.place is not None and m.place.place.geo_precision
                              < main.place.place.geo_precision):
        main.place = m.place or main.place
    if main.realis != "actual" and m.realis == "actual":
        main.realis = "actual"
    add_rule_ids(main, m)


def add_rule_ids(main: EventMention, m: EventMention) -> None:
    """The rule ids of `m` that `main` does not list yet, appended in order."""
    for r in m.rule_ids:
        if r not in main.rule_ids:
            main.rule_ids.append(r)


def same_statement(a: EventMention, b: EventMention) -> bool:
    """One statement reported twice: the same speaker, the same kind of statement (or one code
    family in one sentence), and no conflicting addressee."""
    same_code = a.kind.cameo_code[:3] == b.kind.cameo_code[:3] or (
        a.kind.cameo_code[:2] == b.kind.cameo_code[:2]
        and a.sentence_index == b.sentence_index)
    return (same_code and _code(a.actor1) == _code(b.actor1)
            and (not _code(a.actor2) or not _code(b.actor2) or _code(a.actor2) == _code(b.actor2)))


def more_specific(code: str, than: str) -> bool:
    """"138" is more specific than "130"; "0256" than "020"."""
    if len(code) != len(than):
        return len(code) > len(than)
    return code[-1:] != "0" and than[-1:] == "0"
