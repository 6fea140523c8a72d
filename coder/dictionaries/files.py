"""Loading the rule and dictionary files in `coder/data/`, validated entry by entry.

Every file is read into pydantic models; all problems in all files are collected and raised
together as one `DictionaryError` whose lines read `file:line: field: message`. A broken
dictionary is a clear error, never a silent skip.

Users may add their own dictionary directory (`CODER_DICTIONARIES` or `add_user_directory`): a
file there with the same relative path as a packaged file is read after it, so its entries extend
or override the packaged ones.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ValidationError

import coder.problems as P
from coder.dictionaries.registry import (
    DictionaryError,
    _user_dirs,  # noqa: F401  (tests/test_actors.py resets it; use remove_user_directories)
    add_user_directory,
    clear_caches,
    register_cache,
    remove_user_directories,
    user_directories,
)
from coder.problems import Problem

__all__ = [
    "DATA_DIR", "DictionaryError", "PipeList", "add_user_directory", "clear_caches",
    "data_files", "read_csv_models", "read_jsonl_models", "register_cache",
    "remove_user_directories", "ruleset_hash", "split_cell", "split_list", "user_directories",
]  # fmt: skip

DATA_DIR = Path(__file__).parents[1] / "data"
M = TypeVar("M", bound=BaseModel)


def data_files(relative: str) -> list[Path]:
    """The packaged file, then any user file at the same relative path."""
    files = [DATA_DIR / relative]
    files += [d / relative for d in user_directories() if (d / relative).exists()]
    return files


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")  # noqa: SIM115


def _problems_from(err: ValidationError, file: str, line: int) -> list[Problem]:
    out = []
    for e in err.errors():
        column = ".".join(str(x) for x in e["loc"]) or "-"
        out.append(P.BAD_DICTIONARY.at(file, line, column, str(e.get("input", ""))[:80],
                                       detail=e["msg"]))
    return out


def _each_file(relative: str, problems: list[Problem]) -> Iterator[tuple[str, io.TextIOBase]]:
    """The packaged file and user overrides, opened; a missing one becomes a problem."""
    for path in data_files(relative):
        name = _display(path)
        if not path.exists():
            problems.append(P.FILE_NOT_FOUND.at(name))
            continue
        with _open_text(path) as fh:
            yield name, fh


def read_csv_models(relative: str, model: type[M], *, delimiter: str = ",") -> list[M]:
    """Read every row of a packaged CSV (and user overrides) into `model`, or raise."""
    rows: list[M] = []
    problems: list[Problem] = []
    for name, fh in _each_file(relative, problems):
        lines = _LineCounter(fh)
        ids = _IdCheck(model, name, problems)
        for raw in csv.DictReader(lines, delimiter=delimiter):
            line = lines.line
            if None in raw:
                problems.append(P.EXTRA_FIELDS.at(name, line))
                continue
            if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
                continue
            _validate(model, raw, name, line, rows, problems, ids)
    if problems:
        raise DictionaryError(problems)
    return rows


def read_word_sets(relative: str, model: type[BaseModel], names: Iterable[str],
                   key: Callable[[str], str] = str) -> dict[str, frozenset[str]]:
    """A closed word-set file (rows with a `set` and a `word` column, validated by `model`)
    as set name -> words, each word passed through `key`; every name in `names` is present,
    empty when the file lists no word for it."""
    sets: dict[str, set[str]] = {name: set() for name in names}
    for row in read_csv_models(relative, model):
        sets[row.set].add(key(row.word))  # type: ignore[attr-defined]
    return {name: frozenset(words) for name, words in sets.items()}


def read_jsonl_models(relative: str, model: type[M]) -> list[M]:
    """Read every line of a packaged JSONL file (and user overrides) into `model`, or raise."""
    rows: list[M] = []
    problems: list[Problem] = []
    for name, fh in _each_file(relative, problems):
        ids = _IdCheck(model, name, problems)
        for line, text in enumerate(fh, start=1):
            text = text.strip()
            if not text or text.startswith("#") or text.startswith("//"):
                continue
            try:
                raw = json.loads(text)
            except json.JSONDecodeError as err:
                problems.append(P.INVALID_JSON.at(name, line, kind="bad_dictionary",
                                                  detail=err.msg))
                continue
            _validate(model, raw, name, line, rows, problems, ids)
    if problems:
        raise DictionaryError(problems)
    return rows


def _validate(model: type[M], raw: Any, name: str, line: int, rows: list[M],
              problems: list[Problem], ids: _IdCheck) -> None:
    """Validate one entry into `rows`, or its problems into `problems`."""
    try:
        entry = model.model_validate(raw)
    except ValidationError as err:
        problems.extend(_problems_from(err, name, line))
        return
    if ids.is_new(entry, line):
        rows.append(entry)


def ids_must_be_unique(model: type[BaseModel]) -> bool:
    """Whether two rows of one file may not share an `id`: true for a model with an `id`
    field, unless its rows are dated terms (`start` and `end` fields: the rows sharing an id
    are the terms of one person or group). A model may say so itself with a class attribute
    `rows_share_ids`."""
    fields = model.model_fields
    declared = getattr(model, "rows_share_ids", None)
    if isinstance(declared, bool):
        return "id" in fields and not declared
    return "id" in fields and not ("start" in fields and "end" in fields)


class _IdCheck:
    """Within one file, an entry's `id` must not repeat (see `ids_must_be_unique`)."""

    def __init__(self, model: type[BaseModel], file: str, problems: list[Problem]):
        self._active = ids_must_be_unique(model)
        self._file = file
        self._problems = problems
        self._first: dict[object, int] = {}

    def is_new(self, entry: BaseModel, line: int) -> bool:
        """True for a new id (remembered); a repeated one is reported."""
        if not self._active:
            return True
        key = getattr(entry, "id", None)
        first = self._first.setdefault(key, line)
        if first == line:
            return True
        self._problems.append(P.DUPLICATE_ID.at(self._file, line, "id", kind="bad_dictionary",
                                                id=f" {key!r}", where=f"on line {first}"))
        return False


class _LineCounter:
    """Iterate a file's lines without '#' comment lines, remembering the true line number."""

    def __init__(self, fh: io.TextIOBase):
        self._fh = fh
        self.line = 0

    def __iter__(self) -> Iterator[str]:
        for number, text in enumerate(self._fh, start=1):
            if text.startswith("#") or not text.strip():
                continue
            self.line = number
            yield text


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(DATA_DIR.parent.parent))
    except ValueError:
        return str(path)


@register_cache
@lru_cache(maxsize=1)
def ruleset_hash() -> str:
    """SHA-256 (first 16 hex digits) over every dictionary file in use, packaged and user."""
    h = hashlib.sha256()
    dirs = [DATA_DIR, *user_directories()]
    for d in dirs:
        for path in sorted(p for p in d.rglob("*") if p.is_file()):
            if path.name.startswith(".") or "__pycache__" in path.parts:
                continue
            h.update(str(path.relative_to(d)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def split_list(value: str, sep: str = "|") -> list[str]:
    """Split a multi-valued dictionary cell ("Kadhimi|al-Kadhimi") into trimmed parts."""
    return [v.strip() for v in value.split(sep) if v.strip()]


def split_cell(value: object) -> object:
    """A pydantic before-validator: a `|`-separated CSV cell becomes a list."""
    return split_list(value) if isinstance(value, str) else value


# a list field read from a `|`-separated CSV cell
PipeList = Annotated[list[str], BeforeValidator(split_cell)]
