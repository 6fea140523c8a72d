"""The dask engine: documents are coded in parallel by dask workers, consolidated here.

`coder code --engine dask` reads documents as a stream, sends them to dask in batches (a
`dask.bag` per batch, so memory stays bounded by the batch size), and consolidates the coded
documents locally with the loop every engine shares (`base.run`): the records are the local
engine's.

The scheduler is dask's: worker processes on this machine by default (`--jobs N` of them), or a
dask.distributed cluster when `DASK_SCHEDULER_ADDRESS` names its scheduler (needs the
`distributed` package on the client and the workers).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from itertools import islice
from typing import Any

from coder.document.coding import CodedDocument, code_document
from coder.engines.base import CodingResult, Progress, load_dictionaries, run
from coder.models import Document, Rejected
from coder.problems import ProblemReport

BATCH_DOCUMENTS = 2_000


def code_with_dask(
    stream: Iterable[Document | Rejected],
    *,
    merge: bool = True,
    jobs: int = 1,
    report: ProblemReport | None = None,
    progress: Progress | None = None,
) -> CodingResult:
    """The local engine's result, with the per-document coding done on dask."""
    return run(code_on_dask, stream, merge=merge, jobs=jobs, report=report, progress=progress)


def code_on_dask(documents: Iterator[Document], jobs: int) -> Iterator[CodedDocument]:
    """The dask engine: `code_documents_on_dask` with the default batch size."""
    return code_documents_on_dask(documents, jobs=jobs)


def code_documents_on_dask(
    documents: Iterable[Document], *, jobs: int = 1, batch: int = BATCH_DOCUMENTS
) -> Iterator[CodedDocument]:
    """Coded documents, in input order, computed by dask in batches of `batch` documents."""
    import dask
    import dask.bag as db

    workers = max(jobs, 1)
    docs = iter(documents)
    with _scheduler() as client:
        while chunk := list(islice(docs, batch)):
            bag = db.from_sequence(chunk, npartitions=min(len(chunk), workers * 4))
            coded = bag.map_partitions(_code_partition)
            if client is not None:
                yield from client.compute(coded).result()
            else:
                with dask.config.set(scheduler="processes", num_workers=workers):
                    yield from coded.compute()


def _code_partition(docs: list[Document]) -> list[CodedDocument]:
    """Runs on a worker: dictionaries load once per worker process (they are cached)."""
    load_dictionaries()
    return [code_document(d) for d in docs]


def _scheduler() -> AbstractContextManager[Any]:
    """A dask.distributed client when DASK_SCHEDULER_ADDRESS is set, else local processes."""
    address = os.environ.get("DASK_SCHEDULER_ADDRESS", "").strip()
    if not address:
        return nullcontext(None)
    from dask.distributed import Client

    return Client(address)
