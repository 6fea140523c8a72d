"""Dictionary tooling: user dictionary directories, validation errors, rule coverage, floors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from locations import ROOT
from typer.testing import CliRunner

from coder.api import explain_text
from coder.cli import app
from coder.dictionaries.files import DictionaryError, add_user_directory, remove_user_directories
from coder.dictionaries.rules import load_rules

runner = CliRunner()


@pytest.fixture()
def user_dir(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "events").mkdir()
    yield tmp_path
    remove_user_directories()


def test_a_user_trigger_extends_the_packaged_rules(user_dir: Path) -> None:
    text = "Pirates commandeered a cargo ship off Eyl on Monday."
    assert not [r for r in explain_text(text).records if r.event_type]
    (user_dir / "events" / "triggers.jsonl").write_text(json.dumps(
        {"id": "user.hijack", "concept": "abduct", "pos": "verb", "phrases": ["{commandeer}"]}
    ) + "\n", encoding="utf-8")
    add_user_directory(user_dir)
    records = [r for r in explain_text(text).records if r.event_type]
    assert records and records[0].sub_event_type == "Abduction/forced disappearance"
    assert "user.hijack" in records[0].rule_ids


def test_a_broken_user_entry_is_reported_with_file_and_line(user_dir: Path) -> None:
    (user_dir / "events" / "triggers.jsonl").write_text(
        '{"id": "user.ok", "concept": "abduct", "pos": "verb", "phrases": ["{snatch}"]}\n'
        '{"id": "user.bad", "concept": "abduct", "pos": "adverb", "phrases": []}\n',
        encoding="utf-8",
    )
    add_user_directory(user_dir)
    with pytest.raises(DictionaryError) as err:
        load_rules()
    lines = str(err.value).splitlines()
    assert any(line.endswith("triggers.jsonl:2: pos: Input should be 'verb' or 'noun'")
               for line in lines), lines
    assert any(":2: phrases:" in line for line in lines), lines
    assert {p.code for p in err.value.problems} == {"bad-dictionary"}


def test_the_cli_reads_a_dictionary_directory_and_exits_2_on_a_broken_one(
    user_dir: Path,
) -> None:
    (user_dir / "events" / "triggers.jsonl").write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["--dictionaries", str(user_dir), "explain", "Police fired."])
    assert result.exit_code == 2
    assert "triggers.jsonl:1: invalid JSON" in result.output


def test_coverage_lists_rules_that_never_fired() -> None:
    result = runner.invoke(app, ["coverage", str(ROOT / "examples" / "mogadishu.jsonl")])
    assert result.exit_code == 0
    assert "events/triggers.jsonl:" in result.output
    never = result.output.split("events/triggers.jsonl:")[1].split("events/weapons.csv")[0]
    assert "bombing.noun" not in never  # it fired on the car bomb reports
    assert "chemical.noun" in never


def test_evaluate_field_floors(tmp_path: Path) -> None:
    records = tmp_path / "seeds.csv"
    runner.invoke(app, ["code", str(ROOT / "corpus"), "-o", str(records)])
    gold = str(ROOT.parent / "shared" / "gold" / "seeds.gold.jsonl")
    if not Path(gold).exists():
        pytest.skip("the shared seed gold is not beside this checkout")
    ok = runner.invoke(app, ["evaluate", str(records), "--gold", gold,
                             "--min-field", "event_type=0.9"])
    assert ok.exit_code == 0, ok.output
    assert "actor_pair" in ok.output
    high = runner.invoke(app, ["evaluate", str(records), "--gold", gold,
                               "--min-field", "actor_pair=1.01"])
    assert high.exit_code == 1
    bad = runner.invoke(app, ["evaluate", str(records), "--gold", gold, "--min-field", "x"])
    assert bad.exit_code == 2
