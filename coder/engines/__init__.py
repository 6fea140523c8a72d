"""Engines: where documents are coded. Every engine is a `DocumentCoder` (documents in, coded
documents out, in order) run by the one loop of `base.run`, so every engine gives the same
records.

- `local`: in this process, or in a pool of forked worker processes (`jobs`).
- `dask`: on dask workers, local processes or a dask.distributed cluster.
"""

from __future__ import annotations

from coder.engines.base import CodingResult, DocumentCoder, Progress, records_from, run
from coder.engines.dask import code_on_dask
from coder.engines.local import (
    Explanation,
    code_documents,
    code_locally,
    code_stream,
    explain_text,
)
from coder.io.corpus import read_documents
from coder.problems import ProblemReport

ENGINES: dict[str, DocumentCoder] = {"local": code_locally, "dask": code_on_dask}

__all__ = [
    "ENGINES", "CodingResult", "DocumentCoder", "Explanation", "code_corpus", "code_documents",
    "code_stream", "explain_text", "records_from",
]  # fmt: skip


def code_corpus(
    inputs: list[str],
    *,
    merge: bool = True,
    jobs: int = 1,
    engine: str = "local",
    report: ProblemReport | None = None,
    progress: Progress | None = None,
    country: str = "",
) -> CodingResult:
    """Read every input (files, directories, '-'), code it on `engine` ("local", "dask"), and
    consolidate when `merge`; `country` is the known country of every document that gives
    none of its own.

    Raises `coder.io.corpus.UsageError` for inputs that cannot be read at all (before anything
    is coded); bad documents are rejected with a reason, never raised.
    """
    stream = read_documents(inputs, country=country)
    return run(ENGINES[engine], stream, merge=merge, jobs=jobs, report=report, progress=progress)
