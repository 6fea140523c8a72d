"""Finding place names in a tokenised sentence.

The work per sentence is one dict probe per capitalised token; everything else runs only on a
hit: the longest indexed name is read by the shared phrase scan (`PlaceIndex.phrases`, see
`coder.text.phrases`), and `resolve.resolve` chooses which place it means.
"""

from __future__ import annotations

from coder.models import PlaceMention
from coder.stages.places.container import inside_container
from coder.stages.places.entries import ISO3, SOURCE, PlaceContext, PlaceIndex
from coder.stages.places.loose import loose_names
from coder.stages.places.resolve import (
    BIG_CITY_POPULATION,
    FOREIGN_MIN_POPULATION,
    ends_with,
    resolve,
)
from coder.text.tokens import Token

__all__ = ["Name", "PlaceContext", "match_places", "scan_names", "stated_countries"]

STATED_WEIGHT = 3  # a country's own name, or a place its words confirm ("Kitui county")
# (start token, end token, index key) of a name the index holds, see `scan_names`
Name = tuple[int, int, str]
_Scan = tuple[list[PlaceMention], list[tuple[int, int]], list[str], set[str], list[bool]]



def _glued_article(gaz: PlaceIndex, tokens: list[Token], i: int) -> bool:
    """True for a lower-case article glued to a capitalised word ("al-Hol", "el-Fasher")."""
    return (
        tokens[i].key in gaz.cues.articles
        and i + 2 < len(tokens)
        and tokens[i + 1].key == "-"
        and tokens[i + 1].start == tokens[i].end
        and tokens[i + 2].text[:1].isupper()
    )


def match_places(gaz: PlaceIndex, tokens: list[Token], context: PlaceContext,
                 names: list[Name] | None = None) -> list[PlaceMention]:
    """Every place named in the sentence, resolved against the document's context; `names`:
    the sentence's `scan_names`, when the caller has them already."""
    if names is None:
        names = scan_names(gaz, tokens)
    if context.confirmed:
        # "in Olmoran" of a Kenyan story: Ol Moran, spelled another way
        names = loose_names(gaz, tokens, names, context.confirmed)
    if not names:
        return []
    out, ranges, keys, anchors, _ = _scan(gaz, tokens, context, names)
    return _one_story(gaz, tokens, out, ranges, keys, anchors) if len(out) > 1 else out


def stated_countries(gaz: PlaceIndex, tokens: list[Token], names: list[Name] | None = None,
                     ) -> tuple[dict[str, int], dict[str, int]]:
    """The countries the sentence's own places say it is in, read without context: (stated,
    weak). Stated: a country named as the scene ("across Kenya", "in northern Mali") or a
    place its words confirm (a unit word, ", Country", a bracketed province) counts
    STATED_WEIGHT; another province or a real town 1. Weak, ranked after the actors'
    countries: a country named in passing ("the border with Ukraine", "a US official") and a
    small town nothing confirms (maybe a namesake abroad of a village the gazetteer lacks)."""
    if names is None:
        names = scan_names(gaz, tokens)
    if not names:
        return {}, {}
    out, ranges, _, _, supported = _scan(gaz, tokens, PlaceContext(), names)
    stated: dict[str, int] = {}
    weak: dict[str, int] = {}
    scene = gaz.cues.scene
    for m, (i, _), sure in zip(out, ranges, supported, strict=True):
        p = m.place
        if p.feature == "country":
            # named as the scene, or in passing ("the border with Ukraine"): weaker than the
            # nationality of the people the text is about ("Polish farmers")
            w = STATED_WEIGHT if i > 0 and tokens[i - 1].key in scene else 0
        elif sure:
            w = STATED_WEIGHT
        else:
            w = int(p.feature != "city" or p.population >= FOREIGN_MIN_POPULATION)
        into = stated if w else weak
        into[p.iso3] = into.get(p.iso3, 0) + (w or 1)
    return stated, weak


def scan_names(gaz: PlaceIndex, tokens: list[Token]) -> list[Name]:
    """Every indexed name that starts at a capitalised word (or a lower-case article glued to
    one, "al-Hol"), as (start, end, key), the longest at each start, in order: what the
    sentence could name, read without any context, so that resolving it under several
    contexts (the document's countries unknown, then known) reads the words once."""
    first, recent = gaz.first, gaz.recent_first
    articles = gaz.cues.articles
    longest_at = gaz.phrases.longest_at
    names: list[Name] = []
    # the common case, a lower-case word or punctuation, is screened out in one comprehension
    # (perf: fields by position, 4 is_word, 0 text, 1 key); a token's text is never empty
    starts = [i for i, t in enumerate(tokens)
              if t[4] and (t[0][0].isupper() or t[1] in articles)]
    for i in starts:
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
            continue
        if longest == 1:
            end, key = i + 1, tok.key
        else:
            end, key = longest_at(tokens, i, longest, alone)
        # a one-word name must be capitalised; longer listed names may end in a lower-case
        # noun ("Kabul airport", "Zamzam camp"); an article alone is no place ("al-Qaeda")
        if key and key not in articles:
            names.append((i, end, key))
    return names


