"""Code one document: every sentence through every stage, then link what the sentences say.

Sentences report pieces of one incident ("Protests turned deadly on Friday." / "At least one
protester was killed." / "The clashes ..."). This stage resolves pronouns, carries dates and
places from sentence to sentence, folds back-references and casualty-only sentences into the
event they describe, and merges mentions of one incident, so that each document yields one
`DocEvent` per event it reports.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from coder.dictionaries.rules import TriggerMatch, load_rules, word_sets
from coder.models import (
    Actor,
    ActorMention,
    CasualtyMention,
    DateExpression,
    Document,
    EventMention,
    EventType,
    PlaceMention,
    Span,
)
from coder.stages.actors import (
    ActorDictionary,
    agent_actor,
    find_actors,
    person_actor,
    with_country,
)
from coder.stages.casualties import find_casualties
from coder.stages.dates import find_date_expressions, resolve_date
from coder.stages.events import (
    DEMONSTRATION_TYPES,
    Candidate,
    SentenceAnalysis,
    find_events,
    find_triggers,
    is_armed,
    type_rank,
)
from coder.stages.places import Gazetteer, PlaceContext, document_context
from coder.text.sentences import document_sentences
from coder.text.tokens import tokenize

# how far (in sentences) a date, place or casualty figure carries to a later sentence
CARRY_SENTENCES = 3
GENERIC_ATTACK = ("Violence against civilians", "Attack")
_PERSON_PRONOUNS = word_sets()["person_pronoun"]
_GROUP_PRONOUNS = word_sets()["group_pronoun"]
_PRONOUNS = _PERSON_PRONOUNS | _GROUP_PRONOUNS


@dataclass(slots=True)
class DocEvent:
    """One event as one document reports it (possibly over several sentences)."""

    doc: Document
    mention: EventMention  # the first (main) mention; others are folded into it
    family: str  # violence | demo | sd | verbal
    anchor: dt.date | None
    anchor_basis: str  # "metadata", "date_line", "text", "none"
    sentence_ids: list[str] = field(default_factory=list)
    country: str = ""  # ISO3 where the event happened: its place's, else the document's
    fatalities: dict[int, list[CasualtyMention]] = field(default_factory=dict)  # by sentence
    injuries: dict[int, list[CasualtyMention]] = field(default_factory=dict)
    ongoing: bool = False

    @property
    def kind(self) -> EventType:
        return self.mention.kind


@dataclass(slots=True)
class CodedDocument:
    doc: Document
    events: list[DocEvent]
    n_sentences: int
    anchor: dt.date | None
    anchor_basis: str
    context: PlaceContext


def code_document(doc: Document) -> CodedDocument:
    """All events one document reports, linked across its sentences."""
    sentences = document_sentences(doc)
    gaz = Gazetteer.load()
    analyses: list[SentenceAnalysis] = []
    triggers: list[list[TriggerMatch]] = []
    rules = load_rules()
    index, concepts = rules.index, rules.concepts
    for s in sentences:
        sa = SentenceAnalysis(s, is_title=s.start < 0)
        analyses.append(sa)
        # most sentences hold no trigger word: they are not even tokenized unless needed
        if index.may_match(s.text):
            sa.tokens = tokenize(s.text)
            sa.keys = [t.key for t in sa.tokens]  # perf: once for every stage
            triggers.append(find_triggers(sa.tokens, keys=sa.keys))
        else:
            triggers.append([])
        # dates matter in event sentences, and everywhere when the text must date the document
        if triggers[-1] or doc.published is None:
            sa.dates = find_date_expressions(s.text, sa.tokens or None)  # perf: reuse tokens
    anchor, basis = _document_anchor(doc, analyses)
    pronouns = [bool(triggers[i]) and not _PERSON_PRONOUNS.isdisjoint(sa.keys)
                for i, sa in enumerate(analyses)]
    for pos, sa in enumerate(analyses):
        sa.day = anchor
        if _needs_actors(pos, triggers, pronouns):
            if not sa.tokens:
                sa.tokens = tokenize(sa.sentence.text)
                sa.keys = [t.key for t in sa.tokens]
            sa.actors = find_actors(sa.tokens, sa.sentence.text, anchor)
    context = _document_context(analyses, doc.dateline, gaz)
    if not context.countries:
        # no actor names a country: rank the countries of the places the events name
        texts = [sa.sentence.text for sa, t in zip(analyses, triggers, strict=True) if t]
        context = document_context(texts, doc.dateline)
    country = context.countries[0] if context.countries else ""
    people: tuple[ActorMention | None, ActorMention | None] = (None, None)
    open_quote = False
    doc_events: list[DocEvent] = []
    recent: list[tuple[int, DocEvent]] = []  # (sentence position, event) of violence/demo
    for pos, sa in enumerate(analyses):
        s = sa.sentence
        if sa.actors or triggers[pos]:  # pronouns matter where events or people are
            people = _resolve_pronouns(sa, people)
        sa.starts_quoted = open_quote
        open_quote = _quote_open_after(s.text, open_quote)
        found = find_casualties(s.text, sa.tokens or None, sa.keys or None)
        sa.casualties = [c for c in found if not c.cumulative]
        if any(concepts[m.trigger.concept].family != "verbal" for m in triggers[pos]) or (
            triggers[pos] and any(not a.actor.country for a in sa.actors)
        ):
            # places serve violence, demonstrations and strategic developments, and give a
            # statement's unplaced actors ("the rebels ... in Goma") their country
            sa.places = gaz.find_places(sa.tokens, s.text, context)
            for pm in sa.places:  # keep the words: a place may serve a later sentence's event
                if not pm.span.text:
                    pm.span.text = s.text[pm.span.start : pm.span.end]
        candidates = find_events(sa, matches=triggers[pos])
        # "seven guards were injured in the attack": the casualties belong to that attack
        refers_back = any(c.anaphoric for c in candidates)
        used_casualties = False
        # statements last: "X condemned the coup" may name its target through the coup
        # strategic developments after violence and demonstrations ("arrested demonstrators
        # during a protest" belongs to the protest), statements last
        candidates.sort(key=lambda c: {"verbal": 2, "sd": 1}.get(c.concept.family, 0))
        for cand in candidates:
            ev = _link(cand, pos, sa, doc, anchor, basis, doc_events, recent, refers_back)
            if ev is not None and ev.family in {"violence", "demo"}:
                _add_casualties(ev, sa)
                used_casualties = True
        if sa.casualties and not used_casualties:
            target = _recent_event(recent, pos, CARRY_SENTENCES - 1)
            if target is not None:
                _add_casualties(target, sa)
                _support(target, s.sentence_id)
    if not country:
        # no country named by any actor or dateline: the country where the events happened
        places = Counter(ev.mention.place.place.iso3 for ev in doc_events if ev.mention.place)
        country = places.most_common(1)[0][0] if places else ""
    for ev in doc_events:
        ev.country = _country_of(ev, country)
        _people_on_event_day(ev, anchor)
        _fill_default_actors(ev, country, anchor)
        _default_opponent(ev, country, anchor)
        # the explanation lists every casualty figure the event drew on
        ev.mention.fatalities = [c for group in ev.fatalities.values() for c in group]
        ev.mention.injuries = [c for group in ev.injuries.values() for c in group]
    return CodedDocument(doc, doc_events, len(sentences), anchor, basis, context)


def _needs_actors(pos: int, triggers: list[list[TriggerMatch]], pronouns: list[bool]) -> bool:
    """Actors matter in a sentence that reports an event, and in the two sentences before one
    that reports an event about a person named by pronoun (the antecedent is there)."""
    return bool(triggers[pos]) or any(pronouns[pos + 1 : pos + 3])


def _document_context(
    analyses: list[SentenceAnalysis], dateline: str, gaz: Gazetteer
) -> PlaceContext:
    """The document's countries, most named first: the countries of the actors it names
    (countries, demonyms, capitals, office holders, national groups), and its dateline."""
    counts: Counter[str] = Counter()
    for sa in analyses:
        for a in sa.actors:
            if a.actor.country:
                counts[a.actor.country] += 1
    if dateline:
        for part in (dateline, *dateline.split(",")):
            found = gaz.lookup(part.strip())
            if found is not None:
                counts[found.iso3] += 2
                break
    return PlaceContext([iso for iso, _ in counts.most_common()], dateline)


# --------------------------------------------------------------------------------------------
# Anchor date
# --------------------------------------------------------------------------------------------


def _document_anchor(
    doc: Document, analyses: list[SentenceAnalysis]
) -> tuple[dt.date | None, str]:
    """The date relative expressions are read against: publication, else the text's latest date."""
    if doc.published is not None:
        return doc.published, doc.published_source
    latest: dt.date | None = None
    for sa in analyses:
        for d in sa.dates:
            if d.kind == "explicit" and d.year and d.month and d.day:
                try:
                    day = dt.date(d.year, d.month, d.day)
                except ValueError:
                    continue
                if latest is None or day > latest:
                    latest = day
    if latest is not None:
        return latest, "text"
    return None, "none"


