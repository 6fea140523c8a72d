"""The one registry of tables derived from dictionary data, and the user dictionary directories.

Every table built from the files in `coder/data/` is a cached loader registered here
(`@register_cache @lru_cache(maxsize=1)`): nothing is built at import time, and adding (or
removing) a user dictionary directory clears every registered cache, so the next use rebuilds
the table from the packaged files and the user's.

`check_all()` loads every registered table at once and reports the problems of all files
together, instead of stopping at the first broken file:

    >>> check_all()  # raises DictionaryError listing every problem of every file, or returns
"""

from __future__ import annotations

import gc
import inspect
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from coder.problems import Problem

_user_dirs: list[Path] = [
    Path(p) for p in os.environ.get("CODER_DICTIONARIES", "").split(os.pathsep) if p
]
_cached: list[Any] = []  # every registered lru_cached function, in registration order


class DictionaryError(Exception):
    """One or more dictionary entries are invalid."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def register_cache(fn):  # type: ignore[no-untyped-def]
    """Mark an lru_cached function as derived from dictionary data: it is cleared whenever
    the dictionaries change, and, when it takes no argument, loaded by `check_all`."""
    _cached.append(fn)
    return fn


def clear_caches() -> None:
    """Forget every table derived from dictionary data (they rebuild on their next use)."""
    for fn in _cached:
        fn.cache_clear()


@contextmanager
def collection_paused() -> Iterator[None]:
    """Run a block with the cyclic garbage collector off (perf, for loading): the tables are
    hundreds of thousands of new objects that all stay alive, and every collection their
    allocations trigger would walk them again for nothing (a third of the loading time).
    Reference counting still frees everything as usual; the collector's state is restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def loaders() -> list[Callable[[], object]]:
    """The registered functions that take no argument: one table each."""
    return [fn for fn in _cached if _takes_no_argument(fn)]


def _takes_no_argument(fn: Any) -> bool:
    try:
        params = inspect.signature(getattr(fn, "__wrapped__", fn)).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
               for p in params)


def check_all() -> None:
    """Load every registered table; raise one DictionaryError with the problems of all files.

    A table built from another (the taxonomy from the codebooks) reports its source's problems
    again: each problem is listed once. Only modules already imported have registered their
    loaders: `coder.api.check_dictionaries` imports the whole pipeline first.
    """
    problems: dict[str, Problem] = {}
    with collection_paused():
        for load in loaders():
            try:
                load()
            except DictionaryError as err:
                for p in err.problems:
                    problems.setdefault(str(p), p)
    if problems:
        raise DictionaryError(list(problems.values()))


def add_user_directory(path: str | Path) -> None:
    """Read dictionaries in `path` after the packaged ones (clears every derived table)."""
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
    """The user dictionary directories, in the order they are read."""
    return list(_user_dirs)


def remove_user_directories() -> None:
    """Back to the packaged dictionaries only (tests use this to clean up)."""
    _user_dirs.clear()
    os.environ.pop("CODER_DICTIONARIES", None)
    clear_caches()
