"""Checking record files against the published JSON Schema and ACLED's own consistency rules.

Each problem is a `Problem` printing as `FILE:ROW: column: message`. ROW is the line number in
the file for CSV and JSONL (a CSV header is line 1, so the first data row is line 2; a header
problem such as a missing column is reported on line 1), and the 1-based record position for a
JSON array or a Parquet table.

CSV cells are text, so before schema validation each cell is converted to the JSON type the
schema declares for its column: "" becomes null where null is allowed, "3" becomes 3, "2.5"
becomes 2.5. A cell that does not convert stays a string, so the schema reports it in its own
words (`'many' is not of type 'integer'`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

import coder.problems as P
from coder.dictionaries.taxonomy import taxonomy
from coder.io.export import EXTRA_CELLS_KEY, INVALID_ROW_KEY, open_records
from coder.io.schema import column_types, record_schema
from coder.models import COLUMNS, EventRecord
from coder.problems import Problem, ProblemCode
from coder.stages.events import interaction

_INT = re.compile(r"^[+-]?\d+$")
_COLUMN_ORDER = {name: i for i, name in enumerate(COLUMNS)}


def interaction_label(inter1: str, inter2: str) -> str:
    """ACLED's interaction for two actor types given as text labels ("" for none)."""
    codes = {label: code for code, label in taxonomy().inter_labels.items()}
    return interaction(codes.get(inter1), codes.get(inter2)) if inter1 else ""


# --------------------------------------------------------------------------------------------
# CSV cells to JSON values
# --------------------------------------------------------------------------------------------


def coerce_row(raw: dict[str, Any]) -> dict[str, Any]:
    """A CSV row with each string cell converted to its column's JSON type where it converts."""
    types = column_types()
    out: dict[str, Any] = {}
    for name, value in raw.items():
        allowed = types.get(name)
        out[name] = _coerce(value, allowed) if allowed and isinstance(value, str) else value
    return out


def _coerce(cell: str, allowed: frozenset[str]) -> Any:
    text = cell.strip()
    if text == "" and "null" in allowed:
        return None
    if "string" in allowed:
        return cell
    if "integer" in allowed and _INT.match(text):
        return int(text)
    if "number" in allowed:
        try:
            number = float(text)
        except ValueError:
            return cell
        # "nan" and "inf" parse as floats but are no coordinates or scores: leave them to fail
        return number if math.isfinite(number) else cell
    return cell


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = record_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def validate_file(path: str) -> list[Problem]:
    """Every problem in a CSV, JSONL, JSON or Parquet record file (raises RecordFileError and
    UnsupportedFormat for a file that cannot be read at all, OSError for a missing one)."""
    source = open_records(path)
    return validate_rows(source.rows, path, columns=source.columns, coerce=source.format == "csv")


def validate_rows(
    rows: Iterable[tuple[int, dict[str, Any]]],
    file: str,
    *,
    columns: list[str] | None = None,
    coerce: bool = False,
    cross_checks: bool = True,
) -> list[Problem]:
    """Every problem in numbered raw rows; `columns` is the file's header when it has one,
    `coerce` converts CSV text cells to the schema's types first, `cross_checks=False` keeps
    to what the JSON Schema says."""
    problems, missing = header_problems(columns, file)
    for row_no, raw in rows:
        problems += row_problems(
            raw, file, row_no, coerce=coerce, missing=missing, cross_checks=cross_checks
        )
    return problems


def header_problems(columns: list[str] | None, file: str) -> tuple[list[Problem], set[str]]:
    """One problem per column absent from a header (on line 1), and the set of those columns."""
    if columns is None:
        return [], set()
    missing = {c for c in COLUMNS if c not in columns}
    problems = [P.MISSING_COLUMN.at(file, 1, name) for name in COLUMNS if name in missing]
    return problems, missing


def row_problems(
    raw: dict[str, Any],
    file: str,
    row_no: int,
    *,
    coerce: bool = False,
    missing: set[str] | frozenset[str] = frozenset(),
    cross_checks: bool = True,
) -> list[Problem]:
    """Schema and cross-field problems of one raw row (columns in `missing` already reported)."""
    if INVALID_ROW_KEY in raw:
        unread: Problem = raw[INVALID_ROW_KEY]
        return [dataclasses.replace(unread, file=file, row=row_no)]
    problems: list[Problem] = []
    if EXTRA_CELLS_KEY in raw:
        raw = dict(raw)
        extra = raw.pop(EXTRA_CELLS_KEY)
        problems.append(P.EXTRA_CELLS.at(file, row_no, value=str(extra)[:80], count=len(extra)))
    row = coerce_row(raw) if coerce else raw
    for error in _validator().iter_errors(row):
        problems += _schema_problems(error, row, file, row_no, missing)
    # jsonschema raises one "required" error per absent column, each of which names them all
    problems = list({(p.column, p.message): p for p in problems}.values())
    if cross_checks:
        bad_columns = {p.column for p in problems}
        problems += consistency_problems(row, file, row_no, skip=bad_columns | missing)
    problems.sort(key=lambda p: _COLUMN_ORDER.get(p.column, -1))
    return problems


