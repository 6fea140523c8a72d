"""District and compass words after a place name: "Arua North", "Gulu East constituency",
"Lira division" name a unit around that place (geo precision 2); a unit word says the name is
a place but not in which country."""

from __future__ import annotations

from coder.stages.places import Gazetteer, PlaceContext
from coder.text.tokens import tokenize


def _found(text: str, context: PlaceContext) -> list[tuple[str, str, int]]:
    gaz = Gazetteer.load()
    return [(m.place.name, m.place.iso3, m.place.geo_precision)
            for m in gaz.find_places(tokenize(text), text, context)]


def test_a_compass_word_after_a_town_names_a_district_around_it() -> None:
    for ctx in (PlaceContext(), PlaceContext(["UGA"], "", "UGA")):
        assert _found("Voters rioted in Arua Central on Friday.", ctx) == [("Arua", "UGA", 2)]
        assert _found("Supporters clashed in Lira East constituency.", ctx) == [
            ("Lira", "UGA", 2)]


def test_a_compass_word_inside_a_longer_name_is_no_district() -> None:
    # "Port Lira West" is not a district of Lira
    assert _found("Supporters clashed in Port Lira West.", PlaceContext()) == []


def test_new_unit_words_name_the_area_of_a_town() -> None:
    assert _found("Raids hit villages of Gulu division.", PlaceContext(["UGA"])) == [
        ("Gulu", "UGA", 2)]
    assert _found("Police arrested youths in Gulu constituency.", PlaceContext(["UGA"])) == [
        ("Gulu", "UGA", 2)]


def test_a_unit_word_does_not_take_a_known_story_abroad() -> None:
    # a Ugandan story: "Kwanza constituency" is a local unit the gazetteer lacks, not Angola's
    context = PlaceContext(["UGA", "AGO"], "", "UGA")
    assert _found("Farmers protested in Kwanza constituency.", context) == []


def test_a_capitalised_unit_word_that_ends_the_name_still_counts() -> None:
    # event notes capitalise the unit: "Moyale District" is the district around Moyale; a
    # capitalised word after it makes a body's name ("Moyale District Council")
    kenya = PlaceContext(["KEN"], "", "KEN")
    assert _found("Militias clashed at a dam in Moyale District on Friday.", kenya) == [
        ("Moyale", "KEN", 2)]
