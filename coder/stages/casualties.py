"""Casualty figures in a sentence: who was killed or injured, and how many.

`find_casualties(text)` finds trigger phrases (coder/data/casualties/triggers.csv) and attaches
to each the figure written before it ("12 people were killed"), after it ("killing 12"), or a
few words after it ("the death toll rose to 30"). ACLED conventions (codebooks.md 1.5):

- the written figure is kept for hedges ("at least 12" -> 12, "more than 100" -> 100); ranges
  keep both ends ("two to four" -> value 2, high 4);
- vague quantities take their numbers.csv value: dozens 12, hundreds 100, tens 10, scores 20,
  several / a few / some 3, many / numerous 10 (the larger of ACLED's "3 or 10": "many" is used
  for big tolls); figureless plurals ("killed civilians", "they were killed") are vague 3;
- a singular victim ("a protester was killed", "gunmen killed the mayor", "he died") is 1;
- "casualties" alone is NOT deaths (ACLED records 0 fatalities): no mention is made, except for
  its negation ("no casualties") which gives killed 0 and injured 0;
- negated tolls ("no one was killed", "nobody was hurt") give value 0; a named victim who was
  "not hurt" gives no mention (others may still have been hurt); hypothetical or doubtful
  reports ("could have been killed", "whether anyone was killed") give no mention;
- `cumulative` marks running or historical totals (coder/data/casualties/cumulative.csv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Literal

from pydantic import BaseModel, Field

from coder.dictionaries.files import read_csv_models, register_cache
from coder.models import CasualtyMention, Span
from coder.text.numbers import NumberMatch, find_numbers
from coder.text.tokens import Match, PhraseMatcher, Token, phrase_key, tokenize

TriggerKind = Literal["killed", "injured", "casualties"]
Direction = Literal["before", "after", "both", "toll"]
Role = Literal[
    "aux", "adverb", "blocker", "hypothetical", "negator", "follower", "determiner",
    "pronoun_singular", "pronoun_plural", "parenthetical",
]


class TriggerRow(BaseModel):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    phrase: str = Field(min_length=1)
    kind: TriggerKind
    direction: Direction


class FunctionWordRow(BaseModel):
    word: str = Field(min_length=1)
    role: Role


class VictimRow(BaseModel):
    noun: str = Field(min_length=1)
    number: Literal["plural", "singular"]


class NotCountRow(BaseModel):
    word: str = Field(min_length=1)
    side: Literal["after", "before", "year_before"]


class CumulativeRow(BaseModel):
    phrase: str = Field(min_length=1)


@dataclass(slots=True, frozen=True)
class _Trigger:
    rule_id: str
    kind: TriggerKind
    direction: Direction


@dataclass(slots=True, frozen=True)
class _Rules:
    triggers: PhraseMatcher[_Trigger]
    trigger_words: frozenset[str]  # first words of trigger phrases
    stems: tuple[str, ...]  # cheap substring pre-check on the lower-cased sentence
    roles: dict[str, frozenset[str]]
    plural: frozenset[str]
    singular: frozenset[str]
    not_after: frozenset[str]
    not_before: frozenset[str]
    year_before: frozenset[str]
    cumulative: PhraseMatcher[bool]


@register_cache
@lru_cache(maxsize=1)
def _rules() -> _Rules:
    triggers: PhraseMatcher[_Trigger] = PhraseMatcher()
    stems: set[str] = set()
    for row in read_csv_models("casualties/triggers.csv", TriggerRow):
        triggers.add(row.phrase, _Trigger(f"casualties:{row.id}", row.kind, row.direction))
        stems.add(phrase_key(row.phrase).split(" ")[0])
    roles: dict[str, set[str]] = {}
    for fw in read_csv_models("casualties/function_words.csv", FunctionWordRow):
        roles.setdefault(fw.role, set()).add(phrase_key(fw.word))
    victims = read_csv_models("casualties/victims.csv", VictimRow)
    sides: dict[str, set[str]] = {"after": set(), "before": set(), "year_before": set()}
    for nc in read_csv_models("casualties/not_counts.csv", NotCountRow):
        sides[nc.side].add(nc.word.lower() if not nc.word.isalnum() else phrase_key(nc.word))
    cumulative: PhraseMatcher[bool] = PhraseMatcher()
    for cr in read_csv_models("casualties/cumulative.csv", CumulativeRow):
        cumulative.add(cr.phrase, True)
    return _Rules(
        triggers=triggers,
        trigger_words=frozenset(k.split(" ")[0] for k, _ in triggers.items()),
        stems=tuple(sorted(stems)),
        roles={k: frozenset(v) for k, v in roles.items()},
        plural=frozenset(phrase_key(v.noun) for v in victims if v.number == "plural"),
        singular=frozenset(phrase_key(v.noun) for v in victims if v.number == "singular"),
        not_after=frozenset(sides["after"]),
        not_before=frozenset(sides["before"]),
        year_before=frozenset(sides["year_before"]),
        cumulative=cumulative,
    )


def _role(word: str, role: str) -> bool:
    return word in _rules().roles.get(role, frozenset())


def _is_count(tokens: list[Token], n: NumberMatch) -> bool:
    """False for numbers that are ages, distances, times, dates or years, not people."""
    r = _rules()
    core = tokens[n.core]
    nxt = n.end
    # "25-year-old": look through a glued hyphen
    if nxt < len(tokens) and tokens[nxt].key == "-" and tokens[nxt].start == tokens[nxt - 1].end:
        nxt += 1
    if nxt < len(tokens) and (tokens[nxt].key in r.not_after or (
        tokens[nxt].key == ":" and tokens[nxt].start == tokens[nxt - 1].end
    )):
        return False
    prev = tokens[n.core - 1].key if n.core > 0 else ""
    if core.key.isdigit() and prev in r.not_before:
        return False
    if core.key.isdigit() and len(core.key) == 4 and 1800 <= int(core.key) <= 2100:
        follows_word = n.end < len(tokens) and tokens[n.end].is_word
        if prev in r.year_before or not follows_word or n.core == 0:
            return False
    return True


def _plural(tok: Token) -> bool:
    r = _rules()
    if tok.key in r.plural:
        return True
    if tok.key in r.singular or not tok.is_word:
        return False
    return (len(tok.key) > 3 and tok.key.endswith("s") and not tok.key.endswith(("ss", "us", "is"))
            and tok.text[:1].islower() and not any(tok.key in v for v in r.roles.values()))


Chars = tuple[int, int] | None  # a character range in the sentence


def _victims(tokens: list[Token], i: int, stop: int) -> Chars:
    """The victim noun phrase from token i ("of his security guards" -> "security guards")."""
    return _victim_span(tokens, i, stop)[0]


def _victim_span(tokens: list[Token], i: int, stop: int) -> tuple[Chars, int]:
    """The victim words' characters from token i, and the token index just past them."""
    r = _rules()
    words: list[Token] = []
    j = i
    while j < stop and len(words) < 4:
        tok = tokens[j]
        key = tok.key
        if not words and (key == "of" or _role(key, "determiner") or key == "other"):
            j += 1
            continue
        if key == "-" and words and tok.start == tokens[j - 1].end:
            j += 1
            continue
        if not tok.is_word or key in r.trigger_words or any(
            key in r.roles.get(role, frozenset())
            for role in ("aux", "adverb", "blocker", "follower", "hypothetical", "negator")
        ):
            break
        words.append(tok)
        j += 1
    if not words:
        return None, i
    return (words[0].start, words[-1].end), j


