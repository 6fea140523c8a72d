"""Finding place names in a tokenised sentence and choosing which place each one means.

Kept apart from `places.py` (which loads the data) so the hot loop reads on its own. The work per
sentence is one dict probe per capitalised token; everything else runs only on a hit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from coder.models import PlaceMention, Span
from coder.text.tokens import Token, phrase_key

if TYPE_CHECKING:
    from coder.stages.places.gazetteer import CueTrie, Gazetteer

# Entry tuple positions (see places.Entry)
# positions in a gazetteer entry tuple (see places.Entry); Final so type checkers know each type
_FEATURE: Final = 1
_ISO3: Final = 3
_POP: Final = 8
_PREC: Final = 9
_MAIN: Final = 10
FOREIGN_MIN_POPULATION = 50_000  # a foreign place named alone must be a real town
CITY_OVER_ADMIN1_POPULATION = 20_000  # "Kandahar" alone is the city, not the province
_ADMIN_FEATURES = frozenset({"admin1", "region"})
_TRANSPARENT = frozenset({"-", "'", "."})
_OPENERS = frozenset({'"', "'", "(", "[", "-", ":", ";"})
_PLACE_NOUNS = frozenset({"town", "city", "village", "area", "district", "province", "region"})


@dataclass(slots=True)
class PlaceContext:
    """What the document tells us about where it is."""

    countries: list[str] = field(default_factory=list)  # ISO3, most mentioned first
    dateline: str = ""  # dateline place ("BAGHDAD", "TEHRAN"), may be ""


@lru_cache(maxsize=4096)
def _dateline_country(gaz: Gazetteer, dateline: str) -> str:
    if not dateline:
        return ""
    ids = gaz.index.get(phrase_key(dateline))
    return gaz.entries[ids[0]][_ISO3] if ids else ""


def _longest(gaz: Gazetteer, tokens: list[Token], i: int, longest: int,
             alone: bool | None = None) -> tuple[int, str]:
    """(end token index, key) of the longest indexed phrase starting at token i, or (i, '').
    `alone`: whether token i's word is a key by itself, when the caller knows."""
    index, prefixes = gaz.index, gaz.prefixes
    key = tokens[i].key
    if alone is None:
        alone = key in index
    best = (i + 1, key) if alone else (i, "")
    words = 1
    j, n = i + 1, len(tokens)
    prev_end = tokens[i].end
    while j < n and words < longest:
        nxt = tokens[j]
        if nxt.key in _TRANSPARENT and nxt.start == prev_end:
            prev_end = nxt.end
            j += 1  # "Ras al-Ain": the glued hyphen is transparent
            continue
        if nxt.key == "'s" and nxt.start == prev_end:
            key += " 's"  # "Mosul's Old City": listed possessive names
            words += 1
            prev_end = nxt.end
            j += 1
            continue
        if not nxt.is_word:
            break
        key = key + " " + nxt.key
        words += 1
        prev_end = nxt.end
        j += 1
        if key in index:
            best = (j, key)
        elif key not in prefixes:
            break  # perf: no longer key starts with these words
    return best


def _ends_with(tokens: list[Token], j: int, cues: CueTrie) -> bool:
    """True when a cue phrase ends at token j (inclusive)."""
    node = cues.before.get(tokens[j].key) if j >= 0 else None
    while node is not None:
        if node.end:
            return True
        j -= 1
        if j < 0:
            return False
        node = node.before.get(tokens[j].key)
    return False


def _after_title(titles: frozenset[str], tokens: list[Token], i: int) -> bool:
    """A title stands before the run of up to three capitalised words ending just before i."""
    k = i - 1
    while k >= 0 and i - k <= 3 and tokens[k].is_word and tokens[k].text[:1].isupper():
        if tokens[k].key in titles:
            return True
        k -= 1
    return k >= 0 and tokens[k].key in titles


def _glued_article(gaz: Gazetteer, tokens: list[Token], i: int) -> bool:
    """True for a lower-case article glued to a capitalised word ("al-Hol", "el-Fasher")."""
    return (
        tokens[i].key in gaz.cues.articles
        and i + 2 < len(tokens)
        and tokens[i + 1].key == "-"
        and tokens[i + 1].start == tokens[i].end
        and tokens[i + 2].text[:1].isupper()
    )


def _is_headline(tokens: list[Token]) -> bool:
    long_words = [t for t in tokens if t.is_word and len(t.text) > 3]
    caps = sum(1 for t in long_words if t.text[:1].isupper())
    return len(long_words) >= 4 and caps >= 0.7 * len(long_words)


