"""What a document's sentences share: the country it is known to be about, and the date and
place its early sentences state for the events of its later ones."""

from __future__ import annotations

import datetime as dt

from coder.dictionaries.taxonomy import SUB
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


def _dates_and_places(text: str) -> dict[str, tuple[dt.date | None, str]]:
    from coder.document.model import resolve_event_date

    coded = code_document(_doc(text, "KEN"))
    out = {}
    for ev in coded.events:
        resolved = resolve_event_date(ev, coded.anchor)
        place = ev.mention.place.place.name if ev.mention.place else ""
        out[ev.kind.sub_event_type or ev.family] = (resolved.date if resolved else None, place)
    return out


def test_an_early_date_and_place_apply_to_later_events_that_state_none() -> None:
    found = _dates_and_places("On 4 May 2022, a mob beat a suspected thief to death in Kisumu. "
                              "Later, police arrested three men over the killing.")
    assert found[SUB.arrests] == (dt.date(2022, 5, 4), "Kisumu")
    assert found[SUB.mob_violence] == (dt.date(2022, 5, 4), "Kisumu")


def test_a_later_event_keeps_the_date_it_states() -> None:
    found = _dates_and_places("On 4 May 2022, a mob beat a suspected thief to death in Kisumu. "
                              "On 9 May, police arrested three men in Nakuru over the killing.")
    assert found[SUB.arrests] == (dt.date(2022, 5, 9), "Nakuru")


def test_a_date_opening_the_text_alone_dates_its_events() -> None:
    # "14 May." is a sentence of its own: no event in it, but it dates the note
    found = _dates_and_places("14 May. Boda boda riders protested in Voi against new fees.")
    assert found[SUB.peaceful_protest] == (dt.date(2022, 5, 14), "Voi")


def test_the_story_is_where_its_places_are_not_where_its_actors_come_from() -> None:
    # the attackers' home country is named (a demonym) but the place, confirmed by its unit
    # word, is in the neighbouring country
    coded = code_document(_doc("Somali gunmen ambushed a police patrol near Ijara in Garissa "
                               "county on Sunday, killing two officers."))
    assert coded.context.countries[:2] == ["KEN", "SOM"]
    ev = coded.events[0]
    assert ev.mention.place is not None and ev.mention.place.place.iso3 == "KEN"
    coded = code_document(_doc("Cameroonian soldiers shot dead three herders near Mubi, "
                               "Adamawa State, on Friday."))
    assert coded.context.countries[0] == "NGA"


def test_a_country_the_text_names_outranks_a_namesake_town_abroad() -> None:
    coded = code_document(_doc("Farmers marched in Lexington on Monday as protests over "
                               "maize prices spread across Kenya."))
    assert coded.context.countries[0] == "KEN"


def test_a_known_country_is_confirmed_for_every_sentence() -> None:
    context = with_known_country(PlaceContext(["SOM"]), "KEN")
    assert context.confirmed == "KEN"
    assert PlaceContext(["KEN"]).confirmed == ""
