"""Events in one sentence: triggers, voice, actor and target, realis, ACLED and CAMEO types.

Input is a sentence already analysed by the other stages (tokens, actors, places, dates,
casualties); output is a list of `EventMention`s, each naming the rules that fired.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from coder.dictionaries.rules import (
    Concept,
    RuleSet,
    Trigger,
    TriggerMatch,
    Weapon,
    load_rules,
    word_sets,
)
from coder.models import (
    ActorMention,
    CasualtyMention,
    DateExpression,
    EventMention,
    EventType,
    PlaceMention,
    Sentence,
    Span,
)
from coder.stages.actors import ActorDictionary, agent_actor
from coder.stages.events.classification import (
    classify_demonstration,
    classify_violence,
    is_armed,
    weapons_named,
)
from coder.text.tokens import Token, phrase_key

# closed grammatical word sets, from coder/data/events/words.csv
_WORDS = word_sets()
_BE = _WORDS["be"]
_ADVERBS = _WORDS["adverb"]
_IRREGULAR_PARTICIPLES = _WORDS["participle"]
_PREPOSITIONS = _WORDS["preposition"]
_DETERMINERS = _WORDS["determiner"]
_ANAPHORIC = _WORDS["anaphoric"]
_CLAUSE_BREAK = _WORDS["clause_break"]
_CLAUSE_BREAK_OR_COMMA = _CLAUSE_BREAK | {","}
_LIGHT_VERBS = _WORDS["light_verb"]
_OBJECT_PREPS = _WORDS["object_preposition"]
_BY = frozenset({"by"})
_WITH = frozenset({"with"})
_FROM = frozenset({"from"})
_TERRITORY = frozenset({"capture_territory", "regain_territory"})
_AND_COMMA = frozenset({"and", ","})
_AND = frozenset({"and"})
_INCLUDING = frozenset({"including"})
_FROM_INCLUDING = frozenset({"from", "including"})


def _speech_verbs() -> dict[str, str]:
    """The one-word verbs of saying (cues.csv, kind `speech`)."""
    return load_rules().cue_keys.get("speech", {})
_FIRST_PERSON = _WORDS["first_person"]
_ARMED_VICTIMS = _WORDS["armed_victim"]


@dataclass(slots=True)
class SentenceAnalysis:
    """Everything the earlier stages found in one sentence."""

    sentence: Sentence
    tokens: list[Token] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateExpression] = field(default_factory=list)
    casualties: list[CasualtyMention] = field(default_factory=list)
    is_title: bool = False
    starts_quoted: bool = False  # a quotation opened in an earlier sentence is still open
    day: dt.date | None = None  # the document's anchor date (office holders, regime years)
    keys: list[str] = field(default_factory=list)  # token keys (find_events fills them in)
    # the kinds of the cue phrases that start with one of its keys (filled by find_events)
    cue_kinds: set[str] = field(default_factory=set)
    # the verbs of saying, `_speech_verbs()` (filled by find_events: perf, one lookup per call)
    speech_verbs: dict[str, str] = field(default_factory=dict)
    token_index: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    weapon_positions: list[int] = field(default_factory=list)  # token index of each weapon
    # perf: each actor with its token indexes (first, one past last), in the order of `actors`;
    # filled by find_events, so the argument searches do not look the indexes up per candidate
    bounds: list[tuple[ActorMention, int, int]] = field(default_factory=list)
    # the places that may be an event's place, each with its (specific, prepositional) rank:
    # the same for every event of the sentence (filled on first use, reset by find_events)
    place_ranks: list[tuple[PlaceMention, int, int]] | None = None


@dataclass(slots=True)
class Candidate:
    """An event mention being built, with what the document stage needs to finish it."""

    mention: EventMention
    concept: Concept
    trigger: Trigger
    match: TriggerMatch
    anaphoric: bool = False  # "the attack": refers back to an event already reported
    background: bool = False  # "... against the coup": a back-reference used as background
    ongoing: bool = False  # habitual or continuing activity with no day of its own
    quoted: bool = False


def quoted_flags(
    tokens: list[Token], inside: bool = False, keys: list[str] | None = None
) -> list[bool]:
    """For each token, whether it stands inside double quotation marks (`inside`: the sentence
    starts inside a quotation opened by an earlier sentence; `keys`: the tokens' keys, when the
    caller has them)."""
    if keys is None:
        keys = [t.key for t in tokens]
    flags: list[bool] = []
    start = 0  # the first token whose flag is not set yet
    # perf: from quotation mark to quotation mark (found by `list.index`), not token by token
    for _ in range(keys.count('"')):
        i = keys.index('"', start)
        flags += [inside] * (i - start)
        # a straight quote toggles; a curly one says which side it is
        text = tokens[i].text
        if text in "\u201c\u201e\u00ab":
            inside = True
        elif text in "\u201d\u00bb":
            inside = False
        else:
            inside = not inside
        flags.append(False)
        start = i + 1
    flags += [inside] * (len(keys) - start)
    return flags


def find_triggers(tokens: list[Token], rules: RuleSet | None = None,
                  keys: list[str] | None = None) -> list[TriggerMatch]:
    """The trigger phrases a sentence contains (cheap: run it first, and skip the sentence's
    other stages when there are none). `keys`, when given, are the tokens' keys."""
    rules = rules or load_rules()
    if not tokens:
        return []
    if keys is None:
        keys = [t.key for t in tokens]  # perf: once for the three steps
    matches = _filter_matches(rules.index.find(tokens, keys), tokens, keys)
    return _select_matches(matches, tokens, keys)


