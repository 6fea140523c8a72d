"""Linking a sentence's event mentions into the document's events.

A mention either reports a new event, or says more about one already reported ("the attack",
"at least one protester was killed", a statement made twice), or reports nothing codable
(rhetoric in quotes, a hypothetical, an event dated only to a year).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coder.dictionaries.rules import load_rules
from coder.dictionaries.taxonomy import EVENT, INTER_GROUP, KIND, SUB
from coder.document.defaults import generic_actor
from coder.document.incidents import (
    add_rule_ids,
    bare_clash,
    merge_into,
    more_specific,
    same_day,
    same_incident,
    same_place,
    same_statement,
)
from coder.document.model import CARRY_SENTENCES, DocEvent
from coder.document.words import document_words
from coder.models import ActorMention, Document, EventMention
from coder.stages.events import (
    Candidate,
    SentenceAnalysis,
    demonstration_types,
    event_words,
    has_cue,
    tokenized,
    type_rank,
)


@dataclass(frozen=True, slots=True)
class _New:
    """The mention reports an event of its own, of this family."""

    family: str


def family_of(cand: Candidate) -> str:
    """The document family of a trigger's concept: violence, demo, sd or verbal."""
    fam = cand.concept.family
    if fam in {"protest", "riot"}:
        return "demo"
    return fam


def _codable_family(cand: Candidate) -> str | None:
    """The family the mention is coded in, or None when it reports nothing codable: rhetoric
    inside quotes, an act that did not happen (a threatened attack is a threat, CAMEO 138), an
    event dated only to a year."""
    m = cand.mention
    family = family_of(cand)
    if cand.quoted and family != "verbal":
        return None  # rhetoric inside quotes is not a report that the act happened
    if m.realis != "actual" and not (family == "violence" and m.realis == "attempted"):
        if m.realis == "threatened" and family == "violence":
            m.kind = KIND.threaten
            family = "verbal"
        else:
            return None
    if family == "verbal" and cand.quoted:
        return None  # words inside a quotation with no speaker we can name
    expr = m.date_expression
    if expr is not None and expr.kind == "year":
        return None  # ACLED keeps no event dated only to a year
    return family


def recent_event(recent: list[tuple[int, DocEvent]], pos: int, within: int) -> DocEvent | None:
    """The latest violent or demonstration event, when reported at most `within` sentences
    before sentence `pos`."""
    for p, ev in reversed(recent):
        if pos - p <= within:
            return ev
        break
    return None


def support(ev: DocEvent, sid: str) -> None:
    """Record that sentence `sid` reports the event."""
    if sid not in ev.sentence_ids:
        ev.sentence_ids.append(sid)


def add_casualties(ev: DocEvent, sa: SentenceAnalysis) -> None:
    """The sentence's casualty figures count for the event (once per sentence, however many of
    its triggers link to the event)."""
    idx = sa.sentence.index
    killed = [c for c in sa.casualties if c.kind == "killed"]
    injured = [c for c in sa.casualties if c.kind != "killed"]
    if killed:
        ev.fatalities[idx] = killed
    if injured:
        ev.injuries[idx] = injured


def _absorb(ev: DocEvent, m: EventMention) -> None:
    """Take from a back-reference whatever it adds (a target, a place, rule ids), and the kind
    it says the demonstration turned into ("The protest turned violent.")."""
    main = ev.mention
    demos = demonstration_types()
    if (main.kind.event_type in demos and m.kind.event_type in demos
            and type_rank(m.kind) > type_rank(main.kind)):
        main.kind = m.kind
    elif main.kind.event_type == EVENT.protests and bare_clash(m):
        # "... following running battles.": a fight with no sides of its own at the
        # demonstration is the crowd's (ACLED: a demonstration that turned violent), no battle
        # between organised armed groups
        main.kind = KIND.violent_demonstration
    if main.actor2 is None and m.actor2 is not None:
        main.actor2 = m.actor2
    if main.place is None and m.place is not None:
        main.place = m.place
    add_rule_ids(main, m)


def _no_new_facts(m: EventMention) -> bool:
    """A back-reference that names no actor and no date of its own (a date far from the
    trigger dates something else in the sentence)."""
    d = m.date_expression
    own_date = d is not None and (
        abs(d.span.start - m.trigger.start) <= 12 or abs(d.span.end - m.trigger.end) <= 40
    )
    return m.actor1 is None and not own_date


