"""Two ethnic names joined before a community noun stand for their identity militias, also with
"ethnic" before the noun (coder/stages/actors/chunks.py, actors/words.csv "community")."""

from __future__ import annotations

from coder.stages.actors import find_actors
from coder.text.tokens import tokenize


def test_two_ethnic_groups_named_with_ethnic_before_the_noun_are_their_militias() -> None:
    text = "Clashes between Dogon and Bambara ethnic groups left six dead near Bandiagara."
    names = [a.actor.name for a in find_actors(tokenize(text), text, None, "MLI")]
    assert names == ["Dogon Ethnic Militia (Mali)", "Bambara Ethnic Militia (Mali)"]


def test_an_unnamed_ethnic_militia_is_named_so_and_a_clan_militia_is_communal() -> None:
    text = "Ethnic militiamen and a clan militia raided two villages."
    names = [a.actor.name for a in find_actors(tokenize(text), text, None, "KEN")]
    assert names == ["Unidentified Ethnic Militia (Kenya)", "Unidentified Communal Militia (Kenya)"]
