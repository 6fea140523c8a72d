"""Reading documents: JSONL, CSV, directories of .txt files, and JSONL on standard input.

`read_documents` streams `Document`s (or `Rejected` for what cannot be coded) from any mix of
inputs; `document_from_text` is the one place where a raw text and its metadata become a
`Document`. Bad data never raises: it becomes a `Rejected` with a reason. Only usage errors (a
path that does not exist, an unsupported kind of file) raise, before anything is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import itertools
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import coder.problems as P
from coder.dictionaries.countries import country_by_name
from coder.io.boilerplate import clean_text
from coder.io.datelines import read_dateline, read_header
from coder.models import Document, Rejected

META_FIELDS: tuple[str, ...] = ("title", "published", "source", "url", "language", "country")
MANIFEST_NAME = "manifest.csv"
_MIN_WORDS = 3  # fewer words than this cannot hold a sentence with an event
_WORD_RE = re.compile(r"\w+")
_SURROGATE_RE = re.compile(r"[\udc80-\udcff]")  # bytes that were not UTF-8 (surrogateescape)
_CSV_FIELD_LIMIT = 1 << 30  # whole articles live in one CSV cell


class UsageError(Exception):
    """An input that cannot be read at all: wrong kind of file, or no such path."""


class InputNotFoundError(UsageError, FileNotFoundError):
    """An input path that does not exist."""


# --------------------------------------------------------------------------------------------
# One text -> one Document
# --------------------------------------------------------------------------------------------


def document_from_text(
    raw: str, doc_id: str, meta: dict[str, str] | None = None, origin: str = ""
) -> Document | Rejected:
    """Clean `raw`, read metadata from it where `meta` has none, and build the Document.

    Metadata precedence: a non-empty `meta` field wins over what the text says. A `country`
    (ACLED name, name, alias or ISO code) that names no country of countries.csv rejects the
    document (`unknown-country`): coded in no country or the wrong one, its actors and places
    would be wrong.
    """
    meta = {k: (v or "").strip() for k, v in (meta or {}).items()}
    country = known_country(meta.get("country", ""))
    if country is None:
        return Rejected.because(P.UNKNOWN_COUNTRY, origin, doc_id, country=meta["country"])
    if "\x00" in raw:
        return Rejected.because(P.BINARY, origin, doc_id, what="contains NUL bytes")
    if not raw.strip():
        return Rejected.because(P.EMPTY_TEXT, origin, doc_id)
    cleaned = clean_text(raw)
    if not cleaned:
        return Rejected.because(P.ONLY_BOILERPLATE, origin, doc_id)
    header = read_header(cleaned, meta.get("title", ""))
    dateline = read_dateline(header.body)
    body = dateline.body.strip()
    if not body:
        return Rejected.because(P.NO_BODY, origin, doc_id)
    if sum(1 for _ in itertools.islice(_WORD_RE.finditer(body), _MIN_WORDS)) < _MIN_WORDS:
        return Rejected.because(P.TOO_SHORT, origin, doc_id)

    doc = Document(id=doc_id, text=body, origin=origin, country=country)
    doc.title = " ".join((meta.get("title") or header.title).split())
    published = parse_published(meta.get("published", ""))
    if published is not None:
        doc.published, doc.published_source = published, "metadata"
    elif header.published is not None:
        doc.published, doc.published_source = header.published, "date_line"
    elif dateline.published is not None:
        doc.published, doc.published_source = dateline.published, "date_line"
    doc.source = meta.get("source") or dateline.source
    doc.url = meta.get("url", "")
    doc.language = meta.get("language") or "en"
    doc.dateline = dateline.place
    return doc


def known_country(value: str) -> str | None:
    """The ISO3 of a country given as known context ("Kenya", "KEN", "KE"); "" for none given,
    None for a name that is no country."""
    value = value.strip()
    if not value:
        return ""
    found = country_by_name(value)
    return found.iso3 if found is not None else None


def parse_published(value: str) -> dt.date | None:
    """An ISO date or datetime ("2021-11-07", "2021-11-07T09:30:00Z"), else a written date."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    from coder.stages.dates import parse_date_text  # late import: dates.py loads dateparser

    return parse_date_text(value)