def _bare(cand: Candidate, sa: SentenceAnalysis) -> bool:
    """A noun trigger with nothing of its own: no actor, target, place, date or casualties,
    outside the headline ("in security clashes")."""
    m = cand.mention
    return (cand.trigger.pos == "noun" and m.actor1 is None and m.actor2 is None
            and m.place is None and m.date_expression is None and not sa.casualties
            and not sa.is_title and m.kind.sub_event_type != SUB.mob_violence
            and not _heads_sentence(cand, sa))


def _heads_sentence(cand: Candidate, sa: SentenceAnalysis) -> bool:
    """The noun trigger heads the sentence's subject ("Protests in the capital over fuel
    prices.", "A riot broke out ..."): the sentence reports it, it is no passing mention (and a
    mob, named its own actor, "a mob stoned ...", is never bare either)."""
    start = cand.match.start
    if start > 2:
        return False
    words = sa.words
    return all(k[:1].isalnum() and k not in words.preposition and k not in words.anaphoric
               and k not in words.be and k not in words.light_verb for k in sa.keys[:start])


def crowd_arrest(keys: list[str], arrested: ActorMention | None) -> bool:
    """Arrests of people the sentence shows gathering, marching or chanting, or names as
    demonstrators ("police arrested protesters": ACLED's protest with intervention)."""
    if arrested is not None and arrested.actor.inter not in INTER_GROUP.crowd_or_civilians and \
            arrested.actor.kind not in document_words()["crowd_kind"]:
        return False  # "soldiers detained the president": a named official, not a crowd
    named = arrested.span.text.lower().split() if arrested is not None else []
    if named and named[-1] in event_words().demonstrator_word:
        return True
    return has_cue(keys, load_rules(), "assembly")


