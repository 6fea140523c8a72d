"""Attachment: which of a sentence's dates dates an event, and which of its places is where the
event happened."""

from __future__ import annotations

from coder.models import DateExpression, PlaceMention, Span
from coder.stages.events.analysis import EventWords, SentenceAnalysis
from coder.stages.places.cues import place_cues
from coder.text.tokens import may_hold_phrase, phrase_key


def nearest_date(
    dates: list[DateExpression], span: Span, text: str, words: EventWords,
    triggers: tuple[int, ...] = (),
) -> DateExpression | None:
    """The date expression that dates the trigger: the closest one used as an adverbial; but a
    date opening the sentence dates its main clause's event (`triggers`: where the sentence's
    triggers start)."""
    if not dates:
        return None  # perf: most sentences have none
    usable = [d for d in dates if not _modifies_noun(d, span, text, words)]
    if len(usable) <= 1:
        return usable[0] if usable else None  # perf: nothing to compare
    precise = any(d.kind != "year" for d in usable)

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

    best = min(usable, key=distance)
    opening = _opening_date(usable[0], text, words)
    if opening is not None and best is not opening and (
        _in_background(best, span, text, words)
        or any(span.end <= t < best.span.start for t in triggers)
    ):
        return opening  # the later date belongs to another event ("protested the killing on")
    return best


def _opening_date(d: DateExpression, text: str, words: EventWords) -> DateExpression | None:
    """The date that opens the sentence ("On 6 March 2021, ...", "12 May: ..."), which dates its
    main clause's event."""
    prior = text[: d.span.start].lower().split()
    if len(prior) > 3 or not words.date_preposition.issuperset(prior):
        return None
    rest = text[d.span.end :].lstrip()
    return d if rest[:1] in (",", ":", ".", "-", "(", "\u2013") else None


def _in_background(d: DateExpression, trigger: Span, text: str, words: EventWords) -> bool:
    """Whether the date `d` dates a background phrase the trigger is not part of: after the
    trigger, past a background preposition ("... arrested two men following the killing on 4
    March"); or before it, in such a phrase closed by a comma ("On 6 March, after the clash of 4
    March, police ..."). """
    background = words.background_preposition
    if d.span.start >= trigger.end:
        between = text[trigger.end : d.span.start].lower().split()
        return not background.isdisjoint(w.strip(",;") for w in between)
    if d.span.end <= trigger.start and "," in text[d.span.end : trigger.start]:
        clause = text[: d.span.start].rsplit(",", 1)[-1].lower().split()
        return not background.isdisjoint(clause)
    return False


def _modifies_noun(d: DateExpression, trigger: Span, text: str, words: EventWords) -> bool:
    """ "the Oct. 10 elections": a date that names a noun's occasion, not when the event was."""
    if not text or d.span.end >= len(text):
        return False
    prior = text[: d.span.start].rsplit(None, 1)  # perf: only its last word matters
    prepositions = words.date_preposition
    if d.span.text.split()[0].lower() in prepositions or (
        prior and prior[-1].lower() in prepositions
    ):
        return False  # "in 1994", "on Friday when ...": an adverbial
    rest = text[d.span.end :].lstrip()
    if not rest or not rest[0].isalpha():
        return False
    if d.span.end <= trigger.start and text[d.span.end : trigger.start].strip(" '’s") == "":
        return False  # "Sunday's attack" dates the attack itself
    word = rest.split(None, 1)[0].strip(".,;:!?\"'’").lower()
    # only words that may follow a date used as an adverbial ("on Sunday, ...", "Friday when
    # ..."); any other makes the date a modifier of a noun ("the Oct. 10 elections")
    return word not in words.after_adverbial_date


def event_place(sa: SentenceAnalysis, span: Span) -> PlaceMention | None:
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


def _locative(text: str, start: int, words: EventWords) -> bool:
    """Whether the place starting at `start` follows a locative preposition ("in Iraq")."""
    before = text[max(0, start - 14) : start].split()
    return bool(before) and before[-1].lower() in words.locative


def _innermost(sa: SentenceAnalysis) -> list[PlaceMention]:
    """The sentence's places without those a more precise place right after names the
    surroundings of ("Baghdad's Green Zone", "Kabul, Afghanistan": the inner one)."""
    text = sa.sentence.text
    # perf: the attributes each test needs, read once
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
    return places or sa.places


def _place_ranks(sa: SentenceAnalysis) -> list[tuple[PlaceMention, int, int]]:
    """The places that may be an event's place, each with its rank whatever the event: whether
    it is specific (not a country) and whether it follows a preposition ("in", "near", ...)."""
    text = sa.sentence.text
    words = sa.words
    residents = place_cues().residents
    # a country is the event's place only as a locative ("in Iraq"), not as an owner ("Iraq's
    # prime minister") or an actor ("Iran condemned")
    places = [p for p in _innermost(sa)
              if p.place.feature != "country" or _locative(text, p.span.start, words)]
    ranks = []
    for p in places:
        # 2: the place a coder's note says it uses ("coordinates for X used")
        specific = 0 if p.place.feature == "country" else 2 if _chosen(text, p.span.start) else 1
        before = text[max(0, p.span.start - 8) : p.span.start].lower().split()
        prep = 0 if words.place_preposition.isdisjoint(before) else 1
        if not prep:
            # "Bahati residents blocked ...": the people of a place act there
            after = text[p.span.end : p.span.end + 14].lower().split()[:1]
            prep = int(bool(after) and after[0] in residents)
        ranks.append((p, specific, prep))
    return ranks


def _chosen(text: str, start: int) -> bool:
    """Whether the place at `start` follows a coder's note that names it as the place whose
    coordinates stand for the event ("(coordinates for Wote used)", "coded as Garba Tula")."""
    chosen = place_cues().chosen
    if not chosen:
        return False
    window = text[max(0, start - 48) : start]
    if not may_hold_phrase(window, chosen):  # perf: most windows hold none of their words
        return False
    before = phrase_key(window).split()
    return any(" ".join(before[k:]) in chosen for k in range(max(0, len(before) - 7), len(before)))