@dataclass(slots=True)
class _Found:
    value: int
    start: int  # token range of the whole mention
    end: int
    high: int | None = None
    vague: bool = False
    zero: bool = False
    victims: Chars = None
    number_start: int = -1


def _passive(tokens: list[Token], i: int) -> bool:
    """True when an auxiliary ("were", "was reportedly") stands right before token i."""
    j = i - 1
    while j >= 0 and _role(tokens[j].key, "adverb") and not _role(tokens[j].key, "aux"):
        j -= 1
    return j >= 0 and _role(tokens[j].key, "aux")


def _forward(tokens: list[Token], t: Match[_Trigger], by_start: dict[int, NumberMatch]
             ) -> _Found | None:
    j = t.end
    if j >= len(tokens):
        return None
    n = by_start.get(j)
    if n is not None:
        victims, end = _victim_span(tokens, n.end, len(tokens))
        found = _Found(n.value, t.start, max(end, n.end), n.high, n.vague, n.zero, victims,
                       n.start)
        return _and_more(tokens, found, by_start)
    tok = tokens[j]
    if _role(tok.key, "pronoun_singular") and not _role(tok.key, "determiner"):
        return _and_more(tokens, _Found(1, t.start, j + 1), by_start)
    if _role(tok.key, "pronoun_plural"):
        return _Found(3, t.start, j + 1, vague=True)
    if _role(tok.key, "determiner") and j + 1 < len(tokens):
        head = _head(tokens, j + 1)
        if head is not None:
            plural = _plural(tokens[head])
            return _Found(3 if plural else 1, t.start, head + 1, vague=plural,
                          victims=_victims(tokens, j + 1, head + 1))
    if _plural(tok):
        victims, end = _victim_span(tokens, j, len(tokens))
        return _Found(3, t.start, max(end, j + 1), vague=True, victims=victims)
    return None


