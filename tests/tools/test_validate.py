"""Validation of record rows: JSON Schema, CSV cell conversion and cross-field consistency.

The row cases are data (tests/gold/validate_rows.jsonl): a base record, the cells changed, and
the problems expected as "column: message" prefixes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import battle, make_record
from locations import TESTS

from coder.dictionaries.taxonomy import taxonomy
from coder.io.export import csv_cells, write_records
from coder.models import COLUMNS
from coder.problems import CODES
from coder.tools.validate import (
    check_records,
    interaction_label,
    row_problems,
    validate_file,
)

HERE = TESTS
CASES = [
    json.loads(x)
    for x in (HERE / "gold" / "validate_rows.jsonl").read_text("utf-8").splitlines()
    if x.strip()
]
BASES = {"protest": make_record, "battle": battle}


def _row(case: dict[str, Any]) -> dict[str, Any]:
    record = BASES[case["base"]]()
    if case["format"] == "csv":
        row: dict[str, Any] = dict(zip(COLUMNS, csv_cells(record), strict=True))
    else:
        row = record.model_dump(mode="json")
    for name in case.get("drop", []):
        del row[name]
    return row | case["set"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_row_case(case: dict[str, Any]) -> None:
    problems = row_problems(_row(case), "f.csv", 2, coerce=case["format"] == "csv")
    got = [f"{p.column}: {p.message}" for p in problems]
    assert len(got) == len(case["expect"]), got
    for expected in case["expect"]:
        assert any(g.startswith(expected) for g in got), (expected, got)
    assert all(str(p).startswith("f.csv:2: ") for p in problems)
    assert all(p.code in CODES for p in problems), [p.code for p in problems]


def test_broken_fixture_reports_every_problem_in_place() -> None:
    path = str(HERE / "fixtures" / "cli_broken.csv")
    problems = validate_file(path)
    assert [p.code for p in problems] == [
        "missing-column", "bad-date", "invalid-value", "invalid-value",
    ]  # fmt: skip
    got = [str(p) for p in problems]
    assert got == [
        f"{path}:1: source_scale: column missing from the header",
        f"{path}:2: event_date: '2021-13-45' is not a calendar date",
        f"{path}:3: fatalities: 'many' is not of type 'integer'",
        got[3],
    ]
    assert got[3].startswith(f"{path}:4: event_type: 'Skirmish' is not one of")


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_files_the_coder_writes_are_valid(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"ok{suffix}"
    write_records([make_record(), battle()], str(out))
    assert validate_file(str(out)) == []


def test_json_array_and_bad_lines(tmp_path: Path) -> None:
    array = tmp_path / "r.json"
    array.write_text(json.dumps([battle().model_dump(mode="json"), 7]), encoding="utf-8")
    problems = validate_file(str(array))
    assert [(p.file, p.row, p.code) for p in problems] == [(str(array), 2, "not-an-object")]
    lines = tmp_path / "r.jsonl"
    lines.write_text(json.dumps(battle().model_dump(mode="json")) + "\n{oops\n", "utf-8")
    (problem,) = validate_file(str(lines))
    assert problem.row == 2 and problem.code == "invalid-json"


def test_extra_cells_beyond_the_header(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    write_records([battle()], str(out))
    text = out.read_text(encoding="utf-8").rstrip("\n") + ",surplus\n"
    out.write_text(text, encoding="utf-8")
    (problem,) = validate_file(str(out))
    assert problem.row == 2 and problem.code == "extra-cells" and problem.value == "['surplus']"


def test_interaction_labels_cover_every_pair() -> None:
    labels = list(taxonomy().inter_labels.values())
    assert interaction_label("", "") == ""
    assert interaction_label("Rioters", "") == "Rioters only"
    assert interaction_label("Civilians", "State forces") == "State forces-Civilians"
    assert interaction_label("Civilians", "External/Other forces") == (
        "External/Other forces-Civilians"
    )
    for a in labels:
        for b in labels:
            assert interaction_label(a, b) == interaction_label(b, a)


def test_check_records_numbers_rows_like_the_csv() -> None:
    bad = battle(cameo_root="17")
    (problem,) = check_records([make_record(), bad], "out.csv")
    assert (problem.file, problem.row, problem.column) == ("out.csv", 3, "cameo_root")
    assert problem.code == "wrong-cameo-root"
