"""Writing event records to CSV, JSONL or Parquet, and reading record files back.

The output format follows the file extension (`.csv`, `.jsonl`, `.parquet`; `-` is CSV on
standard output). CSV cells hold plain text: empty for null, coordinates with 4 decimals (ACLED's
precision), other floats as Python writes them, "\\n" line ends, UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import coder.problems as P
from coder.io.schema import column_types
from coder.models import COLUMNS, EventRecord, Rejected

WRITE_FORMATS = (".csv", ".jsonl", ".parquet")
READ_FORMATS = (".csv", ".jsonl", ".json", ".parquet")
_COORDINATES = frozenset({"latitude", "longitude"})
# Keys that cannot be column names: a CSV row keeps cells beyond its header under the first, and
# an unreadable JSON line is passed on under the second (as its `Problem`, without file or row),
# so validate reports both in place.
EXTRA_CELLS_KEY = "\x00extra"
INVALID_ROW_KEY = "\x00invalid"


class UnsupportedFormat(ValueError):
    """The path's extension names no format we read or write (a usage error)."""


def output_format(path: str) -> str:
    """The format a path will be written in: "csv", "jsonl" or "parquet"."""
    if path == "-":
        return "csv"
    suffix = Path(path).suffix.lower()
    if suffix not in WRITE_FORMATS:
        raise UnsupportedFormat(
            f"{path}: cannot tell the output format; use one of {', '.join(WRITE_FORMATS)} or -"
        )
    return suffix[1:]


def write_records(records: Iterable[EventRecord], path: str) -> int:
    """Write `records` to `path` in the format its extension names; return how many."""
    fmt = output_format(path)
    if fmt == "parquet":
        return _write_parquet(records, path)
    if path == "-":
        return _write_text(records, sys.stdout, fmt)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        return _write_text(records, fh, fmt)


def _write_text(records: Iterable[EventRecord], fh: TextIO, fmt: str) -> int:
    n = 0
    if fmt == "jsonl":
        for record in records:
            fh.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
            n += 1
        return n
    writer = csv.writer(fh, lineterminator="\n")
    # Python 3.11's writer quotes a cell with "\n" but not one with a lone "\r", which readers
    # then take for a line end; such rows are written fully quoted instead.
    quoted = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    for record in records:
        cells = csv_cells(record)
        (quoted if any("\r" in c for c in cells) else writer).writerow(cells)
        n += 1
    return n


def csv_cells(record: EventRecord) -> list[str]:
    """The record's CSV cells in column order."""
    values = record.model_dump()
    return [_cell(name, values[name]) for name in COLUMNS]


def _cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}" if name in _COORDINATES else repr(value)
    return str(value)


def _arrow_schema():  # type: ignore[no-untyped-def]
    import pyarrow as pa

    def arrow_type(types: frozenset[str]) -> Any:
        if "integer" in types:
            return pa.int64()
        if "number" in types:
            return pa.float64()
        return pa.string()

    types = column_types()
    return pa.schema([pa.field(name, arrow_type(types[name]), nullable=True) for name in COLUMNS])


def _write_parquet(records: Iterable[EventRecord], path: str) -> int:
    # pyarrow is imported here: the CSV path must not pay for it at start-up.
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [r.model_dump() for r in records]
    table = pa.Table.from_pylist(rows, schema=_arrow_schema())
    pq.write_table(table, path)
    return len(rows)


# --------------------------------------------------------------------------------------------
# Reading record files back (validate, merge, evaluate)
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class RecordSource:
    """An opened record file: its format, its header (CSV/Parquet) and its numbered rows.

    Row numbers are line numbers in the file for CSV (the header is line 1, so the first data
    row is 2; a row whose cells span several lines is numbered by its first line) and JSONL,
    and 1-based positions for a JSON array or a Parquet table.
    """

    path: str
    format: str  # "csv", "jsonl", "json", "parquet"
    columns: list[str] | None
    rows: Iterator[tuple[int, dict[str, Any]]]