@dataclass(slots=True)
class DocumentLinker:
    """The events of one document so far, and the mentions linked into them."""

    doc: Document
    anchor: dt.date | None
    basis: str
    events: list[DocEvent] = field(default_factory=list)
    recent: list[tuple[int, DocEvent]] = field(default_factory=list)  # violence/demo by position

    def link(self, cand: Candidate, pos: int, sa: SentenceAnalysis,
             refers_back: bool = False) -> DocEvent | None:
        """The document event the mention reports (new or already reported), or None when it
        reports nothing codable. `refers_back`: some mention of the sentence refers back."""
        family = _codable_family(cand)
        if family is None:
            return None
        outcome: DocEvent | _New | None
        if family in {"violence", "demo"}:
            outcome = self._link_physical(cand, pos, sa, family, refers_back)
        elif family == "verbal":
            outcome = self._link_statement(cand, sa, refers_back)
        elif family == "sd":
            outcome = self._link_development(cand, pos, sa)
        else:
            outcome = _New(family)
        if not isinstance(outcome, _New):
            return outcome
        ev = DocEvent(self.doc, cand.mention, outcome.family, self.anchor, self.basis,
                      [sa.sentence.sentence_id], ongoing=cand.ongoing)
        self.events.append(ev)
        if outcome.family in {"violence", "demo"}:
            self.recent.append((pos, ev))
        return ev

    def _link_physical(self, cand: Candidate, pos: int, sa: SentenceAnalysis, family: str,
                       refers_back: bool) -> DocEvent | _New | None:
        """Violence or a demonstration: a back-reference to the last one reported, or a new
        mention of an incident already reported, or a new event (with the date and place of
        the event just reported when it names none)."""
        m = cand.mention
        sid = sa.sentence.sentence_id
        previous = recent_event(self.recent, pos, CARRY_SENTENCES)
        if self._refers_to_earlier(cand, sa, previous, refers_back):
            # "the attack": the last violent event the document reported, however far back;
            # with none, a bare back-reference reports nothing codable
            referent = previous or (self.recent[-1][1] if self.recent else None)
            if referent is not None:
                support(referent, sid)
                _absorb(referent, m)
                return referent
            if _bare(cand, sa) or cand.background:
                return None  # "in security clashes", "against the coup": no event of its own
            # nothing before it: the document's first report of the event ("The failed
            # assassination attempt on ...")
        if previous is not None and previous.family == family:
            if m.date_expression is None:
                m.date_expression = previous.mention.date_expression
            if m.place is None:
                m.place = previous.mention.place
        if cand.ongoing and m.date_expression is None and not (family == "demo" and m.place):
            # continuing activity with no day of its own; a demonstration going on at a named
            # place is under way as reported ("traders in X are protesting ...")
            return None
        return self._same_incident(m, pos, sid, family) or _New(family)

    def _refers_to_earlier(self, cand: Candidate, sa: SentenceAnalysis,
                           previous: DocEvent | None, refers_back: bool) -> bool:
        """The mention says more about an event already reported: a back-reference with no
        facts of its own, casualties with no actor, or a bare noun."""
        m = cand.mention
        casualty_only = (cand.concept.concept in document_words()["casualty_concept"]
                         and m.actor1 is None
                         and (previous is not None or (refers_back and bool(self.recent))))
        return (cand.anaphoric and _no_new_facts(m)) or casualty_only or _bare(cand, sa)

    def _same_incident(self, m: EventMention, pos: int, sid: str,
                       family: str) -> DocEvent | None:
        """The earlier event the mention reports again, with the mention folded into it."""
        undistinguished = m.date_expression is None and m.place is None
        for p, ev in reversed(self.recent):
            # a later mention with no date or place of its own cannot be told apart from an
            # earlier event of the same kind in the document: it is that event
            if same_incident(ev, m, family, adjacent=pos - p <= 1 or undistinguished):
                merge_into(ev, m, family)
                support(ev, sid)
                self.recent.append((pos, ev))
                return ev
        return None

    def _link_statement(self, cand: Candidate, sa: SentenceAnalysis,
                        refers_back: bool) -> DocEvent | _New | None:
        """A statement: it needs a speaker; a claim of responsibility names the perpetrator of
        the attack just reported; a statement about an event is about its perpetrator."""
        m = cand.mention
        sid = sa.sentence.sentence_id
        if m.actor1 is None:
            return None
        if cand.concept.concept == "claim_responsibility" and self.recent:
            # "Al-Shabaab claimed responsibility": the perpetrator of the attack just reported
            attack = self.recent[-1][1].mention
            if attack.actor1 is None or attack.actor1.rule_id.endswith(":default"):
                attack.actor1 = m.actor1
        if m.actor2 is None and cand.concept.object_is_event:
            m.actor2 = self._perpetrator(sid, refers_back)
        if cand.concept.needs_target and m.actor2 is None:
            return None
        for ev in self.events:
            if ev.family == "verbal" and same_statement(ev.mention, m):
                support(ev, sid)
                if more_specific(m.kind.cameo_code, ev.mention.kind.cameo_code):
                    ev.mention.kind = m.kind  # "threatened to attack": 138 over 130
                return ev
        return _New("verbal")

    def _perpetrator(self, sid: str, refers_back: bool) -> ActorMention | None:
        """The named perpetrator of the event this sentence reports or refers back to."""
        here = [ev for ev in self.events if sid in ev.sentence_ids and ev.family != "verbal"]
        # "condemned the attack": the latest act of violence, before any demonstration
        recent = self.recent if refers_back else []
        violent = [ev for _, ev in recent if ev.family == "violence"]
        if not violent and refers_back:
            # "condemned the coup": no violence reported, the latest strategic development
            violent = [ev for ev in self.events if ev.family == "sd"]
        event = here[-1] if here else (violent[-1] if violent else None)
        if event is None or event.mention.actor1 is None:
            return None
        actor1 = event.mention.actor1
        return None if actor1.rule_id.endswith(":default") else actor1

    def _link_development(self, cand: Candidate, pos: int,
                          sa: SentenceAnalysis) -> DocEvent | _New | None:
        """A strategic development: a back-reference to one already reported, arrests or
        looting that belong to a demonstration or attack, or a development of its own."""
        m = cand.mention
        sid = sa.sentence.sentence_id
        family = "sd"
        if cand.anaphoric and (m.actor1 is None or cand.background):
            # "condemned the coup": the coup already reported, or nothing new; "protested
            # against the military coup" names a known event as background
            same = [ev for ev in self.events if ev.family == "sd" and ev.kind == m.kind]
            if same:
                support(same[-1], sid)
                return same[-1]
            if cand.background:
                return None
        if m.kind.sub_event_type == SUB.arrests:
            host = self._arrest_at_demonstration(cand, pos, sa)
            if host is not None:
                return host
            if _arrest_as_protest(m, sa):
                family = "demo"
        if m.kind.sub_event_type == SUB.looting_property_destruction:
            host = self._looting_in(cand, pos, sa)
            if host is not None:
                return host
        if cand.concept.needs_actor and m.actor1 is None:
            return None
        if cand.concept.needs_target and m.actor2 is None:
            return None
        return _New(family)

    def _arrest_at_demonstration(self, cand: Candidate, pos: int,
                                 sa: SentenceAnalysis) -> DocEvent | None:
        """Arrests of the crowd at a demonstration just reported, that day and place: the
        demonstration met an intervention (ACLED). An arrest the demonstration's own sentence
        names as what the crowd protests or demands is part of its report, no intervention."""
        m, sid = cand.mention, sa.sentence.sentence_id
        host = recent_event(self.recent, pos, 1)
        if host is not None and host.family == "demo" and _named_as_grievance(host, cand, sa):
            support(host, sid)
            return host
        crowd = m.actor2 is None or m.actor2.actor.inter in INTER_GROUP.crowd
        if host is not None and host.family == "demo" and crowd and same_day(
            host.mention.date_expression, m.date_expression
        ) and same_place(host.mention.place, m.place):
            if host.kind.sub_event_type == SUB.peaceful_protest:
                host.mention.kind = KIND.protest_with_intervention
            if host.mention.actor2 is None:
                host.mention.actor2 = m.actor1
            support(host, sid)
            return host
        return None

    def _looting_in(self, cand: Candidate, pos: int, sa: SentenceAnalysis) -> DocEvent | None:
        """ACLED: looting or destruction during a riot or an attack just reported, the same
        day, is part of that event (and makes a protest a violent demonstration, unless the
        protest's sentence names it as the crowd's grievance: "protested the demolition of")."""
        m, sid = cand.mention, sa.sentence.sentence_id
        host = recent_event(self.recent, pos, 1)
        if host is not None and same_day(host.mention.date_expression, m.date_expression):
            if host.family == "demo" and host.kind.event_type == EVENT.protests and \
                    not _named_as_grievance(host, cand, sa):
                host.mention.kind = KIND.violent_demonstration
            support(host, sid)
            _absorb(host, m)
            return host
        return None


