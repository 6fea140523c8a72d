"""Function words in token plumbing live in the stages' word-set data files, not in Python
(STYLE.md: no rule literals in Python): "of", "the", "and", "from", "by", "government",
"dozen" that the actors, places, casualties, events and number readers test tokens against
are rows of actors/words.csv, place_cues.csv, casualties/function_words.csv, events/words.csv and
numbers.csv."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from coder.stages.actors.dictionary import ActorDictionary
from coder.stages.casualties.rules import rules
from coder.stages.events.analysis import event_words
from coder.stages.places.cues import place_cues
from coder.text.numbers import _tables, find_numbers
from coder.text.tokens import tokenize

ROOT = Path(__file__).resolve().parents[1] / "coder"
MODULES = [
    "stages/actors/chunks.py", "stages/places/match.py", "stages/places/resolve.py",
    "stages/casualties/attach.py", "stages/casualties/phrases.py", "text/numbers.py",
    "stages/events/forces.py",
]


def _is_key(node: ast.AST) -> bool:
    """`key`, `x.key` or `keys[i]`: a token key."""
    if isinstance(node, ast.Subscript):
        node = node.value
    return (isinstance(node, ast.Name) and node.id in ("key", "keys")) or (
        isinstance(node, ast.Attribute) and node.attr == "key")


def _words(node: ast.AST) -> list[str]:
    """The lower-case words written as string constants in `node` (itself or a tuple of them)."""
    items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return [e.value for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str)
            and e.value.isalpha() and e.value.islower()]


def _word_comparisons(path: Path) -> list[str]:
    """Every comparison of a token key with a word written in Python, as "line: word"."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare) and _is_key(node.left):
            for comp in node.comparators:
                found += [f"{node.lineno}: {w}" for w in _words(comp)]
    return found


@pytest.mark.parametrize("module", MODULES)
def test_no_token_key_is_compared_with_a_word_literal(module: str) -> None:
    assert _word_comparisons(ROOT / module) == []


def test_actor_word_sets_hold_the_linking_words() -> None:
    words = ActorDictionary.load().words
    assert words["of-link"] == {"of"}
    assert words["definite"] == {"the"}


def test_place_cues_hold_the_linking_words() -> None:
    cues = place_cues()
    assert (cues.name_join, cues.origin_before) == ({"and"}, {"from"})
    assert (cues.noun_link, cues.article) == ({"of"}, {"the"})


def test_casualty_roles_hold_the_linking_words() -> None:
    roles = rules().roles
    assert roles["coordinator"] == {"and"}
    assert roles["list_joint"] == {"and", ","}
    assert roles["of_link"] == {"of"}
    assert roles["definite"] == {"the"}
    assert roles["victim_lead"] == {"of", "other"}


def test_event_word_sets_hold_the_weapon_words() -> None:
    words = event_words()
    assert words.state_weapon_owner == {"government"}
    assert words.passive_agent == {"by"}


def test_number_joiner_is_data_and_joins_only_after_hundreds() -> None:
    assert (_tables().joiners, _tables().lone_multipliers) == ({"and"}, {"dozen"})
    [big] = find_numbers(tokenize("some three hundred and twelve sheep"))
    assert big.value == 312
    small = find_numbers(tokenize("two and four goats"))
    assert [n.value for n in small] == [2, 4]
    assert [n.value for n in find_numbers(tokenize("dozen goats were taken"))] == [12]
    assert find_numbers(tokenize("hundred goats were taken")) == []
