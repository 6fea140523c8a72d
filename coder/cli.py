"""The `coder` command line: each command parses its options and calls one library function.

Exit status: 0 all good, 1 the data had problems (invalid records, rejected documents, a missed
evaluation floor), 2 usage errors (bad option, unreadable path, unknown format). Only data goes
to standard output; messages, progress and the run summary go to standard error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from coder import __version__
from coder.dictionaries.files import DictionaryError, add_user_directory
from coder.io.export import RecordFileError, UnsupportedFormat, output_format
from coder.problems import Problem

app = typer.Typer(
    name="coder",
    help="Rule-based conflict event coder: news articles in, ACLED/CAMEO event records out.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # plain click messages: usage errors stay one greppable line, in terminals and CI logs alike
    rich_markup_mode=None,
)


class Engine(StrEnum):
    local = "local"
    dask = "dask"


# Options and arguments shared by several commands, declared once.
OutputOption = Annotated[
    str,
    typer.Option(
        "--output", "-o", metavar="OUTPUT",
        help="File to write: .csv, .jsonl or .parquet (by extension); '-' writes CSV to stdout.",
    ),
]  # fmt: skip
RecordFiles = Annotated[
    list[str], typer.Argument(metavar="FILE...", help="Record files: CSV, JSONL, JSON or Parquet.")
]


def _say(message: str) -> None:
    typer.echo(message, err=True)


def _usage_error(message: str) -> NoReturn:
    _say(f"coder: error: {message}")
    raise typer.Exit(2)


def _require_paths(paths: list[str], *, allow_stdin: bool = False) -> None:
    for p in paths:
        if p == "-" and allow_stdin:
            continue
        if not Path(p).exists():
            _usage_error(f"no such file or directory: {p}")


def _check_output(output: str) -> None:
    """Fail before any work when OUTPUT cannot be written: unknown format, no such directory."""
    with _usage_errors():
        output_format(output)
    if output != "-" and not Path(output).resolve().parent.is_dir():
        _usage_error(f"no such directory for the output: {Path(output).parent}")


@contextlib.contextmanager
def _usage_errors() -> Iterator[None]:
    """Turn errors about the command's own inputs into exit status 2 with a one-line message."""
    try:
        yield
    except DictionaryError as err:
        _say("coder: error: invalid dictionary entries:")
        for p in err.problems:
            _say(f"  {p}")
        raise typer.Exit(2) from err
    except (OSError, UnsupportedFormat) as err:
        _usage_error(str(err))
    except Exception as err:
        from coder.io.corpus import UsageError  # an input the corpus reader cannot take

        if isinstance(err, UsageError):
            _usage_error(str(err))
        raise