def match_places(gaz: Gazetteer, tokens: list[Token], context: PlaceContext) -> list[PlaceMention]:
    """Every place named in the sentence, resolved against the document's context."""
    first, recent = gaz.first, gaz.recent_first
    articles = gaz.cues.articles
    out: list[PlaceMention] = []
    ranges: list[tuple[int, int]] = []  # token range of each place in `out`
    # the common case, a lower-case word or punctuation, is screened out in one comprehension;
    # a word token's text is never empty
    starts = [i for i, t in enumerate(tokens)
              if t.is_word and (t.text[0].isupper() or t.key in articles)]
    i = 0  # where scanning resumes: a match consumes its tokens
    for s in starts:
        if s < i:
            continue
        i = s
        tok = tokens[i]
        # perf: the dict probes first, they fail most often; the words met recently are in a
        # small dict that stays in the CPU cache, the whole tables do not
        word = recent.get(tok.key)
        if word is None:
            n = first.get(tok.key, 0)
            # a word that starts one-word keys only is a key itself
            word = (n, n == 1 or (n > 1 and tok.key in gaz.index))
            if len(recent) < 20_000:
                recent[tok.key] = word
        longest, alone = word
        if not longest or not (tok.text[0].isupper() or _glued_article(gaz, tokens, i)):
            i += 1
            continue
        if longest == 1:
            end, key = i + 1, tok.key
        else:
            end, key = _longest(gaz, tokens, i, longest, alone)
        # a one-word name must be capitalised; longer listed names may end in a lower-case
        # noun ("Kabul airport", "Zamzam camp")
        if not key or key in articles:  # "al-Qaeda": an article alone is no place ("Ål")
            i += 1
            continue
        found = _resolve(gaz, tokens, i, end, key, context)
        if found is None:
            i += 1
            continue
        mention, resume = found
        out.append(mention)
        ranges.append((i, resume))
        i = resume
    return _inside_other_country(gaz, tokens, out, ranges) if len(out) > 1 else out


def _inside_other_country(gaz: Gazetteer, tokens: list[Token], places: list[PlaceMention],
                          ranges: list[tuple[int, int]]) -> list[PlaceMention]:
    """Drop a town the sentence puts inside a place of another country: "the Ivan Franko
    theatre in central Kyiv" (not Franca, Brazil), "Solhan in northern Burkina Faso",
    "Sagaing region's Kani township" (not Kani, Japan). The container is the surer name."""
    drop: set[int] = set()
    for k in range(len(places) - 1):
        a, b = places[k], places[k + 1]
        if a.place.iso3 == b.place.iso3:
            continue
        between = [t.key for t in tokens[ranges[k][1] : ranges[k + 1][0]]]
        if "in" in between and len(between) <= 5:
            j = len(between) - 1 - between[::-1].index("in")
            head, tail = between[:j], between[j + 1 :]
            if len(head) <= 1 and all(w in gaz.cues.qualifiers or w == "-" for w in tail) and all(
                    tokens[ranges[k][1] + n].is_word and not tokens[ranges[k][1] + n].text[:1]
                    .isupper() for n in range(len(head))):
                inner = k  # "A (theatre) in (central) B"
            else:
                continue
        elif between[:1] == ["'s"] and len(between) <= 2:
            inner = k + 1  # "B region's A township"
        else:
            continue
        if places[inner].place.feature == "city":
            drop.add(inner)
    return [p for n, p in enumerate(places) if n not in drop] if drop else places


