"""A place that names an office's seat or a person's home ("the Kisumu governor", "MP for
Gilgil", "a resident of Voi") yields to any other place of the sentence that is no country."""

from __future__ import annotations

from coder.stages.places import Gazetteer, PlaceContext
from coder.text.tokens import tokenize

KENYA = PlaceContext(["KEN"], "", "KEN")


def _found(text: str) -> list[str]:
    gaz = Gazetteer.load()
    return [m.place.name for m in gaz.find_places(tokenize(text), text, KENYA)]


def test_an_office_named_before_the_place_yields_to_the_scene() -> None:
    # "governor of Kisumu" names his office, the shooting was in Voi
    text = "Gunmen shot the deputy governor of Kisumu near his home in Voi (Taita Taveta)."
    assert _found(text) == ["Voi"]
    assert _found("Youths stoned the car of the MP for Gilgil in Nakuru town.") == ["Nakuru"]


def test_an_office_named_after_the_place_yields_even_when_the_town_is_big() -> None:
    text = "Supporters of the Mombasa governor blocked a road in Voi on Monday."
    assert _found(text) == ["Voi"]
    text = "Wajir county commissioner said bandits raided a village in Tarbaj constituency."
    assert _found(text) == ["Tarbaj"]


def test_a_persons_home_yields_to_the_place_of_the_attack() -> None:
    assert _found("A resident of Voi was stabbed in Mombasa on Sunday.") == ["Mombasa"]
    # the plural names the crowd's own place, which is the scene
    assert _found("Residents of Voi protested in the town.") == ["Voi"]


def test_the_office_place_stays_when_the_sentence_names_no_other() -> None:
    assert _found("Youths pelted the Kakamega senator with stones.") == ["Kakamega"]
    # a country inside a party's name is no other place
    text = "Lawyers marched to the Kerugoya Law Courts to mock a Narc-Kenya leader."
    assert "Kerugoya" in _found(text)
