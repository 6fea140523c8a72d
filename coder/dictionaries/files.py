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
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, BeforeValidator, ValidationError

from coder.problems import Problem

DATA_DIR = Path(__file__).parents[1] / "data"
M = TypeVar("M", bound=BaseModel)

_user_dirs: list[Path] = [
    Path(p) for p in os.environ.get("CODER_DICTIONARIES", "").split(os.pathsep) if p
]


class DictionaryError(Exception):
    """One or more dictionary entries are invalid."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def add_user_directory(path: str | Path) -> None:
    """Read dictionaries in `path` after the packaged ones (clears loaded caches)."""
    p = Path(path).resolve()
    if not p.is_dir():
        raise FileNotFoundError(f"dictionary directory not found: {path}")
    if p in _user_dirs:
        return
    _user_dirs.append(p)
    # worker processes (--jobs, --engine dask) read the same directories
    os.environ["CODER_DICTIONARIES"] = os.pathsep.join(str(d) for d in _user_dirs)
    clear_caches()


def user_directories() -> list[Path]:
    return list(_user_dirs)


def remove_user_directories() -> None:
    """Back to the packaged dictionaries only (tests use this to clean up)."""
    _user_dirs.clear()
    os.environ.pop("CODER_DICTIONARIES", None)
    clear_caches()


_cache_clearers: list = []


def register_cache(fn):  # type: ignore[no-untyped-def]
    """Mark an lru_cached loader to be cleared when dictionaries change."""
    _cache_clearers.append(fn)
    return fn


def clear_caches() -> None:
    for fn in _cache_clearers:
        fn.cache_clear()
    ruleset_hash.cache_clear()


def data_files(relative: str) -> list[Path]:
    """The packaged file, then any user file at the same relative path."""
    files = [DATA_DIR / relative]
    files += [d / relative for d in _user_dirs if (d / relative).exists()]
    return files


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")  # noqa: SIM115


def _problems_from(err: ValidationError, file: str, line: int) -> list[Problem]:
    out = []
    for e in err.errors():
        column = ".".join(str(x) for x in e["loc"]) or "-"
        out.append(
            Problem("bad_dictionary", e["msg"], file=file, row=line, column=column,
                    value=str(e.get("input", ""))[:80])
        )
    return out


def _each_file(relative: str, problems: list[Problem]) -> Iterator[tuple[str, io.TextIOBase]]:
    """The packaged file and user overrides, opened; a missing one becomes a problem."""
    for path in data_files(relative):
        name = _display(path)
        if not path.exists():
            problems.append(Problem("bad_dictionary", "file not found", file=name))
            continue
        with _open_text(path) as fh:
            yield name, fh


def read_csv_models(relative: str, model: type[M], *, delimiter: str = ",") -> list[M]:
    """Read every row of a packaged CSV (and user overrides) into `model`, or raise."""
    rows: list[M] = []
    problems: list[Problem] = []
    for name, fh in _each_file(relative, problems):
        lines = _LineCounter(fh)
        for raw in csv.DictReader(lines, delimiter=delimiter):
            line = lines.line
            if None in raw:
                problems.append(Problem("bad_dictionary", "more fields than the header",
                                        file=name, row=line))
                continue
            if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
                continue
            try:
                rows.append(model.model_validate(raw))
            except ValidationError as err:
                problems.extend(_problems_from(err, name, line))
    if problems:
        raise DictionaryError(problems)
    return rows


def read_jsonl_models(relative: str, model: type[M]) -> list[M]:
    """Read every line of a packaged JSONL file (and user overrides) into `model`, or raise."""
    rows: list[M] = []
    problems: list[Problem] = []
    for name, fh in _each_file(relative, problems):
        for line, text in enumerate(fh, start=1):
            text = text.strip()
            if not text or text.startswith("#") or text.startswith("//"):
                continue
            try:
                rows.append(model.model_validate(json.loads(text)))
            except json.JSONDecodeError as err:
                problems.append(Problem("bad_dictionary", f"invalid JSON: {err.msg}",
                                        file=name, row=line))
            except ValidationError as err:
                problems.extend(_problems_from(err, name, line))
    if problems:
        raise DictionaryError(problems)
    return rows


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


@lru_cache(maxsize=1)
def ruleset_hash() -> str:
    """SHA-256 (first 16 hex digits) over every dictionary file in use, packaged and user."""
    h = hashlib.sha256()
    dirs = [DATA_DIR, *_user_dirs]
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
