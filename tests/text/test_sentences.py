"""Sentence splitting: gold cases for every abbreviation, quote and line-break rule."""

from __future__ import annotations

import json

import pytest
from locations import TESTS

from coder.models import Document
from coder.text.sentences import document_sentences, split_sentences, splitter_rules

GOLD = TESTS / "gold" / "sentences.jsonl"


def _gold() -> list[dict]:
    with open(GOLD, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.mark.parametrize("case", _gold(), ids=lambda c: c["id"])
def test_gold_sentences(case: dict) -> None:
    text = case["text"]
    got = [text[start:end] for start, end in split_sentences(text)]
    assert got == case["sentences"]


def test_gold_covers_every_abbreviation_kind() -> None:
    texts = " ".join(c["text"] for c in _gold())
    kinds = {"title", "number", "ambiguous"}
    seen = {kind for abbr, kind in splitter_rules().abbreviations.items() if f"{abbr}. " in texts}
    assert seen == kinds
    assert len(_gold()) >= 60


@pytest.mark.parametrize("case", _gold(), ids=lambda c: c["id"])
def test_spans_are_stripped_ordered_and_disjoint(case: dict) -> None:
    text = case["text"]
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


def test_document_sentences_title_first() -> None:
    doc = Document(id="d1", text="Rebels seized Goma. The army withdrew.\n\nTalks resume Friday.",
                   title="  Rebels  take Goma ")
    sentences = document_sentences(doc)
    assert [s.text for s in sentences] == [
        "Rebels take Goma", "Rebels seized Goma.", "The army withdrew.", "Talks resume Friday.",
    ]
    assert [s.index for s in sentences] == [0, 1, 2, 3]
    assert (sentences[0].start, sentences[0].end) == (-1, -1)
    for s in sentences[1:]:
        assert doc.text[s.start:s.end] == s.text
    assert sentences[2].sentence_id == "d1#2"


def test_document_sentences_without_title() -> None:
    doc = Document(id="d2", text="Shelling hit Kharkiv. Two died.")
    sentences = document_sentences(doc)
    assert [(s.index, s.text) for s in sentences] == [
        (0, "Shelling hit Kharkiv."), (1, "Two died."),
    ]


def test_empty_document_has_no_sentences() -> None:
    assert document_sentences(Document(id="e", text="")) == []


def test_inside_number_is_the_separator_between_digit_groups_only() -> None:
    from coder.text.tokens import inside_number, tokenize

    tokens = tokenize("took 2,000 goats, 3 cows and 1.5 tonnes")
    seps = [t.text for i, t in enumerate(tokens) if inside_number(tokens, i)]
    assert seps == [",", "."]  # not the comma after "goats"
