"""Events in one sentence: the entry point of the stage.

Input is a sentence already analysed by the other stages (tokens, actors, places, dates,
casualties); output is a list of `Candidate`s, each holding an `EventMention` that names the
rules that fired. The jobs are the sibling modules': trigger selection (`triggers`), realis
(`realis`), actor and target (`arguments`, `forces`, `coordination`), date and place
(`attachment`), ACLED and CAMEO types (`classification`), one mention's steps (`candidates`).
"""

from __future__ import annotations

from coder.dictionaries.rules import RuleSet, TriggerMatch, load_rules
from coder.dictionaries.taxonomy import EVENT, KIND, SUB, EventType
from coder.stages.events.analysis import (
    CONFLICT_FAMILIES,
    DEMONSTRATION_FAMILIES,
    Candidate,
    SentenceAnalysis,
    actor_bounds,
    cue_kinds,
    event_words,
    quoted_flags,
    sentence_cues,
    sentence_has_cue,
)
from coder.stages.events.candidates import SentenceEvidence, build_candidate
from coder.stages.events.classification import is_armed, weapons_named
from coder.stages.events.coordination import coordinated_copies
from coder.stages.events.triggers import find_triggers

# a riot, and a crowd's violent act (stones, arson): a demonstration's when one is named
_RIOT_CONCEPTS = frozenset({"riot", "crowd_violence"})


def find_events(
    sa: SentenceAnalysis,
    rules: RuleSet | None = None,
    matches: list[TriggerMatch] | None = None,
) -> list[Candidate]:
    """Every event the sentence reports, before document-level linking."""
    rules = rules or load_rules()
    if matches is None:
        matches = find_triggers(sa.tokens, rules)
    matches = _outside_dates(sa, matches)
    if not matches:
        return []
    _prepare(sa, rules)
    if sentence_has_cue(sa, rules, "discard"):
        # "Salah shot past the goalkeeper", "a lightning strike killed": no violence; but
        # "students rioted after a road accident" is a riot over it
        matches = [m for m in matches
                   if rules.concepts[m.trigger.concept].family != "violence"]
        if not matches:
            return []
    families = {rules.concepts[m.trigger.concept].family for m in matches}
    ev = _evidence(sa, rules, families)
    if len(matches) > 1 and len(sa.dates) > 1:
        ev.trigger_starts = tuple(sa.tokens[m.start].start for m in matches)
    out: list[Candidate] = []
    for m in matches:
        concept = rules.concepts[m.trigger.concept]
        if concept.family == "verbal" and not sa.actors:
            continue  # a statement needs someone who made it; none is named here
        cand = build_candidate(ev, m, concept, out)
        if cand is not None:
            copies = coordinated_copies(sa, cand, out)  # `out` holds the earlier candidates
            out.append(cand)
            out += copies
    if "protest" in families and "violence" in families:
        out = _grievances_dropped(sa, out)
    _killed_in_a_fight(out)
    _abducted_and_harmed(sa, out)
    out = _one_fight(out)
    families = {c.concept.family for c in out}  # a clash may have become a riot
    if "sd" in families and not CONFLICT_FAMILIES.isdisjoint(families):
        out = _arrests_in_the_act(sa, out)
    if "riot" in families and "protest" not in families:
        _mob_not_demonstration(out)
    elif "riot" in families:
        out = _one_demonstration(out)
    return out


