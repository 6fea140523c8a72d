"""Scoring against gold: the README's matching rules (cases in tests/gold/evaluate_matching.jsonl),
recall over required events, precision over all records, and per-field accuracy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import BASE, battle, make_record
from locations import TESTS

from coder.io.export import csv_cells, write_records
from coder.models import COLUMNS
from coder.tools.evaluate import actor_name, evaluate, evaluate_files, haversine_km, matches

HERE = TESTS
CASES = [
    json.loads(line)
    for line in (HERE / "gold" / "evaluate_matching.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_matching_rule(case: dict[str, Any]) -> None:
    record = make_record(**case["record"]).model_dump(mode="json")
    report = evaluate([record], [case["gold"] | {"gold_id": case["id"]}])
    assert report.gold[0].matched is case["match"]
    # the same answer from CSV cells, as `coder evaluate` reads them back
    cells = dict(zip(COLUMNS, csv_cells(make_record(**case["record"])), strict=True))
    assert evaluate([cells], [case["gold"]]).gold[0].matched is case["match"]


GOLD = [
    {
        "gold_id": "moz-palma", "layer": "acled", "required": True, "docs": ["mz-7", "mz-9"],
        "event_date": "2021-03-26", "date_tolerance_days": 0, "event_type": ["Battles"],
        "sub_event_type": ["Armed clash"], "cameo_root": ["19", "18"],
        "actor1": ["Military Forces of Mozambique (2019-2024)"],
        "actor2": ["Islamic State (Mozambique)"], "actor1_code": ["MOZMIL"],
        "actor2_code": ["MOZREB", "IMGMOZ"], "latitude": -10.70, "longitude": 40.40,
        "max_km": 15, "fatalities": [10, 60], "injuries": [0, 3],
    },
    {
        "gold_id": "chl-march", "layer": "acled", "required": True, "docs": ["cl-001"],
        "event_date": "2019-10-25", "date_tolerance_days": 0, "event_type": ["Protests"],
        "sub_event_type": ["Peaceful protest"], "actor1": ["Protesters (Chile)"],
        "actor2": [""], "latitude": -33.45, "longitude": -70.66, "max_km": 10,
        "fatalities": [0, 0], "injuries": None,
    },
    {
        "gold_id": "chl-appeal", "layer": "cameo", "required": True, "docs": ["cl-001"],
        "event_date": "2019-10-26", "date_tolerance_days": 1, "cameo_root": ["02"],
        "actor1_code": ["CHLGOV"],
    },
    {
        "gold_id": "chl-old-strike", "layer": "acled", "required": False, "docs": ["cl-001"],
        "event_date": "2011-08-24", "event_type": ["Riots"],
    },
]  # fmt: skip


def _records() -> list[dict[str, Any]]:
    return [
        battle().model_dump(mode="json"),
        # the same battle from one report only, coded unmerged: a second matching record
        battle(
            event_id_cnty="MOZ00C41E",
            doc_ids="mz-9",
            latitude=-12.97,
            longitude=40.52,
            sentence_ids="mz-9#4",
            n_documents=1,
        ).model_dump(mode="json"),  # fmt: skip
        make_record().model_dump(mode="json"),
        # a historical riot, optional in the gold: welcome, not a false positive
        make_record(
            event_id_cnty="CHL11",
            event_date="2011-08-24",
            year=2011,
            event_type="Riots",
            sub_event_type="Violent demonstration",
        ).model_dump(mode="json"),  # fmt: skip
        # an event the gold does not know
        make_record(
            event_id_cnty="CHL12",
            event_date="2019-11-12",
            year=2019,
            evidence="A general strike was called.",
        ).model_dump(mode="json"),  # fmt: skip
    ]


def test_recall_precision_f1() -> None:
    report = evaluate(_records(), GOLD)
    assert (report.n_required, report.n_required_matched) == (3, 2)
    assert (report.n_records, report.n_records_matched) == (5, 4)
    assert report.recall == pytest.approx(2 / 3)
    assert report.precision == pytest.approx(4 / 5)
    assert report.f1 == pytest.approx(2 * 0.8 * (2 / 3) / (0.8 + 2 / 3))
    assert report.summary() == "recall 0.667 (2/3)  precision 0.800 (4/5)  f1 0.727"
    assert [r["event_id_cnty"] for r in report.unmatched_records] == ["CHL12"]
    palma = report.gold[0]
    assert palma.matched_records == ["MOZ00C41D", "MOZ00C41E"]
    assert (palma.docs_covered, palma.n_docs) == (2, 2)
    assert not report.gold[2].matched


def test_field_accuracy_uses_the_best_pair_per_gold_event() -> None:
    report = evaluate(_records(), GOLD)
    palma = report.gold[0].fields  # the two-document record, which is within max_km
    assert palma == {
        "event_type": True, "sub_event_type": True, "cameo_root": True, "actor1": True,
        "actor2": True, "actor_pair": True, "actor1_code": True, "actor2_code": True, "date": True,
        "location": True, "fatalities": True, "injuries": False,
    }  # fmt: skip
    march = report.gold[1].fields
    assert march["actor2"] and march["fatalities"] and march["location"]
    assert "injuries" not in march and "cameo_root" not in march
    assert report.field_counts["injuries"] == (0, 1)
    assert report.field_counts["actor1"] == (2, 2)  # the optional riot has no actor gold
    assert report.field_counts["event_type"] == (3, 3)


def test_unreported_fatalities_count_as_zero_but_injuries_do_not() -> None:
    gold = [GOLD[1] | {"injuries": [0, 5]}]
    record = make_record(fatalities=None).model_dump(mode="json")
    fields = evaluate([record], gold).gold[0].fields
    assert fields["fatalities"] is True and fields["injuries"] is False


def test_nothing_to_score_gives_zero_not_an_error() -> None:
    report = evaluate([], [])
    assert (report.recall, report.precision, report.f1) == (0.0, 0.0, 0.0)
    assert report.summary() == "recall 0.000 (0/0)  precision 0.000 (0/0)  f1 0.000"


def test_text_report_ends_with_the_summary_and_json_is_complete() -> None:
    report = evaluate(_records(), GOLD)
    lines = report.to_text().splitlines()
    assert lines[-1] == report.summary()
    assert lines[-3].startswith("gold: 3 required, 1 optional")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["n_records_matched"] == 4
    assert data["field_accuracy"]["injuries"] == {"right": 0, "compared": 1, "accuracy": 0.0}
    assert [g["matched"] for g in data["gold"]] == [True, True, False, True]


def test_regime_years_are_ignored_in_actor_names() -> None:
    assert actor_name("Military Forces of Peru (2021-)") == actor_name("Military Forces of Peru")
    assert actor_name("Police Forces of India (2014-) Assam Rifles") == (
        "police forces of india assam rifles"
    )
    assert actor_name("Protesters (Chile)") == "protesters (chile)"


def test_haversine_distance() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.19, abs=0.01)
    # Nairobi to Mombasa is about 440 km
    assert haversine_km(-1.2864, 36.8172, -4.0435, 39.6682) == pytest.approx(440, abs=10)


def test_matches_is_exposed_fornormalise_rowd_rows() -> None:
    from coder.tools.evaluate import normalise_row

    assert matches(normalise_row(dict(BASE)), GOLD[1])


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_evaluate_files(tmp_path: Path, suffix: str) -> None:
    from coder.models import EventRecord

    out = tmp_path / f"r{suffix}"
    write_records([EventRecord.model_validate(r) for r in _records()], str(out))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    assert evaluate_files(str(out), str(gold)).summary() == evaluate(_records(), GOLD).summary()