def _schema_problems(
    error: ValidationError,
    row: dict[str, Any],
    file: str,
    row_no: int,
    missing: set[str] | frozenset[str],
) -> list[Problem]:
    if error.validator == "required":
        absent = [c for c in COLUMNS if c not in row and c not in missing]
        return [P.MISSING_CELL.at(file, row_no, c) for c in absent]
    if error.validator == "additionalProperties":
        extra = [k for k in row if k not in _COLUMN_ORDER]
        return [P.UNKNOWN_COLUMN.at(file, row_no, k) for k in extra]
    column = str(error.absolute_path[0]) if error.absolute_path else ""
    return [P.INVALID_VALUE.at(file, row_no, column, str(error.instance)[:80],
                               detail=_message(error))]


def _message(error: ValidationError) -> str:
    """The error in the words of the branch that applies, not "not valid under any of ..."."""
    if error.validator != "anyOf" or not error.context:
        return error.message
    # A nullable column is anyOf [constrained type, null]: the null branch's complaint is noise.
    useful = [
        e.message
        for e in error.context
        if not (e.validator == "type" and e.validator_value == "null")
    ]
    return "; ".join(dict.fromkeys(useful)) or error.message


class _RowCheck:
    """One row's cross-field checks; columns in `skip` (already invalid) read as absent."""

    def __init__(self, row: dict[str, Any], file: str, row_no: int | None, skip: set[str]):
        self.row, self.file, self.row_no, self.skip = row, file, row_no, skip
        self.problems: list[Problem] = []

    def get(self, name: str) -> Any:
        return None if name in self.skip else self.row.get(name)

    def report(self, column: str, code: ProblemCode, **params: Any) -> None:
        self.problems.append(
            code.at(self.file, self.row_no, column, str(self.row.get(column)), **params)
        )


def consistency_problems(
    row: dict[str, Any], file: str = "", row_no: int | None = None, *, skip: Iterable[str] = ()
) -> list[Problem]:
    """What the schema cannot say: ACLED's type hierarchy, CAMEO root, calendar date, year,
    interaction and fatality range; columns in `skip` (already invalid) are not cross-checked."""
    check = _RowCheck(row, file, row_no, set(skip))
    for step in (_check_types, _check_cameo, _check_date, _check_interaction, _check_fatalities):
        step(check)
    return check.problems


def _check_types(c: _RowCheck) -> None:
    """The sub-event type is ACLED's, under the event type and disorder type it belongs to."""
    event_type, sub_type = c.get("event_type"), c.get("sub_event_type")
    disorder = c.get("disorder_type")
    if event_type is None or sub_type is None:
        return
    t = taxonomy()
    entry_event, entry_disorder = t.event_type_of.get(sub_type), t.disorder_of.get(sub_type)
    if event_type and not sub_type:
        c.report("sub_event_type", P.MISSING_SUB_EVENT_TYPE, event_type=event_type)
    elif sub_type and entry_event is None:
        c.report("sub_event_type", P.UNKNOWN_EVENT_TYPE, sub_event_type=sub_type)
    elif entry_event is not None and entry_event != event_type:
        c.report("sub_event_type", P.WRONG_EVENT_TYPE, sub_event_type=sub_type,
                 expected=entry_event, event_type=event_type)
    elif entry_event is not None and disorder is not None and entry_disorder != disorder:
        c.report("disorder_type", P.WRONG_DISORDER_TYPE, sub_event_type=sub_type,
                 expected=entry_disorder)
    if not sub_type and not event_type and disorder:
        c.report("disorder_type", P.DISORDER_WITHOUT_EVENT)


def _check_cameo(c: _RowCheck) -> None:
    """The CAMEO root is the first two digits of the CAMEO code."""
    code, root = c.get("cameo_code"), c.get("cameo_root")
    if isinstance(code, str) and isinstance(root, str) and root != code[:2]:
        c.report("cameo_root", P.WRONG_CAMEO_ROOT, expected=code[:2])


def _check_date(c: _RowCheck) -> None:
    """The event date is a calendar day, and the year is its year (no year without a date)."""
    event_date, year = c.get("event_date"), c.get("year")
    if isinstance(event_date, str):
        try:
            date = dt.date.fromisoformat(event_date)
        except ValueError:
            c.report("event_date", P.BAD_DATE, date=event_date)
        else:
            if isinstance(year, int) and year != date.year:
                c.report("year", P.WRONG_YEAR, year=year, expected=date.year)
    elif event_date is None and "event_date" not in c.skip and year is not None:
        c.report("year", P.YEAR_WITHOUT_DATE)


def _check_interaction(c: _RowCheck) -> None:
    """The interaction label follows from the two actor types."""
    inter1, inter2, interaction = c.get("inter1"), c.get("inter2"), c.get("interaction")
    if not all(isinstance(v, str) for v in (inter1, inter2, interaction)):
        return
    if inter2 and not inter1:
        c.report("inter1", P.INTER2_WITHOUT_INTER1)
        return
    expected = interaction_label(inter1, inter2)
    if interaction != expected:
        c.report("interaction", P.WRONG_INTERACTION, expected=expected, inter1=inter1,
                 inter2=inter2)


def _check_fatalities(c: _RowCheck) -> None:
    """The fatality range is not upside down."""
    low, high = c.get("fatalities_low"), c.get("fatalities_high")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        c.report("fatalities_low", P.FATALITY_RANGE, low=low, high=high)


def check_records(records: Iterable[EventRecord], file: str = "") -> list[Problem]:
    """Cross-field problems of records the coder built (pydantic already enforced the schema);
    rows are numbered as in a CSV written from them (first record on line 2)."""
    problems: list[Problem] = []
    for i, record in enumerate(records, start=2):
        problems += consistency_problems(record.model_dump(), file, i)
    return problems
