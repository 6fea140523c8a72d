"""Gold sentences for the event stage: each line of tests/gold/events.jsonl is one test.

A case lists the records expected from one short text (own words, many countries); each expected
record is matched to a produced one by the fields it names. Texts expecting nothing check that
negated, planned, hypothetical, quoted and year-only events are not coded.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from coder.engines.local import explain_text

GOLD = Path(__file__).parent / "gold" / "events.jsonl"
CASES = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _matches(record, expected: dict) -> bool:  # type: ignore[no-untyped-def]
    row = record.model_dump()
    return all(row.get(k) == v for k, v in expected.items())


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_event_gold(case: dict) -> None:
    date = dt.date.fromisoformat(case["date"]) if case.get("date") else None
    records = explain_text(case["text"], date).records
    if not case["expect"]:
        assert records == [], [(r.event_type, r.cameo_code, r.evidence) for r in records]
        return
    for expected in case["expect"]:
        assert any(_matches(r, expected) for r in records), (
            expected,
            [{k: r.model_dump()[k] for k in expected} for r in records],
        )


def test_a_coup_named_as_a_protests_cause_is_no_new_event() -> None:
    records = explain_text("Thousands of students protested in Mandalay against the military coup "
                           "on Monday.", dt.date(2021, 2, 9)).records
    assert [r.sub_event_type for r in records] == ["Peaceful protest"]
