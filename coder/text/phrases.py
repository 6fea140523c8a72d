"""The one longest-match loop: extend a phrase key word by word over a sentence's tokens.

Every dictionary scan (the PhraseMatcher of `coder.text.tokens`, the actor names, the gazetteer)
reads a phrase the same way: from a token whose key starts some phrase, add the following word
keys one at a time, skipping punctuation that names are written with or without when it is glued
to the word before it ("al-Kadhimi" is the key "al kadhimi"), and stop at other punctuation, after
the longest phrase starting with that word, or as soon as the words read so far start no longer
phrase. A `PhraseTable` holds what that needs; its `possessive` flag is the one difference between
the scans (the gazetteer lists possessive names, "Mosul's Old City", that keep a glued "'s").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from coder.text.tokens import Token

# Punctuation that names may be written with or without ("al-Kadhimi" / "al Kadhimi"), skipped
# when it is glued to the word before it.
TRANSPARENT: frozenset[str] = frozenset({"-", "'", "."})

# The key of the possessive token "'s" (a glued "'s" is its own token, see tokens.tokenize).
POSSESSIVE = "'s"

V = TypeVar("V")


class PhraseTable(Generic[V]):
    """The phrase keys of one dictionary, indexed for the longest-match scan.

    `entries` maps the phrase keys (words joined by single spaces) to their values (shared with
    the owner, not copied); `first` maps each word a phrase starts with to
    the length in words of its longest phrase; `prefixes` holds the word prefixes of two words or
    more of longer phrases ("ras al" of "ras al ain"), so that the scan stops as soon as the words
    read so far start no phrase; `later` every word of a phrase but its first, so that it stops
    at any other word without building the longer key. With `possessive`, a glued "'s" is read
    as a word of the phrase (and a phrase is never found to end on it)."""

    __slots__ = ("entries", "first", "prefixes", "later", "possessive")

    def __init__(self, entries: Mapping[str, V], keys: Iterable[str] = (), *,
                 possessive: bool = False) -> None:
        self.entries = entries
        self.first: dict[str, int] = {}
        self.prefixes: set[str] = set()
        self.later: set[str] = set()
        self.possessive = possessive
        self._index_all(keys)

    def _index_all(self, keys: Iterable[str]) -> None:
        """`index` every key, in order (the same tables): perf, a gazetteer has 400,000
        keys, most of one word, which need only their `first` entry."""
        first, index = self.first, self.index
        get = first.get
        for key in keys:
            if " " in key:
                index(key)
            elif not get(key):  # a one-word key: its length, 1, unless a longer one is there
                first[key] = 1

    def index(self, key: str) -> None:
        """Make `key` (already in `entries`) findable: its first word and its prefixes."""
        words = key.split(" ")
        n = len(words)
        if self.first.get(words[0], 0) < n:
            self.first[words[0]] = n
        if n > 1:
            self.later.update(words[1:])
        entries, prefixes = self.entries, self.prefixes
        while n > 2:
            key = key[:key.rfind(" ")]  # one word less
            n -= 1
            if key not in entries:
                prefixes.add(key)

    def longest_at(self, tokens: list[Token], i: int, longest: int,
                   alone: bool | None = None, stop: int | None = None) -> tuple[int, str]:
        """(end token index, key) of the longest phrase starting at token i, at most `longest`
        words long and ending before token `stop` (default: the sentence's end), or (i, "")
        when none does. `alone`: whether token i's key is a phrase by itself, when the caller
        knows."""
        entries, prefixes, later = self.entries, self.prefixes, self.later
        possessive = self.possessive
        key = tokens[i].key
        if alone is None:
            alone = key in entries
        best = (i + 1, key) if alone else (i, "")
        words = 1
        j, n = i + 1, len(tokens) if stop is None else stop
        prev_end = tokens[i].end
        while j < n and words < longest:
            nxt = tokens[j]
            if nxt.key in TRANSPARENT and nxt.start == prev_end:
                prev_end = nxt.end
                j += 1  # "al-Kadhimi", "Ras al-Ain": the glued hyphen is transparent
                continue
            if possessive and nxt.key == POSSESSIVE and nxt.start == prev_end:
                key += " 's"  # "Mosul's Old City": listed possessive names
                words += 1
                prev_end = nxt.end
                j += 1
                continue
            if not nxt.is_word or nxt.key not in later:
                break  # perf: no phrase has this word after its first
            key = key + " " + nxt.key
            words += 1
            prev_end = nxt.end
            j += 1
            if key in entries:
                best = (j, key)
            elif key not in prefixes:
                break  # perf: no longer phrase starts with these words
        return best