def find_events(
    sa: SentenceAnalysis,
    rules: RuleSet | None = None,
    matches: list[TriggerMatch] | None = None,
) -> list[Candidate]:
    """Every event the sentence reports, before document-level linking."""
    rules = rules or load_rules()
    tokens = sa.tokens
    if matches is None:
        matches = find_triggers(tokens, rules)
    if matches and sa.dates:
        # "on 4 March 2023": a word inside a date never starts a trigger (a gap may hold one:
        # "called on Monday for")
        spans = [(d.span.start, d.span.end) for d in sa.dates]
        matches = [m for m in matches
                   if not any(s <= tokens[m.start].start < e for s, e in spans)]
    if not matches:
        return []
    if len(sa.keys) != len(tokens):  # the caller did not fill them in
        sa.keys = [t.key for t in tokens]
    keys = sa.keys
    sa.cue_kinds = _cue_kinds(keys, rules)
    sa.speech_verbs = _speech_verbs()
    if _has_cue(sa, rules, "discard"):
        # "Salah shot past the goalkeeper", "a lightning strike killed": not conflict
        matches = [m for m in matches
                   if rules.concepts[m.trigger.concept].family not in {"violence", "riot"}]
        if not matches:
            return []
    if sa.starts_quoted or '"' in keys:
        quoted = quoted_flags(tokens, sa.starts_quoted, keys)
    else:
        quoted = [False] * len(tokens)
    families = {rules.concepts[m.trigger.concept].family for m in matches}
    sa.bounds = _actor_bounds(sa)
    sa.place_ranks = None
    # weapons and demonstration cues matter only to violent and demonstration triggers (perf:
    # the weapon matcher's first words rule out most sentences without a scan of its own)
    weapons = weapons_named(tokens, rules) if "violence" in families and not (
        rules.weapons.first_words.keys().isdisjoint(keys)) else []
    remote = [w for w in weapons if w[0].weapon != "firearm"]
    weapon_hit = remote[0] if remote else None
    sa.weapon_positions = [i for _, i in weapons]
    cues = _sentence_cues(sa, rules) if families & {"protest", "riot"} else set()
    out: list[Candidate] = []
    for m in matches:
        concept = rules.concepts[m.trigger.concept]
        if concept.family == "verbal" and not sa.actors:
            continue  # a statement needs someone who made it; none is named here
        cand = _build(sa, m, concept, rules, quoted, keys, cues, weapon_hit, out, weapons)
        if cand is not None:
            copies = _coordinated_copies(sa, cand, out)  # `out` holds the earlier candidates
            out.append(cand)
            out += copies
    if "riot" in families and "protest" not in families:
        _mob_not_demonstration(out)
    return out


def _mob_not_demonstration(candidates: list[Candidate]) -> None:
    """"A mob set fire to houses": rioting by a mob, with no demonstration named, is mob
    violence (ACLED), not a demonstration turned violent."""
    mob = next((c for c in candidates if c.concept.concept == "mob_violence"), None)
    if mob is None:
        return
    for c in candidates:
        if c.mention.kind.sub_event_type == "Violent demonstration":
            c.mention.kind = mob.mention.kind


def _owners(sa: SentenceAnalysis) -> ActorMention:
    """The civilians whose property an event destroyed (their country comes with the event)."""
    civilians = ActorDictionary.load().agents["civilians"]
    return ActorMention(Span(-1, -1, ""), agent_actor(civilians, "", sa.day),
                        "agents:civilians:property")



def _coordinated_copies(
    sa: SentenceAnalysis, cand: Candidate, earlier: list[Candidate]
) -> list[Candidate]:
    """One event per coordinated subject ("The US and Saudi Arabia condemned ..."), or the
    partner as counterpart or associated actor, as the event's kind requires."""
    m = cand.mention
    if m.actor1 is None:
        return []
    partners = _coordinated(sa, m.actor1, earlier)
    if not partners:
        return []
    family = cand.concept.family
    if cand.concept.concept == "clash" and m.actor2 is None:
        m.actor2, m.actor1 = m.actor1, partners[0]  # "X and Y clashed": the two sides
        m.assoc1 = partners[1:]
        return []
    if family in {"violence", "protest", "riot"}:
        def weight(a: ActorMention) -> int:  # state forces, then named groups, then generic
            return 2 if a.actor.inter == 1 else 1 if a.rule_id.startswith("organisations:") else 0

        primary = max(partners, key=weight)
        if weight(primary) > weight(m.actor1):
            # "RSF fighters and allied militiamen killed ...": the named or state actor leads
            partners = [p for p in partners if p is not primary] + [m.actor1]
            m.actor1 = primary
            if cand.concept.concept in {"capture_territory", "regain_territory"} and \
                    m.kind.event_type == "Battles":
                m.kind, _ = classify_violence(cand.concept, None, primary, m.actor2, None)
        m.assoc1 = partners  # ACLED: allies of actor1 are associated actors
        return []
    if cand.concept.reciprocal and m.actor2 is None:
        # "Pakistan and China held joint exercises": each is the other's counterpart
        m.actor2 = partners[0]
        return []
    copies = []
    for partner in partners:
        # perf: `replace(m, actor1=partner, ...)` and `replace(cand, mention=mention)`, without
        # dataclasses.replace's inspection of the fields on every call
        mention = EventMention(*_MENTION_VALUES(m))
        mention.actor1 = partner
        mention.rule_ids = [*m.rule_ids, "coordination"]
        copy = Candidate(*_CANDIDATE_VALUES(cand))
        copy.mention = mention
        copies.append(copy)
    return copies


def _init_values(cls: type) -> attrgetter[tuple[Any, ...]]:
    """The values to call a dataclass with (positionally) for a copy of an instance: its
    `__init__` fields, in their order."""
    return attrgetter(*(f.name for f in fields(cls) if f.init))


_MENTION_VALUES = _init_values(EventMention)
_CANDIDATE_VALUES = _init_values(Candidate)


def _coordinated(
    sa: SentenceAnalysis, a: ActorMention, earlier: list[Candidate]
) -> list[ActorMention]:
    """Actors joined to `a` just before it by "and" or commas: "X, Y and Z" -> [Y, X]."""
    first = _mention_index(sa, a)[0]
    if first < 2 or _AND_COMMA.isdisjoint(sa.keys[max(0, first - 4) : first]):
        return []  # the common case: nothing coordinated
    ends = {a_end: other for other, _, a_end in sa.bounds}
    # a partner after an earlier verb is that verb's object ("killed two farmers and police
    # arrested ..."), not a co-subject
    floor = max((c.match.end for c in earlier), default=0)
    out: list[ActorMention] = []
    start = _mention_index(sa, a)[0]
    # "X and Macawisley clan militias", "X and allied Arab militiamen": up to three
    # unmatched words may qualify the second conjunct
    for skip in range(1, 4):
        if start - skip >= 1 and sa.keys[start - skip] in {"and", ","}:
            break
        tok = sa.tokens[start - skip] if start - skip >= 0 else None
        if tok is None or not tok.is_word or sa.keys[start - skip] in _CLAUSE_BREAK:
            return []
    else:
        return []
    start -= skip - 1
    while start >= 2 and sa.keys[start - 1] in {"and", ","}:
        partner = ends.get(start - 1)
        if partner is None or partner.actor == a.actor or _mention_index(sa, partner)[0] < floor:
            break
        out.append(partner)
        start = _mention_index(sa, partner)[0]
    return out


