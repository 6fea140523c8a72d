"""The command line: exit codes (0 data fine, 1 data problems, 2 usage errors), data only on
stdout, messages on stderr. `code` and `explain` run here against a stand-in pipeline so that
the CLI is tested on its own; test_real_pipeline_codes_the_seed_corpus runs the real one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_support import battle, make_record
from locations import ROOT
from typer.testing import CliRunner

import coder.api as api
import coder.engines as engines
from coder.cli import app
from coder.io.export import read_records, write_records
from coder.io.schema import schema_json
from coder.models import (
    COLUMNS,
    Actor,
    ActorMention,
    CasualtyMention,
    EventMention,
    EventType,
    Rejected,
    Span,
)  # fmt: skip
from coder.problems import EMPTY_TEXT, Problem, ProblemReport

BROKEN = ROOT / "tests" / "fixtures" / "cli_broken.csv"
GOLD = [
    {"gold_id": "chl-march", "layer": "acled", "required": True, "docs": ["cl-001"],
     "event_date": "2019-10-25", "date_tolerance_days": 0, "event_type": ["Protests"]},
    {"gold_id": "chl-appeal", "layer": "cameo", "required": True, "docs": ["cl-001"],
     "event_date": "2019-10-26", "date_tolerance_days": 1, "cameo_root": ["02"],
     "actor1_code": ["CHLGOV"]},
]  # fmt: skip


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replace the engines' code_corpus; returns the calls it received."""
    calls: list[dict[str, Any]] = []

    def code_corpus(inputs: list[str], **kwargs: Any) -> engines.CodingResult:
        calls.append({"inputs": inputs, **kwargs})
        rejected = [Rejected.because(EMPTY_TEXT, f"{i}:3", "x-3") for i in inputs if "bad" in i]
        report: ProblemReport = kwargs["report"]
        for r in rejected:
            report.add(Problem("rejected_document", r.reason, file=r.origin, code=r.code))
        return engines.CodingResult(
            records=[make_record(), battle()], rejected=rejected, n_documents=3, n_sentences=41
        )

    monkeypatch.setattr(engines, "code_corpus", code_corpus)
    return calls


def _inputs(tmp_path: Path, name: str = "news.jsonl") -> str:
    path = tmp_path / name
    path.write_text('{"id": "a", "text": "Troops clashed with rebels."}\n', encoding="utf-8")
    return str(path)


# -------------------------------------------------------------------------------- code


