"""What the words around a name say is read once per scanned sentence and name, and the places
resolved from it are those of a fresh read, under each context in turn, however often."""

from __future__ import annotations

from coder.stages.places import Gazetteer, PlaceContext
from coder.text.tokens import tokenize

SENTENCES = [
    "Herders clashed in Luanda constituency and near Narok South on Sunday.",
    "A bomb went off in Tripoli, Lebanon, and in Kirkuk province.",
    "Traders in Sankuri (Lamu county) and in Mafa town (Mafa, Borno) closed their shops.",
    "Students of Webuye High School marched to Bungoma town.",
]
CONTEXTS = [PlaceContext(), PlaceContext(["KEN"], "", "KEN"), PlaceContext(["NGA", "KEN"]),
            PlaceContext(["KEN"], "", "KEN", frozenset({"LBN"}))]


def _read(gaz: Gazetteer, tokens: list, text: str, ctx: PlaceContext) -> list[tuple]:
    return [(m.place.name, m.place.iso3, m.place.admin1, m.place.geo_precision, m.span.start,
             m.span.end, m.near) for m in gaz.find_places(tokens, text, ctx)]


def test_places_read_with_the_memo_are_those_of_a_fresh_read() -> None:
    gaz = Gazetteer.load()
    for text in SENTENCES:
        fresh = [_read(gaz, tokenize(text), text, ctx) for ctx in CONTEXTS]
        tokens = tokenize(text)
        gaz.stated_countries(tokens, gaz.scan(tokens))
        assert gaz.scans[id(tokens)][2], text  # the stated pass left what it read
        for order in (CONTEXTS, CONTEXTS[::-1], CONTEXTS):
            got = {id(ctx): _read(gaz, tokens, text, ctx) for ctx in order}
            assert [got[id(ctx)] for ctx in CONTEXTS] == fresh, text
    gaz.scans.clear()