# --------------------------------------------------------------------------------------------
# Trigger selection
# --------------------------------------------------------------------------------------------


def _contains(keys: list[str], padded: tuple[str, ...], lo: int, hi: int) -> bool:
    """Whether one of the phrases (padded: " fight corruption ") occurs in keys[lo:hi]."""
    window = " " + " ".join(keys[max(lo, 0) : max(hi, 0)]) + " "
    return any(p in window for p in padded)


def _filter_matches(
    matches: list[TriggerMatch], tokens: list[Token], keys: list[str] | None = None
) -> list[TriggerMatch]:
    """Drop matches whose context words say they are not events ("fight corruption")."""
    if not matches:
        return matches
    rules = load_rules()
    filtered = rules.filtered
    for m in matches:
        if m.trigger.id in filtered:
            break
    else:
        return matches  # most triggers have no context conditions
    filters = rules.filters
    if keys is None:
        keys = [t.key for t in tokens]
    sentence = ""
    one_word_keys = True  # no key holds a space (so a phrase found starts with one of them)
    out = []
    for m in matches:
        f = filters[m.trigger.id]
        if f.unless:
            if not sentence:
                sentence = " " + " ".join(keys) + " "
                one_word_keys = sentence.count(" ") == len(keys) + 1
            # perf: most often no phrase can be there, as none starts with one of the keys
            if (not one_word_keys or not f.unless_first.isdisjoint(keys)) and any(
                p in sentence for p in f.unless
            ):
                continue
        if f.after and not _contains(keys, f.after, m.end, m.end + 8):
            if not (f.before and _contains(keys, f.before, m.start - 6, m.start)):
                continue
        elif f.before and not f.after and not _contains(keys, f.before, m.start - 6, m.start):
            continue
        if f.after_or_before and not _contains(keys, f.after_or_before, m.start - 8, m.end + 8):
            continue
        out.append(m)
    return out


def _select_matches(
    matches: list[TriggerMatch], tokens: list[Token], keys: list[str] | None = None
) -> list[TriggerMatch]:
    """Non-overlapping matches, longest first; a noun/verb tie is settled by the context."""
    if len(matches) <= 1:
        return matches
    if keys is None:
        keys = [t.key for t in tokens]
    # perf: the matches come in the order of their starts (as found), so each run of matches
    # overlapping one another is settled on its own (nothing outside a run overlaps it); most
    # runs are one match, or two readings of one word
    chosen: list[TriggerMatch] = []
    run = [matches[0]]
    end = matches[0].end
    for m in matches[1:]:
        if m.start < run[-1].start:  # not in order after all (sorting by start keeps the ties)
            return _select_matches(sorted(matches, key=_START), tokens, keys)
        if m.start < end:
            run.append(m)
            end = max(end, m.end)
            continue
        chosen += _settle(run, tokens, keys) if len(run) > 1 else run
        run = [m]
        end = m.end
    chosen += _settle(run, tokens, keys) if len(run) > 1 else run
    return chosen


def _settle(
    matches: list[TriggerMatch], tokens: list[Token], keys: list[str]
) -> list[TriggerMatch]:
    """The matches `_select_matches` keeps of a run of matches, in the order of their starts
    (as they come)."""
    first = matches[0].start
    if matches[-1].start == first:
        # one word read several ways: the longest, then the reading that fits, then the first
        pos = _likely_pos(tokens, first, keys)
        return [max(matches, key=lambda m: (m.end - first, m.trigger.pos == pos))]
    likely: dict[int, str] = {}  # start -> likely part of speech, for matches sharing it

    def score(m: TriggerMatch) -> tuple[int, int, int]:
        start = m.start
        pos = likely.get(start)
        if pos is None:
            pos = likely[start] = _likely_pos(tokens, start, keys)
        return (m.end - start, 1 if m.trigger.pos == pos else 0, -start)

    chosen: list[TriggerMatch] = []
    taken = [False] * len(tokens)
    for m in sorted(matches, key=score, reverse=True):
        if True in taken[m.start : m.end]:
            continue
        taken[m.start : m.end] = [True] * (m.end - m.start)
        chosen.append(m)
    return sorted(chosen, key=_START)


_START = attrgetter("start")
_END = attrgetter("end")


def _likely_pos(tokens: list[Token], i: int, keys: list[str]) -> str:
    word = keys[i]
    prev = keys[i - 1] if i > 0 else ""
    if prev in _DETERMINERS or tokens[i - 1].text[:1].isdigit() if i > 0 else False:
        return "noun"
    if word.endswith("ed"):
        return "verb"
    if word.endswith("ing"):
        # "Fighting between ... erupted", "after weeks of fighting", ", fighting broke out":
        # gerunds are nouns; ", killing five" is a participle
        nxt = keys[i + 1] if i + 1 < len(keys) else ""
        noun = i == 0 or prev in _PREPOSITIONS or nxt in _GERUND_NOUN_FOLLOWERS
        return "noun" if noun else "verb"
    if prev in _BE or prev in {"to", "will", "would", "could", "may", "might", "did", "not"}:
        return "verb"
    return "noun"


# --------------------------------------------------------------------------------------------
# Building one mention
# --------------------------------------------------------------------------------------------


def _cue_value(keys: list[str], rules: RuleSet, kind: str) -> str | None:
    """The value of the first (leftmost, then longest) cue phrase of `kind` in `keys`."""
    by_first = rules.cue_first.get(kind, {})
    if by_first.keys().isdisjoint(keys):  # perf: the common case, no phrase starts here
        return None
    table = rules.cue_keys[kind]
    for i, word in enumerate(keys):
        phrases = by_first.get(word)
        if phrases:
            for phrase in phrases:  # longest first
                if tuple(keys[i : i + len(phrase)]) == phrase:
                    return table[" ".join(phrase)]
    return None