# --------------------------------------------------------------------------------------------
# Inputs -> raw records -> Documents
# --------------------------------------------------------------------------------------------

# A record before cleaning: (doc_id, raw text, metadata, origin)
RawRecord = tuple[str, str, dict[str, str], str]
# What to read: (kind, path, manifest of a directory of .txt files)
_Plan = tuple[str, Path | None, dict[str, dict[str, str]]]


def read_documents(inputs: Iterable[str], *, country: str = "") -> Iterator[Document | Rejected]:
    """Stream every document of every input, in order; a repeated id is rejected. `country`
    is the country of every document that gives none of its own (`coder code --country`).

    Every input (and `country`) is checked before anything is read, so a usage error surfaces
    at once.
    """
    if known_country(country) is None:
        raise UsageError(f"unknown country: {country!r} (expected an ACLED country name or an "
                         "ISO code)")
    plan = [_plan(spec) for spec in inputs]
    return _documents(plan, country.strip())


def _plan(spec: str) -> _Plan:
    if spec == "-":
        return "stdin", None, {}
    path = Path(spec)
    if not path.exists():
        raise InputNotFoundError(f"input not found: {spec}")
    if path.is_dir():
        return "dir", path, _read_manifest(path / MANIFEST_NAME)
    name = path.name.lower()
    for suffix, kind in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".jsonl.gz", "jsonl"),
                         (".ndjson.gz", "jsonl"), (".csv", "csv"), (".csv.gz", "csv")):
        if name.endswith(suffix):
            return kind, path, {}
    if name.endswith(".txt"):
        return "txt", path, _read_manifest(path.parent / MANIFEST_NAME)
    raise UsageError(f"unsupported input (expected .jsonl, .csv, .txt, a directory or -): {spec}")


def _documents(plan: list[_Plan], country: str) -> Iterator[Document | Rejected]:
    seen: dict[str, str] = {}  # id -> origin where it was first read
    for kind, path, manifest in plan:
        for item in _raw_records(kind, path, manifest):
            if isinstance(item, Rejected):
                if item.doc_id:
                    seen.setdefault(item.doc_id, item.origin)
                yield item
                continue
            doc_id, raw, meta, origin = item
            if doc_id in seen:
                yield Rejected.because(P.DUPLICATE_ID, origin, doc_id, id="",
                                      where=f"read at {seen[doc_id]}")
                continue
            seen[doc_id] = origin
            if country and not meta.get("country"):
                meta = {**meta, "country": country}
            yield document_from_text(raw, doc_id, meta, origin)


def _raw_records(
    kind: str, path: Path | None, manifest: dict[str, dict[str, str]]
) -> Iterator[RawRecord | Rejected]:
    if kind == "stdin":
        stream = getattr(sys.stdin, "buffer", sys.stdin)
        return _jsonl_records(stream, "<stdin>")
    assert path is not None
    if kind == "dir":
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
        return _txt_records(files, manifest)
    if kind == "txt":
        return _txt_records([path], manifest)
    if kind == "csv":
        return _csv_file_records(path)
    return _jsonl_file_records(path)


def _jsonl_file_records(path: Path) -> Iterator[RawRecord | Rejected]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        yield from _jsonl_records(fh, str(path))


def _jsonl_records(lines: Iterable[bytes | str], name: str) -> Iterator[RawRecord | Rejected]:
    """One record per non-blank JSONL line; a line that cannot be read is rejected alone."""
    for lineno, line in enumerate(lines, start=1):
        origin = f"{name}:{lineno}"
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError as err:
                yield Rejected.because(P.NOT_UTF8, origin,
                                      detail=f" ({err.reason} at byte {err.start})")
                continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield Rejected.because(P.MALFORMED_JSON, origin,
                                  detail=f"{err.msg} (column {err.colno})")
            continue
        if not isinstance(obj, dict):
            yield Rejected.because(P.MALFORMED_JSON, origin, detail="not an object")
            continue
        yield _record_from_fields(obj, origin)


