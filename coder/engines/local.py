"""The whole job: documents in, consolidated event records out.

corpus -> documents -> sentences -> events -> records -> consolidation -> records

Documents are read and coded as a stream (constant memory per document); only the compact
per-document events are kept for consolidation, which needs every report of an event at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from coder.document.coding import CodedDocument, code_document, resolve_event_date
from coder.io.corpus import read_documents
from coder.models import Document, EventMention, EventRecord, Rejected
from coder.problems import Problem, ProblemReport
from coder.records.build import build_record, coding_timestamp
from coder.records.consolidate import consolidate

Progress = Callable[[int], None]


@dataclass(slots=True)
class CodingResult:
    """What a coding run produced, with its counts for the run summary."""

    records: list[EventRecord] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    n_documents: int = 0
    n_sentences: int = 0
    n_mentions: int = 0


def code_corpus(
    inputs: list[str],
    *,
    merge: bool = True,
    jobs: int = 1,
    engine: str = "local",
    report: ProblemReport | None = None,
    progress: Progress | None = None,
) -> CodingResult:
    """Read every input (files, directories, '-'), code it, and consolidate when `merge`.

    Raises `coder.corpus.UsageError` for inputs that cannot be read at all; bad documents are
    rejected with a reason (in `result.rejected` and in `report`), never raised.
    """
    stream = read_documents(inputs)
    if engine == "dask":
        from coder.engines.dask import code_with_dask

        return code_with_dask(stream, merge=merge, jobs=jobs, report=report, progress=progress)
    return code_stream(stream, merge=merge, jobs=jobs, report=report, progress=progress)


def code_stream(
    stream: Iterable[Document | Rejected],
    *,
    merge: bool = True,
    jobs: int = 1,
    report: ProblemReport | None = None,
    progress: Progress | None = None,
) -> CodingResult:
    """Code a stream of documents (and pass rejections through to the result)."""
    result = CodingResult()
    documents = _split_rejects(stream, result, report)
    coded = _code_all(documents, jobs)
    kept: list[CodedDocument] = []
    for cd in coded:
        result.n_documents += 1
        result.n_sentences += cd.n_sentences
        result.n_mentions += len(cd.events)
        kept.append(_compact(cd))
        if progress is not None:
            progress(result.n_documents)
    result.records = records_from(kept, merge=merge)
    return result


def code_documents(docs: Iterable[Document], *, merge: bool = True) -> CodingResult:
    """Code already-read documents."""
    return code_stream(docs, merge=merge)


def records_from(coded: list[CodedDocument], *, merge: bool = True) -> list[EventRecord]:
    """Consolidate coded documents into records, in a stable order."""
    timestamp = coding_timestamp()
    clusters = consolidate(coded, merge=merge)
    return [build_record(c, timestamp) for c in clusters]


def _split_rejects(
    stream: Iterable[Document | Rejected], result: CodingResult, report: ProblemReport | None
) -> Iterator[Document]:
    for item in stream:
        if isinstance(item, Rejected):
            result.rejected.append(item)
            if report is not None:
                report.add(Problem("rejected_document", item.reason, file=item.origin,
                                   value=item.doc_id))
            continue
        yield item


def load_dictionaries() -> None:
    """Load every dictionary, then exempt them from garbage collection.

    The gazetteer and actor tables are hundreds of thousands of long-lived objects; without
    `gc.freeze()` every full collection would walk them again while documents are coded.
    """
    global _LOADED
    if _LOADED:
        return
    code_document(Document(id="warm-up", text="Police arrested two protesters in Paris."))
    gc.collect()
    gc.freeze()
    # coding allocates many short-lived objects (tokens, mentions): collect the young
    # generation less often
    gc.set_threshold(50_000, 20, 20)
    _LOADED = True


_LOADED = False


def _code_all(documents: Iterator[Document], jobs: int) -> Iterator[CodedDocument]:
    if jobs <= 1:
        load_dictionaries()
        yield from (code_document(d) for d in documents)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(processes=jobs, initializer=_warm_up) as pool:
        yield from pool.imap(code_document, documents, chunksize=8)


def _warm_up() -> None:
    """Load every dictionary once per worker process."""
    load_dictionaries()


def _compact(cd: CodedDocument) -> CodedDocument:
    """Drop the document text once coded: consolidation keeps every coded document but needs
    only its metadata and events (evidence is kept per sentence). The caller's document is
    left untouched."""
    slim = dataclasses.replace(cd.doc, text="")
    cd.doc = slim
    for ev in cd.events:
        ev.doc = slim
    return cd


@dataclass(slots=True)
class Explanation:
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

