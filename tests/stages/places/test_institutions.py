"""A town named only in an institution's or office's name ("Arua High School", "the Gulu
Governor") locates the event when the sentence names no other place."""

from __future__ import annotations

from coder.stages.places import Gazetteer, PlaceContext
from coder.text.tokens import tokenize


def _found(text: str, context: PlaceContext) -> list[str]:
    gaz = Gazetteer.load()
    return [m.place.name for m in gaz.find_places(tokenize(text), text, context)]


def test_an_institution_named_after_a_town_places_the_event_there() -> None:
    for ctx in (PlaceContext(), PlaceContext(["UGA"], "", "UGA")):
        assert _found("Students of Bugiri High School rioted over fees.", ctx) == ["Bugiri"]
        assert _found("Traders pelted the Bugiri Governor with mud.", ctx) == ["Bugiri"]


def test_another_place_in_the_sentence_wins_over_the_institutions_town() -> None:
    text = "Students of Bugiri High School rioted in Gulu over fees."
    assert _found(text, PlaceContext(["UGA"], "", "UGA")) == ["Gulu"]


def test_the_institutions_own_words_are_no_place() -> None:
    # "Law" is also a Scottish town: the words of "Bugiri Law Courts" belong to the court
    assert _found("Lawyers marched to the Bugiri Law Courts.", PlaceContext()) == ["Bugiri"]


def test_inside_a_longer_name_the_institution_names_no_town() -> None:
    # "Lake Bugiri University" (an invented name) is not Bugiri's university
    assert _found("Students of Lake Bugiri University protested.", PlaceContext()) == []



def test_a_road_named_after_two_towns_is_at_the_first() -> None:
    # "the Gilgil-Nyahururu road": the second town only names where the road goes
    kenya = PlaceContext(["KEN"], "", "KEN")
    assert _found("Protesters blocked the Gilgil-Nyahururu road on Monday.", kenya) == [
        "Gilgil"]
    # two towns joined by "and" are two places
    assert _found("Police clashed with youths in Gilgil and Nyahururu.", kenya) == [
        "Gilgil", "Nyahururu"]
