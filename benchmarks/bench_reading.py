"""Speed of the reading stages on one core: `python benchmarks/bench_reading.py [DIR] [--repeat N]`.

Times, per sentence of the corpus, boilerplate cleaning (`clean_text`), building documents
(`document_from_text`: cleaning plus title, date line and dateline) and sentence splitting
(`split_sentences`), over the raw texts of a directory of .txt files (default: `corpus/`)
repeated N times. Prints microseconds per sentence and sentences per second for each.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a fresh clone without installing
    sys.path.insert(0, str(ROOT))

from coder.io.boilerplate import clean_text  # noqa: E402
from coder.io.corpus import document_from_text  # noqa: E402
from coder.models import Document  # noqa: E402
from coder.text.sentences import split_sentences  # noqa: E402


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The fastest of `runs` timings of `fn`, in seconds (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", default=str(ROOT / "corpus"))
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    raws = [p.read_text(encoding="utf-8") for p in sorted(Path(args.path).glob("*.txt"))]
    built = [document_from_text(r, str(i)) for i, r in enumerate(raws)]
    docs = [d for d in built if isinstance(d, Document)]
    texts = [d.text for d in docs] * args.repeat
    raws = raws * args.repeat
    n_sentences = sum(len(split_sentences(t)) for t in texts)
    print(f"documents {len(raws)}  sentences {n_sentences}")
    stages: dict[str, Callable[[], object]] = {
        "clean_text": lambda: [clean_text(r) for r in raws],
        "document_from_text": lambda: [document_from_text(r, "b") for r in raws],
        "split_sentences": lambda: [split_sentences(t) for t in texts],
    }
    for name, fn in stages.items():
        seconds = best_of(args.runs, fn)
        print(f"{name:20s} {seconds * 1e6 / n_sentences:7.2f} us/sentence "
              f"{n_sentences / seconds:10,.0f} sentences/s")


if __name__ == "__main__":
    main()
