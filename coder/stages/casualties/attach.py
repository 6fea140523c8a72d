"""Attaching a figure to a casualty trigger: after it ("killing 12"), before it ("12 people
were killed"), a few words after a toll ("the death toll rose to 30"), or none written ("he
died", "civilians were killed")."""

from __future__ import annotations

from dataclasses import dataclass

from coder.stages.casualties.asides import bracket_start, skip_at_comma
from coder.stages.casualties.phrases import phrase_head, victim_span, victim_words
from coder.stages.casualties.rules import Trigger, has_role, hypothetical_at, is_plural, rules
from coder.text.numbers import NumberMatch
from coder.text.tokens import Match, Token

Chars = tuple[int, int] | None  # a character range in the sentence


@dataclass(slots=True)
class Found:
    """A figure attached to a trigger, before it becomes a CasualtyMention."""

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
    while j >= 0 and has_role(tokens[j].key, "adverb") and not has_role(tokens[j].key, "aux"):
        j -= 1
    return j >= 0 and has_role(tokens[j].key, "aux")


def _forward(tokens: list[Token], t: Match[Trigger], by_start: dict[int, NumberMatch]
             ) -> Found | None:
    """The figure right after the trigger ("killing 12", "killed him", "killed the mayor",
    "killed civilians"), with a second one joined by "and"."""
    j = t.end
    if j >= len(tokens):
        return None
    n = by_start.get(j)
    if n is not None:
        victims, end = victim_span(tokens, n.end, len(tokens))
        found = Found(n.value, t.start, max(end, n.end), n.high, n.vague, n.zero, victims,
                      n.start)
        return _and_more(tokens, found, by_start)
    tok = tokens[j]
    if has_role(tok.key, "pronoun_singular") and not has_role(tok.key, "determiner"):
        return _and_more(tokens, Found(1, t.start, j + 1), by_start)
    if has_role(tok.key, "pronoun_plural"):
        return Found(3, t.start, j + 1, vague=True)
    if has_role(tok.key, "determiner") and j + 1 in by_start:  # "killing its four occupants"
        n = by_start[j + 1]
        victims, end = victim_span(tokens, n.end, len(tokens))
        return Found(n.value, t.start, max(end, n.end), n.high, n.vague, n.zero, victims,
                     n.start)
    if has_role(tok.key, "determiner") and j + 1 < len(tokens):
        head = phrase_head(tokens, j + 1)
        if head is not None:
            plural = is_plural(tokens[head])
            return _and_more(tokens, Found(3 if plural else 1, t.start, head + 1, vague=plural,
                             victims=victim_words(tokens, j + 1, head + 1)), by_start)
    return _bare_object(tokens, t, j)


def _bare_object(tokens: list[Token], t: Match[Trigger], j: int) -> Found | None:
    """A headline-style object with no article ("mob kills suspected thief", "raiders kill
    Samburu villagers", "kill man accused of theft"): one victim when the phrase's last
    victim noun is singular, several when it is plural; anything else (a name, "killing
    spree") gives no figure."""
    if not tokens[j].is_word or any(has_role(tokens[j].key, role) for role in (
            "follower", "adverb", "aux", "blocker", "hypothetical", "negator")):
        return None
    last = phrase_head(tokens, j)
    r = rules()
    noun: int | None = None
    for k in range(j, (last if last is not None else j) + 1):
        key = tokens[k].key
        if has_role(key, "of_link") or (noun is not None and key.endswith("ed")):
            break  # "man suspected of theft": the victim noun came first
        if key in r.singular or is_plural(tokens[k]):
            noun = k
    if noun is None:
        return None
    victims = victim_words(tokens, j, noun + 1)
    if tokens[noun].key in r.singular:
        return Found(1, t.start, noun + 1, victims=victims)
    return Found(3, t.start, noun + 1, vague=True, victims=victims)


def _singular_conjunct(tokens: list[Token], i: int, opened: bool = False) -> int | None:
    """The index of the singular victim noun that ends the noun phrase opening at token i
    ("his assistant", "her three-year-old child"), or None when the phrase names no one
    victim; `opened`: an article already opened the phrase ("a | suspected thief")."""
    r = rules()
    if i >= len(tokens) or not (opened or has_role(tokens[i].key, "determiner")
                                or tokens[i].key in r.singular):
        return None  # "killed a man and kidnapped his wife": a verb opens the conjunct
    for k in range(i, min(len(tokens), i + 6)):
        tok = tokens[k]
        if tok.key in r.singular:
            return k
        if tok.key == "-" or tok.key.isdigit():
            continue
        if not tok.is_word or is_plural(tok) or tok.key in r.trigger_words or any(
                has_role(tok.key, role) for role in ("aux", "blocker", "follower", "adverb")):
            return None
    return None


