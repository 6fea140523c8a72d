"""Ethiopian rebel fronts ACLED names as actors (actors/organisations.csv)."""

from __future__ import annotations

import pytest

from coder.stages.actors import find_actors
from coder.text.tokens import tokenize


@pytest.mark.parametrize(("text", "name"), [
    ("Oromo Liberation Front fighters ambushed a convoy near Moyale.",
     "OLF: Oromo Liberation Front"),
    ("The ONLF raided a garrison near Degehabur.", "ONLF: Ogaden National Liberation Front"),
])
def test_the_fronts_are_named_groups(text: str, name: str) -> None:
    assert [a.actor.name for a in find_actors(tokenize(text), text, None, "ETH")] == [name]
