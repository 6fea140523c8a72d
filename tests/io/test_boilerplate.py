"""Boilerplate removal: every rule fires on its examples and on no news sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from locations import ROOT, TESTS

from coder.dictionaries.files import (
    DictionaryError,
    add_user_directory,
    read_jsonl_models,
    remove_user_directories,
)
from coder.io.boilerplate import (
    BOILERPLATE_FILE,
    BoilerplateRule,
    clean_text,
    is_boilerplate_line,
    matching_rule,
)

GOLD = TESTS / "gold" / "boilerplate.jsonl"
SEEDS = ROOT / "corpus"


def _gold() -> list[dict]:
    with open(GOLD, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.mark.parametrize("case", _gold(), ids=lambda c: c["id"])
def test_gold_lines(case: dict) -> None:
    assert matching_rule(case["line"]) == case["rule"]
    assert is_boilerplate_line(case["line"]) is bool(case["rule"])


def test_every_line_rule_has_a_gold_example() -> None:
    rules = read_jsonl_models(BOILERPLATE_FILE, BoilerplateRule)
    covered = {case["rule"] for case in _gold()}
    missing = {r.id for r in rules if r.scope == "line"} - covered
    assert not missing


def test_clean_text_drops_boilerplate_lines_and_keeps_paragraphs() -> None:
    raw = (
        "By Amina Yusuf\n\n"
        "Gunmen killed five villagers in Zamfara state on Tuesday, police said.\n\n"
        "Advertisement\n\n"
        "The attackers fled on motorcycles.\n"
        "Residents buried the dead on Wednesday.\n\n"
        "Leave a Reply\n"
        "Your email address will not be published. Required fields are marked *\n"
        "7 + 2 =\n"
    )
    assert clean_text(raw) == (
        "Gunmen killed five villagers in Zamfara state on Tuesday, police said.\n\n"
        "The attackers fled on motorcycles.\n"
        "Residents buried the dead on Wednesday."
    )


def test_caption_credit_after_caption() -> None:
    raw = (
        "Firefighters work at the scene of a blast in Kabul, Sunday, May 8, 2022.\n"
        "Ministry of Interior via Associated Press\n\n"
        "The Taliban said the blast killed two guards."
    )
    assert clean_text(raw) == (
        "Firefighters work at the scene of a blast in Kabul, Sunday, May 8, 2022.\n\n"
        "The Taliban said the blast killed two guards."
    )


def test_fragments_inside_a_paragraph() -> None:
    raw = "Troops entered the town. ADVERTISEMENT The curfew began at six."
    assert clean_text(raw) == "Troops entered the town. The curfew began at six."
    raw = "Police fired on the crowd. Advertisement The curfew began at six."
    assert clean_text(raw) == "Police fired on the crowd. The curfew began at six."
    raw = "Protests spread to Cusco (click here to read our live coverage). Roads were blocked."
    assert clean_text(raw) == "Protests spread to Cusco . Roads were blocked." or clean_text(
        raw) == "Protests spread to Cusco. Roads were blocked."


def test_whitespace_is_normalised() -> None:
    raw = "\ufeffSoldiers\u00a0\u00a0 fired\tshots in\u200b Bamako.\r\n\r\n\r\n\r\nThree  died.  "
    assert clean_text(raw) == "Soldiers fired shots in Bamako.\n\nThree died."


def test_persian_joiners_are_kept() -> None:
    text = (
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 "
        "\u0628\u0631\u0648\u0645 \u062a\u0647\u0631\u0627\u0646"
    )
    assert clean_text(text) == text


def test_hard_wrapped_lines_are_joined() -> None:
    raw = (
        "Rebels attacked the convoy near\nthe border with Chad, officials\nin N'Djamena said,\n"
        "Friday."
    )
    assert clean_text(raw) == (
        "Rebels attacked the convoy near the border with Chad, officials in N'Djamena said, Friday."
    )


def test_wrapped_line_before_a_capital_stays_a_line() -> None:
    # conservative: "in\nN'Djamena" could be a headline followed by a sentence; a line break
    # ends a sentence, so at worst one sentence is cut in two
    raw = "Clashes near the border\nN'Djamena said on Friday that rebels attacked."
    assert clean_text(raw) == raw


def test_headline_line_is_not_joined_to_the_body() -> None:
    raw = "Bomb kills four in Peshawar\nA bomb exploded in a market on Friday."
    assert clean_text(raw) == raw


def test_news_sentences_survive_in_the_seed_corpus() -> None:
    # property over every seed: cleaning removes only whole lines that a rule names, and never
    # a line that ends a sentence with a period and has more than 12 words
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        cleaned = clean_text(raw)
        kept = set(cleaned.split("\n"))
        for line in (" ".join(x.split()) for x in raw.split("\n")):
            if not line or line in kept:
                continue
            assert matching_rule(line), f"{path.name}: dropped without a rule: {line!r}"
            assert not (line.endswith(".") and line.count(" ") >= 12 and "contributor" not in line)


def test_broken_user_rule_is_reported(tmp_path: Path) -> None:
    bad = {"id": "x", "scope": "line", "pattern": "(unclosed", "max_words": 3}
    (tmp_path / BOILERPLATE_FILE).write_text(json.dumps(bad) + "\n")
    add_user_directory(tmp_path)
    try:
        with pytest.raises(DictionaryError, match="invalid regular expression") as err:
            read_jsonl_models(BOILERPLATE_FILE, BoilerplateRule)
        assert [p.code for p in err.value.problems] == ["bad-dictionary"]
    finally:
        remove_user_directories()