def _and_more(tokens: list[Token], found: Found, by_start: dict[int, NumberMatch]) -> Found:
    """ "killed five soldiers and three civilians" -> 8: a second figure joined by "and"; "a
    chief and his assistant" -> 2: a second singular victim."""
    j = found.end
    if (j + 1 < len(tokens) and has_role(tokens[j].key, "coordinator") and j + 1 not in by_start
            and not found.zero and not found.vague and found.value == 1):
        k = _singular_conjunct(tokens, j + 1)
        if k is not None:
            found.value, found.victims, found.end = 2, None, k + 1
            return found
    if j + 1 < len(tokens) and has_role(tokens[j].key, "coordinator"):
        n = by_start.get(j + 1)
        if n is not None and not n.zero and not found.zero:
            _, end = victim_span(tokens, n.end, len(tokens))
            found.value += n.value
            found.vague = found.vague or n.vague
            found.high = None
            found.victims = None
            found.end = max(end, n.end)
    return found


def _backward(tokens: list[Token], t: Match[Trigger], by_end: dict[int, NumberMatch],
              used: set[tuple[str, int]], kind: str) -> Found | None:
    """The figure before the trigger within twelve words ("12 people were killed"), one not
    yet used for this kind, passing over "a"/"an" after a preposition ("ten guards from a camp
    died": ten); without one, a figureless subject (see `_figureless`), else that article."""
    words = 0
    aux: str | None = None
    i = t.start - 1
    while i >= 0 and (has_role(tokens[i].key, "aux") or has_role(tokens[i].key, "adverb")):
        if has_role(tokens[i].key, "aux_singular") or has_role(tokens[i].key, "aux_plural"):
            aux = tokens[i].key  # "has been killed": one victim; "have been killed": several
            break
        i -= 1
    i, placed = t.start - 1, None  # placed: an article after a preposition
    while i >= 0:
        n = by_end.get(i + 1)
        if n is not None and n.article and aux is not None and has_role(aux, "aux_plural"):
            listed = _singular_list(tokens, _subject_head(tokens, t.start))
            if listed is not None:  # "a girl, a woman and a guard were killed"
                return Found(listed[1], listed[0], t.end)
            if n.start > 0 and not has_role(tokens[n.start - 1].key, "list_joint"):
                n = None  # "Five policemen escorting a bus were killed": the bus's article
        if n is not None and (kind, n.start) not in used:
            if _part_of_told_toll(tokens, t, n, by_end):
                return None  # "four traders were killed, including two beheaded"
            if not (n.article and n.start > 0
                    and has_role(tokens[n.start - 1].key, "preposition")):
                return _from_figure(tokens, t, n, by_end)
            placed = placed or n  # "ten guards from a camp died": where, not how many
        tok = tokens[i]
        key = tok.key
        if hypothetical_at(tokens, i):
            return None
        if has_role(key, "negator"):
            return None
        if key == ",":
            after_comma = skip_at_comma(tokens, i, t.start)
            if after_comma is not None:
                i = after_comma  # "Four people, including two children, were killed"
                continue
        if key in (")", "]"):
            opening = bracket_start(tokens, i)
            if opening is not None:
                i = opening - 1  # "four fishermen (of a crew of nine) were killed"
                continue
        if not tok.is_word and key not in ("-", "'s", "'", '"'):
            break  # a closing quote is transparent: '"six members of his guard" were hurt'
        if has_role(key, "blocker") or key in rules().trigger_words:
            break  # "died of their injuries": the figure belongs to the other trigger
        if aux is None and has_role(key, "aux"):
            aux = key
        # "have been", "were reportedly": auxiliaries and adverbs do not use up the window
        words += tok.is_word and not (has_role(key, "aux") or has_role(key, "adverb"))
        if words > 12:
            break
        i -= 1
    found = _figureless(tokens, t, aux)
    # no figure of the victims' own: the article after the preposition is the subject's
    return _from_figure(tokens, t, placed, by_end) if found is None and placed else found


