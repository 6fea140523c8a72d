"""Trigger selection: the trigger phrases a sentence contains, filtered by their context words
and freed of overlaps (a noun/verb tie is settled by the words around it)."""

from __future__ import annotations

from coder.dictionaries.rules import RuleSet, TriggerMatch, load_rules
from coder.stages.events.analysis import START, EventWords, event_words
from coder.text.tokens import Token


def find_triggers(tokens: list[Token], rules: RuleSet | None = None,
                  keys: list[str] | None = None) -> list[TriggerMatch]:
    """The trigger phrases a sentence contains (cheap: run it first, and skip the sentence's
    other stages when there are none). `keys`, when given, are the tokens' keys."""
    rules = rules or load_rules()
    if not tokens:
        return []
    if keys is None:
        keys = [t.key for t in tokens]  # perf: once for the three steps
    matches = _filter_matches(rules.index.find(tokens, keys), keys, rules)
    if len(matches) <= 1:
        return matches
    return _select_matches(matches, tokens, keys, event_words())


def _contains(keys: list[str], padded: tuple[str, ...], lo: int, hi: int) -> bool:
    """Whether one of the phrases (padded: " fight corruption ") occurs in keys[lo:hi]."""
    window = " " + " ".join(keys[max(lo, 0) : max(hi, 0)]) + " "
    return any(p in window for p in padded)


def _filter_matches(
    matches: list[TriggerMatch], keys: list[str], rules: RuleSet
) -> list[TriggerMatch]:
    """Drop matches whose context words say they are not events ("fight corruption")."""
    if not matches:
        return matches
    filtered = rules.filtered
    for m in matches:
        if m.trigger.id in filtered:
            break
    else:
        return matches  # most triggers have no context conditions
    filters = rules.filters
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
    matches: list[TriggerMatch], tokens: list[Token], keys: list[str], words: EventWords
) -> list[TriggerMatch]:
    """Non-overlapping matches, longest first; a noun/verb tie is settled by the context."""
    if len(matches) <= 1:
        return matches
    # perf: the matches come in the order of their starts (as found), so each run of matches
    # overlapping one another is settled on its own (nothing outside a run overlaps it); most
    # runs are one match, or two readings of one word
    chosen: list[TriggerMatch] = []
    run = [matches[0]]
    end = matches[0].end
    for m in matches[1:]:
        if m.start < run[-1].start:  # not in order after all (sorting by start keeps the ties)
            return _select_matches(sorted(matches, key=START), tokens, keys, words)
        if m.start < end:
            run.append(m)
            end = max(end, m.end)
            continue
        chosen += _settle(run, tokens, keys, words) if len(run) > 1 else run
        run = [m]
        end = m.end
    chosen += _settle(run, tokens, keys, words) if len(run) > 1 else run
    return chosen


def _settle(
    matches: list[TriggerMatch], tokens: list[Token], keys: list[str], words: EventWords
) -> list[TriggerMatch]:
    """The matches `_select_matches` keeps of a run of matches, in the order of their starts
    (as they come)."""
    first = matches[0].start
    if matches[-1].start == first:
        # one word read several ways: the longest, then the reading that fits, then the first
        pos = _likely_pos(tokens, first, keys, words)
        return [max(matches, key=lambda m: (m.end - first, m.trigger.pos == pos))]
    likely: dict[int, str] = {}  # start -> likely part of speech, for matches sharing it

    def score(m: TriggerMatch) -> tuple[int, int, int]:
        start = m.start
        pos = likely.get(start)
        if pos is None:
            pos = likely[start] = _likely_pos(tokens, start, keys, words)
        return (m.end - start, 1 if m.trigger.pos == pos else 0, -start)

    chosen: list[TriggerMatch] = []
    taken = [False] * len(tokens)
    for m in sorted(matches, key=score, reverse=True):
        if True in taken[m.start : m.end]:
            continue
        taken[m.start : m.end] = [True] * (m.end - m.start)
        chosen.append(m)
    return sorted(chosen, key=START)


def _likely_pos(tokens: list[Token], i: int, keys: list[str], words: EventWords) -> str:
    """The part of speech ("noun" or "verb") the context gives the word at `i`."""
    word = keys[i]
    prev = keys[i - 1] if i > 0 else ""
    if prev in words.determiner or tokens[i - 1].text[:1].isdigit() if i > 0 else False:
        return "noun"
    if word.endswith("ed"):
        return "verb"
    if word.endswith("ing"):
        # "Fighting between ... erupted", "after weeks of fighting", ", fighting broke out":
        # gerunds are nouns; ", killing five" is a participle
        nxt = keys[i + 1] if i + 1 < len(keys) else ""
        noun = i == 0 or prev in words.preposition or nxt in words.gerund_noun_follower
        return "noun" if noun else "verb"
    if prev in words.be or prev in words.verb_marker:
        return "verb"
    return "verb" if _headline_verb(tokens, i, keys, words) else "noun"


def _headline_verb(tokens: list[Token], i: int, keys: list[str], words: EventWords) -> bool:
    """The present tense of a headline or an event note: "Raiders attack village", "Teachers
    protest pay cut": a subject word before the trigger, an object word after it (not a
    preposition, a verb in -ed or "and": "protests in", "attacks killed")."""
    if i == 0 or i + 1 >= len(keys) or not tokens[i].text[:1].islower():
        return False
    prev, nxt = keys[i - 1], keys[i + 1]
    if not prev[:1].isalnum() or prev in words.preposition or prev in words.light_verb:
        return False
    if not keys[i].endswith("s") and _plural_subject(tokens, i, keys, words):
        return True  # a plural subject and the verb's plural form: "residents protest against"
    return nxt[:1].isalnum() and not nxt.endswith("ed") and nxt not in words.noun_follower \
        and nxt not in words.preposition and nxt not in words.gerund_noun_follower


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss")


def _plural_subject(tokens: list[Token], i: int, keys: list[str], words: EventWords) -> bool:
    """A plural noun just before the word at `i`, or before a name that places it ("residents
    of Baraka Estate protest", "students at Tana University protest")."""
    j = i - 1
    if _plural(keys[j]):
        return True
    while j > 0 and tokens[j].text[:1].isupper():  # perf: Token.is_capitalized, inlined
        j -= 1
    if j == i - 1 or j < 1 or keys[j] not in words.preposition:
        return False
    return _plural(keys[j - 1]) and keys[j - 1] not in words.preposition
