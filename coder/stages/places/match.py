"""Finding place names in a tokenised sentence.

The work per sentence is one dict probe per capitalised token; everything else runs only on a
hit: the longest indexed name is read by the shared phrase scan (`PlaceIndex.phrases`, see
`coder.text.phrases`), and `resolve.resolve` chooses which place it means.
"""

from __future__ import annotations

from coder.models import PlaceMention
from coder.stages.places.entries import PlaceContext, PlaceIndex
from coder.stages.places.resolve import resolve
from coder.text.tokens import Token

__all__ = ["PlaceContext", "match_places"]


def _glued_article(gaz: PlaceIndex, tokens: list[Token], i: int) -> bool:
    """True for a lower-case article glued to a capitalised word ("al-Hol", "el-Fasher")."""
    return (
        tokens[i].key in gaz.cues.articles
        and i + 2 < len(tokens)
        and tokens[i + 1].key == "-"
        and tokens[i + 1].start == tokens[i].end
        and tokens[i + 2].text[:1].isupper()
    )


def match_places(gaz: PlaceIndex, tokens: list[Token], context: PlaceContext) -> list[PlaceMention]:
    """Every place named in the sentence, resolved against the document's context."""
    first, recent = gaz.first, gaz.recent_first
    articles = gaz.cues.articles
    longest_at = gaz.phrases.longest_at
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
            end, key = longest_at(tokens, i, longest, alone)
        # a one-word name must be capitalised; longer listed names may end in a lower-case
        # noun ("Kabul airport", "Zamzam camp")
        if not key or key in articles:  # "al-Qaeda": an article alone is no place ("Ål")
            i += 1
            continue
        found = resolve(gaz, tokens, i, end, key, context)
        if found is None:
            i += 1
            continue
        mention, resume = found
        out.append(mention)
        ranges.append((i, resume))
        i = resume
    return _inside_other_country(gaz, tokens, out, ranges) if len(out) > 1 else out


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