@contextlib.contextmanager
def _progress(label: str) -> Iterator[Callable[[int], None] | None]:
    """A live document count on a terminal; nothing in pipes, files or CI logs."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from rich.console import Console

    with Console(stderr=True).status(label) as status:

        def update(n_documents: int) -> None:
            if n_documents % 20 == 0:  # redrawing per document would cost more than coding it
                status.update(f"{label}: {n_documents}")

        yield update


def _print_problems(problems: list[Problem], *, err: bool) -> None:
    for p in problems:
        typer.echo(str(p), err=err)


# --------------------------------------------------------------------------------------------
# code
# --------------------------------------------------------------------------------------------


@app.command()
def code(
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="INPUT...", help="*.jsonl, *.csv, directories of *.txt, or '-'."),
    ],
    output: OutputOption,
    no_merge: Annotated[
        bool, typer.Option("--no-merge", help="One record set per document; no consolidation.")
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parallel processes.")] = 1,
    rejects: Annotated[
        str | None,
        typer.Option("--rejects", metavar="PATH", help="Write rejected documents here (JSONL)."),
    ] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="Execution engine.")] = Engine.local,
    country: Annotated[
        str,
        typer.Option("--country", metavar="NAME",
                     help="The country the documents are about (ACLED name or ISO code), for "
                          "those without a `country` field of their own."),
    ] = "",
) -> None:
    """Code documents into event records."""
    _require_paths(inputs, allow_stdin=True)
    _check_output(output)
    from coder import api  # imported here: it loads far more than `coder schema` needs

    with _usage_errors(), _progress("coding documents") as progress:
        run = api.code_corpus(
            inputs,
            output=output,
            rejects=rejects,
            merge=not no_merge,
            jobs=jobs,
            engine=engine.value,
            progress=progress,
            country=country,
        )
    for message in run.messages():
        _say(message)
    _say(run.summary())
    if run.failed:
        raise typer.Exit(1)


# --------------------------------------------------------------------------------------------
# validate, merge, schema
# --------------------------------------------------------------------------------------------


@app.command()
def validate(files: RecordFiles) -> None:
    """Check record files against the published JSON Schema; print FILE:ROW: column: message."""
    from coder.api import validate_records

    _require_paths(files, allow_stdin=True)
    n_problems = 0
    for path in files:
        with _usage_errors():
            problems = validate_records(path)
        _print_problems(problems, err=False)
        n_problems += len(problems)
        _say(f"{path}: {len(problems)} problem(s)" if problems else f"{path}: valid")
    if n_problems:
        raise typer.Exit(1)


@app.command()
def merge(files: RecordFiles, output: OutputOption) -> None:
    """Combine record files into one dataset without duplicate events."""
    from coder.api import merge_records

    _require_paths(files, allow_stdin=True)
    _check_output(output)
    with _usage_errors():
        try:
            result = merge_records(files, output)
        except RecordFileError as err:
            _say(str(err))
            raise typer.Exit(1) from err
    _print_problems(result.problems, err=True)
    _say(result.summary())
    if result.failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an event record."""
    from coder.io.schema import schema_json

    typer.echo(schema_json(), nl=False)


# --------------------------------------------------------------------------------------------
# explain
# --------------------------------------------------------------------------------------------


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from err


@app.command()
def explain(
    text: Annotated[str, typer.Argument(metavar="SENTENCE", help="Text to code; '-' = stdin.")],
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="Publication date to resolve against."),
    ] = None,
) -> None:
    """Code one text and show the records and the rules that fired on which words."""
    from coder import api
    from coder.tools.explain import format_explanation

    when = _parse_date(date)
    if text == "-":
        text = sys.stdin.read()
    with _usage_errors():
        explanation = api.explain_text(text, when)
    typer.echo(format_explanation(explanation.records, explanation.mentions))


# --------------------------------------------------------------------------------------------
# evaluate
# --------------------------------------------------------------------------------------------


