"""Shrink tests/gold/dev/known_misses.txt to the required gold events still missed.

Run after improving the coder: `python scripts/update_known_misses.py`. It only removes lines
(events now matched); an event that newly fails is reported and left for you to fix, never
added silently (the list may only shrink).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's coder, installed or not

from coder.engines.local import code_corpus  # noqa: E402
from coder.io.export import csv_cells  # noqa: E402
from coder.models import COLUMNS  # noqa: E402
from coder.tools.evaluate import matches, normalise_row  # noqa: E402

DEV = ROOT / "tests" / "gold" / "dev"


def main() -> int:
    gold = [json.loads(line) for name in ("acled_gold.jsonl", "cameo_gold.jsonl")
            for line in (DEV / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [str(DEV / "acled_documents.jsonl"), str(DEV / "cameo_documents.jsonl")]
    records = [normalise_row(dict(zip(COLUMNS, csv_cells(r), strict=True)))
               for r in code_corpus(docs).records]
    path = DEV / "known_misses.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    known = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    by_id = {g["gold_id"]: g for g in gold}
    still = [i for i in known if not any(matches(r, by_id[i]) for r in records)]
    new = [g["gold_id"] for g in gold if g.get("required") and g["gold_id"] not in known
           and not any(matches(r, g) for r in records)]
    path.write_text("\n".join(header + still) + "\n", encoding="utf-8")
    print(f"known misses: {len(known)} -> {len(still)}", file=sys.stderr)
    if new:
        print("newly missed (fix them): " + ", ".join(new), file=sys.stderr)
    return 1 if new else 0


if __name__ == "__main__":
    raise SystemExit(main())