def has_cue(
    keys: list[str], rules: RuleSet, kind: str, lo: int = 0, hi: int | None = None
) -> bool:
    """Whether a cue phrase of `kind` occurs in keys[lo:hi]."""
    by_first = rules.cue_first.get(kind, {})
    window = keys[max(lo, 0) : hi]
    if by_first.keys().isdisjoint(window):  # perf: the common case, no phrase starts here
        return False
    for i, word in enumerate(window):
        for phrase in by_first.get(word, ()):
            if tuple(window[i : i + len(phrase)]) == phrase:
                return True
    return False


_DEMO_CUE_KINDS = ("intervention", "lethal", "violent", "peaceful", "habitual")


def _cue_kinds(keys: list[str], rules: RuleSet) -> set[str]:
    """The kinds of the cue phrases that start with one of the keys (perf: a kind not among
    them need not be looked for, see `_has_cue`)."""
    starts = rules.cue_starts
    kinds: set[str] = set()
    for word in starts.keys() & keys:
        kinds |= starts[word]
    return kinds


def _has_cue(
    sa: SentenceAnalysis, rules: RuleSet, kind: str, lo: int = 0, hi: int | None = None
) -> bool:
    """`has_cue` on the sentence's keys (perf: without a scan when no phrase of `kind` starts
    with a word of the sentence, see `SentenceAnalysis.cue_kinds`)."""
    return kind in sa.cue_kinds and has_cue(sa.keys, rules, kind, lo, hi)


def _sentence_cues(sa: SentenceAnalysis, rules: RuleSet) -> set[str]:
    """Demonstration cue kinds named anywhere in the sentence."""
    if not sa.cue_kinds:
        return set()
    return {kind for kind in _DEMO_CUE_KINDS if _has_cue(sa, rules, kind)}


def _build(
    sa: SentenceAnalysis,
    m: TriggerMatch,
    concept: Concept,
    rules: RuleSet,
    quoted: list[bool],
    keys: list[str],
    cues: set[str],
    weapon_hit,  # type: ignore[no-untyped-def]
    earlier: list[Candidate],
    weapons: list[tuple[Weapon, int]],
) -> Candidate | None:
    tokens = sa.tokens
    family = concept.family
    pos = m.trigger.pos  # _select_matches already preferred the reading the context fits
    is_quoted = quoted[m.start]
    if pos == "noun" and m.end < len(keys) and keys[m.end] in rules.cue_keys.get("compound", {}):
        return None  # "demonstration camp", "attack victims": a modifier, not an event
    realis = m.trigger.realis or _realis(keys, m.start, rules, sa.is_title, pos, sa.cue_kinds)
    if family in {"violence", "protest", "riot"} and _has_cue(
        sa, rules, "cancelled", m.end, m.end + 8
    ):
        realis = "denied"  # "a planned march ... did not take place"
    passive = pos == "verb" and _is_passive(keys, m.start)

    actor1, actor2 = _arguments(sa, m, pos, passive, earlier)
    speaker_rule = ""
    if is_quoted and family == "verbal":
        # "... which we strongly condemn," the spokesman said: the speaker is the actor
        speaker = _quoted_speaker(sa, quoted, m.start, rules)
        if speaker is not None:
            actor1, is_quoted, speaker_rule = speaker, False, "reported-speech"
    if m.trigger.swap_if and any(k in keys[m.start : m.end]
                                 for k in rules.filters[m.trigger.id].swap_if):
        actor1, actor2 = _swapped(sa, m, actor2)

    span = Span(tokens[m.start].start, tokens[m.end - 1].end,
                sa.sentence.text[tokens[m.start].start : tokens[m.end - 1].end])
    mention = EventMention(
        doc_id=sa.sentence.doc_id,
        sentence_index=sa.sentence.index,
        sentence_text=sa.sentence.text,
        trigger=span,
        kind=EventType("", "", concept.cameo_code),
        rule_ids=[m.trigger.id, speaker_rule] if speaker_rule else [m.trigger.id],
        actor1=actor1,
        actor2=actor2,
        realis=realis,
    )
    weapon = None
    if weapon_hit is not None and family == "violence":
        weapon = weapon_hit[0]
        mention.rule_ids.append(f"weapons:{weapon.weapon}")
    if family == "violence" and actor1 is not None and actor1.actor.kind == "government":
        # "Government artillery pounded ...": the government's armed forces
        a_end = _mention_index(sa, actor1)[1]
        if any(0 <= w - a_end <= 1 for w in sa.weapon_positions):
            actor1 = None
    if family == "violence" and actor2 is None:
        actor2 = _force_of_facility(sa, m.end, rules)  # "an attack on a police post"
        if concept.concept == "capture_territory" and actor2 is not None:
            concept = rules.concepts["attack"]  # "overran an army post": a position, not a town
            family = concept.family
    if family in {"protest", "riot"} and actor1 is not None and \
            actor1.actor.kind in {"police", "military"}:
        # "riot police dispersed thousands rallying ...": the force intervened in the crowd's
        # demonstration; the crowd is actor1
        actor1, actor2 = None, actor1
        mention.actor1 = None
    if family in {"protest", "riot"} and concept.concept != "mob_violence" and (
            actor2 is None or not is_armed(actor2)):
        # "protesters clashed with riot police": the force that intervened (", police said"
        # is the source)
        actor2 = next((a for a in sa.actors if a is not actor1 and a.actor.kind in
                       {"police", "military"} and not _is_speaker(sa, a)), actor2)
    mention.actor2 = actor2
    if family == "violence" and actor1 is None:
        # "an Israeli air strike", "a Russian missile", "a government drone": the state's
        # armed forces (ACLED's convention for state weapons)
        state = _state_forces_before(sa, [m.start, *sa.weapon_positions])
        if state is not None:
            actor1 = mention.actor1 = state
            mention.rule_ids.append("state-weapon")
        else:
            # "..., aid workers said, blaming forces loyal to Haftar": the source's attribution
            actor1 = mention.actor1 = _attributed(sa, m.end, rules)
            if actor1 is not None:
                mention.rule_ids.append("attribution")
    if family == "violence":
        victims_armed = _victims_armed(sa.casualties)
        ground = bool(weapons) and any(w.weapon == "firearm" for w, _ in weapons)
        kind, civ = classify_violence(concept, weapon, actor1, actor2, victims_armed, ground)
        mention.kind = kind
        mention.civilian_targeting = civ
        if concept.concept in {"capture_territory", "regain_territory"} and _has_cue(
            sa, rules, "unopposed"
        ):
            # "took control of the town without resistance": no battle (ACLED)
            mention.kind = EventType("Strategic developments",
                                     "Non-violent transfer of territory", "192")
            mention.rule_ids.append("cues:unopposed")
        if _has_cue(sa, rules, "disrupted", max(0, m.start - 6), m.end + 3):
            # "police foiled a car bomb attack": the weapon never went off (ACLED)
            mention.kind = EventType("Strategic developments", "Disrupted weapons use", "190")
            mention.civilian_targeting = False
            realis = mention.realis = "actual"
            mention.rule_ids.append("cues:disrupted")
    elif family in {"protest", "riot"}:
        state_violence = any(
            c.concept.family == "violence" and c.mention.actor1 is not None
            and c.mention.actor1.actor.inter == 1 for c in earlier
        )
        mention.kind = classify_demonstration(concept, cues, state_violence)
        for cue in sorted(cues & {"violent", "lethal", "intervention"}):
            mention.rule_ids.append(f"cues:{cue}")
    elif family == "sd":
        mention.kind = EventType(concept.event_type, concept.sub_event_type, concept.cameo_code)
        if concept.sub_event_type == "Looting/property destruction" and actor2 is None and \
                _has_cue(sa, rules, "civilian_property", m.start, m.end + 6):
            # "torched 100 houses", "demolished Palestinian homes": the owners are the target
            mention.actor2 = _owners(sa)
    mention.date_expression = _nearest(sa.dates, span, sa.sentence.text)
    mention.place = _event_place(sa, span)
    anaphoric = pos == "noun" and _refers_back(keys, m.start)
    # "protesting against the coup", "after the attack": a known event named as background
    background = anaphoric and not _BACKGROUND.isdisjoint(keys[max(0, m.start - 3) : m.start])
    ongoing = "habitual" in cues or (
        pos == "verb" and keys[m.start].endswith("ing") and m.start > 0
        and keys[m.start - 1] in {"are", "is", "am", "been"}
    )
    return Candidate(mention, concept, m.trigger, m, anaphoric=anaphoric, ongoing=ongoing,
                     quoted=is_quoted, background=background)


