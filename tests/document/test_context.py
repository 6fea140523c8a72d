"""What a document's sentences share: the country it is known to be about, and the date and
place its early sentences state for the events of its later ones."""

from __future__ import annotations

import datetime as dt

from coder.document.coding import code_document
from coder.document.context import with_known_country
from coder.models import Document
from coder.stages.places import PlaceContext


def _doc(text: str, country: str = "") -> Document:
    return Document(id="d", text=text, published=dt.date(2022, 6, 30),
                    published_source="metadata", country=country)


def test_the_known_country_heads_the_documents_countries() -> None:
    context = PlaceContext(["SOM", "KEN"], "MOGADISHU")
    assert with_known_country(context, "KEN").countries == ["KEN", "SOM"]
    assert with_known_country(context, "ETH").countries == ["ETH", "SOM", "KEN"]
    assert with_known_country(context, "") is context


def test_a_known_country_places_the_town_and_names_the_unnamed_sides() -> None:
    # Busia lies on both sides of the Kenya-Uganda border: only the known country says which
    text = "Unknown attackers shot dead a shopkeeper in Busia on Sunday."
    for iso, admin1 in (("KEN", "Busia"), ("UGA", "Eastern")):
        coded = code_document(_doc(text, iso))
        ev = coded.events[0]
        assert coded.context.countries[0] == iso and ev.country == iso
        assert ev.mention.place is not None and ev.mention.place.place.admin1 == admin1
        assert ev.mention.actor1 is not None and ev.mention.actor1.actor.country == iso


def test_without_a_known_country_nothing_names_the_unplaced_crowd() -> None:
    coded = code_document(_doc("Traders protested against new market fees on Monday."))
    assert coded.context.countries == [] and coded.events[0].country == ""
    coded = code_document(_doc("Traders protested against new market fees on Monday.", "TZA"))
    assert coded.events[0].country == "TZA"
