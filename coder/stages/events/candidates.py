"""Building one event mention from one trigger match, in named steps: realis and arguments,
the actors a violent event or a demonstration implies, the ACLED and CAMEO type, the date and
place, and what the document stage needs to finish it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from coder.dictionaries.rules import Concept, RuleSet, TriggerMatch, Weapon
from coder.dictionaries.taxonomy import EVENT, INTER_CODE, KIND, SUB, EventType
from coder.models import ActorMention, EventMention, Span
from coder.stages.actors import ActorDictionary, agent_actor
from coder.stages.events.analysis import (
    CONFLICT_FAMILIES,
    DEMONSTRATION_FAMILIES,
    TERRITORY_CONCEPTS,
    Candidate,
    EventWords,
    SentenceAnalysis,
    mention_index,
    sentence_has_cue,
)
from coder.stages.events.arguments import find_arguments, is_speaker, swapped
from coder.stages.events.attachment import event_place, nearest_date
from coder.stages.events.classification import (
    ARMED_TARGET,
    acts_as_crowd,
    classify_demonstration,
    classify_violence,
    crowd_against_force,
    is_armed,
    victims_armed,
)
from coder.stages.events.forces import (
    attributed,
    force_of_facility,
    owners,
    state_forces_before,
)
from coder.stages.events.realis import (
    is_passive,
    is_reduced_passive,
    quoted_speaker,
    realis,
    refers_back,
)

# the demonstration cues a demonstration's rule ids name (in this order)
NamedCue = Literal["intervention", "lethal", "violent"]
_NAMED_CUES = frozenset(get_args(NamedCue))


@dataclass(slots=True)
class SentenceEvidence:
    """What `find_events` learned of a sentence once, for the candidates of all its triggers."""

    sa: SentenceAnalysis
    rules: RuleSet
    quoted: list[bool]  # per token: inside a quotation
    cues: set[str]  # the demonstration cue kinds the sentence names
    weapons: list[tuple[Weapon, int]]  # every weapon named, with its token index
    weapon_hit: tuple[Weapon, int] | None  # the strongest weapon that is not a firearm
    trigger_starts: tuple[int, ...] = ()  # where each trigger of the sentence starts (chars)
    demonstrating: bool = True  # the sentence shows people demonstrating


def build_candidate(
    ev: SentenceEvidence, m: TriggerMatch, concept: Concept, earlier: list[Candidate]
) -> Candidate | None:
    """The event the trigger match `m` reports (`earlier`: the sentence's candidates before
    it), or None when the trigger word only modifies a noun ("attack victims")."""
    keys = ev.sa.keys
    if m.trigger.pos == "noun" and m.end < len(keys) and \
            keys[m.end] in ev.rules.cue_keys.get("compound", {}):
        return None  # "demonstration camp", "attack victims": a modifier, not an event
    mention, is_quoted = _draft(ev, m, concept, earlier)
    weapon = None
    if ev.weapon_hit is not None and concept.family == "violence":
        weapon = ev.weapon_hit[0]
        mention.rule_ids.append(f"weapons:{weapon.weapon}")
    label = _note_label(ev, earlier)
    if label is not None and (concept.family in CONFLICT_FAMILIES or concept.sub_event_type == (
            label.concept.sub_event_type) == SUB.looting_property_destruction):
        if concept.family in CONFLICT_FAMILIES:
            concept = label.concept  # "Property destruction: youths torched a kiosk"
            mention.rule_ids.append(f"note-label:{label.trigger.id}")
        # the label names this event, no event of its own (as a known event named as background)
        label.anaphoric = label.background = True
    if concept.concept == "clash" and crowd_against_force(mention.actor1, mention.actor2):
        concept = ev.rules.concepts["riot"]  # "students clashed with police": a riot
        mention.rule_ids.append("crowd-clash")
    elif concept.concept == "clash" and _crowds_clash(ev.sa, m, mention):
        concept = ev.rules.concepts["mob_violence"]  # "rival supporters clashed": a mob's
        mention.rule_ids.append("crowds-clash")
    elif mention.actor1 is None and _mob_justice(ev.sa, concept):
        concept = ev.rules.concepts["mob_violence"]  # "a suspected witch was stoned to death"
        mention.rule_ids.append("mob-justice")
    if concept.family == "violence":
        concept = _violent_actors(ev, m, concept, mention)
        _classify_violence(ev, m, concept, mention, weapon)
    elif concept.family in DEMONSTRATION_FAMILIES:
        _demonstration_actors(ev, concept, mention)
        _classify_demonstration(ev, concept, mention, earlier)
    elif concept.family == "sd":
        _classify_development(ev, m, concept, mention)
    return _finish(ev, m, concept, mention, is_quoted)


def _note_label(ev: SentenceEvidence, earlier: list[Candidate]) -> Candidate | None:
    """The strategic development an event note names in the label it opens with ("Property
    destruction:", "Looting:"): ACLED's coder wrote the event's type there, so the violent
    acts the rest of its sentence tells are that development."""
    first = earlier[0] if earlier else None
    if first is None or first.match.start != 0 or first.concept.family != "sd":
        return None
    return first if ev.sa.keys[first.match.end - 1] == ":" else None


def _draft(
    ev: SentenceEvidence, m: TriggerMatch, concept: Concept, earlier: list[Candidate]
) -> tuple[EventMention, bool]:
    """The mention with its trigger span, realis, CAMEO code and arguments as the words around
    the trigger give them; and whether it stands quoted (a statement whose speaker is named
    outside the quotation is not)."""
    sa, keys = ev.sa, ev.sa.keys
    passive = m.trigger.pos == "verb" and (is_passive(keys, m.start, sa.words) or (
        concept.concept in sa.words.harm_concept
        and is_reduced_passive(keys, m.start, m.end, sa.words)))
    actor1, actor2 = find_arguments(sa, m, concept, passive, earlier)
    is_quoted = ev.quoted[m.start]
    speaker_rule = ""
    if is_quoted and concept.family == "verbal":
        # "... which we strongly condemn," the spokesman said: the speaker is the actor
        speaker = quoted_speaker(sa, ev.quoted, m.start, ev.rules)
        if speaker is not None:
            actor1, is_quoted, speaker_rule = speaker, False, "reported-speech"
    if m.trigger.swap_if and any(k in keys[m.start : m.end]
                                 for k in ev.rules.filters[m.trigger.id].swap_if):
        actor1, actor2 = swapped(sa, m, actor2)
    if m.trigger.finder:
        actor1 = None  # who found the bodies is not who killed them
    if actor1 is not None and actor2 is not None and actor1.span == actor2.span:
        actor2 = None  # the same words never name both sides
    tokens = sa.tokens
    start, end = tokens[m.start].start, tokens[m.end - 1].end
    mention = EventMention(
        doc_id=sa.sentence.doc_id,
        sentence_index=sa.sentence.index,
        sentence_text=sa.sentence.text,
        trigger=Span(start, end, sa.sentence.text[start:end]),
        kind=EventType("", "", concept.cameo_code),
        rule_ids=[m.trigger.id, speaker_rule] if speaker_rule else [m.trigger.id],
        actor1=actor1,
        actor2=actor2,
        realis=_realis(ev, m, concept),
    )
    return mention, is_quoted


def _realis(ev: SentenceEvidence, m: TriggerMatch, concept: Concept) -> str:
    """The trigger's fixed realis, else what the words before it say; an act of conflict
    followed by a cancellation ("a planned march ... did not take place") is denied."""
    sa = ev.sa
    found = m.trigger.realis or realis(sa.keys, m.start, ev.rules, m.trigger.pos, sa.cue_kinds,
                                       sa.words, concept.family in DEMONSTRATION_FAMILIES)
    if concept.family in CONFLICT_FAMILIES and sentence_has_cue(
        sa, ev.rules, "cancelled", m.end, m.end + 8
    ):
        return "denied"
    return found


def _violent_actors(
    ev: SentenceEvidence, m: TriggerMatch, concept: Concept, mention: EventMention
) -> Concept:
    """The actors a violent event implies: the force that holds an attacked facility, the
    state whose weapon struck, the actor a source blames. Returns the event's concept (an
    "overran an army post" takes a position, not a town: an attack)."""
    sa = ev.sa
    actor1 = mention.actor1
    if actor1 is not None and actor1.actor.kind == "government":
        # "Government artillery pounded ...": the government's armed forces
        a_end = mention_index(sa, actor1)[1]
        if any(0 <= w - a_end <= 1 for w in sa.weapon_positions):
            actor1 = None
    if mention.actor2 is None:
        mention.actor2 = force_of_facility(sa, m.end, ev.rules)  # "an attack on a police post"
        if concept.concept == "capture_territory" and mention.actor2 is not None:
            concept = ev.rules.concepts["attack"]
    victim = mention.actor2
    if victim is not None and _off_duty(sa, victim):
        # "gunmen killed an off-duty police officer": a civilian (ACLED)
        civilians = ActorDictionary.load().agents["civilians"]
        mention.actor2 = ActorMention(victim.span, agent_actor(
            civilians, victim.actor.country, sa.day), "agents:civilians:off-duty")
        mention.rule_ids.append("off-duty")
    if actor1 is None:
        # "an Israeli air strike", "a Russian missile", "a government drone": the state's
        # armed forces (ACLED's convention for state weapons)
        state = state_forces_before(sa, [m.start, *sa.weapon_positions])
        if state is not None:
            mention.actor1 = state
            mention.rule_ids.append("state-weapon")
        else:
            # "..., aid workers said, blaming forces loyal to Haftar": the source's attribution
            mention.actor1 = attributed(sa, m.end, ev.rules)
            if mention.actor1 is not None:
                mention.rule_ids.append("attribution")
    return concept


def _off_duty(sa: SentenceAnalysis, actor: ActorMention | None) -> bool:
    """A member of the state's forces named as off duty, retired or former (words.csv off_duty,
    among the words of the noun phrase before the mention): ACLED codes violence against such
    people as violence against civilians."""
    words = sa.words
    if actor is None or actor.actor.kind not in words.force_kind:
        return False  # police and soldiers; a former governor is an elite (actors stage)
    start = mention_index(sa, actor)[0]
    for key in reversed(sa.keys[max(0, start - _MODIFIERS_BEFORE) : start]):
        if key in words.determiner or key in words.clause_break_or_comma:
            return False
        if key in words.off_duty:
            return True
    return False


# how many words before an actor mention its noun phrase's modifiers may stand ("an off-duty")
_MODIFIERS_BEFORE = 4


def _classify_violence(
    ev: SentenceEvidence, m: TriggerMatch, concept: Concept, mention: EventMention,
    weapon: Weapon | None,
) -> None:
    """The ACLED type and civilian targeting of a violent event; a territory taken without
    resistance, or a foiled attack, is a strategic development."""
    sa = ev.sa
    ground = bool(ev.weapons) and any(w.weapon == "firearm" for w, _ in ev.weapons)
    crowd = acts_as_crowd(mention.actor1, _words_before(sa, mention.actor1)) or (
        mention.actor1 is None and _crowd_subject(sa, m))
    mention.kind, mention.civilian_targeting = classify_violence(
        concept, weapon, mention.actor1, mention.actor2, victims_armed(sa.casualties), ground,
        crowd, ev.demonstrating or _names_demonstrators(sa, mention.actor2))
    if crowd and mention.actor1 is None:
        mention.rule_ids.append("crowd-subject")
    if concept.resolve and mention.kind.event_type == EVENT.battles:
        mention.rule_ids.append(ARMED_TARGET)  # an attack on armed people, no fight told
    if concept.concept in TERRITORY_CONCEPTS and sentence_has_cue(sa, ev.rules, "unopposed"):
        # "took control of the town without resistance": no battle (ACLED)
        mention.kind = KIND.non_violent_transfer
        mention.rule_ids.append("cues:unopposed")
    if sentence_has_cue(sa, ev.rules, "disrupted", max(0, m.start - 6), m.end + 3):
        # "police foiled a car bomb attack": the weapon never went off (ACLED)
        mention.kind = KIND.disrupted_weapons_use
        mention.civilian_targeting = False
        mention.realis = "actual"
        mention.rule_ids.append("cues:disrupted")


# how far before a clash its sides may be named, within its clause ("supporters of the two
# candidates clashed"; "supporters of the governor and those of the senator clashed": two sides
# each named with its leader's title and name), and after it ("clashes between rival supporters")
_SIDES_BEFORE = 20
_SIDES_AFTER = 6


def _crowds_clash(sa: SentenceAnalysis, m: TriggerMatch, mention: EventMention) -> bool:
    """"Rival supporters clashed", "two groups of students fought": a clash between crowds (a
    crowd word in the words before it or after "between"), no armed
    group among its sides (words.csv crowd_side) and no word that arms them (armed_qualifier:
    "armed factions", "rival gangs"). ACLED: mob violence, battles need organised armed
    groups."""
    if is_armed(mention.actor1) or is_armed(mention.actor2):
        return False
    words = sa.words
    keys = sa.keys
    before: list[str] = []
    for k in reversed(keys[max(0, m.start - _SIDES_BEFORE) : m.start]):
        if k in words.clause_break_or_comma:
            break
        before.append(k)
    after = keys[m.end : m.end + _SIDES_AFTER]
    if after[:1] == ["between"] or after[:2] == ["broke", "out"]:
        before += after
    # "armed factions", "rival gangs", "militias of two factions": armed sides, a battle
    return not words.crowd_side.isdisjoint(before) and words.armed_qualifier.isdisjoint(before)


def _mob_justice(sa: SentenceAnalysis, concept: Concept) -> bool:
    """"Two suspected witches were burnt to death", "a man suspected of stealing a goat was
    stoned to death": a killing or injury with no perpetrator named, of people accused of
    witchcraft (words.csv witchcraft_word), or of theft (theft_word) done the way a crowd
    punishes (mob_manner). ACLED codes such lynchings by residents as mob violence."""
    words = sa.words
    if concept.concept not in words.harm_concept:
        return False
    keys = set(sa.keys)
    if not words.witchcraft_word.isdisjoint(keys):
        return True
    return not words.theft_word.isdisjoint(keys) and not words.mob_manner.isdisjoint(keys)


# how far before a violent verb its subject may stand, and after "by" in the passive
_SUBJECT_BEFORE = 6
_AGENT_AFTER = 6


def _crowd_subject(sa: SentenceAnalysis, m: TriggerMatch) -> bool:
    """"Angry voters beat up an official", "he was attacked by rival supporters": the act's
    subject (the words before the verb in its clause; in the passive, the words after "by"),
    for which no actor was named, is a crowd (words.csv crowd_subject). Verbs only: a noun
    trigger has no subject of its own."""
    if m.trigger.pos != "verb":
        return False
    keys, words = sa.keys, sa.words
    if is_passive(keys, m.start, words):
        after = keys[m.end : m.end + _AGENT_AFTER]
        if "by" not in after:
            return False
        agent: list[str] = []
        for k in after[after.index("by") + 1 :]:
            if k in words.clause_break_or_comma:
                break
            agent.append(k)
        return _a_crowd(agent, words)
    subject: list[str] = []
    for k in reversed(keys[max(0, m.start - _SUBJECT_BEFORE) : m.start]):
        if k in words.clause_break_or_comma:
            break
        subject.append(k)
    return _a_crowd(subject, words)


def _a_crowd(phrase: list[str], words: EventWords) -> bool:
    """A crowd word with no word that makes it an armed group ("armed youths")."""
    return not words.crowd_subject.isdisjoint(phrase) and words.armed_qualifier.isdisjoint(phrase)


def _names_demonstrators(sa: SentenceAnalysis, actor: ActorMention | None) -> bool:
    """The actor is named as demonstrators ("protesters", "marchers": words.csv
    demonstrator_word), not as people who may go on strike ("workers")."""
    if actor is None:
        return False
    return actor.span.text.rsplit(" ", 1)[-1].lower() in sa.words.demonstrator_word


def _words_before(sa: SentenceAnalysis, actor: ActorMention | None) -> list[str]:
    """The two token keys before an actor the sentence names ([] for any other actor)."""
    if actor is None or not any(a is actor for a in sa.actors):
        return []
    start = mention_index(sa, actor)[0]
    return sa.keys[max(0, start - 2) : start]


def _demonstration_actors(ev: SentenceEvidence, concept: Concept, mention: EventMention) -> None:
    """A demonstration's actors: the crowd, and the force that intervened in it."""
    sa = ev.sa
    forces = sa.words.force_kind
    actor1, actor2 = mention.actor1, mention.actor2
    if actor1 is not None and actor1.actor.kind in forces:
        # "riot police dispersed thousands rallying ...": the force intervened in the crowd's
        # demonstration; the crowd is actor1
        actor1, actor2 = None, actor1
        mention.actor1 = None
    if concept.concept != "mob_violence" and (actor2 is None or not is_armed(actor2)):
        # "protesters clashed with riot police": the force that intervened (", police said"
        # is the source)
        actor2 = next((a for a in sa.actors if a is not actor1 and a.actor.kind in forces
                       and not is_speaker(sa, a)), actor2)
    mention.actor2 = actor2