def _quoted_speaker(
    sa: SentenceAnalysis, quoted: list[bool], i: int, rules: RuleSet
) -> ActorMention | None:
    """The speaker of a first-person statement quoted in the sentence ("we condemn"), named
    outside the quotation next to a speech verb ("the spokesman said"), else None."""
    keys = sa.keys
    if not any(k in _FIRST_PERSON for k in keys[max(0, i - 8) : i]):
        return None
    speech = rules.cue_keys.get("speech", {})
    verbs = [j for j, k in enumerate(keys) if k in speech and not quoted[j]]
    if not verbs:
        return None
    best: tuple[int, ActorMention] | None = None
    for a, start, end in sa.bounds:
        if quoted[start]:
            continue
        distance = min(min(abs(v - end), abs(start - v - 1)) for v in verbs)
        if distance <= 6 and (best is None or distance < best[0]):
            best = (distance, a)
    return best[1] if best else None


def _refers_back(keys: list[str], i: int) -> bool:
    """"the attack", "the failed assassination attempt", "Sunday's attack": a known event."""
    j = i - 1
    while j >= 0 and j >= i - 3 and keys[j] in _DETERMINERS and keys[j] not in _ANAPHORIC:
        if keys[j] == "'s":
            return True
        j -= 1
    return j >= 0 and keys[j] in _ANAPHORIC


_REALIS_CUES = ("negation", "modality", "attempt")  # in the order they win


def _realis(
    keys: list[str], i: int, rules: RuleSet, is_title: bool, pos: str, kinds: set[str]
) -> str:
    """What the text says of the event: happened, attempted, threatened, denied, ...

    `kinds`: the kinds of the cue phrases the sentence may hold (SentenceAnalysis.cue_kinds)."""
    lo = max(0, i - 6)
    window = keys[lo:i]
    # stop at the start of the clause
    if not _CLAUSE_BREAK_OR_COMMA.isdisjoint(window):  # perf: most often none to look for
        for j in range(len(window) - 1, -1, -1):
            if window[j] in _CLAUSE_BREAK_OR_COMMA:
                window = window[j + 1 :]
                break
    # no cue word near the trigger: the common case (perf: or none of these kinds in the sentence)
    if not kinds.isdisjoint(_REALIS_CUES) and not rules.cue_words.isdisjoint(window):
        # "could try to attack" is hypothetical, "did not try to" denied: both beat the attempt
        for kind in _REALIS_CUES:
            found = _cue_value(window, rules, kind) if kind in kinds else None
            if found is not None:
                return found
    # "accused the army of killing ...": the act is alleged, not reported as fact
    if window and window[-1] in {"of", "for"} and not (
        rules.cue_keys.get("allegation", {}).keys().isdisjoint(window)
    ):
        return "hypothetical"
    if pos == "verb" and window and window[-1] == "to":
        return "planned"
    return "actual"


def _is_passive(keys: list[str], i: int) -> bool:
    word = keys[i]
    if not (word.endswith("ed") or word.endswith("en") or word in _IRREGULAR_PARTICIPLES):
        return False
    j = i - 1
    while j >= 0 and keys[j] in _ADVERBS:
        j -= 1
    return j >= 0 and keys[j] in _BE