def _resolve(
    gaz: Gazetteer, tokens: list[Token], i: int, end: int, key: str, ctx: PlaceContext
) -> tuple[PlaceMention, int] | None:
    """Choose the place meant by tokens[i:end], or None; also returns where scanning resumes."""
    cues = gaz.cues
    entries = gaz.entries
    ids = gaz.index[key]
    single = end - i == 1
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.key in cues.titles:
        return None  # "President Jordan", "Mr Kabul": a person
    if prev is not None and prev.is_word and prev.text[:1].isupper() and _after_title(
            cues.titles, tokens, i):
        return None  # "Governor Abubakar Sani Bello": the end of a titled person's name
    if (prev is not None and prev.key in _TRANSPARENT and prev.start == tokens[i].start - 1
            and i >= 2 and tokens[i - 2].key in cues.articles
            and tokens[i - 2].end == prev.start):
        # "al-Sadr": an article glued to a name is usually a family name; keep only places
        # whose own name is this word ("al-Anbar")
        ids = [x for x in ids if entries[x][_MAIN] == key
               and (entries[x][_POP] >= CITY_OVER_ADMIN1_POPULATION
                    or entries[x][_FEATURE] != "city")]
        if not ids:
            return None
    if single and key in cues.stop:
        initial = prev is None or (not prev.is_word and prev.key in _OPENERS)
        locative = prev is not None and prev.key in cues.locative
        if initial or not locative or _is_headline(tokens):
            # a common word is a place only after "in", "near", "from"... in running text
            ids = [x for x in ids if entries[x][_FEATURE] == "country"]
        else:
            ranked = set(ctx.countries)
            ids = [x for x in ids
                   if entries[x][_FEATURE] == "country" or entries[x][_ISO3] in ranked]
        if not ids:
            return None

    resume = end
    admin = near = False
    explicit = ""
    nxt = tokens[end] if end < len(tokens) else None
    if nxt is not None and nxt.key in cues.group_after:
        # "Fano militiamen", "Wagner fighters": a foreign name before a group noun names the
        # group, not a place; the document's own places still count ("Goma youths")
        local = {*ctx.countries, _dateline_country(gaz, ctx.dateline)}
        ids = [x for x in ids if entries[x][_ISO3] in local]
        if not ids:
            return None
    if nxt is not None and nxt.key in cues.admin_after:
        admin, resume = True, end + 1
    elif nxt is not None and nxt.key in cues.district_after and not nxt.text[:1].isupper():
        near, resume = True, end + 1
    elif nxt is not None and nxt.key == "," and end + 1 < len(tokens):
        explicit, stop = _country_after(gaz, tokens, end + 1)
        if explicit and any(entries[x][_ISO3] == explicit for x in ids):
            resume = stop
        else:
            explicit = ""
    j = i - 1
    if j >= 1 and tokens[j].key == "of" and tokens[j - 1].key in _PLACE_NOUNS:
        j -= 2  # "near the town of X"
    if j >= 0 and tokens[j].key == "the":
        j -= 1
    if _ends_with(tokens, i - 1, cues.admin_before):
        admin = True
    elif _ends_with(tokens, j, cues.near):
        near = True

    # event notes give the province (and country) in brackets: "Bassa (Plateau)", "Mafa town
    # (Mafa, Borno)", "Pretoria (Gauteng, South Africa)"; they say which place of that name
    bracket, after = _bracketed(tokens, resume, cues.district_after | cues.admin_after)
    if bracket:
        inside = [x for x in ids if _in_named_area(entries[x], bracket)]
        if inside:
            ids, explicit, resume = inside, "", after
            named_after = False
    # a small town named without "in"/"near"/"province" or its country is only believed in the
    # document's main country, and never when a capitalised word follows ("Kennedy School")
    cue = bool(explicit) or admin or near or bool(bracket) or (
        prev is not None and prev.key in cues.locative)
    named_after = (nxt is not None and nxt.is_word and nxt.text[:1].isupper() and resume == end
                   and not bracket)
    chosen = _choose(gaz, ids, ctx, explicit, admin, cue and not named_after, named_after, key)
    if chosen is None:
        return None
    entry = entries[chosen]
    place = gaz.place(chosen)
    if admin and entry[_FEATURE] == "city":
        province = _admin1_of(gaz, chosen)
        place = gaz.place(province) if province is not None else place
        place.geo_precision = 3
        chosen = province if province is not None else chosen
    elif near and place.geo_precision < 2:
        place.geo_precision = 2
    # the span covers a consumed "province"/"district" word, not a ", Country" tail
    last = resume if (admin or near) and resume > end else end
    span = Span(tokens[i].start, tokens[last - 1].end, "")
    mention = PlaceMention(span, place, entries[chosen][0], near)
    return mention, resume


def _bracketed(tokens: list[Token], k: int, area_words: frozenset[str]) -> tuple[list[str], int]:
    """The comma-separated names in brackets at `k`, or one lower-case or area word later
    ("Mafa town (Mafa, Borno)", "Bassa LGA (Plateau)"), as keys, and the index after the
    closing bracket; ([], k) when none."""
    if k < len(tokens) and tokens[k].is_word and (
            not tokens[k].text[:1].isupper() or tokens[k].key in area_words):
        k += 1
    if k >= len(tokens) or tokens[k].key != "(":
        return [], k
    names: list[str] = []
    words: list[str] = []
    for j in range(k + 1, min(len(tokens), k + 12)):
        key = tokens[j].key
        if key in (",", ")"):
            if words:
                names.append(" ".join(words))
            words = []
            if key == ")":
                return names, j + 1
        elif tokens[j].is_word:
            words.append(key)
        elif key not in _TRANSPARENT:
            break
    return [], k


