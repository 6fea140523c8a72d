"""records/seeds.csv is the seed corpus as the README's main command codes it.

Re-coding the corpus must reproduce it exactly (column order, formats, ids, every value), with
the coding time fixed to the file's own `timestamp`; and the file must validate. When a change
to the coder changes the records on purpose, regenerate the file with the README's command:
`coder code corpus/ -o records/seeds.csv`.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from locations import ROOT

from coder.engines.local import code_corpus
from coder.io.export import write_records
from coder.tools.validate import validate_file

GOLDEN = ROOT / "records" / "seeds.csv"


def test_recoding_the_corpus_reproduces_the_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with GOLDEN.open(encoding="utf-8", newline="") as fh:
        stamps = {row["timestamp"] for row in csv.DictReader(fh)}
    assert len(stamps) == 1, "one coding run, one timestamp"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", stamps.pop())
    out = tmp_path / "seeds.csv"
    write_records(code_corpus([str(ROOT / "corpus")]).records, str(out))
    assert out.read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8"), (
        "records/seeds.csv is stale: regenerate with `coder code corpus/ -o records/seeds.csv`"
    )


def test_the_records_validate() -> None:
    assert validate_file(str(GOLDEN)) == []


def test_the_main_events_are_one_record_each() -> None:
    with GOLDEN.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    five = [r for r in rows if r["n_documents"] == "5"]
    kinds = {(r["event_date"], r["event_type"]) for r in five}
    assert ("2021-11-07", "Explosions/Remote violence") in kinds
    assert any(d == "2021-11-05" and t in {"Riots", "Protests"} for d, t in kinds)
