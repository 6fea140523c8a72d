"""`find_casualties`: the casualty mentions of one sentence, each figure attached to its
trigger and marked cumulative when a running-total cue governs it."""

from __future__ import annotations

import re
from operator import attrgetter

from coder.models import CasualtyMention, Span
from coder.stages.casualties.attach import attach
from coder.stages.casualties.rules import Trigger, has_role, is_count, rules
from coder.text.numbers import find_numbers
from coder.text.tokens import Match, Token, phrase_key, tokenize


def _cumulative_segments(tokens: list[Token], triggers: list[Match[Trigger]],
                         seg_of: list[int]) -> set[int]:
    """Comma-delimited segments that hold a cumulative cue; -1 means the whole sentence."""
    cues = rules().cumulative.find(tokens)
    out = {seg_of[c.start] for c in cues}
    if 0 in out and not any(seg_of[t.start] == 0 for t in triggers):
        out.add(-1)  # an opening "Since 2011, ..." with no toll of its own governs the sentence
    return out


def _segments(tokens: list[Token]) -> list[int]:
    """Each token's segment number: segments are split at commas, semicolons, colons and
    brackets."""
    seg = 0
    out = []
    for tok in tokens:
        if tok.key in (",", ";", "(", ")", ":"):
            seg += 1
        out.append(seg)
    return out


_RAW_WORD = re.compile(r"[^\W\d_]+")
_KEY = attrgetter("key")


def find_casualties(text: str, tokens: list[Token] | None = None,
                    keys: list[str] | None = None) -> list[CasualtyMention]:
    """Every killed/injured figure in one sentence, spans relative to `text`; `keys`, when
    given, are the keys of `tokens`."""
    r = rules()
    words = r.cue_words
    if tokens is None:
        if words.isdisjoint(_RAW_WORD.findall(text.lower())):
            return []  # no casualty word at all: the common case, decided before tokenizing
        tokens = tokenize(text)
    elif words.isdisjoint(map(_KEY, tokens) if keys is None else keys):
        return []
    triggers = r.triggers.find(tokens)
    if not triggers:
        return []
    numbers = [n for n in find_numbers(tokens) if is_count(tokens, n)]
    by_start = {n.start: n for n in numbers}
    by_end = {n.end: n for n in numbers}
    used: set[tuple[str, int]] = set()
    seg_of = _segments(tokens)
    cumulative = _cumulative_segments(tokens, triggers, seg_of)
    background = r.background.find(tokens)
    earlier = r.earlier.find(tokens)
    out: list[CasualtyMention] = []
    for t in triggers:
        trig = t.value
        if t.start > 0 and has_role(tokens[t.start - 1].key, "institution"):
            continue  # "local governing bodies": an institution, not the dead
        found = attach(tokens, t, by_start, by_end, used)
        if found is None:
            continue
        if trig.kind == "casualties" and not found.zero:
            continue  # "casualties" is not a death toll (ACLED: record 0)
        if _in_background(t.start, background, seg_of):
            continue  # "protested the killing of a trader": the cause, not this event's toll
        if _told_as_earlier(t.end, found.end, earlier, seg_of):
            continue  # "the killing of a cleric earlier in the week": an earlier event's toll
        if found.victims and _animals(text[found.victims[0]:found.victims[1]], r.animals):
            continue  # "32 sheep were killed": ACLED counts people
        if found.number_start >= 0:
            key = (trig.kind, found.number_start)
            if key in used:
                continue
            used.add(key)
        is_cumulative = bool(cumulative) and (
            -1 in cumulative or seg_of[found.start] in cumulative
            or seg_of[found.end - 1] in cumulative
        )
        kinds = ("killed", "injured") if trig.kind == "casualties" else (trig.kind,)
        start, end = tokens[found.start].start, tokens[found.end - 1].end
        for kind in kinds:
            out.append(CasualtyMention(
                span=Span(start, end, text[start:end]), kind=kind,  # type: ignore[arg-type]
                value=0 if found.zero else found.value,
                high=found.high, vague=found.vague,
                victims=text[found.victims[0]:found.victims[1]] if found.victims else "",
                rule_id=trig.rule_id, cumulative=is_cumulative,
            ))
    return out


def _in_background(start: int, cues: list[Match[tuple[int, int]]], seg_of: list[int]) -> bool:
    """Whether a background cue (background.csv) stands before the trigger at token `start`,
    in its comma-delimited part and within the cue's window of tokens."""
    return any(c.end <= start and c.value[0] <= start - c.end <= c.value[1]
               and seg_of[c.start] == seg_of[start] for c in cues)


def _told_as_earlier(trigger_end: int, end: int, cues: list[Match[int]],
                     seg_of: list[int]) -> bool:
    """Whether an earlier-time cue (earlier.csv) starts after the trigger ending at token
    `trigger_end` and within its window of tokens after the mention ending at `end`, in the
    trigger's comma-delimited part."""
    return any(trigger_end <= c.start <= end + c.value
               and seg_of[c.start] == seg_of[trigger_end - 1] for c in cues)


def _animals(victims: str, animals: frozenset[str]) -> bool:
    """Whether a victims phrase names animals ("sheep", "head of cattle"): its last word, the
    head, is an animal noun of victims.csv ("cattle rustlers" are people)."""
    words = [phrase_key(w) for w in victims.split()]
    return bool(words) and words[-1] in animals