def _actor_bounds(sa: SentenceAnalysis) -> list[tuple[ActorMention, int, int]]:
    """Each actor with its token indexes, as `_mention_index` gives them (and keeps them for
    it): the same lookup, made once for all the sentence's actors."""
    tokens = sa.tokens
    index = sa.token_index
    bounds = []
    for a in sa.actors:
        start = a.span.start
        end = a.span.end
        first = bisect_left(tokens, start, key=_START)
        last = max(bisect_right(tokens, end, key=_END), first + 1)
        index[start, end] = (first, last)
        bounds.append((a, first, last))
    return bounds


def _mention_index(sa: SentenceAnalysis, a: ActorMention) -> tuple[int, int]:
    """Token indexes (first, one past last) of an actor mention."""
    key = (a.span.start, a.span.end)
    found = sa.token_index.get(key)
    if found is not None:
        return found
    # perf: the few actors of a sentence are placed by bisecting the tokens themselves, not
    # lists of their offsets built for the purpose
    first = bisect_left(sa.tokens, a.span.start, key=_START)
    last = bisect_right(sa.tokens, a.span.end, key=_END)
    found = sa.token_index[key] = (first, max(last, first + 1))
    return found


def _left_subject(sa: SentenceAnalysis, start: int, acts: bool = True) -> ActorMention | None:
    """The nearest actor before the trigger that is not inside a prepositional phrase.

    `acts`: the trigger is a deed, not words; the speaker of a "said" before it reports the
    deed and is not its subject ("Kyiv said Russian drones struck ...")."""
    best_any = None
    keys = sa.keys
    speech = sa.speech_verbs.keys()
    for a, a_start, a_end in reversed(sa.bounds):
        if a_end > start:
            continue
        between = keys[a_end:start]
        if not _CLAUSE_BREAK.isdisjoint(between):
            break
        if acts and not speech.isdisjoint(between[:3]):
            # "Ukraine's military said Russian drones dropped ...": the speaker is a source
            break
        if best_any is None and start - a_end <= 12:
            best_any = a
        prev = keys[a_start - 1] if a_start > 0 else ""
        if prev in _PREPOSITIONS and prev != "by":
            continue
        if prev == "by":
            continue
        return a
    return best_any


def _clause_subject(sa: SentenceAnalysis, start: int, acts: bool) -> ActorMention | None:
    """The first actor of the trigger's clause that is not inside a prepositional phrase (for
    a deed, the clause starts after the last verb of saying: "police said gunmen ...")."""
    keys = sa.keys
    speech = sa.speech_verbs
    clause = 0
    for j in range(start - 1, -1, -1):
        if keys[j] in _CLAUSE_BREAK or (acts and keys[j] in speech):
            clause = j + 1
            break
    for a, a_start, a_end in sa.bounds:
        if a_end > start:
            return None
        if a_start < clause or (a_start > 0 and keys[a_start - 1] in _PREPOSITIONS):
            continue
        return a
    return None


def _is_speaker(sa: SentenceAnalysis, a: ActorMention) -> bool:
    """The mention is the subject of a verb of saying ("police said")."""
    _, a_end = _mention_index(sa, a)
    return a_end < len(sa.keys) and sa.keys[a_end] in sa.speech_verbs


def _right_actor(
    sa: SentenceAnalysis, end: int, preps: frozenset[str] | None = None, limit: int = 10
) -> ActorMention | None:
    """The first actor after the trigger (optionally only after one of `preps`)."""
    keys = sa.keys
    for a, a_start, a_end in sa.bounds:
        if a_start < end:
            continue
        if a_start - end > limit:
            return None
        between = keys[end:a_start]
        if not _CLAUSE_BREAK.isdisjoint(between) or (preps is None and "," in between):
            return None
        if preps is not None and preps.isdisjoint(between):
            continue
        if a_end < len(keys) and keys[a_end] in sa.speech_verbs:
            return None  # ", Mayor X said": the source of the report, not a party to it
        return a
    return None


def _arguments(
    sa: SentenceAnalysis, m: TriggerMatch, pos: str, passive: bool, earlier: list[Candidate]
) -> tuple[ActorMention | None, ActorMention | None]:
    keys = sa.keys
    concept = load_rules().concepts[m.trigger.concept]
    acts = concept.family != "verbal"
    if pos == "verb":
        subject = _left_subject(sa, m.start, acts)
        if passive:
            return _right_actor(sa, m.end, _BY, limit=8), subject
        obj = _right_actor(sa, m.end)
        if obj is None and concept.concept in _TERRITORY:
            # "regained Wad Madani, the capital of Gezira state, from the RSF": who lost it
            obj = _right_actor(sa, m.end, _FROM, limit=16)
        if obj is None and m.end - m.start > 2:
            # "placed President X under house arrest": the object sits in the phrase's gap
            obj = next((a for a, a_start, a_end in sa.bounds
                        if m.start < a_start and a_end < m.end), None)
        if obj is not None and subject is not None and obj.actor == subject.actor and (
            obj.span.start == subject.span.start
        ):
            obj = None
        # "killing at least two" after a comma, or "X condemned ... and blamed Y": the subject
        # of the earlier verb in the sentence is this verb's subject too
        if earlier:
            prev = earlier[-1].mention
            gap = keys[earlier[-1].match.end : m.start]
            shares = ("and" in gap or "but" in gap or keys[m.start].endswith("ing")
                      or (m.start > 0 and keys[m.start - 1] == ","))
            # "X killed two, and police arrested five": a subject standing between the
            # coordinator and this verb is this clause's own; one before it is the earlier
            # verb's object ("X called the attack terrorism and offered help")
            own_subject = subject is not None and _after_coordinator(
                keys, _mention_index(sa, subject)[0], earlier[-1].match.end, m.start)
            inside_previous = subject is not None and not own_subject and (
                _mention_index(sa, subject)[0] >= earlier[-1].match.start
            )
            if own_subject:
                shares = False
            if shares and (subject is None or subject is prev.actor2 or inside_previous):
                # the subject of the earlier verb, even when unknown: never its object
                subject = prev.actor1
        elif subject is not None and m.start >= 2 and keys[m.start - 1] == "and":
            # "X called Y a criminal and accused ...": no subject stands between "and" and the
            # verb, so the verb shares the clause's subject; the actor just before is the
            # object of the first verb
            subject = _clause_subject(sa, m.start, acts) or subject
        if subject is None:
            subject = _right_actor(sa, m.end, _INCLUDING, limit=14)
            if subject is obj:
                obj = None
        return subject, obj
    # nominal: "an attack on X by Y", "Y's attack on X", "a Taliban attack", "Y launched an attack"
    between = -1
    if "between" in keys[m.end : m.end + 8]:  # perf: the loop finds nothing else of use
        for j in range(m.end, min(m.end + 8, len(keys))):
            if keys[j] == "between" or keys[j] in _CLAUSE_BREAK:
                between = j
                break
    if between >= 0 and keys[between] == "between":
        # "fighting (broke out in Khartoum) between the army and the RSF": the two sides
        first = _right_actor(sa, between, limit=3)
        if first is not None:
            second = _right_actor(sa, _mention_index(sa, first)[1], _AND, limit=3)
            return first, second
    by_agent = _right_actor(sa, m.end, _BY, limit=8)
    if by_agent is None and concept.concept == "clash":
        # "(two rebels were killed) in an encounter with army troops": the troops are one
        # side, the sentence's subject the other
        side = _right_actor(sa, m.end, None if keys[m.end - 1] == "with" else _WITH, limit=4)
        if side is not None:
            return side, _modifier_actor(sa, m.start) or _left_subject(sa, m.start, acts)
    target = _right_actor(sa, m.end, _OBJECT_PREPS, limit=6)
    if target is None and keys[m.end - 1] not in _OBJECT_PREPS and m.end - m.start >= 2 \
            and keys[m.end - 2] == "to":
        # "an attempt to assassinate Prime Minister X": the phrase ends in its verb
        target = _right_actor(sa, m.end, limit=2)
    agent = by_agent
    if agent is None:
        agent = _modifier_actor(sa, m.start)
    if agent is None:
        window = keys[max(0, m.start - 5) : m.start]
        if not _LIGHT_VERBS.isdisjoint(window):
            subject = _left_subject(sa, m.start, acts)
            light = next(k for k in window if k in _LIGHT_VERBS)
            if light in {"survived", "survives", "survive", "escaped"}:
                target = target or subject
            else:
                agent = subject
    return agent, target


