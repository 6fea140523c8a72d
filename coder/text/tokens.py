"""Text normalisation, tokens with offsets, and a longest-match phrase dictionary.

Every dictionary (actors, places, event triggers) is matched the same way: names are turned into
keys by `phrase_key`, sentences into `Token`s by `tokenize`, and `PhraseMatcher.find` looks up
n-grams of token keys in a dict. That is one dict lookup per token and length, so matching costs
the same with ten entries or a hundred thousand.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

from coder.text.phrases import TRANSPARENT, PhraseTable

T = TypeVar("T")

# Characters folded before tokenising; each maps one character to one character so offsets
# in the folded text are offsets in the original.
_FOLD = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    }
)

# Abbreviations written with dots ("U.S.", "U.N.") are one token.
_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S. / U.N. / e.g.
    r"|\w+(?:'\w+)*"  # words, with inner apostrophes (Kata'ib)
    r"|[^\w\s]",  # any other single character
)


# The characters `_FOLD` maps, and each one's replacement. `str.translate` with a dict costs a
# failed lookup per character of non-ASCII text; replacing only the few characters present is
# several times faster and gives the same string (no replacement is itself folded).
_FOLD_CHARS: dict[str, str] = {chr(c): str(r) for c, r in _FOLD.items()}
_FOLD_RE = re.compile("[" + "".join(re.escape(c) for c in _FOLD_CHARS) + "]")


def fold(text: str) -> str:
    """Map typographic quotes, dashes and spaces to ASCII, keeping length and offsets."""
    for c in set(_FOLD_RE.findall(text)):
        text = text.replace(c, _FOLD_CHARS[c])
    return text


@lru_cache(maxsize=200_000)
def strip_accents(word: str) -> str:
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """The dictionary key of one word: lower case, no accents, no inner apostrophes or dots."""
    return strip_accents(word.lower()).replace("'", "").replace(".", "")


class Token(NamedTuple):
    """One token with its character offsets. A named tuple, not a dataclass: a sentence makes
    dozens and `tuple.__new__` builds one in half the time (perf)."""

    text: str  # as written
    key: str  # normalize_word(text); punctuation keeps its character
    start: int
    end: int
    is_word: bool

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


_new_tuple = tuple.__new__


_KEY_CACHE: dict[str, str] = {}


def _word_key(word: str) -> str:
    key = _KEY_CACHE.get(word)
    if key is None:
        key = normalize_word(word)
        if len(_KEY_CACHE) < 500_000:
            _KEY_CACHE[word] = key
    return key


# chunk -> its pieces as (start, end, key, is_word) relative to the chunk; chunks with
# punctuation ("Iraq's", "2021,", "U.S.") recur, so the regex runs once per distinct chunk
_PIECES_CACHE: dict[str, list[tuple[int, int, str, bool]]] = {}


def _pieces(chunk: str) -> list[tuple[int, int, str, bool]]:
    pieces: list[tuple[int, int, str, bool]] = []
    for m in _TOKEN_RE.finditer(chunk):
        a, b = m.span()
        raw = m.group()
        first = raw[0]
        if first.isalnum() or first == "_":
            if len(raw) > 2 and raw[-2] == "'" and raw[-1] in "sS":
                pieces.append((a, b - 2, _word_key(raw[:-2]), True))
                pieces.append((b - 2, b, "'s", False))
                continue
            pieces.append((a, b, _word_key(raw), True))
        else:
            pieces.append((a, b, raw, False))
    if len(_PIECES_CACHE) < 200_000:
        _PIECES_CACHE[chunk] = pieces
    return pieces


def tokenize(text: str) -> list[Token]:
    """Split text into tokens with character offsets; "Iraq's" gives "Iraq" and "'s".

    Whitespace-separated chunks that are known or plain words (most of them) skip the regex."""
    # typographic quotes and dashes are the only characters folded; ASCII text has none
    folded = text if text.isascii() and "`" not in text else fold(text)
    same = folded is text or folded == text  # then the folded words are the words as written
    tokens: list[Token] = []
    append = tokens.append
    key_of = _KEY_CACHE.get
    pieces_of = _PIECES_CACHE.get
    chunks = folded.split()
    # with exactly one white-space character between chunks and none around them (the usual
    # sentence), each chunk starts one past the previous chunk's end: no search needed
    single = len(folded) == sum(map(len, chunks)) + len(chunks) - 1
    pos = -1 if single else 0
    find = folded.find
    new = _new_tuple
    for chunk in chunks:
        s = pos + 1 if single else find(chunk, pos)
        pos = s + len(chunk)
        key = key_of(chunk)
        if key is None and chunk.isalpha():
            key = _word_key(chunk)
        if key is not None:  # a word ("Iraq's" and "2021," are never keys of the cache)
            append(new(Token, (chunk if same else text[s:pos], key, s, pos, True)))
            continue
        shown = chunk if same else text[s:pos]
        for a, b, piece_key, is_word in pieces_of(chunk) or _pieces(chunk):
            append(new(Token, (shown[a:b], piece_key, s + a, s + b, is_word)))
    return tokens


# phrase -> its key: the same names (a country, a victims word, a cue) are keyed again and
# again, each time a tokenization (perf)
_PHRASE_KEYS: dict[str, str] = {}


def phrase_key(phrase: str) -> str:
    """The key of a dictionary phrase: its word keys joined by single spaces."""
    key = _PHRASE_KEYS.get(phrase)
    if key is None:
        key = " ".join(t.key for t in tokenize(phrase) if t.key not in TRANSPARENT)
        if len(_PHRASE_KEYS) < 100_000:
            _PHRASE_KEYS[phrase] = key
    return key


@dataclass(slots=True, frozen=True)
class Match(Generic[T]):
    start: int  # index of the first token
    end: int  # index one past the last token
    char_start: int
    char_end: int
    value: T


_SET_MATCH_FIELDS = tuple(
    getattr(Match, name).__set__ for name in ("start", "end", "char_start", "char_end", "value")
)


def _match(start: int, end: int, char_start: int, char_end: int, value: T) -> Match[T]:
    """`Match(start, end, char_start, char_end, value)`, built in half the time: a frozen
    dataclass's __init__ sets each field through object.__setattr__, the slot descriptors set
    them directly (the instance is the same: equal, hashable, still frozen afterwards)."""
    m: Match[T] = object.__new__(Match)
    set_start, set_end, set_char_start, set_char_end, set_value = _SET_MATCH_FIELDS
    set_start(m, start)
    set_end(m, end)
    set_char_start(m, char_start)
    set_char_end(m, char_end)
    set_value(m, value)
    return m


class PhraseMatcher(Generic[T]):
    """Longest-match lookup of multi-word phrases in a token list.

    `add("Islamic State", value)` stores the phrase under its key; `find(tokens)` scans left to
    right and returns non-overlapping longest matches. Hyphens, apostrophes and dots between words
    are transparent, so "al-Kadhimi" matches the entry "al Kadhimi" (the scan of each match is
    `coder.text.phrases.PhraseTable.longest_at`).
    """

    def __init__(self) -> None:
        self._entries: dict[str, T] = {}
        self.max_words = 1
        self._table: PhraseTable[T] = PhraseTable(self._entries)
        # first word key -> max length of phrases starting with it (prunes lookups)
        self._first = self._table.first

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def first_words(self) -> dict[str, int]:
        """The keys that can start a phrase (a cheap pre-check before matching)."""
        return self._first

    @property
    def table(self) -> PhraseTable[T]:
        """The phrase keys indexed for the longest-match scan (for scans of their own)."""
        return self._table

    def __contains__(self, phrase: str) -> bool:
        return phrase_key(phrase) in self._entries

    def add(self, phrase: str, value: T, *, overwrite: bool = True) -> bool:
        """Add a phrase; returns False when it was already present and not overwritten."""
        key = phrase_key(phrase)
        if not key:
            return False
        if key in self._entries and not overwrite:
            return False
        self._entries[key] = value
        self._table.index(key)
        self.max_words = max(self.max_words, key.count(" ") + 1)
        return True

    def get(self, phrase: str) -> T | None:
        return self._entries.get(phrase_key(phrase))

    def items(self) -> Iterable[tuple[str, T]]:
        return self._entries.items()

    def find(self, tokens: list[Token], start: int = 0, end: int | None = None) -> list[Match[T]]:
        return list(self.iter_find(tokens, start, end))

    def iter_find(
        self, tokens: list[Token], start: int = 0, end: int | None = None
    ) -> Iterator[Match[T]]:
        """Non-overlapping longest matches in tokens[start:end], left to right."""
        entries, first = self._entries, self._first
        longest_at = self._table.longest_at
        # the tokens that can start a phrase, found in one comprehension (few of a sentence's)
        stop = len(tokens) if end is None else end
        if start == 0 and stop == len(tokens):
            starts = [k for k, t in enumerate(tokens) if t.key in first]
        else:
            starts = [k for k in range(start, stop) if tokens[k].key in first]
        i = start  # where scanning resumes: a match consumes its tokens
        for s in starts:
            tok = tokens[s]
            if s < i or not tok.is_word:
                continue
            longest = first[tok.key]
            if longest == 1:  # perf: a word that starts one-word phrases only is a phrase
                last, key = s + 1, tok.key
            else:
                last, key = longest_at(tokens, s, longest, None, stop)
                if not key:
                    continue
            yield _match(s, last, tok.start, tokens[last - 1].end, entries[key])
            i = last


def key_positions(keys: list[str], wanted: AbstractSet[str]) -> list[tuple[int, str]]:
    """(index, key) of every key in `wanted`, in sentence order. Perf: one comprehension over
    the keys, a set probe each (measured 2-3 times faster than a `list.index` search per
    wanted key, whose misses raise)."""
    return [(i, key) for i, key in enumerate(keys) if key in wanted]


def inside_number(tokens: list[Token], p: int) -> bool:
    """Whether token `p` is the comma or point between the digit groups of one number
    ("2,000", "3.5"): no space on either side, digits on both."""
    if not 0 < p < len(tokens) - 1 or tokens[p].text not in (",", "."):
        return False
    before, after = tokens[p - 1], tokens[p + 1]
    return (before.text.isdigit() and after.text.isdigit()
            and before.end == tokens[p].start and tokens[p].end == after.start)


# phrase keys -> the longest word of each, see `may_hold_phrase`
_NEEDED_WORDS: dict[frozenset[str], frozenset[str]] = {}


def may_hold_phrase(text: str, phrases: frozenset[str]) -> bool:
    """False only when no run of `text`'s token keys can spell any of the phrase keys: for
    every phrase, its longest word is the key of no token of the text. A check without
    tokenizing (perf): an ASCII text's word keys are its words in lower case without
    apostrophes and dots, so each is a substring of the text lowered and stripped of them;
    other text is never ruled out."""
    needed = _NEEDED_WORDS.get(phrases)
    if needed is None:
        needed = frozenset(_unmarked(max(p.split(" "), key=len)) for p in phrases)
        if len(_NEEDED_WORDS) < 100:
            _NEEDED_WORDS[phrases] = needed
    if not text.isascii():
        return True
    low = _unmarked(text.lower())
    return any(w in low for w in needed)


def _unmarked(text: str) -> str:
    """The text without the apostrophes and dots word keys drop (and "'s" keeps: "s" stands
    for it)."""
    if "'" in text or "." in text or "`" in text:
        return text.replace("'", "").replace(".", "").replace("`", "")
    return text
