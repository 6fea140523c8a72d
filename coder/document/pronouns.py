"""Pronouns resolved across sentences: he/his/him/she/her stand for a person named before them
(in their sentence or the previous one), it/its for a group named before them in their sentence.
"""

from __future__ import annotations

from coder.document.words import document_words, group_pronouns, person_pronouns, pronouns
from coder.models import ActorMention, Span
from coder.stages.events import SentenceAnalysis
from coder.text.tokens import Token

People = tuple[ActorMention | None, ActorMention | None]  # (subject, other person)


def is_person(m: ActorMention) -> bool:
    """A mention of one person (a named person, an office holder, a title)."""
    return m.rule_id.startswith(("people:", "office:", "title:"))


def _inside_mention(sa: SentenceAnalysis, tok: Token) -> bool:
    return any(a.span.start <= tok.start < a.span.end for a in sa.actors)


def _coreferent(tok: Token, antecedent: ActorMention) -> ActorMention:
    return ActorMention(Span(tok.start, tok.end, tok.text), antecedent.actor,
                        antecedent.rule_id, coreferent=True)


def _group_antecedent(sa: SentenceAnalysis, by_start: list[ActorMention],
                      tok: Token) -> ActorMention | None:
    """"Sudan's army said it had regained ...": the group named before "it" in its sentence."""
    not_groups = document_words()["not_antecedent_kind"]
    groups = [a for a in by_start if a.span.end <= tok.start and not is_person(a)
              and a.actor.kind not in not_groups]
    if groups and not _inside_mention(sa, tok):
        return _coreferent(tok, groups[-1])
    return None


def _person_antecedent(sa: SentenceAnalysis, by_start: list[ActorMention], tok: Token,
                       previous: People) -> ActorMention | None:
    """A subject pronoun with no person before it in its sentence is the previous sentence's
    subject; "him" is the other person."""
    prev_subject, prev_other = previous
    people_before = [a for a in by_start if a.span.end <= tok.start and is_person(a)]
    if tok.key == "him":
        own = people_before[0] if people_before else prev_subject
        antecedent = prev_other if own is prev_subject else prev_subject
        antecedent = antecedent or prev_other or prev_subject
    else:
        antecedent = people_before[-1] if people_before else prev_subject
    if antecedent is None or _inside_mention(sa, tok):
        return None
    return _coreferent(tok, antecedent)


def resolve_pronouns(sa: SentenceAnalysis, previous: People) -> People:
    """Add mentions for the sentence's pronouns, each standing for its antecedent.

    Returns this sentence's (subject, other person) for the next sentence."""
    added: list[ActorMention] = []
    by_start = sorted(sa.actors, key=lambda a: a.span.start)
    # perf: most sentences hold no pronoun, and then the token walk finds nothing
    found = pronouns().intersection(sa.keys or [t.key for t in sa.tokens])
    groups, persons = group_pronouns(), person_pronouns()
    for tok in sa.tokens if found else ():
        if tok.key not in found:
            continue
        mention = None
        if tok.key in groups:
            mention = _group_antecedent(sa, by_start, tok)
        elif tok.key in persons:
            mention = _person_antecedent(sa, by_start, tok, previous)
        if mention is not None:
            added.append(mention)
    if added:
        sa.actors = sorted(sa.actors + added, key=lambda a: a.span.start)
    return _people_after(sa, previous)


def _people_after(sa: SentenceAnalysis, previous: People) -> People:
    """The sentence's subject (its first person) and another person, for the next sentence:
    the previous sentence's when it names no one."""
    prev_subject, prev_other = previous
    people = [a for a in sa.actors if is_person(a)]
    if not people:
        return previous
    subject = people[0]
    other = next((a for a in people[1:] if a.actor != subject.actor), None)
    return subject, other or (prev_subject if prev_subject and prev_subject.actor !=
                              subject.actor else prev_other)