def test_code_writes_output_and_summary(
    runner: CliRunner, tmp_path: Path, fake_pipeline: list[dict[str, Any]]
) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["code", _inputs(tmp_path), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "documents 3  rejected 0  sentences 41  records 2" in result.stderr
    assert "sentences/s" in result.stderr
    assert [row["event_id_cnty"] for _, row in read_records(str(out))] == [
        "CHL7F3A9B21", "MOZ00C41D",
    ]  # fmt: skip
    call = fake_pipeline[0]
    assert (call["merge"], call["jobs"], call["engine"]) == (True, 2, "local")


def test_code_passes_the_known_country(
    runner: CliRunner, tmp_path: Path, fake_pipeline: list[dict[str, Any]]
) -> None:
    out = tmp_path / "out.csv"
    args = ["code", _inputs(tmp_path), "-o", str(out), "--country", "Mali"]
    assert runner.invoke(app, args).exit_code == 0
    assert fake_pipeline[0]["country"] == "Mali"


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_code_output_format_follows_extension(
    runner: CliRunner, tmp_path: Path, suffix: str, fake_pipeline: list[dict[str, Any]]
) -> None:
    out = tmp_path / f"out{suffix}"
    result = runner.invoke(app, ["code", _inputs(tmp_path), "-o", str(out), "--no-merge"])
    assert result.exit_code == 0, result.output
    assert len(list(read_records(str(out)))) == 2
    assert fake_pipeline[0]["merge"] is False


def test_code_to_stdout_is_csv_only(
    runner: CliRunner, tmp_path: Path, fake_pipeline: list[dict[str, Any]]
) -> None:
    result = runner.invoke(app, ["code", _inputs(tmp_path), "-o", "-"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(COLUMNS) and len(lines) == 3
    assert "documents 3" not in result.stdout


def test_code_rejects_exit_1_and_go_to_file(
    runner: CliRunner, tmp_path: Path, fake_pipeline: list[dict[str, Any]]
) -> None:
    rejects = tmp_path / "rejects.jsonl"
    bad = _inputs(tmp_path, "bad.jsonl")
    args = ["code", bad, "-o", str(tmp_path / "o.csv"), "--rejects", str(rejects)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert f"{bad}:3: empty text" in result.stderr
    assert "rejected 1" in result.stderr
    assert json.loads(rejects.read_text("utf-8")) == {
        "origin": f"{bad}:3", "doc_id": "x-3", "reason": "empty text", "code": "empty-text",
    }  # fmt: skip


def test_code_reports_inconsistent_records(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def code_corpus(inputs: list[str], **kwargs: Any) -> engines.CodingResult:
        return engines.CodingResult(records=[battle(year=2020)], n_documents=1, n_sentences=1)

    monkeypatch.setattr(engines, "code_corpus", code_corpus)
    out = tmp_path / "o.csv"
    result = runner.invoke(app, ["code", _inputs(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{out}:2: year: year 2020 differs from event_date's year 2021" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["code", "no/such/dir", "-o", "x.csv"], "no such file or directory: no/such/dir"),
        (["code", "INPUT", "-o", "out.xlsx"], "cannot tell the output format"),
        (["code", "INPUT", "-o", "no/such/dir/o.csv"], "no such directory for the output"),
        (["merge", "INPUT", "-o", "no/such/dir/o.csv"], "no such directory for the output"),
        (["code", "INPUT", "-o", "x.csv", "--engine", "dask"], "install coder[dask]"),
        (["code", "INPUT", "-o", "x.csv", "--engine", "spark"], "'spark' is not one of"),
        (["code", "INPUT", "-o", "x.csv", "--jobs", "0"], "Invalid value for '--jobs'"),
        (["code", "INPUT"], "--output"),
        (["code", "INPUT", "-o", "x.csv", "--frobnicate"], "--frobnicate"),
        (["code", "INPUT", "-o", "x.csv", "--country", "Utopia"], "unknown country: 'Utopia'"),
        (["validate", "missing.csv"], "no such file or directory: missing.csv"),
        (["validate", "INPUT"], "cannot tell the record format"),
        (["merge", "missing.csv", "-o", "m.csv"], "no such file or directory"),
        (["evaluate", "missing.csv", "--gold", "g.jsonl"], "no such file or directory"),
        (["evaluate", "INPUT"], "--gold"),
        (["explain", "Troops fired on protesters.", "--date", "2021-02-30"], "not a date"),
        (["nonsense"], "nonsense"),
    ],
)
def test_usage_errors_exit_2(
    runner: CliRunner,
    tmp_path: Path,
    args: list[str],
    message: str,
    fake_pipeline: list[dict[str, Any]],
) -> None:
    if "--engine" in args and "dask" in args and _has_dask():
        pytest.skip("dask is installed here")
    args = [_inputs(tmp_path, "in.txt") if a == "INPUT" else a for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stdout == ""
    assert fake_pipeline == []


def _has_dask() -> bool:
    import importlib.util

    return importlib.util.find_spec("dask") is not None


# -------------------------------------------------------------------------------- validate


def test_validate_broken_fixture_prints_each_problem_and_exits_1(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(BROKEN)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        f"{BROKEN}:1: source_scale: column missing from the header",
        f"{BROKEN}:2: event_date: '2021-13-45' is not a calendar date",
        f"{BROKEN}:3: fatalities: 'many' is not of type 'integer'",
    ]
    assert lines[3].startswith(f"{BROKEN}:4: event_type: 'Skirmish' is not one of")
    assert len(lines) == 4
    assert "4 problem(s)" in result.stderr


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_validate_good_files_exit_0(runner: CliRunner, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"ok{suffix}"
    write_records([make_record(), battle()], str(path))
    result = runner.invoke(app, ["validate", str(path), str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_validate_reads_stdin(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl"
    write_records([battle()], str(path))
    result = runner.invoke(app, ["validate", "-"], input=path.read_text("utf-8"))
    assert result.exit_code == 0, result.output


def test_validate_unparseable_json_is_a_data_problem(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("[{", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "not valid JSON" in result.stdout


# -------------------------------------------------------------------------------- merge


def test_merge_deduplicates_by_event_id(runner: CliRunner, tmp_path: Path) -> None:
    a, b, out = tmp_path / "a.csv", tmp_path / "b.jsonl", tmp_path / "all.csv"
    write_records([make_record(), battle()], str(a))
    # the protest coded again later (a new timestamp only), the battle with another id, and a
    # conflicting copy of the protest
    again = make_record(timestamp=1700000000)
    write_records([again, battle(event_id_cnty="MOZ99"), make_record(notes="x")], str(b))
    result = runner.invoke(app, ["merge", str(a), str(b), "-o", str(out)])
    assert result.exit_code == 0, result.output
    ids = [row["event_id_cnty"] for _, row in read_records(str(out))]
    assert ids == ["CHL7F3A9B21", "MOZ00C41D", "MOZ99"]
    assert "rows 5  written 3  duplicates 1  conflicting ids 1" in result.stderr
    assert f"{b}:3: event_id_cnty: event_id_cnty already seen" in result.stderr


def test_merge_invalid_rows_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    good, out = tmp_path / "good.csv", tmp_path / "all.jsonl"
    write_records([make_record()], str(good))
    result = runner.invoke(app, ["merge", str(good), str(BROKEN), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{BROKEN}:3: fatalities: 'many' is not of type 'integer'" in result.stderr
    assert len(list(read_records(str(out)))) == 1


# -------------------------------------------------------------------------------- schema


def test_schema_prints_only_the_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == schema_json()
    assert result.stderr == ""


def test_schema_through_the_real_entry_point_pipes_into_json_tool() -> None:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    schema = subprocess.run([sys.executable, "-m", "coder", "schema"], capture_output=True,
                            env=env, cwd=ROOT, check=True)  # fmt: skip
    tool = subprocess.run([sys.executable, "-m", "json.tool"], input=schema.stdout,
                          capture_output=True, check=True)  # fmt: skip
    assert json.loads(tool.stdout)["$id"].endswith("event-record.schema.json")
    assert schema.stderr == b""


# -------------------------------------------------------------------------------- explain


def test_explain_shows_records_rules_and_spans(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Soldiers killed three villagers near Gao on Tuesday."
    seen: dict[str, Any] = {}

    def explain_text(t: str, date: Any = None) -> engines.Explanation:
        seen.update(text=t, date=date)
        mention = EventMention(
            doc_id="text", sentence_index=0, sentence_text=text,
            trigger=Span(9, 15, "killed"),
            kind=EventType("Violence against civilians", "Attack", "180"),
            rule_ids=["events:kill-civilians"],
            actor1=ActorMention(Span(0, 8, "Soldiers"),
                                Actor("Military Forces of Mali (2021-)", "MLIMIL", 1),
                                "words:soldiers"),
            fatalities=[CasualtyMention(Span(9, 21, "killed three"), "killed", 3,
                                        rule_id="casualties:killed-n")],
        )  # fmt: skip
        record = make_record(event_type="Violence against civilians", sub_event_type="Attack")
        return engines.Explanation([record], [mention])

    monkeypatch.setattr(api, "explain_text", explain_text)
    result = runner.invoke(app, ["explain", text, "--date", "2022-06-14"])
    assert result.exit_code == 0, result.output
    assert str(seen["date"]) == "2022-06-14"
    out = result.stdout
    assert "records: 1" in out and "Violence against civilians / Attack" in out
    assert '"killed" @9-15' in out and "events:kill-civilians" in out
    assert '"Soldiers" @0-8 -> Military Forces of Mali (2021-) (MLIMIL)' in out
    assert "[words:soldiers]" in out
    assert 'killed: "killed three" @9-21 -> 3  [casualties:killed-n]' in out


# -------------------------------------------------------------------------------- evaluate


def _gold(tmp_path: Path) -> str:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    return str(path)


def test_evaluate_ends_with_summary_and_applies_floors(runner: CliRunner, tmp_path: Path) -> None:
    records = tmp_path / "r.csv"
    write_records([make_record(), battle()], str(records))
    args = ["evaluate", str(records), "--gold", _gold(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == ("recall 0.500 (1/2)  precision 0.500 (1/2)  f1 0.500")
    result = runner.invoke(app, [*args, "--min-recall", "0.5", "--min-precision", "0.5"])
    assert result.exit_code == 0
    result = runner.invoke(app, [*args, "--min-recall", "0.75"])
    assert result.exit_code == 1
    assert "recall 0.500 is below --min-recall 0.75" in result.stderr
    assert result.output.splitlines()[-1].startswith("recall 0.500")
    result = runner.invoke(app, [*args, "--min-precision", "0.9", "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["precision"] == 0.5


def test_evaluate_floor_out_of_range_is_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    records = tmp_path / "r.csv"
    write_records([make_record()], str(records))
    args = ["evaluate", str(records), "--gold", _gold(tmp_path), "--min-recall", "1.5"]
    assert runner.invoke(app, args).exit_code == 2


# -------------------------------------------------------------------------------- real pipeline


def test_real_pipeline_codes_the_seed_corpus(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "seeds.csv"
    result = runner.invoke(app, ["code", str(ROOT / "corpus"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "documents 5  rejected 0" in result.stderr
    validated = runner.invoke(app, ["validate", str(out)])
    assert validated.exit_code == 0, validated.output