def _part_of_told_toll(tokens: list[Token], t: Match[Trigger], n: NumberMatch,
                       by_end: dict[int, NumberMatch]) -> bool:
    """Whether figure `n` opens an aside ("including two beheaded") that names part of a toll
    of the same kind told before it in the sentence: no figure of its own to add."""
    p = n.start - 1
    if p < 1 or not has_role(tokens[p].key, "parenthetical"):
        return False
    if _outer_number(tokens, n, by_end) is not n:
        return False  # "three people including a policeman were killed": the outer figure
    return any(m.value.kind == t.value.kind for m in rules().triggers.find(tokens[:p]))


def _from_figure(tokens: list[Token], t: Match[Trigger], n: NumberMatch,
                 by_end: dict[int, NumberMatch]) -> Found:
    """The mention of figure `n` before the trigger: its outer figure ("five members of one
    family"), its victim words, and an earlier figure joined by "and"."""
    n = _outer_number(tokens, n, by_end)
    found = Found(n.value, n.start, t.end, n.high, n.vague, n.zero,
                  victim_words(tokens, n.end, t.start), n.start)
    return _coordinated(tokens, found, by_end)


def _subject_head(tokens: list[Token], start: int) -> int:
    """The last word before the auxiliaries and adverbs that precede token `start`."""
    j = start - 1
    while j > 0 and (has_role(tokens[j].key, "adverb") or has_role(tokens[j].key, "aux")):
        j -= 1
    return max(j, 0)


def _outer_number(tokens: list[Token], n: NumberMatch, by_end: dict[int, NumberMatch]
                  ) -> NumberMatch:
    """ "Five members of one family", "three people including a policeman": the figure before
    "<noun> of" or before an unbracketed "including" counts, not the inner one."""
    of = n.start - 1
    if of < 1 or not (has_role(tokens[of].key, "of_link")
                      or has_role(tokens[of].key, "parenthetical")):
        return n
    for end in range(of, max(0, of - 3), -1):
        outer = by_end.get(end)
        if outer is not None:
            return outer
    return n


def _coordinated(tokens: list[Token], found: Found, by_end: dict[int, NumberMatch]) -> Found:
    """Add "two soldiers and a civilian" -> 3: one earlier figure joined by "and"."""
    j = found.start - 1
    if j < 1 or not has_role(tokens[j].key, "coordinator"):
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
        if (not tok.is_word or has_role(tok.key, "blocker") or has_role(tok.key, "aux")
                or has_role(tok.key, "fate") or tok.key in rules().trigger_words):
            break  # "three dead and 14 wounded", "15 captured and one killed": its own verb
        words += 1
        i -= 1
    return found


def _figureless(tokens: list[Token], t: Match[Trigger], aux: str | None) -> Found | None:
    """No figure before the trigger: one victim or several, from the subject's number."""
    j = t.start - 1
    if j >= 0 and has_role(tokens[j].key, "determiner") and tokens[t.end - 1].key.endswith("s"):
        return None  # "the reason for their deaths": victims counted where they are named
    while j >= 0 and (has_role(tokens[j].key, "adverb") or has_role(tokens[j].key, "aux")):
        j -= 1
    if j < 0 or not tokens[j].is_word:
        # "Bodies were found", "Deaths were reported": a plural toll noun opening its clause
        nxt = tokens[t.end].key if t.end < len(tokens) else ""
        if j == t.start - 1 and tokens[t.end - 1].key.endswith("s") and (
                has_role(nxt, "aux") or has_role(nxt, "perfect_aux")):
            return Found(3, t.start, t.end, vague=True)
        if j >= 0 and aux is not None and has_role(aux, "aux_singular"):
            return Found(1, j + 1, t.end)  # "A teacher at the school, was shot dead"
        return None
    head = tokens[j]
    if has_role(head.key, "pronoun_singular"):
        return Found(1, j, t.end)
    if has_role(head.key, "pronoun_plural") or is_plural(head):
        return Found(3, j, t.end, vague=True, victims=victim_words(tokens, j, j + 1))
    if aux is not None and has_role(aux, "aux_plural"):
        listed = _singular_list(tokens, j)
        if listed is not None:
            return Found(listed[1], listed[0], t.end)  # "a farmer and his nephew were killed"
        return Found(3, j, t.end, vague=True)
    k = j
    while k > j - 4 and k > 0 and tokens[k - 1].is_word and not has_role(tokens[k - 1].key,
                                                                          "determiner"):
        k -= 1
    singular = rules().singular
    singular_np = (k > 0 and has_role(tokens[k - 1].key, "determiner")) or head.key in singular
    if (aux is not None and has_role(aux, "aux_singular")) or head.key in singular or (
        singular_np and head.text[:1].islower()
    ):
        return Found(1, j, t.end, victims=victim_words(tokens, k, j + 1) if singular_np else None)
    return None


