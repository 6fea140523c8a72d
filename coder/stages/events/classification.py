"""ACLED event types from what a sentence says: weapons, targets, actor types, demonstration cues.

Also ACLED's hierarchy: which of two descriptions of one incident wins when they are merged.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal, get_args

from pydantic import BaseModel, Field, model_validator

from coder.dictionaries.files import read_csv_models, register_cache
from coder.dictionaries.rules import Concept, RuleSet, Weapon
from coder.dictionaries.taxonomy import (
    EVENT,
    INTER_CODE,
    INTER_GROUP,
    KIND,
    SUB,
    EventType,
    taxonomy,
)
from coder.models import ActorMention, CasualtyMention
from coder.stages.events.analysis import TERRITORY_CONCEPTS, event_words
from coder.text.tokens import Token

# the rule id of a battle coded from an attack on armed people ("militants attacked a police
# post"), not from a fight the text tells ("exchanged fire")
ARMED_TARGET = "armed-target"
# a mob, and a crowd's violent act that names no demonstration ("youths torched the bus")
_MOB_CONCEPTS = frozenset({"mob_violence", "crowd_violence"})
# the concepts whose CAMEO code names the act whatever the weapon (but a drone's)
Assassination = Literal["assassinate", "assassination_attempt"]
_ASSASSINATION = frozenset(get_args(Assassination))


class _Precedence(BaseModel):
    """A row of events/precedence.csv: the rank of an ACLED event or sub-event type."""

    level: Literal["event_type", "sub_event_type"]
    name: str = Field(min_length=1)
    rank: int = Field(ge=0)

    @model_validator(mode="after")
    def _in_the_taxonomy(self) -> _Precedence:
        t = taxonomy()
        names = t.event_types if self.level == "event_type" else t.sub_event_types
        if self.name not in names:
            raise ValueError(f"unknown ACLED {self.level.replace('_', ' ')} {self.name!r}")
        return self


@register_cache
@lru_cache(maxsize=1)
def _precedence() -> tuple[dict[str, int], dict[str, int]]:
    """ACLED's hierarchy for merging reports of one incident (events/precedence.csv): the rank
    of each event type, and of each sub-event type."""
    rows = read_csv_models("events/precedence.csv", _Precedence)
    return ({r.name: r.rank for r in rows if r.level == "event_type"},
            {r.name: r.rank for r in rows if r.level == "sub_event_type"})


def type_rank(kind: EventType) -> tuple[int, int]:
    """Which of two descriptions of one incident wins (higher wins): the rank of the event
    type (0 when unlisted), then of the sub-event type (2 when unlisted)."""
    types, subs = _precedence()
    return types.get(kind.event_type, 0), subs.get(kind.sub_event_type, 2)


@register_cache
@lru_cache(maxsize=1)
def demonstration_types() -> frozenset[str]:
    """The ACLED event types of demonstrations: protests and riots."""
    return frozenset((EVENT.protests, EVENT.riots))


def weapons_named(tokens: list[Token], rules: RuleSet) -> list[tuple[Weapon, int]]:
    """Every weapon the sentence names, with its token index, strongest first."""
    found = [(m.value, m.start) for m in rules.weapons.iter_find(tokens)]
    return sorted(found, key=lambda w: -w[0].rank)


def strongest_weapon(tokens: list[Token], rules: RuleSet) -> tuple[Weapon, int] | None:
    """The highest-ranked weapon named in the sentence, with its token index."""
    found = weapons_named(tokens, rules)
    return found[0] if found else None


def is_armed(mention: ActorMention | None) -> bool:
    """An organised armed actor: state forces, rebels, militias (not officials or politicians)."""
    if mention is None or mention.actor.inter not in INTER_GROUP.armed:
        return False
    return mention.actor.kind not in event_words().unarmed_kind


def is_civilian_target(mention: ActorMention | None) -> bool:
    """Civilians, protesters-as-victims aside: unarmed people, officials, journalists, and a
    community named by what its people do ("Borana herders", "Hausa traders")."""
    if mention is None:
        return False
    words = event_words()
    return (mention.actor.inter == INTER_CODE.civilians
            or mention.actor.kind in words.unarmed_kind) or (
        mention.span.text.rsplit(" ", 1)[-1].lower() in words.civilian_occupation)


def is_mob(mention: ActorMention) -> bool:
    """A perpetrator named as vigilantes or a mob ("a vigilante group"): a crowd, not an
    organised armed group."""
    return not event_words().mob_word.isdisjoint(mention.span.text.lower().split())


def acts_as_crowd(mention: ActorMention | None, before: list[str]) -> bool:
    """Rioters, a mob, or people named as a community or crowd ("angry residents",
    "villagers", "youths", "a group of men"; `before`: the two words before the mention), not
    as a few people ("three men") nor as armed ("armed youths"): ACLED's perpetrators of mob
    violence."""
    if mention is None:
        return False
    if mention.actor.inter == INTER_CODE.rioters or is_mob(mention):
        return True
    if mention.actor.inter not in (INTER_CODE.protesters, INTER_CODE.civilians):
        return False  # (a "crowd" may have been taken for protesters)
    words = event_words()
    named = mention.span.text.lower().split()
    if not words.armed_qualifier.isdisjoint(named) or not words.armed_qualifier.isdisjoint(before):
        return False  # "armed youths", "unidentified youths": an armed group
    last = named[-1] if named else ""
    return (last in words.civilian_occupation or last in words.crowd_word
            or last in words.crowd_subject
            or (len(before) == 2 and before[1] == "of" and before[0] in words.crowd_word))


def armed_victims(words: str) -> bool:
    """Whether a victim phrase names soldiers, police or fighters."""
    return bool(set(words.lower().split()) & event_words().armed_victim)


def victims_armed(casualties: list[CasualtyMention]) -> bool | None:
    """Whether the first casualty mention that names its victims names armed ones (None: no
    mention names them)."""
    for c in casualties:
        if c.victims:
            return armed_victims(c.victims)
    return None


def crowd_against_force(actor1: ActorMention | None, actor2: ActorMention | None) -> bool:
    """"Students clashed with riot police", "traders fought running battles with officers":
    one side is a crowd or civilians, the other the state's forces. ACLED codes such a clash as
    rioting (demonstrators who clash with police), not a battle between armed groups."""
    if actor1 is None or actor2 is None:
        return False
    sides = {actor1.actor.inter, actor2.actor.inter}
    return INTER_CODE.state_forces in sides and not INTER_GROUP.crowd_or_civilians.isdisjoint(sides)


def classify_violence(
    concept: Concept,
    weapon: Weapon | None,
    actor1: ActorMention | None,
    actor2: ActorMention | None,
    victims_armed: bool | None,
    ground_fire: bool = False,
    crowd: bool = False,
    demonstrating: bool = True,
) -> tuple[EventType, bool]:
    """ACLED type and civilian targeting for a violent trigger (`crowd`: actor1 acts as a crowd,
    `acts_as_crowd`; `demonstrating`: the sentence shows its victims demonstrating, so force
    against protesters is force against a demonstration); CAMEO code follows the weapon."""
    cameo = concept.cameo_code
    if concept.concept == "clash":
        code = weapon.cameo_code if weapon else cameo
        return EventType(EVENT.battles, SUB.armed_clash, code), False
    if concept.concept in TERRITORY_CONCEPTS:
        if actor1 is not None and actor1.actor.inter == INTER_CODE.state_forces:
            return KIND.government_regains_territory, False
        return KIND.non_state_overtakes_territory, False
    if actor1 is not None and actor2 is not None and actor2.actor == actor1.actor:
        actor2 = None  # "gunmen raided the village and robbed its people": no second side
    civilian = is_civilian_target(actor2) or (actor2 is None and victims_armed is False)
    if weapon is not None and weapon.weapon == "firearm":
        weapon = None  # guns alone say nothing beyond the attack itself
    if weapon is not None and concept.resolve and ground_fire and (
        is_armed(actor2) or victims_armed
    ):
        # mortars and small arms against an armed enemy: a battle (ACLED's hierarchy)
        return KIND.armed_clash, False
    if weapon is not None and concept.resolve:
        code = weapon.cameo_code
        if concept.concept in _ASSASSINATION:
            code = concept.cameo_code if weapon.weapon != "drone" else weapon.cameo_code
        return EventType(weapon.event_type, weapon.sub_event_type, code), civilian
    if not concept.resolve:
        return EventType(concept.event_type, concept.sub_event_type, cameo), (
            concept.event_type == EVENT.violence_against_civilians
        )
    if actor2 is not None and actor2.actor.inter == INTER_CODE.protesters and demonstrating:
        return KIND.excessive_force, True
    target_armed = (is_armed(actor2) and not civilian) or (
        actor2 is None and victims_armed is True)
    if target_armed and (actor1 is None or is_armed(actor1)):
        return (KIND.armed_clash if cameo == "190" else KIND.armed_clash_fire), False
    if crowd:
        # a crowd or ordinary people attacking: ACLED's mob violence
        return KIND.mob_violence, civilian
    return EventType(EVENT.violence_against_civilians, SUB.attack, cameo), True


def classify_demonstration(concept: Concept, cues: set[str], state_violence: bool,
                           crowd: ActorMention | None = None) -> EventType:
    """Peaceful protest, protest with intervention, excessive force, violent demonstration, or
    mob violence (a mob; a crowd's violent act by anyone but demonstrators: `crowd`, actor1)."""
    if concept.concept == "mob_violence" or (
        concept.concept in _MOB_CONCEPTS
        and (crowd is None or crowd.actor.inter != INTER_CODE.protesters)
    ):
        return KIND.mob_violence
    if concept.family == "riot" or "violent" in cues:
        return KIND.violent_demonstration
    if "lethal" in cues or state_violence:
        return KIND.excessive_force_riot
    if "intervention" in cues:
        return KIND.protest_with_intervention
    return KIND.peaceful_protest


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED interaction label: the two actor types, lower code first ("State forces-Civilians")."""
    if inter1 is None and inter2 is None:
        return ""
    labels = taxonomy().inter_labels
    if inter2 is None or inter1 is None:
        only = inter1 if inter1 is not None else inter2
        assert only is not None
        return f"{labels[only]} only"
    lo, hi = sorted((inter1, inter2))
    if (lo, hi) == (7, 8):  # ACLED writes the external force first
        lo, hi = hi, lo
    return f"{labels[lo]}-{labels[hi]}"