def _scan(gaz: PlaceIndex, tokens: list[Token], context: PlaceContext,
          names: list[Name]) -> _Scan:
    """The places among `names` (see `scan_names`) under `context`: their mentions, token
    ranges and keys, the confirmed countries (the known country among them) and whether each
    one's own words confirm it. A place found consumes its words (and a unit word, ", Country"
    or brackets after it): a name starting inside them is not read."""
    out: list[PlaceMention] = []
    ranges: list[tuple[int, int]] = []  # token range of each place in `out`
    keys: list[str] = []  # the index key of each place in `out`
    supported: list[bool] = []  # whether the words around each place confirm its country
    named: list[bool] = []  # whether each place is named only in an institution's name
    origin: list[bool] = []  # whether each place names only where a group comes from
    office: list[bool] = []  # whether each place names only an office's seat or someone's home
    free = 0  # where scanning resumes: a match consumes its tokens
    for i, end, key in names:
        if i < free:
            continue
        found = resolve(gaz, tokens, i, end, key, context)
        if found is None:
            continue
        mention, resume, anchored = found
        if mention.place.geo_precision < 2 and _after_unknown_place(
                gaz, tokens, i, ranges[-1][1] if ranges else 0):
            mention.place.geo_precision = 2
        supported.append(anchored)
        out.append(mention)
        ranges.append((i, resume))
        keys.append(key)
        # a small town named only in an institution's name ("Webuye High School"); a real
        # town is a place there as anywhere ("the Islamabad High Court")
        named.append(end < len(tokens) and tokens[end].key in gaz.cues.institutions
                     and tokens[end].text[:1].isupper()
                     and mention.place.population < FOREIGN_MIN_POPULATION)
        origin.append(resume == end and _names_origin(gaz, tokens, i, end))
        office.append(_names_office(gaz, tokens, i, end, resume))
        if _far_end_of_road(gaz, tokens, i, resume, ranges[:-1]):
            named[-1] = True  # "the Gilgil-Nyahururu road": the road is at its first end
        free = resume
    keep = _event_places(out, named, origin, office)
    if len(keep) < len(out):
        out, ranges = [out[n] for n in keep], [ranges[n] for n in keep]
        keys, supported = [keys[n] for n in keep], [supported[n] for n in keep]
    anchors = {m.place.iso3 for m, sure in zip(out, supported, strict=True) if sure}
    if context.confirmed and out:
        anchors.add(context.confirmed)
    return out, ranges, keys, anchors, supported


def _names_origin(gaz: PlaceIndex, tokens: list[Token], i: int, end: int) -> bool:
    """Whether the place at tokens[i:end] names where a group comes from: before a group word
    ("Turkana raiders"), joined to another name before one ("Turkana and Pokot pastoralist
    militias"), or after "from" right after one ("raiders from West Pokot")."""
    groups = gaz.cues.group_after
    if end < len(tokens) and tokens[end].key in groups:
        return True
    if (end + 2 < len(tokens) and tokens[end].key in gaz.cues.name_join
            and tokens[end + 1].text[:1].isupper()
            and any(tokens[j].key in groups for j in (end + 2, end + 3) if j < len(tokens))):
        return True
    return i >= 2 and tokens[i - 1].key in gaz.cues.origin_before and tokens[i - 2].key in groups


def _event_places(out: list[PlaceMention], named: list[bool], origin: list[bool],
                  office: list[bool]) -> list[int]:
    """The indexes of the places of `out` that may be the event's: a place naming an office's
    seat or a person's home ("the Kilifi governor ... shot in Nyali"), then one naming where a
    group comes from ("Turkana raiders attacked Lokori"), then one named only in an
    institution's name ("Webuye High School"), yields to a place of the sentence that is no
    country (a country named only in a party's or a people's name locates nothing)."""
    keep = list(range(len(out)))

    def other_than(flags: list[bool]) -> bool:
        return any(not flags[n] and out[n].place.feature != "country" for n in keep)

    if any(office) and other_than(office):
        keep = [n for n in keep if not office[n]]
    if any(origin[n] for n in keep) and other_than(origin):
        named = [n or o for n, o in zip(named, origin, strict=True)]
    if any(named[n] for n in keep) and other_than(named):
        keep = [n for n in keep if not named[n]]
    return keep


def _names_office(gaz: PlaceIndex, tokens: list[Token], i: int, end: int, resume: int) -> bool:
    """Whether the place at tokens[i:end] (its words read up to `resume`) names an office's or
    a person's home ("the Kilifi governor", "Wajir county commissioner", "MP for Gilgil", "a
    resident of Nyali"), not where the event happened."""
    cues = gaz.cues
    if any(k < len(tokens) and tokens[k].key in cues.office_after for k in (end, resume)):
        return True
    return ends_with(tokens, i - 1, cues.office_before)


