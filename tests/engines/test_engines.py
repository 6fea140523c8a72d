"""Every engine gives the local engine's records: the dask engine codes documents on dask
workers, the local one here or in forked processes."""

from __future__ import annotations

import pytest
from locations import ROOT

from coder.engines import code_corpus

CORPUS = str(ROOT / "corpus")


def test_dask_engine_gives_the_local_records(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.bag")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    local = code_corpus([CORPUS])
    on_dask = code_corpus([CORPUS], engine="dask", jobs=2)
    assert on_dask.n_documents == local.n_documents == 5
    assert on_dask.n_sentences == local.n_sentences
    assert [r.model_dump() for r in on_dask.records] == [r.model_dump() for r in local.records]


def test_dask_engine_batches_keep_input_order(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.bag")
    from coder.engines.dask import code_documents_on_dask
    from coder.io.corpus import read_documents
    from coder.models import Document

    docs = [d for d in read_documents([CORPUS]) if isinstance(d, Document)]
    coded = list(code_documents_on_dask(docs, jobs=2, batch=2))  # three batches
    assert [c.doc.id for c in coded] == [d.id for d in docs]


def test_local_worker_processes_give_the_same_records(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    one = code_corpus([CORPUS])
    two = code_corpus([CORPUS], jobs=2)
    assert (two.n_documents, two.n_sentences) == (one.n_documents, one.n_sentences)
    assert [r.model_dump() for r in two.records] == [r.model_dump() for r in one.records]
