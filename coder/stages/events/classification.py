"""ACLED event types from what a sentence says: weapons, targets, actor types, demonstration cues.

Also ACLED's hierarchy: which of two descriptions of one incident wins when they are merged.
"""

from __future__ import annotations

from coder.dictionaries.rules import Concept, RuleSet, Weapon
from coder.dictionaries.taxonomy import EventType, taxonomy
from coder.models import ActorMention
from coder.text.tokens import Token

ARMED_INTER = frozenset({1, 2, 3, 4, 8})

# ACLED's hierarchy for merging reports of one incident (higher wins). Within a type, a specific
# sub-type beats a generic one: a drone strike beats a generic "attack".
_TYPE_RANK = {
    "Battles": 60,
    "Explosions/Remote violence": 50,
    "Violence against civilians": 40,
    "Riots": 30,
    "Protests": 20,
    "Strategic developments": 10,
    "": 0,
}
_SUB_RANK = {
    "Violent demonstration": 4,
    "Excessive force against protesters": 3,
    "Protest with intervention": 2,
    "Peaceful protest": 1,
    "Attack": 1,
    "Abduction/forced disappearance": 2,
    "Sexual violence": 3,
    # a battle that ends with the town taken is coded as the takeover (ACLED)
    "Non-state actor overtakes territory": 3,
    "Government regains territory": 3,
}
DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})


def type_rank(kind: EventType) -> tuple[int, int]:
    return _TYPE_RANK.get(kind.event_type, 0), _SUB_RANK.get(kind.sub_event_type, 2)


def weapons_named(tokens: list[Token], rules: RuleSet) -> list[tuple[Weapon, int]]:
    """Every weapon the sentence names, with its token index, strongest first."""
    found = [(m.value, m.start) for m in rules.weapons.iter_find(tokens)]
    return sorted(found, key=lambda w: -w[0].rank)


def strongest_weapon(tokens: list[Token], rules: RuleSet) -> tuple[Weapon, int] | None:
    """The highest-ranked weapon named in the sentence, with its token index."""
    found = weapons_named(tokens, rules)
    return found[0] if found else None


_UNARMED_KINDS = frozenset({"government", "person", "official", "civilians", "opposition"})


def is_armed(mention: ActorMention | None) -> bool:
    """An organised armed actor: state forces, rebels, militias (not officials or politicians)."""
    if mention is None or mention.actor.inter not in ARMED_INTER:
        return False
    return mention.actor.kind not in _UNARMED_KINDS


def is_civilian_target(mention: ActorMention | None) -> bool:
    """Civilians, protesters-as-victims aside: unarmed people, officials, journalists."""
    if mention is None:
        return False
    return mention.actor.inter == 7 or mention.actor.kind in _UNARMED_KINDS


def classify_violence(
    concept: Concept,
    weapon: Weapon | None,
    actor1: ActorMention | None,
    actor2: ActorMention | None,
    victims_armed: bool | None,
    ground_fire: bool = False,
) -> tuple[EventType, bool]:
    """ACLED type and civilian targeting for a violent trigger; CAMEO code follows the weapon."""
    cameo = concept.cameo_code
    if concept.concept == "clash":
        return EventType("Battles", "Armed clash", weapon.cameo_code if weapon else cameo), False
    if concept.concept in {"capture_territory", "regain_territory"}:
        if actor1 is not None and actor1.actor.inter == 1:
            return EventType("Battles", "Government regains territory", "190"), False
        return EventType("Battles", "Non-state actor overtakes territory", "192"), False
    civilian = is_civilian_target(actor2) or (actor2 is None and victims_armed is False)
    if weapon is not None and weapon.weapon == "firearm":
        weapon = None  # guns alone say nothing beyond the attack itself
    if weapon is not None and concept.resolve and ground_fire and (
        is_armed(actor2) or victims_armed
    ):
        # mortars and small arms against an armed enemy: a battle (ACLED's hierarchy)
        return EventType("Battles", "Armed clash", "190"), False
    if weapon is not None and concept.resolve:
        code = weapon.cameo_code
        if concept.concept in {"assassinate", "assassination_attempt"}:
            code = concept.cameo_code if weapon.weapon not in {"drone"} else weapon.cameo_code
        return EventType(weapon.event_type, weapon.sub_event_type, code), civilian
    if not concept.resolve:
        return EventType(concept.event_type, concept.sub_event_type, cameo), (
            concept.event_type == "Violence against civilians"
        )
    if actor2 is not None and actor2.actor.inter == 6:
        return EventType("Protests", "Excessive force against protesters", "175"), True
    target_armed = is_armed(actor2) or (actor2 is None and victims_armed is True)
    if target_armed and (actor1 is None or is_armed(actor1)):
        return EventType("Battles", "Armed clash", "190" if cameo == "190" else "193"), False
    if actor1 is not None and actor1.actor.inter in {5, 7}:
        # a crowd or ordinary people attacking: ACLED's mob violence
        return EventType("Riots", "Mob violence", "145"), civilian
    return EventType("Violence against civilians", "Attack", cameo), True


def classify_demonstration(concept: Concept, cues: set[str], state_violence: bool) -> EventType:
    """Peaceful protest, protest with intervention, excessive force, or violent demonstration."""
    if concept.concept == "mob_violence":
        return EventType("Riots", "Mob violence", "145")
    if concept.concept == "riot" or "violent" in cues:
        return EventType("Riots", "Violent demonstration", "145")
    if "lethal" in cues or state_violence:
        return EventType("Protests", "Excessive force against protesters", "145")
    if "intervention" in cues:
        return EventType("Protests", "Protest with intervention", "141")
    return EventType("Protests", "Peaceful protest", "141")


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
