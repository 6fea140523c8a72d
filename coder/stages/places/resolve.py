"""Choosing which place a name found in a sentence means.

`resolve` takes a name the scan of `match.py` found (tokens[i:end], an index key) and decides in
four steps: which entries the words around it still allow (`_candidates`), what the words around
it say (`_read_around`: a province word, a near-cue, ", Country", an event note's brackets), which
entry that makes it (`_choose`), and the mention with its span and precision (`_mention`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from coder.models import PlaceMention, Span
from coder.stages.places.container import in_named_area, outside_named_province, units_outside
from coder.stages.places.cues import CueTrie
from coder.stages.places.entries import (
    ADMIN1,
    FEATURE,
    ISO3,
    MAIN,
    POP,
    SOURCE,
    PlaceContext,
    PlaceIndex,
)
from coder.text.phrases import TRANSPARENT
from coder.text.tokens import Token, phrase_key

FOREIGN_MIN_POPULATION = 50_000  # a foreign place named alone must be a real town
CITY_OVER_ADMIN1_POPULATION = 20_000  # "Kandahar" alone is the city, not the province
CITY_STATE_MIN_POPULATION = 100_000  # "Singapore": the country's name names its city
BIG_CITY_POPULATION = 500_000  # a city abroad this big is named for itself
DOMINANT_RATIO = 10  # a town this many times bigger than its namesakes abroad is the one meant
DOMINANT_MIN_POPULATION = 5_000  # ... when it is a real town
_ADMIN_FEATURES = frozenset({"admin1", "region", "admin2"})
_PROVINCE_FEATURES = frozenset({"admin1", "region"})
_OPENERS = frozenset({'"', "'", "(", "[", "-", ":", ";"})


@dataclass(slots=True)
class _Around:
    """What the words around a name say about it."""

    ids: list[int]  # the entries still possible
    resume: int  # where scanning resumes (after a consumed "province", ", Country", brackets)
    admin: bool = False  # a province word: the name is the province
    near: bool = False  # a near-cue or district word: near the place
    explicit: str = ""  # the ISO3 written after it (", Lebanon") or ""
    cued: bool = False  # something says it is a place (a cue, a locative, brackets)
    anchored: bool = False  # a province word, ", Country" or brackets confirm its country
    named_after: bool = False  # a capitalised word follows: part of a longer name
    unit: bool = False  # a district, compass or institution word follows: a place, but in no
    # country of its own
    container: list[str] | None = None  # the names of the unit its brackets put it in
    container_end: int = 0  # the index after those brackets

    def copy(self) -> _Around:
        """A copy to change (`resolve` keeps what it read for a second reading)."""
        return _Around(self.ids, self.resume, self.admin, self.near, self.explicit, self.cued,
                       self.anchored, self.named_after, self.unit, self.container,
                       self.container_end)


def resolve(gaz: PlaceIndex, tokens: list[Token], i: int, end: int, key: str,
            ctx: PlaceContext) -> tuple[PlaceMention, int, bool] | None:
    """Choose the place meant by tokens[i:end], or None; also returns where scanning resumes
    and whether the words around it confirm its country (a province word, ", Country",
    brackets naming its province)."""
    ids = _candidates(gaz, tokens, i, end, key, ctx)
    if not ids:
        return None
    # perf: read once per name and candidates of a scanned sentence (`stated_countries` too)
    seen = gaz.scans.get(id(tokens))
    memo = seen[2] if seen is not None and seen[0] is tokens else {}
    kept = memo.get((i, end))
    if kept is None or kept[0] != ids:
        kept = memo[(i, end)] = (ids, _read_around(gaz, tokens, i, end, ids))
    around = kept[1].copy()  # the kept reading stays as read
    # "Makueni County", "Chin State", "Sangrur district" are keys themselves: their unit word
    # still counts
    last = tokens[end - 1].key
    around.admin = around.admin or (end - i > 1 and (
        last in gaz.cues.admin_after or last in gaz.cues.district_after))
    if around.unit and ctx.confirmed:
        # "Tana North", "Kwanza constituency", "Supreme Court": a local unit or institution,
        # in a story known to be in one country its own or a country the text supports
        home = {ctx.confirmed, *ctx.supported}
        around.ids = [x for x in around.ids if gaz.entries[x][ISO3] in home]
    chosen = _choose(gaz, around.ids, ctx, around.explicit, around.admin,
                     around.cued and not around.named_after, around.named_after, key,
                     around.anchored or around.admin or (around.near and not around.unit))
    if chosen is None:
        return None
    anchored = around.anchored or (around.admin
                                   and gaz.entries[chosen][FEATURE] in _ADMIN_FEATURES)
    mention = _mention(gaz, tokens, i, end, chosen, around)
    other = outside_named_province(gaz, chosen, around.container) if around.container else None
    if other is not None:  # "Sankuri (Lamu county)" of a Sankuri elsewhere
        mention.place, anchored = other, True
        around.resume = around.container_end
    return mention, around.resume, anchored


def _candidates(gaz: PlaceIndex, tokens: list[Token], i: int, end: int, key: str,
                ctx: PlaceContext) -> list[int]:
    """The entries of `key` that the words right around the name allow ([] for none): no
    place after a title, a family name after a glued article, a common word only after a
    locative, a foreign name before a group noun names the group."""
    cues, entries = gaz.cues, gaz.entries
    ids = gaz.index[key]
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.key in cues.titles:
        return []  # "President Jordan", "Mr Kabul": a person
    if prev is not None and prev.is_word and prev.text[:1].isupper() and _after_title(
            cues.titles, tokens, i):
        return []  # "Governor Abubakar Sani Bello": the end of a titled person's name
    if (prev is not None and prev.key in TRANSPARENT and prev.start == tokens[i].start - 1
            and i >= 2 and tokens[i - 2].key in cues.articles
            and tokens[i - 2].end == prev.start):
        # "al-Sadr": an article glued to a name is usually a family name; keep only places
        # whose own name is this word ("al-Anbar")
        ids = [x for x in ids if entries[x][MAIN] == key
               and (entries[x][POP] >= CITY_OVER_ADMIN1_POPULATION
                    or entries[x][FEATURE] != "city")]
    if ids and end - i == 1 and key in cues.demonyms and not (
            end < len(tokens) and (tokens[end].key in cues.admin_after
                                   or tokens[end].key in cues.district_after)):
        # "Somali residents": a people; "Somali region" names the province
        ids = [x for x in ids if entries[x][FEATURE] == "country"]
    if ids and end - i == 1 and key in cues.stop:
        initial = prev is None or (not prev.is_word and prev.key in _OPENERS)
        locative = prev is not None and prev.key in cues.locative
        if initial or not locative or _is_headline(tokens):
            # a common word is a place only after "in", "near", "from"... in running text
            ids = [x for x in ids if entries[x][FEATURE] == "country"]
        else:
            ranked = set(ctx.countries)
            ids = [x for x in ids
                   if entries[x][FEATURE] == "country" or entries[x][ISO3] in ranked]
    if (ids and tokens[i].key in cues.compass_after and prev is not None
            and prev.is_word and prev.text[:1].isupper() and prev.key not in cues.locative
            and prev.key not in cues.qualifiers):
        # "Tana North (District)": the end of a district's name, not a place called North
        return []
    if ids and end < len(tokens) and tokens[end].key in cues.group_after:
        # "Fano militiamen", "Wagner fighters": a foreign name before a group noun names the
        # group, not a place; the document's own places still count ("Goma youths")
        local = {*ctx.countries, _dateline_country(gaz, ctx.dateline)}
        ids = [x for x in ids if entries[x][ISO3] in local]
    return ids


def _read_around(gaz: PlaceIndex, tokens: list[Token], i: int, end: int,
                 ids: list[int]) -> _Around:
    """The cues after the name ("province", "district", ", Country"), before it ("province
    of", "near the town of") and in brackets after it ("Bassa (Plateau)")."""
    cues = gaz.cues
    around = _Around(ids, end)
    nxt = tokens[end] if end < len(tokens) else None
    if nxt is not None and nxt.key in cues.admin_after:
        around.admin, around.resume = True, end + 1
    elif nxt is not None and _district_word(cues.district_after, tokens, end):
        around.near, around.unit, around.resume = True, True, end + 1
    elif nxt is not None and nxt.key in cues.compass_after and nxt.text[:1].isupper() and not (
            i > 0 and tokens[i - 1].is_word and tokens[i - 1].text[:1].isupper()):
        # "Narok South", "Mumias East constituency": a district named after the place, near
        # it (not inside a longer name: "Trans Mara West" is no district of a "Mara")
        around.near, around.unit, around.resume = True, True, end + 1
        if end + 1 < len(tokens) and tokens[end + 1].key in cues.district_after:
            around.resume = end + 2
    elif nxt is not None and nxt.key == "," and end + 1 < len(tokens):
        _read_comma(gaz, tokens, end + 1, around)
    j = i - 1
    if j >= 1 and tokens[j].key in cues.noun_link and tokens[j - 1].key in cues.place_nouns:
        j -= 2  # "near the town of X"
    if j >= 0 and tokens[j].key in cues.article:
        j -= 1
    if ends_with(tokens, i - 1, cues.admin_before):
        around.admin = True
    elif ends_with(tokens, j, cues.near):
        around.near = True
    # event notes give the province (and country) in brackets: "Bassa (Plateau)", "Mafa town
    # (Mafa, Borno)", "Pretoria (Gauteng, South Africa)"; they say which place of that name
    bracket, after = _bracketed(tokens, around.resume, cues.district_after | cues.admin_after)
    if bracket:
        _read_brackets(gaz, ids, bracket, after, around)
    # a small town named without "in"/"near"/"province" or its country is only believed in the
    # document's main country, and never when a capitalised word follows ("Kennedy School")
    prev = tokens[i - 1] if i > 0 else None
    around.anchored = around.anchored or bool(around.explicit)
    around.cued = bool(around.explicit) or around.admin or around.near or bool(bracket) or (
        prev is not None and prev.key in cues.locative) or _in_note_brackets(tokens, i) or (
        ends_with(tokens, i - 1, cues.chosen_trie))  # "(coordinates for Wote used)"
    around.named_after = (nxt is not None and nxt.is_word and nxt.text[:1].isupper()
                          and around.resume == end and not bracket
                          and nxt.key not in cues.calendar)
    if around.named_after:
        after = _institution_end(cues.institutions, tokens, i, end)
        if after > end:
            # "Webuye High School", "the Bungoma Governor": named after the place, which
            # locates the event when the sentence names no other (`match._scan`)
            around.named_after, around.cued, around.unit = False, True, True
            around.resume = after
    return around


def _read_brackets(gaz: PlaceIndex, ids: list[int], bracket: list[str], after: int,
                   around: _Around) -> None:
    """What an event note's brackets after the name say: the entries inside the named area,
    none (a place of that name abroad), or a unit of its country none is in (the container)."""
    inside = [x for x in ids if in_named_area(gaz.entries[x], bracket)]
    # "Mafa (Mafa, Borno)": the town, not the district it names
    inside = [x for x in inside if gaz.entries[x][FEATURE] != "admin2"] or inside
    if inside:
        around.ids, around.explicit, around.resume = inside, "", after
        around.anchored = True
    elif _bracket_abroad(gaz, ids, bracket):
        around.ids = []  # "Bugar (Keiyo, Rift Province)": a place of that name elsewhere
    else:
        # "Sankuri (Lamu county)": a unit none is in
        around.container, around.container_end = bracket, after


def _district_word(words: frozenset[str], tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is a district word of the name before it: in lower case ("Kadugli
    district"), or capitalised when it ends the name ("in Moyale District, police said"), not
    when it begins an office's or body's ("Moyale District Council"), nor before an event
    note's brackets, where it is part of the town's label ("Bassa LGA (Plateau)")."""
    if tokens[k].key not in words:
        return False
    if not tokens[k].text[:1].isupper() or k + 1 >= len(tokens):
        return True
    after = tokens[k + 1]
    return not ((after.is_word and after.text[:1].isupper()) or after.key == "(")


def _read_comma(gaz: PlaceIndex, tokens: list[Token], k: int, around: _Around) -> None:
    """What a comma after the name says ("Tripoli, Lebanon", "Kutulo, Wajir"): the country
    written after it, and which local units the place after it leaves possible."""
    explicit, stop = _country_after(gaz, tokens, k)
    if explicit and any(gaz.entries[x][ISO3] == explicit for x in around.ids):
        around.explicit, around.resume = explicit, stop
    around.ids = units_outside(gaz, tokens, k, around.ids)


def _institution_end(institutions: frozenset[str], tokens: list[Token], i: int,
                     end: int) -> int:
    """The end of the institution's or office's words after the name at tokens[i:end] ("High
    School", "Law Courts", "Governor"), which are no place of their own; `end` when none
    follow, or when the name is itself inside a longer name ("Maasai Mara University")."""
    if i > 0 and tokens[i - 1].is_word and tokens[i - 1].text[:1].isupper():
        return end
    k = end
    while k < len(tokens) and tokens[k].is_word and tokens[k].key in institutions:
        k += 1
    return k


def _mention(gaz: PlaceIndex, tokens: list[Token], i: int, end: int, chosen: int,
             around: _Around) -> PlaceMention:
    """The mention of the chosen entry: the province of a city named with a province word
    ("Kirkuk province"), geo precision 2 near a place; the span covers a consumed
    "province"/"district" word, not a ", Country" tail."""
    entry = gaz.entries[chosen]
    place = gaz.place(chosen)
    if around.admin and entry[FEATURE] == "city":
        province = _admin1_of(gaz, chosen)
        place = gaz.place(province) if province is not None else place
        place.geo_precision = 3
        chosen = province if province is not None else chosen
    elif around.near and place.geo_precision < 2:
        place.geo_precision = 2
    resume = around.resume
    last = resume if (around.admin or around.near) and resume > end else end
    span = Span(tokens[i].start, tokens[last - 1].end, "")
    return PlaceMention(span, place, gaz.entries[chosen][SOURCE], around.near)


@lru_cache(maxsize=4096)
def _dateline_country(gaz: PlaceIndex, dateline: str) -> str:
    if not dateline:
        return ""
    ids = gaz.index.get(phrase_key(dateline))
    return gaz.entries[ids[0]][ISO3] if ids else ""


def ends_with(tokens: list[Token], j: int, cues: CueTrie) -> bool:
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


def _is_headline(tokens: list[Token]) -> bool:
    long_words = [t for t in tokens if t.is_word and len(t.text) > 3]
    caps = sum(1 for t in long_words if t.text[:1].isupper())
    return len(long_words) >= 4 and caps >= 0.7 * len(long_words)


def _bracketed(tokens: list[Token], k: int, area_words: frozenset[str]) -> tuple[list[str], int]:
    """The comma-separated names in brackets at `k`, or one lower-case or area word later
    ("Mafa town (Mafa, Borno)", "Bassa LGA (Plateau)"), as keys, and the index after the
    closing bracket; ([], k) when none, or when the brackets open with a lower-case word (a
    coder's note: "(coordinates for Chemase used)", "(note: ...)")."""
    if k < len(tokens) and tokens[k].is_word and (
            not tokens[k].text[:1].isupper() or tokens[k].key in area_words):
        k += 1
    if k >= len(tokens) or tokens[k].key != "(":
        return [], k
    names: list[str] = []
    words: list[str] = []
    for j in range(k + 1, min(len(tokens), k + 12)):
        key = tokens[j].key
        if key == "," or key == ")":
            if words:
                names.append(" ".join(words))
            words = []
            if key == ")":
                return names, j + 1
        elif tokens[j].is_word:
            if j == k + 1 and not tokens[j].text[:1].isupper():
                break  # "(coordinates for Chemase used)": a note, not the place's units
            words.append(key)
        elif key not in TRANSPARENT:
            break
    return [], k


def _in_note_brackets(tokens: list[Token], i: int) -> bool:
    """An event note's brackets after a capitalised name: "Kapsabet (Nandi)" names the unit
    the place before it lies in, even when that place itself is unknown."""
    return (i >= 2 and tokens[i - 1].key == "(" and tokens[i - 2].is_word
            and tokens[i - 2].text[:1].isupper())


def _bracket_abroad(gaz: PlaceIndex, ids: list[int], names: list[str]) -> bool:
    """Whether the bracketed names are known units of a country none of `ids` is in."""
    here = {gaz.entries[x][ISO3] for x in ids}
    for n in names:
        found = {gaz.entries[x][ISO3] for x in gaz.index.get(n, ())
                 if gaz.entries[x][FEATURE] in _ADMIN_FEATURES}
        if found and not found & here:
            return True
    return False


def _country_after(gaz: PlaceIndex, tokens: list[Token], k: int) -> tuple[str, int]:
    """('IRQ', end) when tokens[k:] start with a country name ("Tripoli, Lebanon")."""
    longest = gaz.first.get(tokens[k].key)
    if not longest or not tokens[k].text[:1].isupper():
        return "", k
    end, key = gaz.phrases.longest_at(tokens, k, longest)
    for x in gaz.index.get(key, ()) if key else ():
        if gaz.entries[x][FEATURE] == "country" or gaz.entries[x][FEATURE] == "admin1":
            return gaz.entries[x][ISO3], end
    return "", k


# _UNSUPPORTED_ABROAD: once the document's country is known, a town or district abroad,
# unless a big city named by its own name, needs support for its country: the country named
# in the text, an actor from it, the dateline, or the name's own words (brackets, a province
# word, a near-cue); a bare name alone is likelier a local place the gazetteer lacks than a
# namesake abroad ("Eastleigh" of a Kenyan story is not the English town).


def _best_country(gaz: PlaceIndex, ids: list[int], ctx: PlaceContext, explicit: str,
                  admin: bool, cued: bool, named_after: bool, key: str, sure: bool) -> str:
    """The country of the best-ranked entry: the written country, a country's own name, the
    context's countries in order, the dateline's, the supplement, a province named with a
    province word, a big town abroad, the only (or by far the biggest) town of that name when
    nothing places the story;
    "" when no entry is eligible. A small town outside the document's known country needs its
    own words to confirm it (a province word, brackets, ", Country", "near the town of"): a
    locative alone does not make "in Kwanza" a village abroad."""
    entries = gaz.entries
    dateline_iso = _dateline_country(gaz, ctx.dateline)
    confirmed = ctx.confirmed
    home: str | None = None  # `_dominant_country`, when needed
    best_rank, best_iso = 1_000, ""
    for x in ids:
        e = entries[x]
        iso, feat = e[ISO3], e[FEATURE]
        if explicit:
            rank = 0 if iso == explicit else 1_000
        elif (confirmed and iso != confirmed and not sure and iso not in ctx.supported
              and (feat == "city" or feat == "admin2" or feat == "admin1")
              and not (feat != "admin1" and e[POP] >= BIG_CITY_POPULATION and e[MAIN] == key)):
            continue  # abroad without the text's support (`_UNSUPPORTED_ABROAD`)
        elif feat == "country":
            if admin:
                continue  # "Niger State", "Lagos State": a province, not the country
            rank = -1  # a country's own name means the country
        elif iso in ctx.countries:
            rank = ctx.countries.index(iso)
            small = feat == "city" and e[POP] < FOREIGN_MIN_POPULATION
            # once the document's country is known, its rivals' small towns need support
            if small and (named_after or (rank > 0 and not (sure if ctx.confirmed else cued))):
                continue
        elif iso == dateline_iso:
            rank = 100
        elif feat == "admin2" and not admin:
            continue  # a district abroad is named with its district word or its country
        elif feat.startswith("supplement") or e[SOURCE].startswith("supplement:"):
            rank = 200
        elif admin and feat in _ADMIN_FEATURES and e[MAIN] == key:
            rank = 250  # "Chin State": the province of that name, not a city called so abroad
        elif e[POP] >= FOREIGN_MIN_POPULATION and not named_after and (
                e[MAIN] == key or cued or admin):
            # abroad, a place's own name beats another language's name for a bigger place
            # ("Boni" is an old name of Bonn); another language's name alone, with no word
            # saying a place is meant, is no place ("Grenade blasts..." is not Granada)
            rank = 300 if e[MAIN] == key else 350
        elif not ctx.countries and cued and feat != "country" and iso == (
                home if home is not None else (home := _dominant_country(gaz, ids))):
            # nothing else places the story: "near Bomet", the county or its town of that
            # name; "in Molo", a real town over a namesake of no known population
            rank = 400  # nothing else places the story: "near Bentiu", the only Bentiu
        else:
            continue
        if rank < best_rank:
            best_rank, best_iso = rank, iso
    return best_iso


def _dominant_country(gaz: PlaceIndex, ids: list[int]) -> str:
    """The country of every entry of a name, or of the town that outweighs all its namesakes
    abroad (DOMINANT_RATIO times the people of the biggest); "" when none does."""
    entries = gaz.entries
    isos = {entries[x][ISO3] for x in ids}
    if len(isos) <= 1:
        return isos.pop() if isos else ""
    top = ids[0]
    for x in ids:
        if entries[x][POP] > entries[top][POP]:
            top = x
    iso, pop = entries[top][ISO3], entries[top][POP]
    rival = max((entries[x][POP] for x in ids if entries[x][ISO3] != iso), default=0)
    return iso if pop >= DOMINANT_RATIO * max(rival, 1) and pop >= DOMINANT_MIN_POPULATION else ""


def _choose(
    gaz: PlaceIndex, ids: list[int], ctx: PlaceContext, explicit: str, admin: bool,
    cued: bool = True, named_after: bool = False, key: str = "", sure: bool = False,
) -> int | None:
    """The entry meant: in the written or context country first, then the biggest eligible;
    within that country the province when a province word says so, a real town or the
    province's capital over a province, a city-state's city over the country."""
    best_iso = _best_country(gaz, ids, ctx, explicit, admin, cued, named_after, key, sure)
    if not best_iso:
        return None
    entries = gaz.entries
    # (a single id is the one that set best_iso)
    same = ids if len(ids) == 1 else [x for x in ids if entries[x][ISO3] == best_iso]
    if admin:
        for x in same:
            if entries[x][FEATURE] in _ADMIN_FEATURES:
                return x
        return same[0]
    top = same[0]
    feature = entries[top][FEATURE]
    if feature in _ADMIN_FEATURES or feature == "country":
        for x in same[1:]:
            e = entries[x]
            if e[FEATURE] != "city":
                continue
            if feature == "country":
                # city-states: "Singapore", "Djibouti", "Hong Kong" name the city
                if e[MAIN] == entries[top][MAIN] and e[POP] >= CITY_STATE_MIN_POPULATION:
                    return x
            elif e[POP] >= CITY_OVER_ADMIN1_POPULATION or e[SOURCE] == entries[top][SOURCE]:
                # a real town, or the province's own capital ("Marib", "Kandahar")
                return x
    return top


def _admin1_of(gaz: PlaceIndex, entry_id: int) -> int | None:
    """The admin1 entry that contains a city, when the gazetteer has it."""
    e = gaz.entries[entry_id]
    for x in gaz.index.get(phrase_key(e[ADMIN1]), ()) if e[ADMIN1] else ():
        if gaz.entries[x][ISO3] == e[ISO3] and gaz.entries[x][FEATURE] in _PROVINCE_FEATURES:
            return x
    return None
