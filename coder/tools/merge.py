"""Combining record files into one dataset without duplicates (`coder merge`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError

import coder.problems as P
from coder.io.export import open_records
from coder.models import EventRecord
from coder.problems import Problem
from coder.tools.validate import coerce_row, header_problems, row_problems


@dataclass(slots=True)
class MergeResult:
    """The merged records, the invalid input rows, and what was dropped as duplicate."""

    records: list[EventRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    n_rows: int = 0
    n_duplicates: int = 0  # identical to a row already kept
    n_conflicts: int = 0  # same event_id_cnty as a kept row, different content: first kept
    n_written: int = 0  # records written out (by `coder.api.merge_records`)

    @property
    def failed(self) -> bool:
        """True when an input row was invalid (a conflicting id is only a warning)."""
        return any(p.kind != "warning" for p in self.problems)

    def summary(self) -> str:
        """The one-line count of rows read, written and dropped."""
        return (
            f"rows {self.n_rows}  written {self.n_written}  duplicates {self.n_duplicates}  "
            f"conflicting ids {self.n_conflicts}"
        )


def merge_record_files(paths: Iterable[str]) -> MergeResult:
    """Read every record file in order, keep each valid row once per event_id_cnty.

    Rows equal but for their coding timestamp count as duplicates. Invalid rows are reported
    (kind "invalid_record") and left out; a later row that reuses an event_id_cnty with
    different content is reported as a warning and left out, since ids are stable and the
    first file is taken to be the reference.
    """
    result = MergeResult()
    kept: dict[str, EventRecord] = {}
    for path in paths:
        source = open_records(path)
        is_csv = source.format == "csv"
        problems, missing = header_problems(source.columns, path)
        result.problems += problems
        for row_no, raw in source.rows:
            result.n_rows += 1
            found = row_problems(raw, path, row_no, coerce=is_csv, missing=missing)
            if found or missing:
                result.problems += found
                continue
            try:
                record = EventRecord.model_validate(coerce_row(raw) if is_csv else raw)
            except ValidationError as err:  # the schema let through what the model refuses
                result.problems.append(P.INVALID_VALUE.at(path, row_no, detail=err))
                continue
            first = kept.get(record.event_id_cnty)
            if first is None:
                kept[record.event_id_cnty] = record
                result.records.append(record)
            elif _same_event(first, record):
                result.n_duplicates += 1
            else:
                result.n_conflicts += 1
                result.problems.append(
                    P.CONFLICTING_ID.at(path, row_no, "event_id_cnty", record.event_id_cnty)
                )
    return result


def _same_event(a: EventRecord, b: EventRecord) -> bool:
    """Equal in every column but `timestamp`, which only says when each copy was coded."""
    return a.model_copy(update={"timestamp": b.timestamp}) == b