class RecordFileError(ValueError):
    """A record file that cannot be read at all (not a row-level problem)."""


def open_records(path: str) -> RecordSource:
    """Open a record file by extension ('-' = standard input, CSV/JSONL/JSON by content)."""
    if path == "-":
        text = sys.stdin.read()
        fmt = _sniff(text)
        return _from_text(path, fmt, io.StringIO(text, newline=""))
    suffix = Path(path).suffix.lower()
    if suffix not in READ_FORMATS:
        raise UnsupportedFormat(
            f"{path}: cannot tell the record format; use one of {', '.join(READ_FORMATS)}"
        )
    fmt = suffix[1:]
    if fmt == "parquet":
        return _open_parquet(path)
    fh = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed by the generator)
    return _from_text(path, fmt, fh)


def read_records(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number, raw row) for every record in a CSV, JSONL, JSON array or Parquet file.

    CSV cells stay strings; see `RecordSource` for how rows are numbered.
    """
    return open_records(path).rows


def _sniff(text: str) -> str:
    head = text.lstrip()[:1]
    return "jsonl" if head == "{" else "json" if head == "[" else "csv"


def _from_text(path: str, fmt: str, fh: TextIO) -> RecordSource:
    if fmt == "csv":
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            fh.close()
            return RecordSource(path, fmt, [], iter(()))
        except (csv.Error, UnicodeDecodeError) as err:
            fh.close()
            raise RecordFileError(f"{path}: cannot read the CSV header: {err}") from err
        return RecordSource(path, fmt, header, _csv_rows(fh, reader, header, path))
    if fmt == "json":
        try:
            data = json.load(fh)
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise RecordFileError(f"{path}: not valid JSON: {err}") from err
        finally:
            fh.close()
        if not isinstance(data, list):
            raise RecordFileError(f"{path}: a JSON record file must hold an array of objects")
        return RecordSource(path, fmt, None, _json_rows(data))
    return RecordSource(path, fmt, None, _jsonl_rows(fh, path))


def _csv_rows(
    fh: TextIO, reader: Any, header: list[str], path: str
) -> Iterator[tuple[int, dict[str, Any]]]:
    with fh:
        start = reader.line_num + 1
        try:
            for cells in reader:
                if cells:  # a blank line is not a row
                    row: dict[str, Any] = dict(zip(header, cells, strict=False))
                    if len(cells) > len(header):
                        row[EXTRA_CELLS_KEY] = cells[len(header) :]
                    yield start, row
                start = reader.line_num + 1
        except (csv.Error, UnicodeDecodeError) as err:
            raise RecordFileError(f"{path}:{start}: cannot read CSV: {err}") from err


def _jsonl_rows(fh: TextIO, path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    with fh:
        try:
            for line_no, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except json.JSONDecodeError as err:
                    value = {INVALID_ROW_KEY: P.INVALID_JSON.at(detail=err.msg)}
                if not isinstance(value, dict):
                    value = {INVALID_ROW_KEY: P.NOT_AN_OBJECT.at()}
                yield line_no, value
        except UnicodeDecodeError as err:
            raise RecordFileError(f"{path}: not UTF-8: {err}") from err


def _json_rows(data: list[Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    for i, value in enumerate(data, start=1):
        yield (
            i,
            value
            if isinstance(value, dict)
            else {INVALID_ROW_KEY: P.NOT_AN_OBJECT.at()},
        )


def _open_parquet(path: str) -> RecordSource:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as err:  # pyarrow raises several unrelated types for a bad file
        raise RecordFileError(f"{path}: cannot read Parquet: {err}") from err
    rows = ((i, row) for i, row in enumerate(table.to_pylist(), start=1))
    return RecordSource(path, "parquet", list(table.column_names), rows)


def write_rejects(rejected: Iterable[Rejected], path: str) -> int:
    """Write rejected documents as JSONL {origin, doc_id, reason, code}; return how many."""
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for r in rejected:
            item = {"origin": r.origin, "doc_id": r.doc_id, "reason": r.reason, "code": r.code}
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
            n += 1
    return n