_FORCE_WORDS = {w: name.split(":", 1)[1] for name, words in _WORDS.items()
                if name.startswith("force:") for w in words}


def _force_of_facility(sa: SentenceAnalysis, end: int, rules: RuleSet) -> ActorMention | None:
    """ "an attack on a police post", "stormed an army base": the force that holds it."""
    facilities = rules.cue_keys.get("facility", {})
    keys = sa.keys
    for a, a_start, a_end in sa.bounds:  # "hit an African Union convoy", "shelled a Wagner base"
        if end <= a_start and a_end < min(end + 7, len(keys)) and keys[a_end] in facilities \
                and _CLAUSE_BREAK.isdisjoint(keys[end:a_start]):
            return a
    for j in range(end, min(end + 6, len(keys) - 1)):
        agent_id = _FORCE_WORDS.get(keys[j])
        iso3 = ""
        if agent_id is None and sa.tokens[j].text[:1].isupper():  # perf: is_capitalized
            # "fired mortars at Armenian positions": the positions of that state's army
            iso3 = _demonym_country(keys[j])
            agent_id = "troops" if iso3 else None
        if agent_id and keys[j + 1] in facilities:
            agent = ActorDictionary.load().agents.get(agent_id)
            if agent is None:
                return None
            tok = sa.tokens[j]
            return ActorMention(Span(tok.start, tok.end, tok.text),
                                agent_actor(agent, iso3, sa.day), f"agents:{agent_id}:facility")
        if keys[j] in _CLAUSE_BREAK:
            break
    return None


def _attributed(sa: SentenceAnalysis, end: int, rules: RuleSet) -> ActorMention | None:
    """The actor a source blames for the act ("blaming government helicopters")."""
    # "drones launched by the RSF", "a missile fired by Houthi forces": the weapon's user
    for w in sa.weapon_positions:
        if w + 2 < len(sa.keys) and sa.keys[w + 1] in _LIGHT_VERBS and sa.keys[w + 2] == "by":
            user = _right_actor(sa, w + 2, _BY, limit=4)
            if user is not None:
                return user
    words = rules.cue_keys.get("attribution", {})
    if words.keys().isdisjoint(sa.keys[end:]):
        return None  # perf: the common case, decided without a loop
    for j in range(end, len(sa.keys)):
        if sa.keys[j] in words:
            state = _state_forces_before(sa, [k for k in sa.weapon_positions if k > j])
            return state or _right_actor(sa, j + 1, limit=6)
    return None


def _state_forces_before(sa: SentenceAnalysis, heads: list[int]) -> ActorMention | None:
    """The armed forces of the state named by a demonym, a country or "government" just before
    a weapon or strike noun ("a Russian Iskander missile", "an Israeli air strike")."""
    d = ActorDictionary.load()
    troops = d.agents.get("troops")
    if troops is None:
        return None
    for head in heads:
        for j in range(head - 1, max(-1, head - 4), -1):
            tok = sa.tokens[j]
            capitalized = tok.text[:1].isupper()  # perf: Token.is_capitalized, inlined
            iso3 = _demonym_country(tok.key) if capitalized else ""
            if iso3 or tok.key == "government":
                actor = agent_actor(troops, iso3, sa.day)
                return ActorMention(Span(tok.start, tok.end, tok.text), actor,
                                    "agents:troops:state-weapon")
            if not tok.is_word or tok.key in {"the", "a", "an", "of", "by", "with", "and"}:
                break
    return None


def _demonym_country(key: str) -> str:
    """The country of a demonym, by the word's key ("russian" -> "RUS")."""
    table = _DEMONYMS.get("table")
    if table is None:
        d = ActorDictionary.load()
        table = {phrase_key(x): iso3 for iso3, row in d.demonyms.items() for x in row.demonyms}
        _DEMONYMS["table"] = table
    return table.get(key, "")


_DEMONYMS: dict[str, dict[str, str]] = {}


def _after_coordinator(keys: list[str], subject_start: int, prev_end: int, start: int) -> bool:
    """Whether a coordinator ("and", "but", ",") separates the earlier verb from the subject."""
    between = keys[prev_end:subject_start]
    return any(k in {"and", "but", ",", ";", "while", "whereas"} for k in between) and (
        subject_start < start)