def _outside_dates(sa: SentenceAnalysis, matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """The matches that do not start inside a date: "on 4 March 2023" (a gap may hold one:
    "called on Monday for")."""
    if not matches or not sa.dates:
        return matches
    tokens = sa.tokens
    spans = [(d.span.start, d.span.end) for d in sa.dates]
    return [m for m in matches if not any(s <= tokens[m.start].start < e for s, e in spans)]


def _prepare(sa: SentenceAnalysis, rules: RuleSet) -> None:
    """Fill in what every trigger of the sentence reads (perf: once per sentence): the token
    keys, the cue kinds, the verbs of saying, the word sets, the actors' token bounds."""
    if len(sa.keys) != len(sa.tokens):  # the caller did not fill them in
        sa.keys = [t.key for t in sa.tokens]
    sa.cue_kinds = cue_kinds(sa.keys, rules)
    sa.speech_verbs = rules.cue_keys.get("speech", {})
    sa.words = event_words()
    sa.bounds = actor_bounds(sa)
    sa.place_ranks = None


def _evidence(sa: SentenceAnalysis, rules: RuleSet, families: set[str]) -> SentenceEvidence:
    """What the sentence says once for all its triggers: quotations, weapons (only for
    violent triggers), demonstration cues (only for demonstration triggers)."""
    tokens, keys = sa.tokens, sa.keys
    if sa.starts_quoted or '"' in keys:
        quoted = quoted_flags(tokens, sa.starts_quoted, keys)
        if _quoted_report(sa, quoted):
            quoted = [False] * len(tokens)
    else:
        quoted = [False] * len(tokens)
    # perf: the weapon matcher's first words rule out most sentences without a scan of its own
    weapons = weapons_named(tokens, rules) if "violence" in families and not (
        rules.weapons.first_words.keys().isdisjoint(keys)) else []
    remote = [w for w in weapons if w[0].weapon != "firearm"]
    sa.weapon_positions = [i for _, i in weapons]
    cues = sentence_cues(sa, rules) if not DEMONSTRATION_FAMILIES.isdisjoint(families) else set()
    # the sentence shows people demonstrating: a demonstration trigger or a crowd's activity
    demonstrating = not DEMONSTRATION_FAMILIES.isdisjoint(families) or sentence_has_cue(
        sa, rules, "assembly")
    return SentenceEvidence(sa, rules, quoted, cues, weapons, remote[0] if remote else None,
                            demonstrating=demonstrating)


def _quoted_report(sa: SentenceAnalysis, quoted: list[bool]) -> bool:
    """A sentence quoted whole, in the third person and with no verb of saying ("\"One aid
    worker was shot in the leg.\""): a report's words cited as written, not a speaker's
    rhetoric, so its events are reported as happened."""
    keys, speech, first = sa.keys, sa.speech_verbs, sa.words.first_person
    outside = (k for q, k in zip(quoted, keys, strict=True) if not q)
    if not any(quoted) or any(k[:1].isalnum() for k in outside):
        return False  # some words stand outside the quotation
    return not any(k in speech or k in first for k in keys)


def _mob_not_demonstration(candidates: list[Candidate]) -> None:
    """"A mob set fire to houses": rioting by a mob, with no demonstration named, is mob
    violence (ACLED), not a demonstration turned violent."""
    mob = next((c for c in candidates if c.concept.concept == "mob_violence"), None)
    if mob is None:
        return
    violent_demonstration = SUB.violent_demonstration
    for c in candidates:
        if c.mention.kind.sub_event_type == violent_demonstration:
            c.mention.kind = mob.mention.kind


def _grievances_dropped(sa: SentenceAnalysis, candidates: list[Candidate]) -> list[Candidate]:
    """"Hundreds protest army raids on newspapers", "residents demonstrated over the killing of
    a driver by police": violence named after a demonstration, past a grievance word (words.csv
    grievance) or as the protest verb's object, is what the crowd protests, not force used on
    it nor an event this sentence reports."""
    protest = next((c for c in candidates if c.concept.family == "protest"
                    and c.mention.realis == "actual" and not c.anaphoric and not c.background
                    and not c.quoted), None)
    if protest is None:
        return candidates
    keys, words = sa.keys, sa.words
    start = protest.match.end
    drop = []
    for c in candidates:
        if c.concept.family != "violence" or c.match.start < start:
            continue
        between = keys[start : c.match.start]
        if not words.clause_break_or_comma.isdisjoint(between):
            continue
        if not words.grievance.isdisjoint(between) or (
                protest.trigger.pos == "verb" and len(between) <= 3):
            drop.append(c)
    return [c for c in candidates if c not in drop]


def _abducted_and_harmed(sa: SentenceAnalysis, candidates: list[Candidate]) -> None:
    """"Gunmen kidnapped a chief and killed him": an abduction the sentence reports with a
    killing or injury (words.csv harm_concept) is an attack (ACLED: abduction only with no
    further violence)."""
    harmed = any(c.concept.concept in sa.words.harm_concept and c.mention.realis == "actual"
                 for c in candidates)
    if not harmed:
        return
    for c in candidates:
        m = c.mention
        if m.kind.sub_event_type == SUB.abduction_forced_disappearance:
            m.kind = EventType(EVENT.violence_against_civilians, SUB.attack, m.kind.cameo_code)
            m.rule_ids.append("abducted-and-harmed")


def _killed_in_a_fight(candidates: list[Candidate]) -> None:
    """"Police killed two suspects in a shootout": an armed actor's killing that the sentence
    places in a fight (a clash noun with no sides of its own; "claiming they fought back" is
    no such account) was a battle, not an attack on
    civilians (ACLED: an armed clash between two organised armed sides), unless its victims are
    named as civilians."""
    if not any(c.concept.concept == "clash" and c.trigger.pos == "noun"
               and c.mention.actor1 is None and c.mention.actor2 is None for c in candidates):
        return
    for c in candidates:
        m = c.mention
        if c.concept.family == "violence" and m.kind.sub_event_type == SUB.attack \
                and is_armed(m.actor1) and m.actor2 is None:
            m.kind = KIND.armed_clash_fire
            m.civilian_targeting = False
            m.rule_ids.append("killed-in-a-fight")


def _one_fight(candidates: list[Candidate]) -> list[Candidate]:
    """"Police engaged in a shoot-out with a suspect; ...": two accounts in one sentence of a
    battle between the same two sides, named in the other order, are one battle."""
    battles = [c for c in candidates if c.mention.kind.sub_event_type == SUB.armed_clash
               and c.mention.actor1 is not None and c.mention.actor2 is not None]
    if len(battles) < 2:
        return candidates
    drop: list[Candidate] = []
    for i, a in enumerate(battles):
        for b in battles[i + 1 :]:
            if b not in drop and a not in drop and _sides(a) == _sides(b)[::-1]:
                a.mention.rule_ids += [r for r in b.mention.rule_ids
                                       if r not in a.mention.rule_ids]
                drop.append(b)
    return [c for c in candidates if c not in drop]


def _sides(c: Candidate) -> tuple[str, str]:
    m = c.mention
    assert m.actor1 is not None and m.actor2 is not None
    return m.actor1.actor.name, m.actor2.actor.name


def _same_occasion(sa: SentenceAnalysis, a: Candidate, b: Candidate) -> bool:
    """Two events of a sentence on one occasion: no different dates of their own, and no word
    of sequence between them ("stormed the base, hours after he was arrested")."""
    da, db = a.mention.date_expression, b.mention.date_expression
    if da is not None and db is not None and da.span != db.span:
        return False
    lo, hi = sorted((a.match.start, b.match.start))
    return sa.words.sequel.isdisjoint(sa.keys[lo:hi])


def _arrests_in_the_act(sa: SentenceAnalysis, candidates: list[Candidate]) -> list[Candidate]:
    """"Police shot one gang member and arrested seven", "beat up residents, arresting ten":
    arrests of unnamed people the sentence reports with the violence or demonstration they were
    part of are that event's (ACLED codes one event, arrests only as significant events of
    their own). An event named as background ("arrested in connection with the attack") takes
    none."""
    host = next((c for c in candidates if c.concept.family in CONFLICT_FAMILIES
                 and c.mention.realis == "actual" and not c.anaphoric and not c.background
                 and not c.quoted and (c.trigger.pos == "verb" or c.mention.actor1 is not None)),
                None)
    if host is None:
        return candidates
    # "protested against the arrest of": an arrest named by a noun is the grievance; the
    # arrest of a named person or group is significant, an event of its own
    arrests = [c for c in candidates if c.mention.kind.sub_event_type == SUB.arrests
               and c.mention.realis == "actual" and c.trigger.pos == "verb"
               and (c.mention.actor2 is None or c.mention.actor2.rule_id.startswith("agents:"))
               and _same_occasion(sa, host, c)]
    m = host.mention
    for c in arrests:
        m.rule_ids += [r for r in c.mention.rule_ids if r not in m.rule_ids]
        if m.kind.sub_event_type == SUB.peaceful_protest:
            m.kind = KIND.protest_with_intervention  # demonstrators arrested (ACLED)
    return [c for c in candidates if c not in arrests]


def _one_demonstration(candidates: list[Candidate]) -> list[Candidate]:
    """"Residents protested, blocking the highway": the violent act of a crowd that the
    sentence shows demonstrating is the demonstration's own (ACLED: demonstrators who commit
    violence or destruction, a violent demonstration), one event and not two. The riot takes
    over what the sentence's demonstrations say of it (back-references and background aside)."""
    riot = next((c for c in candidates if c.concept.concept in _RIOT_CONCEPTS and not c.quoted),
                None)
    if riot is None:
        return candidates
    r = riot.mention
    r.kind = KIND.violent_demonstration  # a crowd's act at a demonstration
    protests = [c for c in candidates if c.concept.family == "protest" and not c.anaphoric
                and not c.background and not c.quoted and c.mention.realis == r.realis]
    for protest in protests:
        m = protest.mention
        r.actor1 = r.actor1 or m.actor1
        r.actor2 = r.actor2 or m.actor2
        r.place = r.place or m.place
        r.date_expression = r.date_expression or m.date_expression
        r.rule_ids += [x for x in m.rule_ids if x not in r.rule_ids]
        riot.ongoing = riot.ongoing and protest.ongoing  # "dispersed protesters who had been
        # blocking the road": the dispersal dates the demonstration
    return [c for c in candidates if c not in protests]
