"""Place names spelled another way than the gazetteer spells them: "Olmoran" for "Ol Moran",
"Banisa" for "Banissa", "Mai Mahiu" for "Maai Mahiu".

Transliterated names have no one spelling: news and event notes split or join their words and
double or single their letters at will. After a locative ("in", "at", "near"), a run of
capitalised words that the gazetteer does not hold as written is looked up by its loose key
(no spaces, hyphens or apostrophes, no doubled letters) among the places of the document's own
country, and only there: a loose match abroad would be a guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

from coder.stages.places.entries import ISO3, MAIN, PlaceIndex
from coder.text.tokens import Token

Name = tuple[int, int, str]
MIN_LOOSE_LETTERS = 5  # shorter loose keys match too many words by chance
MAX_WORDS = 3  # the longest run of capitalised words read as one name
_DOUBLED = re.compile(r"(.)\1+")
_JOINERS = str.maketrans("", "", " -'’")


def loose_key(key: str) -> str:
    """A name key without spaces, hyphens, apostrophes or doubled letters."""
    return _DOUBLED.sub(r"\1", key.translate(_JOINERS))


@lru_cache(maxsize=64)
def _country_table(gaz: PlaceIndex, iso3: str) -> dict[str, str]:
    """Loose key -> the main key of the country's places (the first, most populous, wins)."""
    table: dict[str, str] = {}
    for e in gaz.entries:
        if e[ISO3] == iso3 and e[MAIN]:
            table.setdefault(loose_key(e[MAIN]), e[MAIN])
    return table


def loose_names(gaz: PlaceIndex, tokens: list[Token], names: list[Name],
                iso3: str) -> list[Name]:
    """`names` (see `match.scan_names`) with the runs after a locative that name a place of
    `iso3` only by their loose key, each replacing the shorter names inside it."""
    cues = gaz.cues
    exact = {i: end for i, end, _ in names}
    found: list[Name] = []
    table: dict[str, str] | None = None
    for i in range(1, len(tokens)):
        if tokens[i - 1].key not in cues.locative or not _capitalised(tokens[i]):
            continue
        run = i
        while run < len(tokens) and run - i < MAX_WORDS and _capitalised(tokens[run]) and (
                tokens[run].key not in cues.calendar and tokens[run].key not in cues.stop):
            run += 1
        for end in range(run, exact.get(i, i), -1):
            key = loose_key(" ".join(t.key for t in tokens[i:end]))
            if len(key) < MIN_LOOSE_LETTERS:
                continue
            if table is None:
                table = _country_table(gaz, iso3)
            if key in table:
                found.append((i, end, table[key]))
                break
    if not found:
        return names
    taken = [(i, end) for i, end, _ in found]
    kept = [n for n in names if not any(i <= n[0] < end for i, end in taken)]
    return sorted(kept + found)


def _capitalised(token: Token) -> bool:
    return token.is_word and token.text[:1].isupper()
