"""Reading documents: every reader, every rejection, metadata from the text, the seed corpus."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest
from locations import ROOT, TESTS

from coder.io.corpus import (
    UsageError,
    document_from_text,
    read_documents,
)
from coder.models import Document, Rejected

FIXTURES = TESTS / "fixtures"
GOLD = TESTS / "gold" / "datelines.jsonl"
SEEDS = ROOT / "corpus"


def _read(*inputs: str | Path) -> tuple[dict[str, Document], list[Rejected]]:
    docs: dict[str, Document] = {}
    rejected: list[Rejected] = []
    for item in read_documents([str(i) for i in inputs]):
        if isinstance(item, Document):
            assert item.id not in docs
            docs[item.id] = item
        else:
            rejected.append(item)
    return docs, rejected


def _codes(rejected: list[Rejected]) -> dict[str, str]:
    """origin -> problem code"""
    return {r.origin: r.code for r in rejected}


# --------------------------------------------------------------------------------------------
# JSONL
# --------------------------------------------------------------------------------------------


def test_jsonl_reads_good_lines_and_metadata() -> None:
    docs, _ = _read(FIXTURES / "corpus_docs.jsonl")
    assert sorted(docs) == ["5", "j1"]
    j1 = docs["j1"]
    assert j1.published == dt.date(2022, 5, 10) and j1.published_source == "metadata"
    assert j1.source == "Radio Mali" and j1.url == "https://example.org/j1"
    assert j1.origin.endswith("corpus_docs.jsonl:1")
    assert j1.language == "en"
    assert docs["5"].title == "Niger army repels attack"  # integer ids become strings


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (3, "malformed-json"),
        (4, "missing-id"),
        (5, "missing-text"),
        (6, "duplicate-id"),
        (7, "empty-text"),
        (8, "malformed-json"),
        (10, "only-boilerplate"),
    ],
    ids=["bad-json", "no-id", "no-text", "duplicate", "empty", "not-object", "boilerplate-only"],
)
def test_jsonl_rejections(line: int, code: str) -> None:
    _, rejected = _read(FIXTURES / "corpus_docs.jsonl")
    by_line = {int(r.origin.rsplit(":", 1)[1]): r for r in rejected}
    assert by_line[line].code == code, by_line[line]
    assert str(FIXTURES / "corpus_docs.jsonl") in by_line[line].origin


def test_jsonl_blank_lines_are_skipped_not_rejected() -> None:
    _, rejected = _read(FIXTURES / "corpus_docs.jsonl")
    assert not [r for r in rejected if r.origin.endswith(":2")]
    assert len(rejected) == 7


def test_duplicate_keeps_the_first_and_names_it() -> None:
    docs, rejected = _read(FIXTURES / "corpus_docs.jsonl")
    dup = next(r for r in rejected if r.code == "duplicate-id")
    assert dup.doc_id == "j1" and dup.origin.endswith(":6")
    assert "corpus_docs.jsonl:1" in dup.reason
    assert docs["j1"].text.startswith("Rebels shelled")


def test_duplicate_across_inputs(tmp_path: Path) -> None:
    other = tmp_path / "more.jsonl"
    line = json.dumps({"id": "j1", "text": "Soldiers entered Gao on Monday morning."})
    other.write_text(line + "\n")
    docs, rejected = _read(FIXTURES / "corpus_docs.jsonl", other)
    assert docs["j1"].origin.endswith("corpus_docs.jsonl:1")
    assert any(r.origin == f"{other}:1" and r.code == "duplicate-id" for r in rejected)


def test_jsonl_non_utf8_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": "Police in Dakar fired tear gas at students on Friday."})
    bad = '{"id": "bad", "text": "Soldados en Bogot\xe1 detuvieron a seis personas."}'
    path.write_bytes(good.encode() + b"\n" + bad.encode("latin-1") + b"\n" + good.replace(
        '"ok"', '"ok2"').encode() + b"\n")
    docs, rejected = _read(path)
    assert sorted(docs) == ["ok", "ok2"]
    assert rejected[0].origin == f"{path}:2" and rejected[0].code == "not-utf8"


def test_gzipped_jsonl(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        line = json.dumps({"id": "g1", "text": "Militants burned a school in Cabo Delgado."})
        fh.write(line + "\n")
    docs, rejected = _read(path)
    assert list(docs) == ["g1"] and not rejected


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [
        json.dumps({"id": "s1", "text": "Gunmen attacked a bus in Balochistan on Sunday night."}),
        "{broken",
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    docs, rejected = _read("-")
    assert list(docs) == ["s1"] and docs["s1"].origin == "<stdin>:1"
    assert rejected[0].origin == "<stdin>:2" and rejected[0].code == "malformed-json"


def test_stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = json.dumps({"id": "b1", "text": "Troops clashed with rebels near Bunia."}).encode()

    class FakeStdin:
        buffer = io.BytesIO(raw + b"\n")

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    docs, _ = _read("-")
    assert list(docs) == ["b1"]


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def test_csv_reads_rows_with_metadata() -> None:
    docs, _ = _read(FIXTURES / "corpus_docs.csv")
    assert sorted(docs) == ["c1", "c3"]
    c1 = docs["c1"]
    assert c1.title == "Clashes in Tripoli" and c1.source == "Libya Observer"
    assert c1.published == dt.date(2022, 8, 27)
    assert c1.origin.endswith("corpus_docs.csv:2")
    assert c1.text == "Armed groups clashed in Tripoli overnight, and at least 32 people were " \
        "killed.\nThe fighting ended at dawn."
    # an unreadable date is treated as unknown, not guessed
    assert docs["c3"].published is None and docs["c3"].published_source == "none"


def test_csv_rejections_name_the_starting_line() -> None:
    _, rejected = _read(FIXTURES / "corpus_docs.csv")
    codes = _codes(rejected)
    name = str(FIXTURES / "corpus_docs.csv")
    # row 2 spans two physical lines (a newline inside the quoted text), so row 3 starts on 4
    assert codes[f"{name}:4"] == "missing-id"
    assert codes[f"{name}:5"] == "empty-text"
    assert codes[f"{name}:6"] == "duplicate-id"


def test_csv_without_text_column() -> None:
    docs, rejected = _read(FIXTURES / "corpus_no_text.csv")
    assert not docs
    assert rejected[0].code == "missing-required-column"
    assert rejected[0].reason.endswith(": text")  # the missing column is named


def test_csv_bad_bytes_reject_only_their_row() -> None:
    docs, rejected = _read(FIXTURES / "corpus_bad_bytes.csv")
    assert sorted(docs) == ["b1", "b3"]
    assert len(rejected) == 1 and rejected[0].doc_id == "b2"
    assert rejected[0].code == "not-utf8"


def test_csv_header_case_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "upper.csv"
    raw = "\ufeffID,Text,Source\nu1,Shelling hit Kherson overnight.,Ukrinform\n"
    path.write_bytes(raw.encode())
    docs, rejected = _read(path)
    assert not rejected and docs["u1"].source == "Ukrinform"


def test_csv_huge_cell(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    body = "Troops patrolled the streets of Juba after the clashes. " * 5000
    with open(path, "w", newline="") as fh:
        csv.writer(fh).writerows([["id", "text"], ["big", body]])
    docs, rejected = _read(path)
    assert not rejected and len(docs["big"].text) > 200_000


# --------------------------------------------------------------------------------------------
# Directories of .txt files
# --------------------------------------------------------------------------------------------


def test_directory_with_manifest() -> None:
    docs, rejected = _read(FIXTURES / "corpus_dir")
    assert sorted(docs) == ["a_mogadishu", "b_lima", "c_dhaka"] and not rejected
    a = docs["a_mogadishu"]
    # manifest fields win over the text
    assert a.title == "Somalia checkpoint bombing" and a.source == "Garowe Online"
    assert a.published == dt.date(2023, 3, 4) and a.published_source == "metadata"
    assert a.url == "https://example.org/a"
    # the headline line repeats no manifest title, so it stays in the body...
    assert a.text.startswith("Car bomb hits checkpoint in Mogadishu")
    assert "Leave a Reply" not in a.text
    # c_dhaka has no manifest row: everything comes from the text
    c = docs["c_dhaka"]
    assert c.title == "Fire tears through refugee camp"
    assert c.published == dt.date(2023, 3, 3) and c.published_source == "date_line"
    assert c.origin == str(FIXTURES / "corpus_dir" / "c_dhaka.txt")
    assert docs["b_lima"].language == "en"  # empty manifest cell: default


def test_directory_without_manifest_reads_metadata_from_text() -> None:
    docs, _ = _read(FIXTURES / "corpus_plain")
    a = docs["a_mogadishu"]
    assert a.title == "Car bomb hits checkpoint in Mogadishu"
    assert a.dateline == "MOGADISHU, Somalia" and a.source == "Associated Press"
    assert a.text.startswith("A car bomb exploded at a checkpoint")
    assert a.published is None and a.published_source == "none"
    b = docs["b_lima"]
    assert b.title == "" and b.source == "" and b.dateline == ""


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("latin1_bogota.txt", "not-utf8"),
        ("binary_blob.txt", "binary"),
        ("empty.txt", "empty-text"),
        ("only_boilerplate.txt", "only-boilerplate"),
        ("too_short.txt", "too-short"),
    ],
    ids=["non-utf8", "binary", "empty", "boilerplate-only", "too-short"],
)
def test_directory_rejections(name: str, code: str) -> None:
    _, rejected = _read(FIXTURES / "corpus_bad")
    codes = _codes(rejected)
    origin = str(FIXTURES / "corpus_bad" / name)
    assert codes[origin] == code
    assert next(r for r in rejected if r.origin == origin).doc_id == name[:-4]


def test_directory_good_files_survive_bad_neighbours() -> None:
    docs, rejected = _read(FIXTURES / "corpus_bad")
    assert sorted(docs) == ["bom_cairo", "good_quito"] and len(rejected) == 5
    assert docs["bom_cairo"].text.startswith("Security forces in Cairo")  # BOM dropped


def test_single_txt_file() -> None:
    docs, _ = _read(FIXTURES / "corpus_dir" / "a_mogadishu.txt")
    assert docs["a_mogadishu"].source == "Garowe Online"  # sibling manifest applies


def test_seed_corpus_reads_five_documents_with_manifest_metadata() -> None:
    docs, rejected = _read(SEEDS)
    assert len(docs) == 5 and not rejected
    with open(SEEDS / "manifest.csv", newline="", encoding="utf-8") as fh:
        manifest = {row["id"]: row for row in csv.DictReader(fh)}
    assert set(manifest) == set(docs)
    for doc_id, row in manifest.items():
        doc = docs[doc_id]
        if row["title"]:
            assert doc.title == row["title"]
        if row["published"]:
            assert doc.published == dt.date.fromisoformat(row["published"])
            assert doc.published_source == "metadata"
        else:
            assert doc.published is None
        if row["source"]:
            assert doc.source == row["source"]
        assert doc.language == row["language"]
        # a title is sentence 0, never repeated as the first line of the body
        assert not doc.title or not doc.text.startswith(doc.title)


# --------------------------------------------------------------------------------------------
# Usage errors
# --------------------------------------------------------------------------------------------


def test_missing_path_raises_before_reading() -> None:
    with pytest.raises(FileNotFoundError):
        read_documents([str(FIXTURES / "corpus_docs.jsonl"), "/no/such/file.jsonl"])
    with pytest.raises(UsageError):
        read_documents(["/no/such/dir"])


def test_unsupported_extension_raises() -> None:
    with pytest.raises(UsageError, match="unsupported input"):
        read_documents([str(FIXTURES / "corpus_unsupported.xml")])


def test_manifest_without_id_column_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "manifest.csv").write_text("name,title\nx,y\n")
    (tmp_path / "x.txt").write_text("Police dispersed a march in Tbilisi on Saturday evening.")
    with pytest.raises(UsageError, match="id"):
        read_documents([str(tmp_path)])


# --------------------------------------------------------------------------------------------
# document_from_text: metadata read from the text (gold cases)
# --------------------------------------------------------------------------------------------


def _gold() -> list[dict]:
    with open(GOLD, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.mark.parametrize("case", _gold(), ids=lambda c: c["id"])
def test_metadata_from_text(case: dict) -> None:
    doc = document_from_text(case["text"], case["id"], case["meta"], origin="gold")
    assert isinstance(doc, Document), doc
    for field, expected in case["expect"].items():
        if field == "body_start":
            assert doc.text.startswith(expected), doc.text[:80]
        elif field == "published":
            got = doc.published.isoformat() if doc.published else None
            assert got == expected
        else:
            assert getattr(doc, field) == expected, field


def test_document_from_text_rejects_nul() -> None:
    result = document_from_text("Shots fired\x00 in Gaza City on Monday.", "n1", origin="x")
    assert isinstance(result, Rejected) and result.code == "binary"


def test_document_text_is_cleaned() -> None:
    raw = "Police\u00a0 fired  tear gas in Nairobi.\r\n\r\n\r\nAdvertisement\r\nTwo died.\r\n"
    doc = document_from_text(raw, "k1")
    assert isinstance(doc, Document)
    assert doc.text == "Police fired tear gas in Nairobi.\n\nTwo died."


# --------------------------------------------------------------------------------------------
# The country a document is known to be about
# --------------------------------------------------------------------------------------------


def test_country_field_reads_names_and_codes_as_iso3(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    lines = [{"id": "a", "text": "Farmers marched to the county office on Monday.",
              "country": "Kenya"},
             {"id": "b", "text": "Farmers marched to the county office on Monday.",
              "country": "ug"},
             {"id": "c", "text": "Farmers marched to the county office on Monday."}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    docs, rejected = _read(path)
    assert not rejected
    assert [docs[i].country for i in "abc"] == ["KEN", "UGA", ""]


def test_csv_country_column(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("id,text,Country\nn1,Herders clashed with farmers near the river.,TZA\n",
                    "utf-8")
    docs, _ = _read(path)
    assert docs["n1"].country == "TZA"


def test_unknown_country_rejects_the_document() -> None:
    doc = document_from_text("Herders clashed with farmers near the river.", "x",
                             {"country": "Atlantis"}, "in.jsonl:4")
    assert isinstance(doc, Rejected)
    assert (doc.code, doc.doc_id) == ("unknown-country", "x") and "Atlantis" in doc.reason


def test_run_country_fills_documents_without_their_own(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "Herders clashed with farmers near the river."}) + "\n"
        + json.dumps({"id": "b", "text": "Herders clashed with farmers near the river.",
                      "country": "Ethiopia"}) + "\n", "utf-8")
    docs = {d.id: d for d in read_documents([str(path)], country="Somalia")
            if isinstance(d, Document)}
    assert (docs["a"].country, docs["b"].country) == ("SOM", "ETH")
    with pytest.raises(UsageError, match="unknown country"):
        read_documents([str(path)], country="Narnia")


def test_a_bracketed_key_value_tag_is_metadata_not_text() -> None:
    doc = document_from_text("Dock workers marched to the port gates in Tanga on Friday. "
                             "[size=a few hundred]", "t")
    assert isinstance(doc, Document)
    assert doc.text == "Dock workers marched to the port gates in Tanga on Friday."
    doc = document_from_text("Vendors blocked the road [Size = no report] in Moshi.", "u")
    assert isinstance(doc, Document) and "size" not in doc.text.lower()
    doc = document_from_text("The editor kept [sic] and the [bracketed] words here.", "v")
    assert isinstance(doc, Document) and "[sic]" in doc.text
