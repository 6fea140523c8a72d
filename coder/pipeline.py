"""The whole job: documents in, consolidated and validated event records out.

corpus -> documents -> sentences -> events -> records -> consolidation -> records
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from coder.models import Document, EventMention, EventRecord, ProblemReport, Rejected


@dataclass(slots=True)
class CodingResult:
    """What a coding run produced, with its counts for the run summary."""

    records: list[EventRecord] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    n_documents: int = 0
    n_sentences: int = 0
    n_mentions: int = 0


def code_corpus(
    inputs: list[str], *, merge: bool = True, jobs: int = 1, report: ProblemReport | None = None
) -> CodingResult:
    """Read every input (files, directories, '-'), code it, and consolidate when `merge`."""
    raise NotImplementedError


def code_documents(docs: Iterable[Document], *, merge: bool = True) -> CodingResult:
    """Code already-read documents."""
    raise NotImplementedError


def code_document(doc: Document) -> list[EventMention]:
    """Every event mention in one document (no records, no consolidation)."""
    raise NotImplementedError


@dataclass(slots=True)
class Explanation:
    records: list[EventRecord]
    mentions: list[EventMention]


def explain_text(text: str, date: dt.date | None = None) -> Explanation:
    """Code one text and keep the mentions, so the CLI can show which rules fired on what."""
    raise NotImplementedError


def iter_records(result: CodingResult) -> Iterator[EventRecord]:
    return iter(result.records)
