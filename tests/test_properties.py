"""Property tests: records survive CSV, JSONL and Parquet round trips, and every record the
model accepts also passes the published JSON Schema.

Records are drawn from a strategy built from the model's own JSON Schema (types, enums,
patterns, bounds), so it follows the model when columns change.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from coder.io.export import open_records, write_records
from coder.io.schema import record_schema
from coder.models import COLUMNS, EventRecord
from coder.tools.validate import coerce_row, validate_rows

# Any text a news article can carry: every plane, quotes, commas, CR/LF; no lone surrogates,
# which no UTF-8 file can hold.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=24)
# Counts stay in int64 so that Parquet can hold them (the schema sets no upper bound).
MAX_COUNT = 2**53


def _branch(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "integer":
        return st.integers(schema.get("minimum", -MAX_COUNT), schema.get("maximum", MAX_COUNT))
    if kind == "number":
        return st.floats(schema.get("minimum"), schema.get("maximum"), allow_nan=False,
                         allow_infinity=False)  # fmt: skip
    if "pattern" in schema:
        strings = st.from_regex(schema["pattern"], fullmatch=True)
        return strings.filter(lambda s: "\n" not in s)  # "$" also matches before a final \n
    return TEXT.filter(lambda s: len(s) >= schema.get("minLength", 0))


def _column(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    return st.one_of([_branch(b) for b in schema.get("anyOf", [schema])])


PROPERTIES = record_schema()["properties"]
ROWS = st.fixed_dictionaries({name: _column(PROPERTIES[name]) for name in COLUMNS})


@st.composite
def records(draw: st.DrawFn) -> EventRecord:
    try:
        return EventRecord.model_validate(draw(ROWS))
    except ValidationError:
        assume(False)
        raise


SETTINGS = settings(
    max_examples=50,
    deadline=None,
    database=None,  # no example database left in the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
VALIDATOR = Draft202012Validator(
    record_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
)


def _as_written_to_csv(record: EventRecord) -> EventRecord:
    """CSV keeps coordinates to 4 decimals (ACLED's precision); everything else exactly."""
    update = {
        k: round(v, 4) for k in ("latitude", "longitude") if (v := getattr(record, k)) is not None
    }
    return record.model_copy(update=update)


def _read_back(path: str) -> list[EventRecord]:
    source = open_records(path)
    is_csv = source.format == "csv"
    return [
        EventRecord.model_validate(coerce_row(row) if is_csv else row) for _, row in source.rows
    ]


@SETTINGS
@given(st.lists(records(), min_size=1, max_size=3))
def test_csv_round_trip(batch: list[EventRecord]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "r.csv")
        write_records(batch, path)
        assert _read_back(path) == [_as_written_to_csv(r) for r in batch]


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
@SETTINGS
@given(batch=st.lists(records(), min_size=1, max_size=3))
def test_jsonl_and_parquet_round_trip(suffix: str, batch: list[EventRecord]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / f"r{suffix}")
        write_records(batch, path)
        assert _read_back(path) == batch


@SETTINGS
@given(records())
def test_schema_accepts_every_record_the_model_accepts(record: EventRecord) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(record.model_dump(mode="json"))]
    assert errors == []


@SETTINGS
@given(st.lists(records(), min_size=1, max_size=3))
def test_csv_written_records_raise_no_schema_problem(batch: list[EventRecord]) -> None:
    # Cross-field checks are left out: random records mix event types and dates freely.
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "r.csv")
        write_records(batch, path)
        source = open_records(path)
        problems = validate_rows(
            source.rows, path, columns=source.columns, coerce=True, cross_checks=False
        )
        assert [str(p) for p in problems] == []