def _in_named_area(entry: tuple, names: list[str]) -> bool:  # type: ignore[type-arg]
    """Whether a bracketed name is the entry's province or district (a prefix of four letters
    or more will do: "Vayots Dzor" for "Vayots' Dzori Marz")."""
    areas = [phrase_key(a) for a in (entry[4], entry[5]) if a]
    return any(a == n or (min(len(a), len(n)) >= 4 and (a.startswith(n) or n.startswith(a)))
               for n in names for a in areas if a)


def _country_after(gaz: Gazetteer, tokens: list[Token], k: int) -> tuple[str, int]:
    """('IRQ', end) when tokens[k:] start with a country name ("Tripoli, Lebanon")."""
    longest = gaz.first.get(tokens[k].key)
    if not longest or not tokens[k].text[:1].isupper():
        return "", k
    end, key = _longest(gaz, tokens, k, longest)
    for x in gaz.index.get(key, ()) if key else ():
        if gaz.entries[x][_FEATURE] in ("country", "admin1"):
            return gaz.entries[x][_ISO3], end
    return "", k


def _choose(
    gaz: Gazetteer, ids: list[int], ctx: PlaceContext, explicit: str, admin: bool,
    cued: bool = True, named_after: bool = False, key: str = "",
) -> int | None:
    """The entry meant: in the written or context country first, then the biggest eligible."""
    entries = gaz.entries
    dateline_iso = _dateline_country(gaz, ctx.dateline)
    best_rank, best_iso = 1_000, ""
    for x in ids:
        e = entries[x]
        iso, feat = e[_ISO3], e[_FEATURE]
        if explicit:
            rank = 0 if iso == explicit else 1_000
        elif feat == "country":
            if admin:
                continue  # "Niger State", "Lagos State": a province, not the country
            rank = -1  # a country's own name means the country
        elif iso in ctx.countries:
            rank = ctx.countries.index(iso)
            small = feat == "city" and e[_POP] < FOREIGN_MIN_POPULATION
            if small and (named_after or (rank > 0 and not cued)):
                continue
        elif iso == dateline_iso:
            rank = 100
        elif feat.startswith("supplement") or e[0].startswith("supplement:"):
            rank = 200
        elif admin and feat in _ADMIN_FEATURES and e[_MAIN] == key:
            rank = 250  # "Chin State": the province of that name, not a city called so abroad
        elif e[_POP] >= FOREIGN_MIN_POPULATION and not named_after:
            # abroad, a place's own name beats another language's name for a bigger place
            # ("Boni" is an old name of Bonn)
            rank = 300 if e[_MAIN] == key else 350
        elif not ctx.countries and cued and len(ids) == 1 and feat == "city":
            rank = 400  # nothing else places the story: "near Bentiu", the only Bentiu
        else:
            continue
        if rank < best_rank:
            best_rank, best_iso = rank, iso
    if not best_iso:
        return None
    # (a single id is the one that set best_iso)
    same = ids if len(ids) == 1 else [x for x in ids if entries[x][_ISO3] == best_iso]
    if admin:
        for x in same:
            if entries[x][_FEATURE] in _ADMIN_FEATURES:
                return x
        return same[0]
    top = same[0]
    feature = entries[top][_FEATURE]
    if feature in _ADMIN_FEATURES or feature == "country":
        for x in same[1:]:
            e = entries[x]
            if e[_FEATURE] != "city":
                continue
            if feature == "country":
                # city-states: "Singapore", "Djibouti", "Hong Kong" name the city
                if e[_MAIN] == entries[top][_MAIN] and e[_POP] >= 100_000:
                    return x
            elif e[_POP] >= CITY_OVER_ADMIN1_POPULATION or e[0] == entries[top][0]:
                # a real town, or the province's own capital ("Marib", "Kandahar")
                return x
    return top


def _admin1_of(gaz: Gazetteer, entry_id: int) -> int | None:
    """The admin1 entry that contains a city, when the gazetteer has it."""
    e = gaz.entries[entry_id]
    for x in gaz.index.get(phrase_key(e[4]), ()) if e[4] else ():
        if gaz.entries[x][_ISO3] == e[_ISO3] and gaz.entries[x][_FEATURE] in _ADMIN_FEATURES:
            return x
    return None