def _named_as_grievance(host: DocEvent, cand: Candidate, sa: SentenceAnalysis) -> bool:
    """"Residents protested the arrest of their chief", "marched, demanding the arrest of the
    killers", "protest the demolition of their stalls": an arrest or destruction named after
    the demonstration in its sentence, past a word of grievance (events words.csv grievance) in
    its clause or as the protest's object, is what the crowd protests or asks for, not force
    used against it nor the crowd's own violence (ACLED: a peaceful protest)."""
    hm = host.mention
    if hm.sentence_index != cand.mention.sentence_index:
        return False
    end = sum(1 for t in tokenized(sa) if t.start < hm.trigger.end)
    if end > cand.match.start:
        return False
    between = sa.keys[end : cand.match.start]
    breaks = sa.words.clause_break_or_comma
    cut = max((k for k, key in enumerate(between) if key in breaks or key == "."), default=-1)
    tail = between[cut + 1 :]
    arrested = cand.mention.actor2
    if cand.trigger.pos == "verb" and not sa.words.sequel.isdisjoint(tail) and \
            arrested is not None and arrested.actor.inter not in INTER_GROUP.crowd_or_civilians:
        return False  # "stormed the base hours after he was arrested": a leader's arrest
    if not sa.words.grievance.isdisjoint(tail):
        return True
    return cut < 0 and cand.trigger.pos == "noun" and len(between) <= _OBJECT_REACH


# how many keys the object of a protest may take before its noun ("protest the arrest")
_OBJECT_REACH = 3


def _arrest_as_protest(m: EventMention, sa: SentenceAnalysis) -> bool:
    """"Police detained dozens as they tried to march to the square": the crowd was
    demonstrating and the arrests are the intervention (ACLED). Recodes the mention and says
    whether it did."""
    if not crowd_arrest(sa.keys, m.actor2):
        return False
    m.kind = KIND.protest_with_intervention
    m.actor1, m.actor2 = m.actor2 or generic_actor("protesters", ""), m.actor1
    m.rule_ids.append("cues:assembly")
    return True
