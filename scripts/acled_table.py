"""Print the README's "Measured on real ACLED data" table from ACLED exports a developer holds.

    python scripts/acled_table.py KENYA.csv SOUTH_ASIA_OLD.csv [--limit N]

Each export is evaluated twice (`coder.evaluate_acled`, without and with its rows' country as
known context) in this process, and the shares come out as one Markdown table, a column a run.
The exports are ACLED's data: they are read, never copied into the project.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from coder.api import evaluate_acled  # noqa: E402
from coder.tools.acled_eval import AcledEvaluation  # noqa: E402

# (label, fields shown as "a / b"): the rows of the README table, in its order.
ROWS = [
    ("detection (an ACLED-layer record)", ["detection"]),
    ("event type (old schema: family)", ["event_type"]),
    ("sub-event type", ["sub_event_type"]),
    ("actor1 / actor2", ["actor1", "actor2"]),
    ("both actors", ["actors_both"]),
    ("assoc. actor 1 / 2", ["assoc_actor_1", "assoc_actor_2"]),
    ("inter1 / inter2 / interaction", ["inter1", "inter2", "interaction"]),
    ("date (notes stating day, month and year)", ["date"]),
    ("country", ["country"]),
    ("admin1 / within 25 km (notes naming the place)", ["admin1", "coordinates"]),
    ("fatalities (notes reporting a death; rows counting none)", ["fatalities"]),
]


def cell(ev: AcledEvaluation, names: list[str]) -> str:
    """The shares of `names` in one run, "a / b"; a field the schema lacks is "-"."""
    parts = []
    for name in names:
        score = ev.fields.get(name)
        if score is None or not score.compared:
            parts.append("-")
            continue
        text = f"{score.agreed / score.compared:.1%}"
        if name in ("date", "fatalities"):
            text += f" of {score.compared:,}"
        parts.append(text)
    return " / ".join(parts)


def main() -> None:
    """Evaluate each export without and with country context; print the Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exports", nargs="+")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    runs: list[tuple[str, AcledEvaluation]] = []
    for path in args.exports:
        for with_country in (False, True):
            ev = evaluate_acled(path, with_country=with_country, limit=args.limit)
            label = f"{Path(path).stem} ({ev.n_notes:,} notes)"
            runs.append((label + (", with country" if with_country else ""), ev))
    print("| field | " + " | ".join(label for label, _ in runs) + " |")
    print("|---|" + "---|" * len(runs))
    for label, names in ROWS:
        print(f"| {label} | " + " | ".join(cell(ev, names) for _, ev in runs) + " |")
    print("| extra records per note | "
          + " | ".join(f"{ev.extra_records:.2f}" for _, ev in runs) + " |")


if __name__ == "__main__":
    main()
