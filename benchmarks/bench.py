"""Coding speed and memory on one core: `python benchmarks/bench.py [PATH] [--repeat N]`.

Reads a corpus (default: the repository's `corpus/`), replicates its documents N times in
memory under distinct ids, codes them through the library pipeline in this process, and prints
documents, sentences, records, seconds, sentences/second and peak memory. Dictionary loading is
timed separately, since a long run pays it once.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a fresh clone without installing
    sys.path.insert(0, str(ROOT))

from coder.engines.local import code_documents  # noqa: E402
from coder.io.corpus import read_documents  # noqa: E402
from coder.models import Document  # noqa: E402


def load_documents(path: str, repeat: int) -> list[Document]:
    """The corpus's documents, `repeat` copies each with ids made distinct."""
    docs = [d for d in read_documents([path]) if isinstance(d, Document)]
    if not docs:
        raise SystemExit(f"bench: no codable documents in {path}")
    return [dataclasses.replace(d, id=f"{d.id}~{i}") for i in range(repeat) for d in docs]


def peak_memory_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ROOT / "corpus"),
                        help="corpus: directory of *.txt, *.jsonl or *.csv")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=200, help="copies of each document")
    parser.add_argument("--no-merge", action="store_true", help="skip consolidation")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    code_documents(load_documents(args.path, 1)[:1])  # loads every dictionary once
    load_seconds = time.perf_counter() - started

    docs = load_documents(args.path, args.repeat)
    started = time.perf_counter()
    result = code_documents(docs, merge=not args.no_merge)
    seconds = time.perf_counter() - started

    rate = result.n_sentences / seconds if seconds else float("inf")
    print(f"dictionaries loaded in {load_seconds:.2f} s")
    print(f"documents        {result.n_documents}")
    print(f"sentences        {result.n_sentences}")
    print(f"records          {len(result.records)}")
    print(f"seconds          {seconds:.3f}")
    print(f"sentences/second {rate:,.0f}")
    print(f"us/sentence      {1e6 / rate if rate else 0:.1f}")
    print(f"peak memory      {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
