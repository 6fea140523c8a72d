"""Which country a bare name is placed in: a town abroad needs the text's support once the
document's country is known, a people is no province, and with nothing to place the story a
real town outweighs a namesake of no known population."""

from __future__ import annotations

from coder.stages.places import Gazetteer, PlaceContext
from coder.text.tokens import tokenize


def _found(text: str, context: PlaceContext) -> list[tuple[str, str]]:
    gaz = Gazetteer.load()
    return [(m.place.name, m.place.iso3) for m in gaz.find_places(tokenize(text), text, context)]


def test_a_town_abroad_needs_the_text_to_support_its_country() -> None:
    # a Tanzanian story: a bare "Eastleigh" is likelier a local place the gazetteer lacks
    # than the English town; a British actor or the country's name supports it
    text = "Gunmen attacked farmers in Eastleigh."
    assert _found(text, PlaceContext(["TZA", "GBR"], "", "TZA")) == []
    supported = PlaceContext(["TZA", "GBR"], "", "TZA", frozenset({"GBR"}))
    assert _found(text, supported) == [("Eastleigh", "GBR")]


def test_a_big_city_abroad_needs_no_support() -> None:
    text = "The minister flew to Mogadishu after the attack."
    assert _found(text, PlaceContext(["TZA"], "", "TZA")) == [("Mogadishu", "SOM")]


def test_a_people_is_no_province_but_its_region_is() -> None:
    context = PlaceContext(["DJI"], "", "DJI")
    assert _found("Police questioned Somali traders at the market.", context) == []
    assert _found("Clashes broke out in the Somali region.", PlaceContext(["ETH"])) == [
        ("Somali", "ETH")]


def test_with_nothing_placing_the_story_a_real_town_outweighs_an_empty_namesake() -> None:
    # "Korem" is a town of some 35,000 people in Ethiopia and a namesake of no known
    # population in Indonesia
    assert _found("Farmers clashed in Korem on Friday.", PlaceContext()) == [("Korem", "ETH")]


def test_another_languages_name_alone_is_no_place() -> None:
    # "Grenade" is a French name of Granada: a sentence opening with the weapon is not there
    assert _found("Grenade attacks killed two guards at the market.", PlaceContext()) == []
    assert _found("Students marched in Granada on Monday.", PlaceContext()) == [
        ("Granada", "ESP")]


def test_a_big_city_by_another_name_needs_support_in_a_known_story() -> None:
    # "Bombay" is another name of Mumbai: in a Ugandan story it takes India's support
    assert _found("Traders protested in Bombay.", PlaceContext(["UGA"], "", "UGA")) == []
    supported = PlaceContext(["UGA", "IND"], "", "UGA", frozenset({"IND"}))
    assert _found("Traders protested in Bombay.", supported) == [("Mumbai", "IND")]


def test_a_place_naming_where_a_group_comes_from_yields_to_the_scene() -> None:
    kenya = PlaceContext(["KEN"], "", "KEN")
    assert _found("Turkana raiders attacked herders at Lokori.", kenya) == [("Lokori", "KEN")]
    # with no other place, or only a country besides, the group's home is the place
    assert _found("Turkana herdsmen protested after raiders from Uganda struck.", kenya)[0] == (
        "Turkana", "KEN")


def test_a_compass_word_after_an_unknown_name_is_no_place_of_its_own() -> None:
    # "Tana North District": the district of a Tana, not Hong Kong's North district
    kenya = PlaceContext(["KEN"], "", "KEN")
    assert _found("Police raided homes in Tana North District on Friday.", kenya) == []


def test_a_province_abroad_needs_the_text_to_support_its_country() -> None:
    # a Kenyan story: "Virginia" begins a woman's name, not the American state
    kenya = PlaceContext(["KEN"], "", "KEN")
    assert _found("Youths rioted in Nakuru after Virginia Wambui was killed.", kenya) == [
        ("Nakuru", "KEN")]
    assert _found("Youths rioted after Virginia Wambui was killed.", kenya) == []


def test_a_compass_word_after_a_locative_begins_a_name() -> None:
    # "In West Pokot county": "In" is no name that "West" would end
    kenya = PlaceContext(["KEN"], "", "KEN")
    assert _found("In West Pokot county, a bandit shot a herder.", kenya) == [
        ("West Pokot", "KEN")]


def test_a_day_or_month_after_a_town_continues_no_name() -> None:
    # "Moyale Monday" is the town and the day, not a longer name of an institution
    kenya = PlaceContext(["KEN"], "", "KEN")
    assert _found("Clashes in Moyale Monday injured five people.", kenya) == [("Moyale", "KEN")]
