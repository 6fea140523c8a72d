"""Pre-checks and caches of the text layer that save work without changing any result."""

from __future__ import annotations

import random

from coder.text.tokens import may_hold_phrase, phrase_key, tokenize

_PHRASES = frozenset({"coordinates for", "coded as", "location coded as", "town 's", "u s"})


def _spelled(text: str, phrases: frozenset[str]) -> bool:
    """Whether a run of the text's token keys (transparent punctuation dropped) is a phrase."""
    words = phrase_key(text).split()
    return any(" ".join(words[a:b]) in phrases
               for a in range(len(words)) for b in range(a + 1, len(words) + 1))


def test_may_hold_phrase_never_rules_out_a_text_that_holds_one() -> None:
    pieces = ["Coordinates", "coor'dinates", "for", "FOR", "C.O.D.E.D.", "coded", "as", "(",
              ")", "town's", "U.S.", "us", "Wote", "the", "cod`ed", "Lodwar", "-", ",", "Äs"]
    rng = random.Random(11)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        if _spelled(text, _PHRASES):
            assert may_hold_phrase(text, _PHRASES), text


def test_may_hold_phrase_rules_out_plain_text_without_the_words() -> None:
    assert not may_hold_phrase("police said on Monday in the village of", _PHRASES)
    assert may_hold_phrase("(coordinates for ", _PHRASES)
    assert may_hold_phrase("Schön", _PHRASES)  # not ASCII: never ruled out


def test_phrase_key_is_the_same_when_asked_again() -> None:
    for text in ("Kenya", "the Democratic Republic of Congo", "al-Shabaab's", "U.S. forces"):
        first = phrase_key(text)
        assert phrase_key(text) == first == " ".join(
            t.key for t in tokenize(text) if t.key not in {"-", "'", "."})