def _singular_list(tokens: list[Token], head: int) -> tuple[int, int] | None:
    """Where a subject listing singular victims starts and how many it lists, when the
    subject ending at `head` joins two or more singular victim nouns with "and" or commas ("a
    man and his son", "a boy, a woman, and a guard"); None otherwise."""
    singular = rules().singular
    if tokens[head].key not in singular:
        return None
    count, start, i = 1, head, head - 1
    while i >= 0 and i > head - 24:
        key = tokens[i].key
        if has_role(key, "list_joint"):
            j = i - 1
            while j >= 0 and has_role(tokens[j].key, "list_joint"):
                j -= 1
            if j < 0 or tokens[j].key not in singular:
                break
            count, start, i = count + 1, j, j - 1
            continue
        if not (tokens[i].is_word or key == "-") or is_plural(tokens[i]) or any(
                has_role(key, role) for role in ("aux", "blocker", "follower")):
            break
        start, i = i, i - 1
    return (start, count) if count >= 2 else None


def _toll(tokens: list[Token], t: Match[Trigger], by_start: dict[int, NumberMatch]
          ) -> Found | None:
    """ "the death toll from Monday's blasts rose to 30": the figure within ten tokens."""
    first: NumberMatch | None = None
    for j in range(t.end, min(len(tokens), t.end + 11)):
        key = tokens[j].key
        if key in (".", ";", ":") or key in rules().trigger_words:
            break
        n = by_start.get(j)
        if n is None:
            continue
        if j > 0 and has_role(tokens[j - 1].key, "toll_lead"):
            first = n
            break
        first = first or n
    if first is None or first.zero:
        return None
    return Found(first.value, t.start, first.end, first.high, first.vague,
                 number_start=first.start)


def _adjectival(tokens: list[Token], t: Match[Trigger]) -> bool:
    """Whether the trigger is a participle used as an adjective: after an article or a
    possessive and before a lower-case noun ("a murdered trader", "his slain brother")."""
    if t.start == 0 or t.end >= len(tokens):
        return False
    before, after = tokens[t.start - 1], tokens[t.end]
    opener = has_role(before.key, "article") or has_role(before.key, "determiner")
    return (opener and after.is_word and after.text[:1].islower()
            and not any(has_role(after.key, role) for role in (
                "aux", "adverb", "blocker", "follower", "hypothetical", "negator")))


def _passive_headline(tokens: list[Token], t: Match[Trigger]) -> bool:
    """Whether the trigger opens its clause's verb as a headline passive with a singular victim
    noun right before it ("Land agent killed and robbed")."""
    return t.start > 0 and tokens[t.start - 1].key in rules().singular


def _second_verb_object(tokens: list[Token], t: Match[Trigger],
                        by_start: dict[int, NumberMatch]) -> Found | None:
    """ "lynched and burned three men": the figure after a second verb joined by "and"."""
    j = t.end
    if j + 2 >= len(tokens) or not has_role(tokens[j].key, "coordinator") \
            or not tokens[j + 1].is_word:
        return None
    n = by_start.get(j + 2)
    if n is None:  # "killing and robbing him": a pronoun object
        pronoun = tokens[j + 2].key
        singular = has_role(pronoun, "pronoun_singular") and not has_role(pronoun, "determiner")
        return Found(1, t.start, j + 3) if singular else None
    if n.article and _singular_conjunct(tokens, n.end, opened=True) is None:
        return None  # "lynches and torches a suspected robber": an article before a victim
    victims, end = victim_span(tokens, n.end, len(tokens))
    return Found(n.value, t.start, max(end, n.end), n.high, n.vague, n.zero, victims, n.start)


