"""The sentence's names are read once: what `Gazetteer.scan` keeps, `find_places` resolves
again under the document's countries, with the same places as a fresh read."""

from __future__ import annotations

from coder.stages.places import Gazetteer, PlaceContext
from coder.text.tokens import tokenize

SENTENCES = [
    "Gunmen attacked a bus near Garowe, Puntland, and fled towards Galkayo on Monday.",
    "Farmers in Kitale (Trans Nzoia) marched to the county offices.",
    "Police in Lagos State dispersed a crowd outside the Ikeja court.",
    "No place at all is named in this sentence.",
]


def test_a_scanned_sentence_resolves_as_a_fresh_one() -> None:
    gaz = Gazetteer.load()
    for text in SENTENCES:
        for ctx in (PlaceContext(), PlaceContext(["SOM"], "", "SOM"), PlaceContext(["NGA"])):
            fresh = [(m.place.name, m.place.iso3, m.span.start)
                     for m in gaz.find_places(tokenize(text), text, ctx)]
            tokens = tokenize(text)
            names = gaz.scan(tokens)
            gaz.stated_countries(tokens, names)
            again = [(m.place.name, m.place.iso3, m.span.start)
                     for m in gaz.find_places(tokens, text, ctx)]
            assert again == fresh, text


def test_only_the_very_token_list_scanned_is_trusted() -> None:
    gaz = Gazetteer.load()
    tokens = tokenize("Rebels shelled Goma.")
    gaz.scan(tokens)
    other = tokenize("Rebels shelled Bukavu.")
    gaz.scans[id(other)] = (tokens, gaz.scans[id(tokens)][1])  # a stale id
    found = gaz.find_places(other, "Rebels shelled Bukavu.", PlaceContext())
    assert [m.place.name for m in found] == ["Bukavu"]