def _far_end_of_road(gaz: PlaceIndex, tokens: list[Token], i: int, resume: int,
                     before: list[tuple[int, int]]) -> bool:
    """Whether the place at tokens[i:resume] is the second end of a road named after two
    places ("the Gilgil-Nyahururu road", "Kisumu-Busia highway"): news and event notes put
    an incident on such a road at its first-named end."""
    return (bool(before) and i >= 2 and before[-1][1] == i - 1
            and tokens[i - 1].key in ("-", "–", "/")
            and resume < len(tokens) and tokens[resume].key in gaz.cues.roads)


def _one_story(gaz: PlaceIndex, tokens: list[Token], out: list[PlaceMention],
               ranges: list[tuple[int, int]], keys: list[str],
               anchors: set[str]) -> list[PlaceMention]:
    """The sentence's places read together: its confirmed countries, then containers."""
    if anchors:
        kept = _in_anchor_country(gaz, out, keys, anchors)
        out, ranges = [m for m, _ in kept], [ranges[n] for _, n in kept]
    if len(out) > 1:
        out, ranges = _inside_same_country(gaz, tokens, out, ranges)
    return _inside_other_country(gaz, tokens, out, ranges) if len(out) > 1 else out


def _inside_same_country(gaz: PlaceIndex, tokens: list[Token], places: list[PlaceMention],
                         ranges: list[tuple[int, int]],
                         ) -> tuple[list[PlaceMention], list[tuple[int, int]]]:
    """A place the words put inside another of its country ("Kapedo in Tiaty", "the
    Majengo area of Mombasa", "Mombasa's Majengo") is read against that container's province
    (`container.inside_container`): a namesake far off is dropped, the container stands for
    it."""
    drop: set[int] = set()
    for k in range(len(places) - 1):
        between = [t.key for t in tokens[ranges[k][1] : ranges[k + 1][0]]]
        area_word = tokens[ranges[k][1] - 1].key in gaz.cues.district_after
        if between[:1] == ["in"] and all(w in gaz.cues.qualifiers for w in between[1:]):
            inner = k  # "A in (central) B"
        elif between == ["of"] and area_word:
            inner = k  # "the A area of B"
        elif between == ["'s"]:
            inner = k + 1  # "B's A"
        else:
            continue
        outer = k + 1 if inner == k else k
        if inside_container(gaz, places[inner].place, places[outer].place) is None:
            drop.add(inner)
    if not drop:
        return places, ranges
    keep = [n for n in range(len(places)) if n not in drop]
    return [places[n] for n in keep], [ranges[n] for n in keep]


def _after_unknown_place(gaz: PlaceIndex, tokens: list[Token], i: int, free: int) -> bool:
    """Event notes name a village the gazetteer may lack, then the units it lies in: "in
    Kamuto, Bosaso" or "in Kamuto (Bosaso, Bari)". The known unit then stands for the
    unknown place near it: ACLED's geo precision 2, a representative town of the area."""
    j = i - 1
    if j < free or tokens[j].key not in (",", "("):
        return False
    j -= 1
    words = 0
    while j >= free and j >= i - 8 and (
            (tokens[j].is_word and tokens[j].text[:1].isupper()) or tokens[j].key in "-,"):
        words += tokens[j].is_word
        j -= 1
    return words > 0 and j >= 0 and tokens[j].key in gaz.cues.locative


def _in_anchor_country(gaz: PlaceIndex, places: list[PlaceMention], keys: list[str],
                       anchors: set[str]) -> list[tuple[PlaceMention, int]]:
    """A sentence that places itself ("Wote in Makueni county", "Ruhengeri (Musanze,
    Northern Province)") takes its other names in that country: a same-named place there
    wins over one abroad, and a small town abroad the sentence gives no support for is
    dropped ("Nyunzu market ... in Makueni county" is not the Congolese Nyunzu). Countries
    and big cities abroad stay ("fled to Mogadishu"); a province abroad does not ("Trans
    Mara, Narok County" is not Tanzania's Mara region)."""
    out = []
    for n, (m, key) in enumerate(zip(places, keys, strict=True)):
        p = m.place
        if p.iso3 in anchors or p.feature == "country":
            out.append((m, n))
            continue
        here = [x for x in gaz.index.get(key, ()) if gaz.entries[x][ISO3] in anchors]
        if here:
            place = gaz.place(here[0])
            place.geo_precision = max(place.geo_precision, p.geo_precision)
            out.append((PlaceMention(m.span, place, gaz.entries[here[0]][SOURCE], m.near), n))
        elif p.feature == "city" and p.population >= BIG_CITY_POPULATION:
            out.append((m, n))  # a province abroad the sentence does not confirm is a namesake
    return out


def _inside_other_country(gaz: PlaceIndex, tokens: list[Token], places: list[PlaceMention],
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
