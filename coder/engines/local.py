"""The local engine: documents coded in this process, or in a pool of worker processes.

`code_corpus` and `code_documents` are the whole job on this machine: documents in,
consolidated event records out (the loop they share with the dask engine is `base.run`).
Documents are read and coded as a stream (constant memory per document); only the compact
per-document events are kept for consolidation, which needs every report of an event at once.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from coder.document.coding import CodedDocument, code_document, resolve_event_date
from coder.engines.base import CodingResult, Progress, load_dictionaries, records_from, run
from coder.io.corpus import read_documents
from coder.models import Document, EventMention, EventRecord, Rejected
from coder.problems import ProblemReport

__all__ = [
    "CodingResult", "Explanation", "code_corpus", "code_documents", "code_locally",
    "code_stream", "explain_text", "load_dictionaries", "records_from",
]  # fmt: skip


def code_locally(documents: Iterator[Document], jobs: int) -> Iterator[CodedDocument]:
    """The local engine: each document coded here (`jobs` 1) or by `jobs` forked processes,
    in input order."""
    if jobs <= 1:
        load_dictionaries()
        yield from (code_document(d) for d in documents)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(processes=jobs, initializer=load_dictionaries) as pool:
        yield from pool.imap(code_document, documents, chunksize=8)


def code_corpus(
    inputs: list[str],
    *,
    merge: bool = True,
    jobs: int = 1,
    report: ProblemReport | None = None,
    progress: Progress | None = None,
) -> CodingResult:
    """Read every input (files, directories, '-'), code it here, and consolidate when `merge`.

    Raises `coder.io.corpus.UsageError` for inputs that cannot be read at all; bad documents
    are rejected with a reason (in `result.rejected` and in `report`), never raised.
    """
    return code_stream(read_documents(inputs), merge=merge, jobs=jobs, report=report,
                       progress=progress)


def code_stream(
    stream: Iterable[Document | Rejected],
    *,
    merge: bool = True,
    jobs: int = 1,
    report: ProblemReport | None = None,
    progress: Progress | None = None,
) -> CodingResult:
    """Code a stream of documents (and pass rejections through to the result)."""
    return run(code_locally, stream, merge=merge, jobs=jobs, report=report, progress=progress)


def code_documents(docs: Iterable[Document], *, merge: bool = True) -> CodingResult:
    """Code already-read documents."""
    return code_stream(docs, merge=merge)


@dataclass(slots=True)
class Explanation:
    """One text's records and every event mention found in it, with the rules that fired."""

    records: list[EventRecord]
    mentions: list[EventMention]


def explain_text(text: str, date: dt.date | None = None) -> Explanation:
    """Code one text and keep its mentions, so the CLI can show which rules fired on what."""
    doc = Document(id="text", text=text, published=date,
                   published_source="metadata" if date else "none")
    coded = code_document(doc)
    records = records_from([coded], merge=True)
    for ev in coded.events:
        ev.mention.date = resolve_event_date(ev, coded.anchor)
    return Explanation(records, [ev.mention for ev in coded.events])
