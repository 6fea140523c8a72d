"""The fast paths added for speed give exactly what the plain definitions give: the phrase
table's bulk indexing, the key positions the trigger scan visits, the gazetteer read in one
piece, the sentences near an event, the evaluation's name search, and loading with the garbage
collector paused."""

from __future__ import annotations

import gc
import gzip
import random
from pathlib import Path

import pytest

from coder.dictionaries.registry import collection_paused
from coder.document.coding import CARRY_SENTENCES, _near_events, code_document
from coder.models import Document
from coder.stages.places import Gazetteer
from coder.stages.places import gazetteer as gazetteer_module
from coder.text.phrases import PhraseTable
from coder.text.tokens import key_positions
from coder.tools.acled_compare import _names_in

KEYS = ["kabul", "ras al ain", "ras", "al", "ras al", "new york city", "york", "new", "a b c d",
        "a b", "kabul", "", "zamzam camp"]


def test_bulk_indexed_phrase_table_equals_one_key_at_a_time() -> None:
    entries = dict.fromkeys(KEYS, 1)
    bulk = PhraseTable(entries, KEYS)
    single: PhraseTable[int] = PhraseTable(entries)
    for key in KEYS:
        single.index(key)
    assert bulk.first == single.first
    assert list(bulk.first) == list(single.first)
    assert bulk.prefixes == single.prefixes
    assert bulk.later == single.later


def test_key_positions_are_every_wanted_key_in_sentence_order() -> None:
    keys = ["police", "fired", "at", "protesters", "who", "fired", "back", "at", "police"]
    wanted = {"fired", "police", "absent"}
    expected = [(i, k) for i, k in enumerate(keys) if k in wanted]
    assert key_positions(keys, wanted) == expected
    assert key_positions([], wanted) == []
    assert key_positions(keys, set()) == []


def test_near_events_is_every_sentence_within_the_carry_window_of_an_event() -> None:
    rng = random.Random(7)
    for _ in range(500):
        triggers = [["x"] if rng.random() < 0.2 else [] for _ in range(rng.randint(0, 25))]
        events = [i for i, t in enumerate(triggers) if t]
        expected = [any(abs(i - e) <= CARRY_SENTENCES for e in events)
                    for i in range(len(triggers))]
        assert _near_events(triggers) == expected  # type: ignore[arg-type]


def test_gazetteer_rows_read_in_one_piece_keep_text_mode_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    header = "id\tfeature\tname\tcc\tadmin1\tadmin2\tlat\tlon\tpop\tkeys"
    rows = ["1\tcity\tAlpha Town\tKE\tNairobi\t\t-1.5\t36.5\t1200\talpha town|alpha",
            "2\tadmin1\tBeta\tKE\tBeta\t\t0.25\t37\t0\tbeta"]
    # Windows line ends and no newline after the last row read as the text-mode file did
    (tmp_path / gazetteer_module.GAZETTEER_FILE).write_bytes(
        gzip.compress("\r\n".join([header, *rows]).encode("utf-8")))
    monkeypatch.setattr(gazetteer_module, "DATA_DIR", tmp_path)
    entries, keys = gazetteer_module._read_gazetteer_rows()
    assert keys == ["alpha town|alpha", "beta"]
    assert entries[0] == ("gazetteer:1", "city", "Alpha Town", "KEN", "Nairobi", "", -1.5, 36.5,
                          1200, 1, "alpha town")
    assert entries[1][1] == "admin1" and entries[1][9] == 3 and entries[1][10] == "beta"


def test_names_in_finds_whole_words_in_any_case_only() -> None:
    text = "Traders in ELDORET town protested; Nakuru-based groups joined."
    assert _names_in(text, ["Eldoret"])
    assert _names_in(text, ["", "  ", "nakuru"])  # a hyphen ends a word
    assert not _names_in(text, ["Eldo"])  # part of a word
    assert not _names_in(text, ["", " "])
    assert not _names_in("", ["Eldoret"])


def test_collection_paused_restores_the_collector_state() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("a loader failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()


def test_a_coded_document_leaves_no_sentence_names_behind() -> None:
    code_document(Document(id="d1", text="Police dispersed traders in Eldoret on Monday."))
    assert Gazetteer.load().scans == {}