def _record_from_fields(fields: dict[str, object], origin: str) -> RawRecord | Rejected:
    """Check id and text, and keep the metadata fields as strings."""
    raw_id = fields.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        return Rejected.because(P.MISSING_ID if raw_id is None else P.INVALID_ID, origin)
    doc_id = str(raw_id).strip()
    if not doc_id:
        return Rejected.because(P.MISSING_ID, origin)
    text = fields.get("text")
    if not isinstance(text, str):
        return Rejected.because(P.MISSING_TEXT if text is None else P.INVALID_TEXT, origin, doc_id)
    meta = {k: str(fields[k]) for k in META_FIELDS if fields.get(k) is not None}
    return doc_id, text, meta, origin


def _csv_file_records(path: Path) -> Iterator[RawRecord | Rejected]:
    name = str(path)
    with _open_csv(path) as fh:
        reader = csv.DictReader(fh)
        try:
            header = reader.fieldnames
        except csv.Error as err:
            yield Rejected.because(P.BAD_CSV_HEADER, name, detail=err)
            return
        if not header:
            yield Rejected.because(P.EMPTY_FILE, name)
            return
        reader.fieldnames = [(h or "").strip().lower() for h in header]
        missing = [c for c in ("id", "text") if c not in reader.fieldnames]
        if missing:
            yield Rejected.because(P.MISSING_REQUIRED_COLUMN, name, columns=", ".join(missing))
            return
        line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                yield Rejected.because(P.MALFORMED_CSV, f"{name}:{line}", detail=err)
                line = reader.line_num + 1
                continue
            origin = f"{name}:{line}"
            line = reader.line_num + 1
            values = "".join(v for v in row.values() if isinstance(v, str))
            if _SURROGATE_RE.search(values):
                yield Rejected.because(P.NOT_UTF8, origin, (row.get("id") or "").strip(), detail="")
                continue
            yield _record_from_fields({k: v for k, v in row.items() if k}, origin)


def _open_csv(path: Path) -> IO[str]:
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    # surrogateescape keeps going past a bad byte so that only its row is rejected
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8-sig", errors="surrogateescape", newline="")
    return open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")  # noqa: SIM115


def _txt_records(
    files: Iterable[Path], manifest: dict[str, dict[str, str]]
) -> Iterator[RawRecord | Rejected]:
    for path in files:
        doc_id = path.stem
        origin = str(path)
        try:
            data = path.read_bytes()
        except OSError as err:
            yield Rejected.because(P.UNREADABLE_FILE, origin, doc_id, detail=err.strerror or err)
            continue
        if b"\x00" in data:
            yield Rejected.because(P.BINARY, origin, doc_id, what="binary file: contains NUL bytes")
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            yield Rejected.because(P.NOT_UTF8, origin, doc_id,
                                   detail=f" ({err.reason} at byte {err.start}); re-encode it")
            continue
        yield doc_id, text.removeprefix("\ufeff"), manifest.get(doc_id, {}), origin


def _read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """id -> metadata fields from a directory's manifest.csv (empty when there is none)."""
    if not path.is_file():
        return {}
    manifest: dict[str, dict[str, str]] = {}
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [(h or "").strip().lower() for h in reader.fieldnames or []]
            if "id" not in header:
                raise UsageError(f"{path}: a manifest needs a header row with an 'id' column")
            reader.fieldnames = header
            for row in reader:
                doc_id = (row.get("id") or "").strip()
                if doc_id:
                    manifest[doc_id] = {k: (row.get(k) or "") for k in META_FIELDS}
    except (UnicodeDecodeError, csv.Error) as err:
        raise UsageError(f"{path}: unreadable manifest: {err}") from err
    return manifest
