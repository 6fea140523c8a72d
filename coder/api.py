"""The library's public entry points: what the `coder` command does, as functions with typed
results. The command line only parses options, calls these and prints what they return.

    >>> from coder.api import code_texts
    >>> result = code_texts(["Police arrested two protesters in Paris on Monday."])
    >>> [r.sub_event_type for r in result.records]
    ['Arrests']

Every function that codes first loads all dictionaries (`check_dictionaries`): a broken entry
in any file raises one `DictionaryError` listing the problems of every file.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import coder.engines as engines
from coder.dictionaries.registry import check_all
from coder.engines.base import CodingResult, Progress
from coder.engines.local import Explanation
from coder.io.corpus import UsageError, document_from_text, known_country
from coder.io.export import RecordFileError, open_records, write_records, write_rejects
from coder.models import Document, EventRecord, Rejected
from coder.problems import UNREADABLE_RECORDS, Problem, ProblemReport
from coder.tools.acled import AcledEvaluation
from coder.tools.coverage import CoverageReport, rule_coverage
from coder.tools.evaluate import EvaluationReport, floor_failures, read_gold
from coder.tools.evaluate import evaluate as score
from coder.tools.merge import MergeResult, merge_record_files
from coder.tools.validate import check_records, validate_file

__all__ = [
    "CodingResult", "CoverageReport", "Evaluation", "Explanation", "MergeResult", "RunSummary",
    "AcledEvaluation", "check_dictionaries", "code_corpus", "code_texts", "coverage", "evaluate",
    "evaluate_acled", "explain_text",
    "merge_records", "validate_records",
]  # fmt: skip


def check_dictionaries() -> None:
    """Load every dictionary table of the pipeline; raise one DictionaryError listing the
    problems of all files, or return.

    >>> check_dictionaries()  # the packaged dictionaries are valid
    """
    import coder.io.boilerplate  # noqa: F401  (every module that registers a table is loaded)
    import coder.io.datelines  # noqa: F401
    import coder.stages.dates  # noqa: F401

    check_all()


@dataclass(slots=True)
class RunSummary:
    """A coding run: its result, the problems to report (in order) and its counts.

    `problems` are the rejected documents, then the records that fail ACLED's consistency
    rules; `failed` says whether the data had problems (the CLI's exit status 1).
    """

    result: CodingResult
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    n_written: int = 0

    @property
    def records(self) -> list[EventRecord]:
        return self.result.records

    @property
    def rejected(self) -> list[Rejected]:
        return self.result.rejected

    @property
    def failed(self) -> bool:
        """True when a document was rejected or a record is invalid."""
        return bool(self.rejected) or any(
            p.kind in ("rejected_document", "invalid_record") for p in self.problems
        )

    def messages(self) -> list[str]:
        """The problems as printed, one line each: `origin: message`."""
        return [str(p) for p in self.problems]

    def summary(self) -> str:
        """The one-line run summary: counts, time and speed."""
        r = self.result
        rate = r.n_sentences / self.seconds if self.seconds > 0 else 0.0
        return (
            f"documents {r.n_documents}  rejected {len(r.rejected)}  "
            f"sentences {r.n_sentences}  records {self.n_written}  "
            f"seconds {self.seconds:.2f}  sentences/s {rate:.0f}"
        )


def code_corpus(
    inputs: list[str],
    *,
    output: str | None = None,
    rejects: str | None = None,
    merge: bool = True,
    jobs: int = 1,
    engine: str = "local",
    progress: Progress | None = None,
    country: str = "",
) -> RunSummary:
    """Code every input (JSONL, CSV, directories of .txt, '-'), write the records to `output`
    (and the rejected documents to `rejects`) when given, and check the records. `country`
    (an ACLED country name or ISO code) is the known country of every document that gives no
    `country` of its own: places are looked up there first, unnamed actors belong to it.

    Raises `UsageError` for an input that cannot be read at all, an unknown `country` or an
    engine that is not installed, `DictionaryError` for broken dictionaries, `OSError` for an
    unwritable output.

    >>> run = code_corpus(["corpus"], output="events.csv")
    >>> run.summary(), run.failed
    """
    if engine == "dask" and importlib.util.find_spec("dask") is None:
        raise UsageError("the dask engine needs dask: install coder[dask]")
    if known_country(country) is None:
        raise UsageError(f"unknown country: {country!r} (expected an ACLED country name or an "
                         "ISO code)")
    check_dictionaries()
    report = ProblemReport()
    started = time.perf_counter()
    result = engines.code_corpus(
        inputs, merge=merge, jobs=jobs, engine=engine, report=report, progress=progress,
        country=country,
    )
    run = RunSummary(result, seconds=time.perf_counter() - started)
    run.n_written = write_records(result.records, output) if output else len(result.records)
    if rejects:
        write_rejects(result.rejected, rejects)
    run.problems = _run_problems(report, result, "" if output in (None, "-") else str(output))
    return run


def _run_problems(report: ProblemReport, result: CodingResult, file: str) -> list[Problem]:
    """The engine's problems, then each rejection it did not report, then invalid records."""
    problems = list(report)
    listed = {(p.file, p.message) for p in report}
    problems += [
        Problem("rejected_document", f"rejected: {r.reason}", r.origin, value=r.doc_id,
                code=r.code)
        for r in result.rejected
        if (r.origin, r.reason) not in listed
    ]
    return problems + check_records(result.records, file)


def code_texts(
    texts: Iterable[str | Mapping[str, Any]], *, merge: bool = True, country: str = ""
) -> CodingResult:
    """Code texts given in memory: plain strings (ids "1", "2", ...) or dicts with `id`,
    `text` and metadata (`title`, `published`, `source`, `url`, `language`, `country`),
    cleaned as files are. `country` is the known country of every text that gives none; a
    text that cannot be coded (an unknown `country` too) is in `result.rejected`.

    >>> code_texts([{"id": "a", "text": "Troops clashed with rebels in Palma on Friday.",
    ...              "published": "2021-03-27"}]).records[0].event_type
    'Battles'
    """
    check_dictionaries()
    items: list[Document | Rejected] = []
    for i, item in enumerate(texts, start=1):
        fields = {"text": item} if isinstance(item, str) else dict(item)
        doc_id = str(fields.pop("id", i))
        text = str(fields.pop("text", ""))
        meta = {k: str(v) for k, v in fields.items() if v is not None}
        if country and not meta.get("country"):
            meta["country"] = country
        items.append(document_from_text(text, doc_id, meta, origin=f"text {i}"))
    return engines.code_stream(items, merge=merge)


def explain_text(text: str, date: dt.date | None = None) -> Explanation:
    """Code one text and keep its event mentions, with the rules that fired and where.

    >>> e = explain_text("Police fired on protesters in Lagos.", dt.date(2020, 10, 20))
    >>> [m.rule_ids for m in e.mentions]
    """
    check_dictionaries()
    return engines.explain_text(text, date)


def coverage(inputs: list[str]) -> CoverageReport:
    """Code the inputs and list, per dictionary file, the rules that never fired.

    >>> print(coverage(["examples/mogadishu.jsonl"]).to_text())
    """
    check_dictionaries()
    return rule_coverage(inputs)


def validate_records(path: str) -> list[Problem]:
    """Every problem of a record file (CSV, JSONL, JSON, Parquet; '-' reads standard input);
    a file that cannot be read at all is one `unreadable-records` problem.

    >>> [p.code for p in validate_records("events.csv")]
    []
    """
    try:
        return validate_file(path)
    except RecordFileError as err:
        return [UNREADABLE_RECORDS.at(path, detail=err)]


def merge_records(paths: list[str], output: str) -> MergeResult:
    """Combine record files into `output`, each event once (`coder merge`); raises
    RecordFileError for a file that cannot be read at all.

    >>> merge_records(["a.csv", "b.csv"], "all.csv").summary()
    """
    result = merge_record_files(paths)
    result.n_written = write_records(result.records, output)
    return result


@dataclass(slots=True)
class Evaluation:
    """A scored record set and the floors it is below (one message each)."""

    report: EvaluationReport
    failed: list[str] = field(default_factory=list)


def evaluate(
    records: str | list[dict[str, Any]],
    gold: str | list[str] | list[dict[str, Any]],
    *,
    min_recall: float | None = None,
    min_precision: float | None = None,
    min_fields: dict[str, float] | None = None,
) -> Evaluation:
    """Score records (a record file, or rows) against gold events (gold JSONL files, or gold
    events): precision, recall, F1, field accuracy, and the floors missed.

    >>> evaluate("events.csv", ["gold.jsonl"], min_recall=0.6).report.summary()
    """
    rows = [row for _, row in open_records(records).rows] if isinstance(records, str) else records
    gold_events = [g for path in ([gold] if isinstance(gold, str) else gold)
                   for g in (read_gold(path) if isinstance(path, str) else [path])]
    report = score(rows, gold_events)
    failed = floor_failures(report, min_recall=min_recall, min_precision=min_precision,
                            min_fields=min_fields)
    return Evaluation(report, failed)


def evaluate_acled(
    export: str, *, with_country: bool = False, limit: int | None = None
) -> AcledEvaluation:
    """Code the notes of an ACLED export (today's schema or the pre-2019 one) and score the
    coder against ACLED's own coding, field by field (`coder evaluate --acled`).

    >>> ev = evaluate_acled("my_region.csv", limit=500)
    >>> print(ev.render(misses=5))
    """
    from coder.tools.acled import evaluate_acled as score_export

    check_dictionaries()
    return score_export(export, with_country=with_country, limit=limit)