@app.command()
def evaluate(
    records: Annotated[
        str | None, typer.Argument(metavar="RECORDS", help="Record file to score.")
    ] = None,
    gold: Annotated[
        list[str] | None,
        typer.Option("--gold", metavar="GOLD.jsonl", help="Gold events (repeatable)."),
    ] = None,
    min_recall: Annotated[
        float | None, typer.Option("--min-recall", min=0.0, max=1.0, help="Fail below this.")
    ] = None,
    min_precision: Annotated[
        float | None, typer.Option("--min-precision", min=0.0, max=1.0, help="Fail below this.")
    ] = None,
    min_field: Annotated[
        list[str] | None,
        typer.Option(
            "--min-field", metavar="FIELD=SCORE",
            help="Fail when a field's accuracy is below SCORE, e.g. sub_event_type=0.9 "
                 "(repeatable; fields as in the report, plus actor_pair).",
        ),
    ] = None,
    acled: Annotated[
        str | None,
        typer.Option("--acled", metavar="EXPORT.csv",
                     help="Code the notes of an ACLED export and score the coder against it."),
    ] = None,
    with_country: Annotated[
        bool, typer.Option("--with-country",
                           help="With --acled: code each note as about its row's country "
                                "(as `code --country`) and score country on every note."),
    ] = False,
    misses: Annotated[
        int, typer.Option("--misses", min=0, help="With --acled: list N disagreements a field.")
    ] = 0,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="With --acled: only the first N rows.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score records against gold events (precision, recall, F1, field accuracy), or, with
    --acled, the coder against a real ACLED export."""
    if acled is not None:
        _evaluate_acled(acled, with_country=with_country, misses=misses, limit=limit,
                        as_json=as_json)
        return
    if records is None or not gold:
        _usage_error("evaluate needs RECORDS and --gold GOLD.jsonl, or --acled EXPORT.csv")
    _evaluate_gold(records, gold, min_recall, min_precision, min_field or [], as_json)


def _evaluate_acled(export: str, *, with_country: bool, misses: int, limit: int | None,
                    as_json: bool) -> None:
    """Print the field-by-field agreement of the coder with an ACLED export."""
    from coder.api import evaluate_acled
    from coder.tools.acled import AcledReadError

    _require_paths([export])
    with _usage_errors():
        try:
            result = evaluate_acled(export, with_country=with_country, limit=limit)
        except (AcledReadError, OSError) as err:
            _usage_error(str(err))
    if as_json:
        typer.echo(json.dumps(result.to_json(misses=misses), indent=2, ensure_ascii=False))
    else:
        typer.echo(result.render(misses=misses))


def _evaluate_gold(records: str, gold: list[str], min_recall: float | None,
                   min_precision: float | None, min_field: list[str], as_json: bool) -> None:
    """Score a record file against gold events; exit 1 below a floor."""
    from coder.api import evaluate as score
    from coder.tools.evaluate import parse_field_floors

    try:
        floors = parse_field_floors(min_field)
    except ValueError as err:
        _usage_error(str(err))
    _require_paths([records, *gold])
    with _usage_errors():
        try:
            result = score(records, gold, min_recall=min_recall, min_precision=min_precision,
                           min_fields=floors)
        except (RecordFileError, json.JSONDecodeError) as err:
            _say(f"coder: {err}")
            raise typer.Exit(1) from err
    # Floors go first, so that the report's closing summary stays the last lines printed.
    for message in result.failed:
        _say(f"coder: {message}")
    sys.stderr.flush()
    if as_json:
        typer.echo(json.dumps(result.report.to_dict(), indent=2, ensure_ascii=False))
        _say(result.report.summary())
    else:
        typer.echo(result.report.to_text())
    if result.failed:
        raise typer.Exit(1)


# --------------------------------------------------------------------------------------------
# coverage
# --------------------------------------------------------------------------------------------


@app.command()
def coverage(
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="INPUT...", help="Documents to code, as for `coder code`."),
    ],
) -> None:
    """List the dictionary rules that never fired on a corpus (to prune or fix them)."""
    _require_paths(inputs, allow_stdin=True)
    from coder.api import coverage as rule_coverage

    with _usage_errors():
        report = rule_coverage(inputs)
    typer.echo(report.to_text())


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"coder {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            is_eager=True,
            callback=_print_version,
        ),
    ] = False,
    dictionaries: Annotated[
        list[str] | None,
        typer.Option(
            "--dictionaries", metavar="DIR",
            help="Your own dictionary directory, read after the packaged one (repeatable; "
                 "files mirror coder/data/, e.g. DIR/events/triggers.jsonl).",
        ),
    ] = None,
) -> None:
    """Rule-based conflict event coder: news articles in, ACLED/CAMEO event records out."""
    for directory in dictionaries or []:
        try:
            add_user_directory(directory)
        except FileNotFoundError as err:
            _usage_error(str(err))


def main() -> None:
    """Console entry point (`coder`, `python -m coder`)."""
    try:
        app()
    except BrokenPipeError:
        # The reader of our stdout went away (`coder schema | head`): not an error of ours.
        sys.stderr.close()
        os._exit(0)
