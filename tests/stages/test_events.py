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
from locations import TESTS

from coder.dictionaries.files import DictionaryError, add_user_directory, remove_user_directories
from coder.dictionaries.taxonomy import EVENT, KIND, SUB, EventType
from coder.engines.local import explain_text
from coder.stages.events import (
    armed_victims,
    demonstration_types,
    type_rank,
)

GOLD = TESTS / "gold" / "events.jsonl"
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


def test_merge_ranks_follow_acled_hierarchy() -> None:
    assert type_rank(EventType(EVENT.battles, SUB.armed_clash)) > type_rank(
        EventType(EVENT.explosions_remote_violence, SUB.air_drone_strike))
    # within a type, the takeover beats a generic clash; an unlisted sub-type ranks 2
    assert type_rank(KIND.government_regains_territory) > type_rank(KIND.armed_clash)
    assert type_rank(KIND.violent_demonstration) > type_rank(KIND.mob_violence)
    assert type_rank(EventType("", "", "138")) == (0, 2)


def test_demonstration_types_are_protests_and_riots() -> None:
    assert demonstration_types() == {EVENT.protests, EVENT.riots}
    assert EVENT.battles not in demonstration_types()


def test_a_rank_for_a_type_outside_the_taxonomy_is_a_load_error(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "precedence.csv").write_text(
        "level,name,rank\nsub_event_type,Armed clashes,5\n", encoding="utf-8")
    add_user_directory(tmp_path)
    try:
        with pytest.raises(DictionaryError) as err:
            type_rank(KIND.armed_clash)
        (problem,) = err.value.problems
        assert problem.row == 2 and "unknown ACLED sub event type" in problem.message
    finally:
        remove_user_directories()


def test_victim_words_say_whether_the_victims_were_armed() -> None:
    assert armed_victims("two Soldiers")
    assert not armed_victims("three farmers")