def _classify_demonstration(
    ev: SentenceEvidence, concept: Concept, mention: EventMention, earlier: list[Candidate]
) -> None:
    """A demonstration's ACLED type, from its cues and any state violence reported before it in
    the sentence."""
    state_violence = any(
        c.concept.family == "violence" and c.mention.actor1 is not None
        and c.mention.actor1.actor.inter == INTER_CODE.state_forces for c in earlier
    )
    mention.kind = classify_demonstration(concept, ev.cues, state_violence, mention.actor1)
    for cue in sorted(ev.cues & _NAMED_CUES):
        mention.rule_ids.append(f"cues:{cue}")


def _classify_development(
    ev: SentenceEvidence, m: TriggerMatch, concept: Concept, mention: EventMention
) -> None:
    """A strategic development's type is its concept's; destroyed homes belong to civilians;
    the one actor an arrest label names is the one arrested."""
    mention.kind = EventType(concept.event_type, concept.sub_event_type, concept.cameo_code)
    if concept.concept == "arrest_label" and mention.actor2 is None:
        # "Arrests: a former governor was arrested ...": the label names no arresting force;
        # whoever the note names is the one arrested (the document stage adds the police)
        mention.actor1, mention.actor2 = None, mention.actor1
    if concept.sub_event_type == SUB.looting_property_destruction and mention.actor2 is None \
            and sentence_has_cue(ev.sa, ev.rules, "civilian_property", m.start, m.end + 6):
        # "torched 100 houses", "demolished Palestinian homes": the owners are the target
        mention.actor2 = owners(ev.sa)


def _finish(
    ev: SentenceEvidence, m: TriggerMatch, concept: Concept, mention: EventMention,
    is_quoted: bool,
) -> Candidate:
    """The mention's date and place, and the candidate with what the document stage needs:
    whether it refers back to a known event, names it as background, or is ongoing."""
    sa, keys, words = ev.sa, ev.sa.keys, ev.sa.words
    mention.date_expression = nearest_date(sa.dates, mention.trigger, sa.sentence.text, words,
                                           ev.trigger_starts)
    mention.place = event_place(sa, mention.trigger)
    noun = m.trigger.pos == "noun"
    anaphoric = noun and refers_back(keys, m.start, words)
    # "protesting against the coup", "after the attack": a known event named as background
    background = anaphoric and not words.background_preposition.isdisjoint(
        keys[max(0, m.start - 3) : m.start])
    ongoing = "habitual" in ev.cues or (
        not noun and keys[m.start].endswith("ing") and m.start > 0
        and keys[m.start - 1] in words.progressive_be
    )
    return Candidate(mention, concept, m.trigger, m, anaphoric=anaphoric, ongoing=ongoing,
                     quoted=is_quoted, background=background)
