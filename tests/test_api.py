"""The library's entry points (coder.api): each returns a typed result, as the CLI prints it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from cli_support import battle, make_record
from locations import ROOT

import coder
from coder import api
from coder.dictionaries.taxonomy import SUB
from coder.io.corpus import UsageError
from coder.io.export import read_records, write_records


def test_the_entry_points_are_exported_from_the_package() -> None:
    assert coder.code_corpus is api.code_corpus and coder.evaluate is api.evaluate
    assert coder.__version__
    with pytest.raises(AttributeError):
        coder.no_such_thing  # noqa: B018


def test_code_texts_takes_strings_and_dicts() -> None:
    result = api.code_texts([
        "Soldiers clashed with rebels near Gao on Monday.",
        {"id": "k1", "text": "Riot police clashed with protesters in Nairobi on Tuesday.",
         "published": "2023-07-12", "source": "Daily Nation"},
        {"id": "e", "text": ""},
    ])  # fmt: skip
    assert {r.doc_ids for r in result.records} == {"1", "k1"}
    nairobi = next(r for r in result.records if r.doc_ids == "k1")
    assert (nairobi.event_date, nairobi.source) == ("2023-07-11", "Daily Nation")
    assert [(r.doc_id, r.code) for r in result.rejected] == [("e", "empty-text")]


def test_a_known_country_names_the_actors_and_picks_the_places() -> None:
    # Busia is a town on both sides of the Kenya-Uganda border; nothing in the text says which
    text = "Police arrested nine hawkers in Busia on Monday. Youths protested on Tuesday."
    known = {}
    for country in ("Kenya", "UGA"):
        result = api.code_texts([{"id": "n", "text": text, "published": "2022-05-04"}],
                                country=country)
        known[country] = {r.sub_event_type: r for r in result.records}
    assert known["Kenya"][SUB.arrests].admin1 == "Busia"
    assert known["UGA"][SUB.arrests].admin1 == "Eastern"
    assert known["Kenya"][SUB.peaceful_protest].actor1 == "Protesters (Kenya)"
    assert known["UGA"][SUB.peaceful_protest].country == "Uganda"
    # a text's own field wins over the run's
    result = api.code_texts([{"id": "n", "text": text, "country": "Uganda"}], country="Kenya")
    assert {r.country for r in result.records} == {"Uganda"}
    result = api.code_texts([{"id": "n", "text": text, "country": "Wakanda"}])
    assert [r.code for r in result.rejected] == ["unknown-country"]
    with pytest.raises(UsageError, match="unknown country"):
        api.code_corpus([], country="Wakanda")


def test_code_corpus_writes_and_summarises(tmp_path: Path) -> None:
    out, rejects = tmp_path / "seeds.csv", tmp_path / "rejects.jsonl"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": ""}\n', "utf-8")
    run = api.code_corpus([str(ROOT / "corpus"), str(bad)], output=str(out), rejects=str(rejects))
    assert run.result.n_documents == 5 and run.n_written == len(run.records) > 0
    assert len(list(read_records(str(out)))) == run.n_written
    assert [p.code for p in run.problems] == ["empty-text"] and run.failed
    assert run.summary().startswith(f"documents 5  rejected 1  sentences {run.result.n_sentences}")
    assert json.loads(rejects.read_text("utf-8"))["code"] == "empty-text"


def test_explain_text_keeps_the_mentions() -> None:
    e = api.explain_text("Police fired on protesters in Lagos on Tuesday.", dt.date(2020, 10, 21))
    assert [r.event_date for r in e.records] == ["2020-10-20"]
    assert e.mentions and e.mentions[0].rule_ids


def test_validate_records_codes_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text("[{", encoding="utf-8")
    assert [p.code for p in api.validate_records(str(path))] == ["unreadable-records"]
    good = tmp_path / "r.jsonl"
    write_records([battle()], str(good))
    assert api.validate_records(str(good)) == []


def test_merge_records_writes_each_event_once(tmp_path: Path) -> None:
    a, b, out = tmp_path / "a.csv", tmp_path / "b.jsonl", tmp_path / "all.csv"
    write_records([make_record(), battle()], str(a))
    write_records([battle(), make_record(notes="x")], str(b))
    result = api.merge_records([str(a), str(b)], str(out))
    assert (result.n_written, result.n_duplicates, result.n_conflicts) == (2, 1, 1)
    assert [p.code for p in result.problems] == ["conflicting-id"] and not result.failed
    assert result.summary() == "rows 4  written 2  duplicates 1  conflicting ids 1"


def test_evaluate_scores_rows_and_applies_floors() -> None:
    gold = [{"gold_id": "g", "layer": "acled", "required": True, "docs": ["cl-001"],
             "event_type": ["Protests"]}]  # fmt: skip
    rows = [make_record().model_dump(), battle().model_dump()]
    result = api.evaluate(rows, gold, min_recall=1.0, min_precision=0.9,
                          min_fields={"event_type": 1.0})
    assert (result.report.recall, result.report.precision) == (1.0, 0.5)
    assert result.failed == ["precision 0.500 is below --min-precision 0.9"]