def _companions(tokens: list[Token], t: Match[Trigger], found: Found | None,
                by_start: dict[int, NumberMatch]) -> Found | None:
    """ "was gunned down together with three aides": the victims named after a
    companion phrase (function_words.csv) add to the figure."""
    j = t.end
    if (found is None or found.zero or j + 2 >= len(tokens)
            or not has_role(tokens[j].key, "companion") or not has_role(tokens[j + 1].key,
                                                                      "companion")):
        return found
    more = _forward(tokens, Match(t.start, j + 2, t.char_start, t.char_end, t.value), by_start)
    if more is not None and not more.zero:
        found.value += more.value
        found.vague = found.vague or more.vague
        found.high, found.victims, found.end = None, None, max(found.end, more.end)
    return found


def _fixed(tokens: list[Token], t: Match[Trigger], by_end: dict[int, NumberMatch]
           ) -> Found | None:
    """An "adjacent" trigger's figure right before it ("one death reported", "no death"); a
    "one" trigger's single death ("his body was found"), unless it is a finding ("the body
    was found guilty")."""
    if t.value.direction == "adjacent":
        n = by_end.get(t.start)
        return None if n is None else Found(n.value, n.start, t.end, n.high, n.vague, n.zero,
                                            number_start=n.start)
    after = tokens[t.end].key if t.end < len(tokens) else ""
    return None if has_role(after, "finding") else Found(1, t.start, t.end)


def _shared_start(tokens: list[Token], start: int) -> int:
    """Where the verb group of the trigger at `start` starts when it shares an auxiliary with
    participles before it ("was attacked and killed", "were shot, hacked and beheaded", "was
    tortured to death"); `start` otherwise."""
    k = start
    if has_role(tokens[start].key, "adverb") and start >= 1 and _participle(tokens[start - 1]):
        k = start - 1  # "tortured to death": the participle belongs to the phrase
    while k >= 2 and has_role(tokens[k - 1].key, "list_joint") and _participle(tokens[k - 2]):
        k -= 2
    if k == start:
        return start
    prev = tokens[k - 1].key if k >= 1 else ""
    return k if has_role(prev, "aux") or has_role(prev, "adverb") else start


def _participle(tok: Token) -> bool:
    """A word shaped like a past participle ("attacked", "beaten"), or an irregular one of
    function_words.csv ("shot")."""
    return tok.is_word and (tok.key.endswith(("ed", "en")) or has_role(tok.key, "participle"))


def attach(tokens: list[Token], t: Match[Trigger], by_start: dict[int, NumberMatch],
           by_end: dict[int, NumberMatch], used: set[tuple[str, int]]) -> Found | None:
    """The figure of one trigger, looked for where its direction says; None when there is none
    or the report is hypothetical. `used` holds the (kind, number start) already taken."""
    direction = t.value.direction
    kind = t.value.kind
    for j in range(t.start - 1, max(-1, t.start - 4), -1):
        if hypothetical_at(tokens, j):
            return None  # "could have killed dozens"
        if not tokens[j].is_word:
            break
    if direction in ("both", "before") and t.start > 0 \
            and has_role(tokens[t.start - 1].key, "definite"):
        return None  # "the injured were taken to hospital": a noun, not a report
    if direction == "both" and t.end not in by_start and _adjectival(tokens, t):
        return None  # "the funeral of a murdered trader": a participle naming a noun
    if direction == "toll":
        return _toll(tokens, t, by_start)
    if direction in ("adjacent", "one"):
        return _fixed(tokens, t, by_end)
    shared = _shared_start(tokens, t.start)
    if shared != t.start:  # "was attacked and killed": the auxiliary serves both verbs
        t = Match(shared, t.end, t.char_start, t.char_end, t.value)
    if direction == "after":
        return _forward(tokens, t, by_start) or _second_verb_object(tokens, t, by_start)
    if direction == "before" or _passive(tokens, t.start):
        return _companions(tokens, t, _backward(tokens, t, by_end, used, kind), by_start)
    found = _forward(tokens, t, by_start)
    if found is not None:
        return found
    second = _second_verb_object(tokens, t, by_start)
    if second is not None:
        return second
    nxt = tokens[t.end] if t.end < len(tokens) else None
    if nxt is not None and has_role(nxt.key, "conjunction") and not _passive_headline(tokens, t):
        found = _backward(tokens, t, by_end, used, kind)  # "gunmen killed and robbed ...":
        return found if found is not None and found.number_start >= 0 else None  # actors
    if nxt is None or not nxt.is_word or has_role(nxt.key, "follower") or has_role(
            tokens[t.start].key, "adverb"):  # "clubbed a trader to death who ...": object before
        return _companions(tokens, t, _backward(tokens, t, by_end, used, kind), by_start)
    return None
