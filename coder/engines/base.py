"""What every engine shares: the coding loop, its result, and the steps around the coding.

An engine is one function, `DocumentCoder`: it takes the documents to code (and how many
parallel workers it may use) and yields each one coded, in input order. Everything else is the
same for every engine and lives here: rejected documents are passed through to the result,
coded documents are counted and compacted, and the kept documents are consolidated into records.

corpus -> documents -> [engine: code each document] -> compact -> consolidation -> records
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from coder.dictionaries.registry import collection_paused
from coder.document.coding import CodedDocument, code_document
from coder.models import Document, EventRecord, Rejected
from coder.problems import Problem, ProblemReport
from coder.records.build import build_record, coding_timestamp
from coder.records.consolidate import consolidate

Progress = Callable[[int], None]
# An engine: the documents to code and the number of workers -> the coded documents, in order.
DocumentCoder = Callable[[Iterator[Document], int], Iterator[CodedDocument]]


@dataclass(slots=True)
class CodingResult:
    """What a coding run produced, with its counts for the run summary."""

    records: list[EventRecord] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    n_documents: int = 0
    n_sentences: int = 0
    n_mentions: int = 0


def run(
    engine: DocumentCoder,
    stream: Iterable[Document | Rejected],
    *,
    merge: bool = True,
    jobs: int = 1,
    report: ProblemReport | None = None,
    progress: Progress | None = None,
) -> CodingResult:
    """Code a stream of documents with `engine` and consolidate them (when `merge`).

    Rejections in the stream go to `result.rejected` (and to `report`); the records are the
    same whichever engine codes the documents.
    """
    result = CodingResult()
    documents = split_rejects(stream, result, report)
    kept: list[CodedDocument] = []
    for cd in engine(documents, jobs):
        result.n_documents += 1
        result.n_sentences += cd.n_sentences
        result.n_mentions += len(cd.events)
        kept.append(compact(cd))
        if progress is not None:
            progress(result.n_documents)
    result.records = records_from(kept, merge=merge)
    return result


def split_rejects(
    stream: Iterable[Document | Rejected], result: CodingResult, report: ProblemReport | None
) -> Iterator[Document]:
    """The documents of `stream`; its rejections go to `result` (and `report`) on the way."""
    for item in stream:
        if isinstance(item, Rejected):
            result.rejected.append(item)
            if report is not None:
                report.add(Problem("rejected_document", item.reason, file=item.origin,
                                   value=item.doc_id, code=item.code))
            continue
        yield item


def records_from(coded: list[CodedDocument], *, merge: bool = True) -> list[EventRecord]:
    """Consolidate coded documents into records, in a stable order."""
    timestamp = coding_timestamp()
    clusters = consolidate(coded, merge=merge)
    return [build_record(c, timestamp) for c in clusters]


def compact(cd: CodedDocument) -> CodedDocument:
    """Drop the document text once coded: consolidation keeps every coded document but needs
    only its metadata and events (evidence is kept per sentence). The caller's document is
    left untouched."""
    slim = dataclasses.replace(cd.doc, text="")
    cd.doc = slim
    for ev in cd.events:
        ev.doc = slim
    return cd


_loaded: list[bool] = []  # set once this process has loaded (and frozen) the dictionaries


def load_dictionaries() -> None:
    """Load every dictionary, then exempt them from garbage collection (once per process).

    The gazetteer and actor tables are hundreds of thousands of long-lived objects; without
    `gc.freeze()` every full collection would walk them again while documents are coded.
    """
    if _loaded:
        return
    with collection_paused():  # loading creates no garbage cycles worth a collection
        code_document(Document(id="warm-up", text="Police arrested two protesters in Paris."))
    gc.collect()
    gc.freeze()
    # coding allocates many short-lived objects (tokens, mentions): collect the young
    # generation less often
    gc.set_threshold(50_000, 20, 20)
    _loaded.append(True)
