"""The scene a text sets: an event that names no place of its own takes the place of the
nearest sentence before it that names one, else of the nearest after it."""

from __future__ import annotations

import datetime as dt

from coder.dictionaries.taxonomy import SUB
from coder.document.coding import code_document
from coder.models import Document


def _places(text: str) -> dict[str, str]:
    coded = code_document(Document(id="d", text=text, published=dt.date(2021, 3, 1),
                                   published_source="metadata", country="UGA"))
    return {ev.kind.sub_event_type or ev.family:
            ev.mention.place.place.name if ev.mention.place else "" for ev in coded.events}


def test_an_event_before_the_only_named_place_takes_it() -> None:
    found = _places("Hundreds of traders protested against new market fees on Monday. "
                    "Police later arrested twelve traders in Mbale.")
    assert found[SUB.arrests] == "Mbale"
    assert found[SUB.protest_with_intervention] == "Mbale"


def test_an_earlier_place_still_wins_over_a_later_one() -> None:
    found = _places("A mob beat a suspected thief to death in Mbale on Monday. "
                    "A protest followed on Tuesday. Police in Jinja arrested twelve people.")
    assert found[SUB.mob_violence] == "Mbale"
    assert found[SUB.arrests] == "Jinja"
    assert found.get(SUB.peaceful_protest, "Mbale") == "Mbale"


def test_a_place_in_a_sentence_with_no_event_sets_the_scene_of_the_event_beside_it() -> None:
    found = _places("Gunmen shot dead two herders at a watering point on Sunday. "
                    "The watering point is outside Kitgum town.")
    assert found[SUB.attack] == "Kitgum"


def test_a_place_far_from_every_event_sets_no_scene() -> None:
    filler = " ".join(f"Farmers planted maize in season {n}." for n in range(6))
    found = _places("Gunmen shot dead two herders at a watering point on Sunday. "
                    f"{filler} The cooperative opened an office in Kitgum.")
    assert found[SUB.attack] == ""


def test_a_sentence_between_that_names_no_place_passes_the_scene_on() -> None:
    found = _places("The watering point is outside Kitgum town. Herders gathered there. "
                    "Gunmen shot dead two herders at the watering point on Sunday.")
    assert found[SUB.attack] == "Kitgum"


def test_scenes_read_on_demand_give_the_nearest_place_of_all() -> None:
    """`_scene_near` reads waiting sentences only as needed, and finds what the nearest
    sentence naming a place would be with every sentence read first."""
    import random
    from types import SimpleNamespace
    from typing import Any, cast

    from coder.document.context import _scene_near

    rng = random.Random(5)
    for _ in range(500):
        indexes = rng.sample(range(20), rng.randint(0, 12))
        known = {i: f"event{i}" for i in indexes if rng.random() < 0.4}
        scenes = {i: SimpleNamespace(places=[f"scene{i}"] if rng.random() < 0.5 else [],
                                     read=False) for i in indexes if rng.random() < 0.5}
        every = dict(known)
        for i, sa in scenes.items():
            if sa.places:
                every.setdefault(i, sa.places[0])
        index, after = rng.randrange(20), rng.random() < 0.5
        side = [i for i in every if (i > index if after else i < index)]
        expected = every[min(side) if after else max(side)] if side else None

        def read(sa: Any) -> None:
            assert not sa.read  # each waiting sentence is read once
            sa.read = True

        places = cast(dict[int, Any], dict(known))
        waiting = cast(dict[int, Any], dict(scenes))
        assert _scene_near(places, waiting, read, index, after) == expected