def _modifier_actor(sa: SentenceAnalysis, start: int) -> ActorMention | None:
    """An actor right before a nominal trigger: "Taliban attack", "Iraq's protests"."""
    keys = sa.keys
    for a, _, a_end in sa.bounds:
        if a_end <= start and start - a_end <= 2 and _MODIFIER_GAP.issuperset(keys[a_end:start]):
            return a
    return None


_MODIFIER_GAP = frozenset({"'s", "-", "drone", "rocket", "suicide", "bomb", "armed"})


def _swapped(
    sa: SentenceAnalysis, m: TriggerMatch, fallback: ActorMention | None
) -> tuple[ActorMention | None, ActorMention | None]:
    """"X received calls from Y": Y acts, X receives."""
    caller = _right_actor(sa, m.end, _FROM_INCLUDING, limit=16)
    receiver = _left_subject(sa, m.start)
    return caller or fallback, receiver


def armed_victims(words: str) -> bool:
    """Whether a victim phrase names soldiers, police or fighters."""
    return bool(set(words.lower().split()) & _ARMED_VICTIMS)


def _victims_armed(casualties: list[CasualtyMention]) -> bool | None:
    for c in casualties:
        if c.victims:
            words = set(c.victims.lower().split())
            return bool(words & _ARMED_VICTIMS)
    return None


# words that may follow a date used as an adverbial ("on Sunday, ...", "Friday when ...");
# any other word after a date makes the date a modifier of a noun ("the Oct. 10 elections")
_AFTER_ADVERBIAL_DATE = _WORDS["after_adverbial_date"]


_LOCATIVE = _WORDS["locative"]
_GERUND_NOUN_FOLLOWERS = _WORDS["gerund_noun_follower"]
_BACKGROUND = _WORDS["background_preposition"]


def _locative(text: str, start: int) -> bool:
    before = text[max(0, start - 14) : start].split()
    return bool(before) and before[-1].lower() in _LOCATIVE


def _nearest(dates: list[DateExpression], span: Span, text: str = "") -> DateExpression | None:
    """The date expression that dates the trigger: the closest one used as an adverbial."""
    if not dates:
        return None  # perf: most sentences have none
    usable = [d for d in dates if not _modifies_noun(d, span, text)]
    if len(usable) <= 1:
        return usable[0] if usable else None  # perf: nothing to compare

    def distance(d: DateExpression) -> int:
        lo, hi = sorted((d.span.end, span.start)) if d.span.end <= span.start else (span.end,
                                                                                     d.span.start)
        # a date across a clause boundary ("..., and police arrested ... on Tuesday") is
        # another clause's date
        between = text[lo:hi]
        boundary = "," in between or ";" in between
        # a bare year before the trigger is background ("students who went missing in 2014
        # marched ... on Tuesday") when the sentence also gives a day
        vague = d.kind == "year" and precise and d.span.end <= span.start
        return abs(d.span.start - span.start) + (1000 if boundary else 0) + (500 if vague else 0)

    precise = any(d.kind != "year" for d in usable)

    return min(usable, key=distance)


_DATE_PREPOSITIONS = _WORDS["date_preposition"]


def _modifies_noun(d: DateExpression, trigger: Span, text: str) -> bool:
    """ "the Oct. 10 elections": a date that names a noun's occasion, not when the event was."""
    if not text or d.span.end >= len(text):
        return False
    prior = text[: d.span.start].rsplit(None, 1)  # perf: only its last word matters
    if d.span.text.split()[0].lower() in _DATE_PREPOSITIONS or (
        prior and prior[-1].lower() in _DATE_PREPOSITIONS
    ):
        return False  # "in 1994", "on Friday when ...": an adverbial
    rest = text[d.span.end :].lstrip()
    if not rest or not rest[0].isalpha():
        return False
    if d.span.end <= trigger.start and text[d.span.end : trigger.start].strip(" '’s") == "":
        return False  # "Sunday's attack" dates the attack itself
    word = rest.split(None, 1)[0].strip(".,;:!?\"'’").lower()
    return word not in _AFTER_ADVERBIAL_DATE


def _event_place(sa: SentenceAnalysis, span: Span) -> PlaceMention | None:
    """The event's place: the closest specific place, preferring "in/at/near X" phrases."""
    if not sa.places:
        return None
    if sa.place_ranks is None:
        sa.place_ranks = _place_ranks(sa)  # perf: once for all events of the sentence
    if not sa.place_ranks:
        return None
    end = span.end
    best = max(sa.place_ranks, key=lambda r: (r[1], r[2], -abs(r[0].span.start - end)))
    return best[0]


def _place_ranks(sa: SentenceAnalysis) -> list[tuple[PlaceMention, int, int]]:
    """The places that may be an event's place, each with its rank whatever the event: whether
    it is specific (not a country) and whether it follows a preposition ("in", "near", ...)."""
    text = sa.sentence.text
    # "Baghdad's Green Zone", "Kabul, Afghanistan": the inner, more precise place
    # (perf: the attributes each test needs, read once)
    facts = [(p, p.span.start, p.span.end, p.place.geo_precision, p.place.feature != "country")
             for p in sa.places]
    places = []
    for p, _, end, precision, _ in facts:
        for q, q_start, _, q_precision, q_not_country in facts:
            if q is not p and end <= q_start <= end + 4 \
                    and text[end:q_start].strip() in {"'s", "’s", ""} \
                    and q_precision <= precision and q_not_country:
                break  # q is the inner place
        else:
            places.append(p)
    places = places or sa.places
    # a country is the event's place only as a locative ("in Iraq"), not as an owner ("Iraq's
    # prime minister") or an actor ("Iran condemned")
    places = [p for p in places if p.place.feature != "country" or _locative(text, p.span.start)]
    ranks = []
    for p in places:
        specific = 0 if p.place.feature == "country" else 1
        before = text[max(0, p.span.start - 8) : p.span.start].lower().split()
        prep = 0 if _PLACE_PREPOSITIONS.isdisjoint(before) else 1
        ranks.append((p, specific, prep))
    return ranks


_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "around", "of"})