def _and_more(tokens: list[Token], found: _Found, by_start: dict[int, NumberMatch]) -> _Found:
    """ "killed five soldiers and three civilians" -> 8: a second figure joined by "and"."""
    j = found.end
    if j + 1 < len(tokens) and tokens[j].key == "and":
        n = by_start.get(j + 1)
        if n is not None and not n.zero and not found.zero:
            _, end = _victim_span(tokens, n.end, len(tokens))
            found.value += n.value
            found.vague = found.vague or n.vague
            found.high = None
            found.victims = None
            found.end = max(end, n.end)
    return found


def _head(tokens: list[Token], i: int) -> int | None:
    """Index of the last word of a short noun phrase starting at i, or None."""
    last = None
    j = i
    while j < len(tokens) and j < i + 4:
        tok = tokens[j]
        if tok.key == "-" and last is not None:
            j += 1
            continue
        if not tok.is_word or tok.key in _rules().trigger_words or any(
            _role(tok.key, r) for r in ("aux", "blocker", "follower", "adverb")
        ):
            break
        last = j
        j += 1
    return last


def _backward(tokens: list[Token], t: Match[_Trigger], by_end: dict[int, NumberMatch],
              used: set[tuple[str, int]], kind: str) -> _Found | None:
    words = 0
    aux: str | None = None
    i = t.start - 1
    while i >= 0:
        n = by_end.get(i + 1)
        if n is not None and (kind, n.start) not in used:
            n = _outer_number(tokens, n, by_end)
            found = _Found(n.value, n.start, t.end, n.high, n.vague, n.zero,
                           _victims(tokens, n.end, t.start), n.start)
            return _coordinated(tokens, found, by_end)
        tok = tokens[i]
        key = tok.key
        if _role(key, "hypothetical"):
            return None
        if _role(key, "negator"):
            return None
        if key == ",":
            skip = _parenthesis_start(tokens, i)
            if skip is not None:
                i = skip - 1  # "Four people, including two children, were killed"
                continue
        if not tok.is_word and key not in ("-", "'s", "'", '"'):
            break  # a closing quote is transparent: '"six members of his guard" were hurt'
        if _role(key, "blocker") or key in _rules().trigger_words:
            break  # "died of their injuries": the figure belongs to the other trigger
        if aux is None and _role(key, "aux"):
            aux = key
        # "have been", "were reportedly": auxiliaries and adverbs do not use up the window
        words += tok.is_word and not (_role(key, "aux") or _role(key, "adverb"))
        if words > 7:
            break
        i -= 1
    return _figureless(tokens, t, aux)


def _outer_number(tokens: list[Token], n: NumberMatch, by_end: dict[int, NumberMatch]
                  ) -> NumberMatch:
    """ "Five members of one family": the figure before "<noun> of" counts, not the inner one."""
    of = n.start - 1
    if of < 1 or tokens[of].key != "of":
        return n
    for end in range(of, max(0, of - 3), -1):
        outer = by_end.get(end)
        if outer is not None:
            return outer
    return n


def _parenthesis_start(tokens: list[Token], comma: int) -> int | None:
    """Index of the opening comma of ", including two children," that ends at `comma`."""
    for k in range(comma - 1, max(-1, comma - 10), -1):
        if tokens[k].key == ",":
            return k if k + 1 < comma and _role(tokens[k + 1].key, "parenthetical") else None
        if tokens[k].key in (".", ";", ":"):
            return None
    return None


def _coordinated(tokens: list[Token], found: _Found, by_end: dict[int, NumberMatch]) -> _Found:
    """Add "two soldiers and a civilian" -> 3: one earlier figure joined by "and"."""
    j = found.start - 1
    if j < 1 or tokens[j].key != "and":
        return found
    i = j - 1
    words = 0
    while i >= 0 and words <= 3:
        n = by_end.get(i + 1)
        if n is not None and not n.zero and not found.zero:
            found.value += n.value
            found.vague = found.vague or n.vague
            found.high = None
            found.start = n.start
            found.victims = None
            return found
        tok = tokens[i]
        if (not tok.is_word or _role(tok.key, "blocker") or _role(tok.key, "aux")
                or tok.key in _rules().trigger_words):
            break  # "three dead and 14 wounded": the first figure has its own trigger
        words += 1
        i -= 1
    return found


