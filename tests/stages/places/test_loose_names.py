"""Place names spelled another way than the gazetteer spells them (places/loose.py): words
split or joined, letters doubled or single, matched only among the places of the story's own
country and only after a locative."""

from __future__ import annotations

from coder.stages.places import Gazetteer, PlaceContext
from coder.stages.places.loose import loose_key
from coder.text.tokens import tokenize

KENYA = PlaceContext(["KEN"], "", "KEN")


def _found(text: str, context: PlaceContext) -> list[tuple[str, str]]:
    gaz = Gazetteer.load()
    return [(m.place.name, m.place.admin1)
            for m in gaz.find_places(tokenize(text), text, context)]


def test_the_loose_key_drops_joiners_and_doubled_letters() -> None:
    assert loose_key("maai mahiu") == loose_key("mai mahiu") == "maimahiu"
    assert loose_key("ol moran") == loose_key("olmoran")


def test_a_single_letter_spelling_finds_the_doubled_one() -> None:
    assert _found("A grenade went off in Banisa on Friday.", KENYA) == [
        ("Banissa", "Mandera")]


def test_a_name_split_in_two_words_finds_the_joined_one() -> None:
    assert ("Olmoran", "Laikipia") in _found(
        "Herders clashed with police in Ol Moran on Monday.", KENYA)


def test_a_run_the_gazetteer_holds_in_part_reads_the_whole_run() -> None:
    # "Mai" alone is a key; the whole run is the town spelled "Maai Mahiu"
    assert _found("Workers marched in Mai Mahiu on Tuesday.", KENYA) == [
        ("Maai Mahiu", "Nakuru")]


def test_no_loose_match_without_the_story_country() -> None:
    assert ("Banissa", "Mandera") not in _found("A grenade went off in Banisa on Friday.",
                                                PlaceContext())
