"""Writing records as CSV, JSONL and Parquet, and reading every format back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from cli_support import battle, make_record

from coder.io.export import (
    UnsupportedFormat,
    csv_cells,
    open_records,
    read_records,
    write_records,
    write_rejects,
)
from coder.models import COLUMNS, EventRecord, Rejected
from coder.problems import EMPTY_TEXT, NOT_UTF8
from coder.tools.validate import coerce_row

RECORDS = [
    make_record(),
    battle(),
    # text that needs CSV quoting, non-ASCII names, a CAMEO-only record with empty ACLED columns
    make_record(
        event_id_cnty="UKR9ZZ",
        event_type="",
        sub_event_type="",
        disorder_type="",
        inter1="",
        interaction="",
        actor1="",
        country="Ukraine",
        location="Kyiv",
        fatalities=None,
        goldstein=None,
        latitude=None,
        longitude=None,
        cameo_code="0331",
        cameo_root="03",
        evidence='The minister said, "we will rebuild Kharkiv", then left;\nmore followed.',
        notes="Київ, «quoted», comma, and a\r\nWindows line break",
    ),
]


def test_csv_header_is_columns_in_order_and_lines_end_with_newline(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    assert write_records(RECORDS, str(out)) == 3
    raw = out.read_bytes()
    assert raw.startswith(",".join(COLUMNS).encode() + b"\n")
    assert b"\r\n" not in raw.replace(b"a\r\nWindows", b"")  # only the cell's own CRLF
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 4


def test_csv_cells_format_nulls_coordinates_and_floats() -> None:
    record = battle(latitude=-10.76667123, goldstein=-10.0)
    cells = dict(zip(COLUMNS, csv_cells(record), strict=True))
    assert cells["latitude"] == "-10.7667"
    assert cells["longitude"] == "40.4667"
    assert cells["goldstein"] == "-10.0"
    assert cells["fatalities"] == "12"
    cells = dict(zip(COLUMNS, csv_cells(RECORDS[2]), strict=True))
    assert cells["fatalities"] == "" and cells["latitude"] == "" and cells["actor1"] == ""


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_round_trip_gives_equal_records(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"r{suffix}"
    write_records(RECORDS, str(out))
    source = open_records(str(out))
    back = [
        EventRecord.model_validate(coerce_row(row) if source.format == "csv" else row)
        for _, row in source.rows
    ]
    assert back == RECORDS


def test_jsonl_writes_nulls_as_null(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    write_records(RECORDS[2:], str(out))
    obj = json.loads(out.read_text(encoding="utf-8"))
    assert list(obj) == list(COLUMNS)
    assert obj["fatalities"] is None and obj["latitude"] is None and obj["actor1"] == ""


def test_parquet_has_explicit_column_types(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "r.parquet"
    write_records(RECORDS, str(out))
    schema = pq.read_schema(out)
    assert schema.names == list(COLUMNS)
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("timestamp").type == pa.int64()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("cameo_code").type == pa.string()
    assert pq.read_table(out).column("fatalities").to_pylist() == [0, 12, None]


def test_empty_record_set_still_writes_a_header(tmp_path: Path) -> None:
    out = tmp_path / "none.csv"
    assert write_records([], str(out)) == 0
    assert out.read_text(encoding="utf-8") == ",".join(COLUMNS) + "\n"
    assert list(read_records(str(out))) == []


def test_dash_writes_csv_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    write_records(RECORDS[:1], "-")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ",".join(COLUMNS) and lines[1].startswith("CHL7F3A9B21,")


@pytest.mark.parametrize("name", ["records.xlsx", "records", "records.txt"])
def test_unknown_extension_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnsupportedFormat):
        write_records(RECORDS, str(tmp_path / name))


def test_csv_rows_are_numbered_by_their_first_line(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    write_records(RECORDS[2:] + RECORDS[:1], str(out))  # the first record spans 3 lines
    assert [n for n, _ in read_records(str(out))] == [2, 5]


def test_json_array_and_jsonl_rows_are_numbered(tmp_path: Path) -> None:
    rows = [r.model_dump(mode="json") for r in RECORDS]
    array = tmp_path / "r.json"
    array.write_text(json.dumps(rows), encoding="utf-8")
    assert [n for n, _ in read_records(str(array))] == [1, 2, 3]
    lines = tmp_path / "r.jsonl"
    lines.write_text("\n".join(json.dumps(r) for r in rows).replace("\n", "\n\n", 1), "utf-8")
    assert [n for n, _ in read_records(str(lines))] == [1, 3, 4]


def test_rejects_are_written_as_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "rejects.jsonl"
    n = write_rejects(
        [Rejected.because(EMPTY_TEXT, "feed.jsonl:7", "sd-44"),
         Rejected.because(NOT_UTF8, "scan.txt", detail="")],
        str(out),
    )
    assert n == 2
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == {"origin": "feed.jsonl:7", "doc_id": "sd-44", "reason": "empty text",
                        "code": "empty-text"}
    assert lines[1]["code"] == "not-utf8"
    assert lines[1]["doc_id"] == ""