def _figureless(tokens: list[Token], t: Match[_Trigger], aux: str | None) -> _Found | None:
    """No figure before the trigger: one victim or several, from the subject's number."""
    j = t.start - 1
    while j >= 0 and (_role(tokens[j].key, "adverb") or _role(tokens[j].key, "aux")):
        j -= 1
    if j < 0 or not tokens[j].is_word:
        # "Bodies were found", "Deaths were reported": a plural toll noun opening its clause
        nxt = tokens[t.end].key if t.end < len(tokens) else ""
        if j == t.start - 1 and tokens[t.end - 1].key.endswith("s") and (
                _role(nxt, "aux") or nxt in ("have", "had")):
            return _Found(3, t.start, t.end, vague=True)
        return None
    head = tokens[j]
    if _role(head.key, "pronoun_singular"):
        return _Found(1, j, t.end)
    if _role(head.key, "pronoun_plural") or _plural(head):
        return _Found(3, j, t.end, vague=True, victims=_victims(tokens, j, j + 1))
    if aux in ("were", "are"):
        return _Found(3, j, t.end, vague=True)
    k = j
    while k > j - 4 and k > 0 and tokens[k - 1].is_word and not _role(tokens[k - 1].key,
                                                                          "determiner"):
        k -= 1
    singular_np = (k > 0 and _role(tokens[k - 1].key, "determiner")) or head.key in _rules(
    ).singular
    if aux in ("was", "is") or head.key in _rules().singular or (
        singular_np and head.text[:1].islower()
    ):
        return _Found(1, j, t.end, victims=_victims(tokens, k, j + 1) if singular_np else None)
    return None


def _toll(tokens: list[Token], t: Match[_Trigger], by_start: dict[int, NumberMatch]
          ) -> _Found | None:
    """ "the death toll from Monday's blasts rose to 30": the figure within ten tokens."""
    first: NumberMatch | None = None
    for j in range(t.end, min(len(tokens), t.end + 11)):
        key = tokens[j].key
        if key in (".", ";", ":") or key in _rules().trigger_words:
            break
        n = by_start.get(j)
        if n is None:
            continue
        if j > 0 and tokens[j - 1].key in ("to", "at", "of", "reached", "hit", "is", "was"):
            first = n
            break
        first = first or n
    if first is None or first.zero:
        return None
    return _Found(first.value, t.start, first.end, first.high, first.vague,
                  number_start=first.start)


def _cumulative_segments(tokens: list[Token], triggers: list[Match[_Trigger]],
                         seg_of: list[int]) -> set[int]:
    """Comma-delimited segments that hold a cumulative cue; -1 means the whole sentence."""
    cues = _rules().cumulative.find(tokens)
    out = {seg_of[c.start] for c in cues}
    if 0 in out and not any(seg_of[t.start] == 0 for t in triggers):
        out.add(-1)  # an opening "Since 2011, ..." with no toll of its own governs the sentence
    return out


def _segments(tokens: list[Token]) -> list[int]:
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
    r = _rules()
    words = r.trigger_words
    if tokens is None:
        if words.isdisjoint(_RAW_WORD.findall(text.lower())):
            return []  # no casualty word at all: the common case, decided before tokenizing
        tokens = tokenize(text)
    elif words.isdisjoint(map(_KEY, tokens) if keys is None else keys):
        return []
    triggers = r.triggers.find(tokens)
    if not triggers:
        return []
    numbers = [n for n in find_numbers(tokens) if _is_count(tokens, n)]
    by_start = {n.start: n for n in numbers}
    by_end = {n.end: n for n in numbers}
    used: set[tuple[str, int]] = set()
    seg_of = _segments(tokens)
    cumulative = _cumulative_segments(tokens, triggers, seg_of)
    out: list[CasualtyMention] = []
    for t in triggers:
        trig = t.value
        found = _attach(tokens, t, by_start, by_end, used)
        if found is None:
            continue
        if trig.kind == "casualties" and not found.zero:
            continue  # "casualties" is not a death toll (ACLED: record 0)
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


def _attach(tokens: list[Token], t: Match[_Trigger], by_start: dict[int, NumberMatch],
            by_end: dict[int, NumberMatch], used: set[tuple[str, int]]) -> _Found | None:
    direction = t.value.direction
    kind = t.value.kind
    for j in range(t.start - 1, max(-1, t.start - 4), -1):
        if _role(tokens[j].key, "hypothetical"):
            return None  # "could have killed dozens"
        if not tokens[j].is_word:
            break
    if direction in ("both", "before") and t.start > 0 and tokens[t.start - 1].key == "the":
        return None  # "the injured were taken to hospital": a noun, not a report
    if direction == "toll":
        return _toll(tokens, t, by_start)
    if direction == "after":
        return _forward(tokens, t, by_start)
    if direction == "before" or _passive(tokens, t.start):
        return _backward(tokens, t, by_end, used, kind)
    found = _forward(tokens, t, by_start)
    if found is not None:
        return found
    nxt = tokens[t.end] if t.end < len(tokens) else None
    if nxt is None or not nxt.is_word or _role(nxt.key, "follower"):
        return _backward(tokens, t, by_end, used, kind)
    return None
