"""Casualty figures: gold cases from tests/gold/casualties.jsonl, plus spans and victims."""

from __future__ import annotations

import json

import pytest
from locations import TESTS

from coder.stages.casualties import find_casualties
from coder.text.tokens import tokenize

GOLD = [json.loads(line) for line in (TESTS / "gold" / "casualties.jsonl")
        .read_text().splitlines() if line.strip()]


def _summary(text: str) -> list[dict]:
    out = []
    for m in find_casualties(text):
        d: dict = {"kind": m.kind, "value": m.value}
        if m.high is not None:
            d["high"] = m.high
        if m.cumulative:
            d["cumulative"] = True
        if m.vague:
            d["vague"] = True
        out.append(d)
    return out


@pytest.mark.parametrize("case", GOLD, ids=[c["id"] for c in GOLD])
def test_gold_casualties(case: dict) -> None:
    assert _summary(case["text"]) == case["expect"]


def test_tokens_given_or_not_agree() -> None:
    text = "Two soldiers were killed and three wounded in an ambush near Gao."
    assert _summary(text) == [{"kind": "killed", "value": 2}, {"kind": "injured", "value": 3}]
    with_tokens = find_casualties(text, tokenize(text))
    assert [(m.kind, m.value, m.span) for m in with_tokens] == [
        (m.kind, m.value, m.span) for m in find_casualties(text)]


def test_span_and_victims() -> None:
    text = "Seven of his security guards were wounded in Kirkuk."
    (m,) = find_casualties(text)
    expected = "Seven of his security guards were wounded"
    assert text[m.span.start:m.span.end] == m.span.text == expected
    assert m.victims == "security guards"
    assert m.rule_id == "casualties:wounded"


def test_victims_after_active_verb() -> None:
    (m,) = find_casualties("Police shot dead two young protesters in Yangon on Saturday.")
    assert (m.kind, m.value, m.victims) == ("killed", 2, "young protesters")


def test_no_casualty_words_no_mentions() -> None:
    text = "Opposition leaders met the envoy to discuss the election timetable."
    assert find_casualties(text) == []
