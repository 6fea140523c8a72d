"""A coder's note that names the place whose coordinates stand for the event ("(coordinates for
X used)", "coded as X") says which of the note's places is the event's, even when the event
sentence names another place with a preposition (own invented sentences)."""

from __future__ import annotations

import pytest

from coder.engines.local import explain_text


def _locations(text: str) -> list[str]:
    return [r.location for r in explain_text(text).records if r.event_type]


@pytest.mark.parametrize("text", [
    "Bandits shot dead two herders in an unnamed village of Marsabit county (coordinates for "
    "Moyale used).",
    "Traders protested in a market of Marsabit county (location coded as Moyale).",
])
def test_the_place_a_coder_says_it_uses_is_the_events(text: str) -> None:
    assert _locations(text) == ["Moyale"]


def test_a_place_named_without_the_note_is_not_preferred() -> None:
    assert "Moyale" not in _locations("Traders protested in Marsabit county, far from Moyale.")
