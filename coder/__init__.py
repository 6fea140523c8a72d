"""coder: a rule-based, explainable conflict event coder (ACLED and CAMEO).

The library's entry points are those of `coder.api`, importable from here:

    >>> import coder
    >>> coder.code_texts(["Troops clashed with rebels in Palma on Friday."]).records

They load on first use, so that `import coder` (and `coder --version`) stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from coder.api import (
        RunSummary,
        check_dictionaries,
        code_corpus,
        code_texts,
        coverage,
        evaluate,
        evaluate_acled,
        explain_text,
        merge_records,
        validate_records,
    )

__all__ = [
    "RunSummary", "__version__", "check_dictionaries", "code_corpus", "code_texts", "coverage",
    "evaluate", "evaluate_acled", "explain_text", "merge_records", "validate_records",
]  # fmt: skip


def __getattr__(name: str) -> Any:
    """`coder.code_corpus` and the other entry points, read from `coder.api` when first used."""
    if name in __all__:
        return getattr(importlib.import_module("coder.api"), name)
    raise AttributeError(f"module 'coder' has no attribute {name!r}")