# --------------------------------------------------------------------------------------------
# Pronouns
# --------------------------------------------------------------------------------------------


def _is_person(m: ActorMention) -> bool:
    return m.rule_id.startswith(("people:", "office:", "title:"))


def _quote_open_after(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    opening = max(text.rfind("\u201c"), text.rfind("\u201e"))
    closing = text.rfind("\u201d")
    if opening >= 0 or closing >= 0:
        state = opening > closing  # curly quotes say which side they are on
        tail = text[max(opening, closing) + 1 :]
    else:
        state, tail = open_before, text
    return state if tail.count('"') % 2 == 0 else not state


def _resolve_pronouns(
    sa: SentenceAnalysis, previous: tuple[ActorMention | None, ActorMention | None]
) -> tuple[ActorMention | None, ActorMention | None]:
    """Add mentions for he/his/him/she/her. A subject pronoun with no person before it in its
    sentence is the previous sentence's subject (its first person); "him" is the other person.

    Returns this sentence's (subject, other person) for the next sentence."""
    prev_subject, prev_other = previous
    added: list[ActorMention] = []
    by_start = sorted(sa.actors, key=lambda a: a.span.start)
    # perf: most sentences hold no pronoun, and then the token walk finds nothing
    pronouns = _PRONOUNS.intersection(sa.keys or [t.key for t in sa.tokens])
    for tok in sa.tokens if pronouns else ():
        if tok.key not in pronouns:
            continue
        if tok.key in _GROUP_PRONOUNS:
            # "Sudan's army said it had regained ...": the group named before it here
            groups = [a for a in by_start if a.span.end <= tok.start and not _is_person(a)
                      and a.actor.kind not in {"country", "capital-metonym", "civilians"}]
            if groups and not any(a.span.start <= tok.start < a.span.end for a in sa.actors):
                g = groups[-1]
                added.append(ActorMention(Span(tok.start, tok.end, tok.text), g.actor,
                                          g.rule_id, coreferent=True))
            continue
        if tok.key in _PERSON_PRONOUNS:
            people_before = [a for a in by_start if a.span.end <= tok.start and _is_person(a)]
            if tok.key == "him":
                own = people_before[0] if people_before else prev_subject
                antecedent = prev_other if own is prev_subject else prev_subject
                antecedent = antecedent or prev_other or prev_subject
            else:
                antecedent = people_before[-1] if people_before else prev_subject
            if antecedent is None:
                continue
            if any(a.span.start <= tok.start < a.span.end for a in sa.actors):
                continue
            added.append(ActorMention(Span(tok.start, tok.end, tok.text), antecedent.actor,
                                      antecedent.rule_id, coreferent=True))
    if added:
        sa.actors = sorted(sa.actors + added, key=lambda a: a.span.start)
    people = [a for a in sa.actors if _is_person(a)]
    if not people:
        return previous
    subject = people[0]
    other = next((a for a in people[1:] if a.actor != subject.actor), None)
    return subject, other or (prev_subject if prev_subject and prev_subject.actor !=
                              subject.actor else prev_other)


# --------------------------------------------------------------------------------------------
# Linking mentions into document events
# --------------------------------------------------------------------------------------------


def _family(cand: Candidate) -> str:
    fam = cand.concept.family
    if fam in {"protest", "riot"}:
        return "demo"
    return fam


def _link(
    cand: Candidate,
    pos: int,
    sa: SentenceAnalysis,
    doc: Document,
    anchor: dt.date | None,
    basis: str,
    doc_events: list[DocEvent],
    recent: list[tuple[int, DocEvent]],
    refers_back: bool = False,
) -> DocEvent | None:
    m = cand.mention
    family = _family(cand)
    if cand.quoted and family != "verbal":
        return None  # rhetoric inside quotes is not a report that the act happened
    if m.realis != "actual" and not (family == "violence" and m.realis == "attempted"):
        if m.realis == "threatened" and family == "violence":
            m.kind = EventType("", "", "138")
            family = "verbal"
        else:
            return None
    if family == "verbal" and cand.quoted:
        return None  # words inside a quotation with no speaker we can name
    expr = m.date_expression
    if expr is not None and expr.kind == "year":
        return None  # ACLED keeps no event dated only to a year
    sid = sa.sentence.sentence_id
    if family in {"violence", "demo"}:
        previous = _recent_event(recent, pos, CARRY_SENTENCES)
        casualty_only = (cand.concept.concept in {"kill", "injure"} and m.actor1 is None
                         and (previous is not None or (refers_back and bool(recent))))
        bare = (cand.trigger.pos == "noun" and m.actor1 is None and m.actor2 is None
                and m.place is None and m.date_expression is None and not sa.casualties
                and not sa.is_title)
        if (cand.anaphoric and _no_new_facts(m)) or casualty_only or bare:
            # "the attack": the last violent event the document reported, however far back;
            # with none, a bare back-reference reports nothing codable
            referent = previous or (recent[-1][1] if recent else None)
            if referent is not None:
                _support(referent, sid)
                _absorb(referent, m)
                return referent
            if bare or cand.background:
                return None  # "in security clashes", "against the coup": no event of its own
            # nothing before it: the document's first report of the event ("The failed
            # assassination attempt on ...")
        if previous is not None and previous.family == family:
            if expr is None:
                m.date_expression = previous.mention.date_expression
            if m.place is None:
                m.place = previous.mention.place
        if cand.ongoing and m.date_expression is None:
            return None  # continuing activity with no day of its own
        undistinguished = m.date_expression is None and m.place is None
        for p, ev in reversed(recent):
            # a later mention with no date or place of its own cannot be told apart from an
            # earlier event of the same kind in the document: it is that event
            if _same_incident(ev, m, family, adjacent=pos - p <= 1 or undistinguished):
                _merge_into(ev, m, family)
                _support(ev, sid)
                recent.append((pos, ev))
                return ev
    elif family == "verbal":
        if m.actor1 is None:
            return None
        if cand.concept.concept == "claim_responsibility" and recent:
            # "Al-Shabaab claimed responsibility": the perpetrator of the attack just reported
            attack = recent[-1][1].mention
            if attack.actor1 is None or attack.actor1.rule_id.endswith(":default"):
                attack.actor1 = m.actor1
        if m.actor2 is None and cand.concept.object_is_event:
            m.actor2 = _perpetrator(doc_events, recent if refers_back else [], sid, refers_back)
        if cand.concept.needs_target and m.actor2 is None:
            return None
        for ev in doc_events:
            if ev.family == "verbal" and _same_statement(ev.mention, m):
                _support(ev, sid)
                if _more_specific(m.kind.cameo_code, ev.mention.kind.cameo_code):
                    ev.mention.kind = m.kind  # "threatened to attack": 138 over 130
                return ev
    elif family == "sd":
        if cand.anaphoric and (m.actor1 is None or cand.background):
            # "condemned the coup": the coup already reported, or nothing new; "protested
            # against the military coup" names a known event as background
            same = [ev for ev in doc_events if ev.family == "sd" and ev.kind == m.kind]
            if same:
                _support(same[-1], sid)
                return same[-1]
            if cand.background:
                return None
        if m.kind.sub_event_type == "Arrests":
            # arrests at a demonstration: the demonstration met an intervention (ACLED)
            host = _recent_event(recent, pos, 1)
            crowd = m.actor2 is None or m.actor2.actor.inter in {5, 6}
            if host is not None and host.family == "demo" and crowd and _same_day(
                host.mention.date_expression, m.date_expression
            ) and _same_place(host.mention.place, m.place):
                if host.kind.sub_event_type == "Peaceful protest":
                    host.mention.kind = EventType("Protests", "Protest with intervention", "141")
                if host.mention.actor2 is None:
                    host.mention.actor2 = m.actor1
                _support(host, sid)
                return host
            if crowd_arrest(sa.keys, m.actor2):
                # "police detained dozens as they tried to march to the square": the crowd
                # was demonstrating and the arrests are the intervention (ACLED)
                m.kind = EventType("Protests", "Protest with intervention", "141")
                m.actor1, m.actor2 = m.actor2 or generic_actor("protesters", ""), m.actor1
                m.rule_ids.append("cues:assembly")
                family = "demo"
        if m.kind.sub_event_type == "Looting/property destruction":
            # ACLED: looting or destruction during a riot or an attack is part of that event
            host = _recent_event(recent, pos, 1)
            if host is not None and _same_day(host.mention.date_expression, m.date_expression):
                if host.family == "demo" and host.kind.event_type == "Protests":
                    host.mention.kind = EventType("Riots", "Violent demonstration", "145")
                _support(host, sid)
                _absorb(host, m)
                return host
        if cand.concept.needs_actor and m.actor1 is None:
            return None
        if cand.concept.needs_target and m.actor2 is None:
            return None
    ev = DocEvent(doc, m, family, anchor, basis, [sid], ongoing=cand.ongoing)
    doc_events.append(ev)
    if family in {"violence", "demo"}:
        recent.append((pos, ev))
    return ev


def crowd_arrest(keys: list[str], arrested: ActorMention | None) -> bool:
    """Arrests of people the sentence shows gathering, marching or chanting."""
    from coder.stages.events import has_cue

    if arrested is not None and arrested.actor.inter not in {5, 6, 7} and \
            arrested.actor.kind not in {"group", "civilians", "protesters", "rioters"}:
        return False  # "soldiers detained the president": a named official, not a crowd
    return has_cue(keys, load_rules(), "assembly")


def _perpetrator(
    doc_events: list[DocEvent], recent: list[tuple[int, DocEvent]], sid: str,
    refers_back: bool = False,
) -> ActorMention | None:
    """The named perpetrator of the event this sentence reports or refers back to."""
    here = [ev for ev in doc_events if sid in ev.sentence_ids and ev.family != "verbal"]
    # "condemned the attack": the latest act of violence, before any demonstration
    violent = [ev for _, ev in recent if ev.family == "violence"]
    if not violent and refers_back:
        # "condemned the coup": no violence reported, the latest strategic development
        violent = [ev for ev in doc_events if ev.family == "sd"]
    event = here[-1] if here else (violent[-1] if violent else None)
    if event is None or event.mention.actor1 is None:
        return None
    actor1 = event.mention.actor1
    return None if actor1.rule_id.endswith(":default") else actor1


def _recent_event(recent: list[tuple[int, DocEvent]], pos: int, within: int) -> DocEvent | None:
    for p, ev in reversed(recent):
        if pos - p <= within:
            return ev
        break
    return None


def _no_new_facts(m: EventMention) -> bool:
    """A back-reference that names no actor and no date of its own (a date far from the
    trigger dates something else in the sentence)."""
    d = m.date_expression
    own_date = d is not None and (
        abs(d.span.start - m.trigger.start) <= 12 or abs(d.span.end - m.trigger.end) <= 40
    )
    return m.actor1 is None and not own_date


def _support(ev: DocEvent, sid: str) -> None:
    if sid not in ev.sentence_ids:
        ev.sentence_ids.append(sid)


def _absorb(ev: DocEvent, m: EventMention) -> None:
    """Take from a back-reference whatever it adds (a target, a place, rule ids)."""
    main = ev.mention
    if main.actor2 is None and m.actor2 is not None:
        main.actor2 = m.actor2
    if main.place is None and m.place is not None:
        main.place = m.place
    for r in m.rule_ids:
        if r not in main.rule_ids:
            main.rule_ids.append(r)


def _same_day(a: DateExpression | None, b: DateExpression | None) -> bool:
    if a is None or b is None:
        return True
    return (a.kind, a.year, a.month, a.day, a.weekday, a.offset_days) == (
        b.kind, b.year, b.month, b.day, b.weekday, b.offset_days
    )


def _same_place(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    if a is None or b is None:
        return True
    if a.place.name == b.place.name:
        return True
    if "country" in {a.place.feature, b.place.feature}:
        return a.place.iso3 == b.place.iso3
    # a district or landmark of a city and the city itself
    return a.place.name.split(" - ")[0] == b.place.name.split(" - ")[0]


def _code(m: ActorMention | None) -> str:
    """An actor's identity for matching: its CAMEO code, else its name (generic agents get a
    country, hence a code, only once the event's place is known)."""
    return (m.actor.code or m.actor.name) if m is not None else ""


def _compatible_actor(a: ActorMention | None, b: ActorMention | None) -> bool:
    return a is None or b is None or a.actor.code == b.actor.code or a.actor.name == b.actor.name


def _same_incident(ev: DocEvent, m: EventMention, family: str, adjacent: bool) -> bool:
    """Two mentions in one document describe one incident: nothing conflicts (date, place,
    target) and something links them (the same date, place or target, or adjacent sentences)."""
    main = ev.mention
    if not (_same_day(main.date_expression, m.date_expression)
            and _same_place(main.place, m.place)
            and (ev.family != family or _compatible_actor(main.actor2, m.actor2))):
        return False
    evidence = (
        adjacent
        or (main.date_expression is not None and m.date_expression is not None
            and _same_day(main.date_expression, m.date_expression))
        or (main.place is not None and m.place is not None and _same_place(main.place, m.place))
        or (main.actor2 is not None and m.actor2 is not None
            and _compatible_actor(main.actor2, m.actor2))
    )
    if not evidence:
        return False
    if ev.family == family == "violence":
        if main.kind.event_type == "Battles" and m.kind.event_type == "Battles":
            return True
        # a battle absorbs remote violence only between armed actors (ACLED's hierarchy)
        if _bare_clash(m) or _bare_clash(main):
            return True  # "in an exchange of fire": the setting of the incident, no new event
        if "Battles" in {main.kind.event_type, m.kind.event_type}:
            other = m if main.kind.event_type == "Battles" else main
            return is_armed(other.actor1) or is_armed(other.actor2) or other.actor2 is None
        return True
    # a demonstration and violence against it (or by it) are one incident when no organised
    # armed pair fights (ACLED: a protest that turns violent the same day is one event)
    demo, other = (main, m) if ev.family == "demo" else (m, main)
    if ev.family == "demo" and family == "demo":
        return True
    if {ev.family, family} == {"demo", "violence"}:
        return about_demonstration(other)
    return False


def _bare_clash(m: EventMention) -> bool:
    return m.kind.event_type == "Battles" and m.actor1 is None and m.actor2 is None


def about_demonstration(m: EventMention) -> bool:
    """Violence that is part of a demonstration: against or by the crowd, or unattributed
    shooting and clashes, never an armed pair fighting nor a targeted attack on someone else."""
    if is_armed(m.actor1) and is_armed(m.actor2):
        return False
    if (m.kind.event_type, m.kind.sub_event_type) not in {
        ("Violence against civilians", "Attack"), ("Battles", "Armed clash"),
        ("Protests", "Excessive force against protesters"), ("Riots", "Mob violence"),
    }:
        return False
    crowd = {5, 6}
    a1 = m.actor1.actor.inter if m.actor1 is not None else None
    a2 = m.actor2.actor.inter if m.actor2 is not None else None
    return a2 is None or a2 in crowd or a1 in crowd or a2 == 7


def _merge_into(ev: DocEvent, m: EventMention, family: str) -> None:
    main = ev.mention
    if ev.family == "demo" and family == "violence":
        # violence against (or by) demonstrators upgrades the demonstration
        if main.kind.event_type == "Protests" and main.kind.sub_event_type != (
            "Excessive force against protesters"
        ):
            state = m.actor1 is not None and m.actor1.actor.inter == 1
            main.kind = (EventType("Protests", "Excessive force against protesters", "175")
                         if state else EventType("Riots", "Violent demonstration", "145"))
        if main.actor2 is None and m.actor1 is not None and m.actor1.actor.inter == 1:
            main.actor2 = m.actor1
    elif ev.family == "violence" and family == "demo":
        demo_kind = m.kind if m.kind.event_type in DEMONSTRATION_TYPES else None
        if demo_kind is not None:
            state_actor = main.actor1 if main.actor1 and main.actor1.actor.inter == 1 else None
            main.kind = demo_kind if demo_kind.sub_event_type == "Violent demonstration" else (
                EventType("Protests", "Excessive force against protesters", "175"))
            ev.family = "demo"
            main.actor1, main.actor2 = m.actor1, state_actor or m.actor2
    elif (type_rank(m.kind) > type_rank(main.kind) and not _bare_clash(m)
          and (m.kind.event_type, m.kind.sub_event_type) != GENERIC_ATTACK):
        # a generic "killing" never overrides a more specific account of the same incident
        main.kind = m.kind
        main.civilian_targeting = m.civilian_targeting
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
    for r in m.rule_ids:
        if r not in main.rule_ids:
            main.rule_ids.append(r)


def _same_statement(a: EventMention, b: EventMention) -> bool:
    same_code = a.kind.cameo_code[:3] == b.kind.cameo_code[:3] or (
        a.kind.cameo_code[:2] == b.kind.cameo_code[:2]
        and a.sentence_index == b.sentence_index)
    return (same_code and _code(a.actor1) == _code(b.actor1)
            and (not _code(a.actor2) or not _code(b.actor2) or _code(a.actor2) == _code(b.actor2)))


def _more_specific(code: str, than: str) -> bool:
    """"138" is more specific than "130"; "0256" than "020"."""
    if len(code) != len(than):
        return len(code) > len(than)
    return code[-1:] != "0" and than[-1:] == "0"


def _add_casualties(ev: DocEvent, sa: SentenceAnalysis) -> None:
    idx = sa.sentence.index  # one sentence's figures, however many of its triggers link here
    killed = [c for c in sa.casualties if c.kind == "killed"]
    injured = [c for c in sa.casualties if c.kind != "killed"]
    if killed:
        ev.fatalities[idx] = killed
    if injured:
        ev.injuries[idx] = injured


# --------------------------------------------------------------------------------------------
# Default actors (ACLED names the unknown perpetrator, the crowd, the victims)
# --------------------------------------------------------------------------------------------


def _country_of(ev: DocEvent, fallback: str) -> str:
    m = ev.mention
    if m.place is not None and m.place.place.iso3:
        return m.place.place.iso3
    return fallback


def _victims_armed(ev: DocEvent) -> list[bool]:
    """For each casualty figure of the event: whether its victims are soldiers, police or
    fighters."""
    from coder.stages.events import armed_victims

    # "no reports of casualties" (a zero) names no victims
    return [armed_victims(c.victims)
            for group in (*ev.fatalities.values(), *ev.injuries.values()) for c in group
            if c.value > 0]


def _unarmed_victims(ev: DocEvent) -> bool:
    """Casualties were reported and none of them as soldiers, police or fighters."""
    armed = _victims_armed(ev)
    return bool(armed) and not any(armed)


def _default_opponent(ev: DocEvent, context_country: str, day: dt.date | None) -> None:
    """A non-state group that takes a town fights the state's forces for it, unless the text
    names another defender."""
    m = ev.mention
    if m.actor2 is not None or m.actor1 is None:
        return
    iso3 = _country_of(ev, context_country)
    if not iso3:
        return
    a1 = m.actor1.actor
    if m.kind.sub_event_type == "Non-state actor overtakes territory" and a1.inter != 1:
        m.actor2 = generic_actor("troops", iso3, day)
        return
    if a1.inter != 1 or m.kind.event_type not in {"Battles", "Explosions/Remote violence"}:
        return
    if a1.country and a1.country != iso3 and (
        m.kind.event_type == "Battles" or _armed_victims_only(ev)
    ):
        # a foreign state's forces fighting or shelling soldiers in a country: that
        # country's forces are the other side ("Azerbaijani troops fired on positions in ...")
        m.actor2 = generic_actor("troops", iso3, day)
        return
    enemy = ActorDictionary.load().default_perpetrators.get((iso3, m.kind.sub_event_type))
    if enemy and a1.country == iso3 and m.kind.event_type == "Battles":
        # "Ukrainian forces retook the village": in a war with one foreign enemy, that enemy
        m.actor2 = generic_actor("troops", enemy, day)


def _armed_victims_only(ev: DocEvent) -> bool:
    """Casualties were reported and all of them as soldiers, police or fighters."""
    armed = _victims_armed(ev)
    return bool(armed) and all(armed)


def generic_actor(agent_id: str, iso3: str, day: dt.date | None = None) -> ActorMention:
    """ACLED's generic actor of a country, from the agent dictionary ("protesters", "gunmen")."""
    actor = agent_actor(ActorDictionary.load().agents[agent_id], iso3, day)
    return ActorMention(Span(-1, -1, ""), actor, f"agents:{agent_id}:default")


def _people_on_event_day(ev: DocEvent, anchor: dt.date | None) -> None:
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


def _fill_default_actors(ev: DocEvent, context_country: str, day: dt.date | None) -> None:
    m = ev.mention
    iso3 = _country_of(ev, context_country)
    if iso3:
        # generic agents the document gave no country ("gunmen", "villagers") belong to the
        # country where the event happened
        if m.actor1 is not None:
            m.actor1 = with_country(m.actor1, iso3, day)
        if m.actor2 is not None:
            m.actor2 = with_country(m.actor2, iso3, day)
    if ev.family not in {"violence", "demo", "sd"}:
        return
    et = m.kind.event_type
    if m.kind.sub_event_type == "Excessive force against protesters":
        # the crowd is the target; the force is used by the state or an armed group
        crowd = next((a for a in (m.actor2, m.actor1) if a is not None and a.actor.inter in {5, 6}),
                     None) or generic_actor("protesters", iso3)
        # "people" who protested are the crowd, never the force that was used against it
        force = next((a for a in (m.actor1, m.actor2) if a is not None and a is not crowd
                      and a.actor.inter not in {5, 6, 7}), None) or generic_actor("gunmen", iso3)
        m.actor1, m.actor2 = force, crowd
        return
    if et == "Riots" and m.actor1 is not None and m.actor1.actor.inter in {6, 7}:
        # ACLED: the crowd of a violent demonstration is coded as rioters
        crowd = generic_actor("rioters", m.actor1.actor.country or iso3)
        crowd.actor.assoc = m.actor1.actor.assoc
        m.actor1 = ActorMention(m.actor1.span, crowd.actor, m.actor1.rule_id)
    if et in DEMONSTRATION_TYPES and m.actor2 is not None and (
        not is_armed(m.actor2) or m.kind.sub_event_type == "Peaceful protest"
    ):
        # ACLED: a demonstration's second actor is a force that intervened, never the
        # government or cause it was directed at
        m.actor2 = None
    if m.kind.sub_event_type == "Protest with intervention" and m.actor2 is None:
        m.actor2 = generic_actor("police", iso3)  # the usual intervening force
    if et in DEMONSTRATION_TYPES and m.actor1 is not None and m.actor1.actor.inter not in {5, 6}:
        # ACLED: the group that organised a protest is an associated actor of the crowd
        organiser = m.actor1
        m.actor1 = None
        crowd = generic_actor("protesters" if et == "Protests" else "rioters", iso3)
        crowd.actor.assoc = organiser.actor.name
        m.actor1 = crowd
    if m.actor1 is None:
        if et == "Protests":
            m.actor1 = generic_actor("protesters", iso3)
        elif et == "Riots":
            m.actor1 = generic_actor("rioters", iso3)
        elif et in {"Battles", "Explosions/Remote violence", "Violence against civilians"}:
            state = ActorDictionary.load().default_perpetrators.get(
                (iso3, m.kind.sub_event_type))
            m.actor1 = generic_actor("troops", state) if state else generic_actor("gunmen", iso3)
    if et == "Violence against civilians" and m.actor2 is None:
        m.actor2 = generic_actor("civilians", iso3)
    if m.actor2 is None and (
        m.kind.sub_event_type == "Mob violence"
        or (et == "Explosions/Remote violence" and _unarmed_victims(ev))
    ):
        # the people a strike or a mob killed or hurt, when no armed target is named
        m.actor2 = generic_actor("civilians", iso3)
    if m.actor1 is None and m.actor2 is not None:
        m.actor1, m.actor2 = m.actor2, None  # ACLED: a one-sided event has its actor first
    if m.actor1 is not None and m.actor2 is not None and et != "Violence against civilians" and (
            m.actor1.actor == m.actor2.actor or (m.actor1.rule_id.endswith(":default")
                                                 and m.actor1.actor.name == m.actor2.actor.name)):
        # one actor on both sides; an unnamed perpetrator defaulted to the same unidentified
        # group as the victims ("militants killed by the bomb they were making") is no second side
        m.actor2 = None
    for a in (m.actor1, m.actor2):
        if a is not None and a.actor.inter == 1 and a.actor.country and iso3 and (
            a.actor.country != iso3
        ):
            a.actor = Actor(a.actor.name, a.actor.code, 8, a.actor.country, a.actor.kind,
                            a.actor.assoc)


def resolve_event_date(ev: DocEvent, anchor: dt.date | None):  # type: ignore[no-untyped-def]
    """The event's date read against `anchor` (publication, or a calibrated anchor)."""
    from coder.models import ResolvedDate

    expr = ev.mention.date_expression
    if expr is not None:
        return resolve_date(expr, anchor)
    if anchor is not None:
        return ResolvedDate(anchor, 1, "publication")
    return None
