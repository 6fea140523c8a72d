"""Scoring coded records against hand-coded gold events (gold/README.md's matching rules).

A record matches a gold event when
- its `doc_ids` share a document with the gold `docs`,
- its `event_date` is within max(date_tolerance_days, 1) days of the gold `event_date` (when the
  gold gives one; a record without a date then does not match),
- and, for the `acled` layer, its `event_type` is one of the gold values; for the `cameo` layer,
  its `cameo_root` is one of the gold roots and its `actor1_code` equals a gold code or shares
  its three-letter country prefix.

Recall counts required gold events matched by at least one record; precision counts records
that match any gold event, required or optional. A ratio over nothing is 0.0. Field accuracy is
measured on one pair per matched gold event: the matching record that shares the most documents
with it (ties: the one with more fields right, then the first).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from coder.dictionaries.taxonomy import EVENT
from coder.io.export import open_records
from coder.tools.validate import coerce_row

FIELDS: tuple[str, ...] = (
    "event_type", "sub_event_type", "cameo_root", "actor1", "actor2", "actor_pair", "actor1_code",
    "actor2_code", "date", "location", "fatalities", "injuries",
)  # fmt: skip
_REGIME_YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
_SPACES = re.compile(r"\s+")
_EARTH_RADIUS_KM = 6371.0088


@dataclass(slots=True)
class GoldResult:
    """How one gold event fared."""

    gold_id: str
    layer: str
    required: bool
    what: str
    matched_records: list[str]  # event_id_cnty of every matching record
    docs_covered: int  # gold documents listed by the matching records
    n_docs: int
    fields: dict[str, bool] = field(default_factory=dict)  # on the best pair

    @property
    def matched(self) -> bool:
        return bool(self.matched_records)


@dataclass(slots=True)
class EvaluationReport:
    """Precision, recall, F1, per-gold results, unmatched records and field accuracy."""

    gold: list[GoldResult]
    unmatched_records: list[dict[str, Any]]
    n_records: int
    n_records_matched: int
    field_counts: dict[str, tuple[int, int]]  # field -> (right, compared)

    @property
    def n_required(self) -> int:
        return sum(g.required for g in self.gold)

    @property
    def n_required_matched(self) -> int:
        return sum(g.required and g.matched for g in self.gold)

    @property
    def recall(self) -> float:
        return _ratio(self.n_required_matched, self.n_required)

    @property
    def precision(self) -> float:
        return _ratio(self.n_records_matched, self.n_records)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        """The one-line score: recall, precision, F1."""
        return (
            f"recall {self.recall:.3f} ({self.n_required_matched}/{self.n_required})  "
            f"precision {self.precision:.3f} ({self.n_records_matched}/{self.n_records})  "
            f"f1 {self.f1:.3f}"
        )

    def to_dict(self) -> dict[str, Any]:
        """Everything in the report as JSON-ready data."""
        return {
            "recall": self.recall,
            "precision": self.precision,
            "f1": self.f1,
            "n_required": self.n_required,
            "n_required_matched": self.n_required_matched,
            "n_records": self.n_records,
            "n_records_matched": self.n_records_matched,
            "field_accuracy": {
                name: {"right": r, "compared": n, "accuracy": _ratio(r, n)}
                for name, (r, n) in self.field_counts.items()
            },
            "gold": [asdict(g) | {"matched": g.matched} for g in self.gold],
            "unmatched_records": self.unmatched_records,
        }

    def to_text(self) -> str:
        """A readable report whose last three lines are the short summary."""
        lines = ["gold event            req  matched  records  docs   fields wrong"]
        for g in self.gold:
            wrong = ", ".join(k for k, ok in g.fields.items() if not ok) or "-"
            lines.append(
                f"{g.gold_id:<20}  {'yes' if g.required else 'no':<3}  "
                f"{'yes' if g.matched else 'NO':<7}  {len(g.matched_records):>7}  "
                f"{g.docs_covered:>2}/{g.n_docs:<2}  {wrong if g.matched else ''}"
            )
        lines.append("")
        lines.append(f"records matching no gold event: {len(self.unmatched_records)}")
        for r in self.unmatched_records:
            kind = r["event_type"] or f"CAMEO {r['cameo_code']}"
            lines.append(
                f"  {r['event_id_cnty']}  {r['event_date'] or '(no date)'}  {kind}  "
                f"{r['actor1_code'] or r['actor1'] or '-'}  {r['evidence'][:70]}"
            )
        lines.append("")
        accuracy = "  ".join(
            f"{name} {_ratio(r, n):.2f}" for name, (r, n) in self.field_counts.items() if n
        )
        optional = len(self.gold) - self.n_required
        lines.append(
            f"gold: {self.n_required} required, {optional} optional; records: {self.n_records}"
        )
        lines.append(f"field accuracy: {accuracy or '-'}")
        lines.append(self.summary())
        return "\n".join(lines)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------


def evaluate(records: list[dict[str, Any]], gold: list[dict[str, Any]]) -> EvaluationReport:
    """Score record rows (as written or as read back, CSV cells included) against gold events."""
    rows = [normalise_row(r) for r in records]
    results: list[GoldResult] = []
    matched_rows: set[int] = set()
    field_counts = {name: [0, 0] for name in FIELDS}
    for g in gold:
        gold_docs = set(g.get("docs") or [])
        hits = [i for i, r in enumerate(rows) if matches(r, g)]
        matched_rows.update(hits)
        covered = set().union(*(rows[i]["doc_set"] & gold_docs for i in hits)) if hits else set()
        result = GoldResult(
            gold_id=str(g.get("gold_id", "")),
            layer=str(g.get("layer", "")),
            required=bool(g.get("required", True)),
            what=str(g.get("what", "")),
            matched_records=[rows[i]["event_id_cnty"] for i in hits],
            docs_covered=len(covered),
            n_docs=len(gold_docs),
        )
        if hits:
            scored = [(len(rows[i]["doc_set"] & gold_docs), field_scores(rows[i], g)) for i in hits]
            best = max(range(len(hits)), key=lambda k: (scored[k][0], sum(scored[k][1].values())))
            result.fields = scored[best][1]
            for name, ok in result.fields.items():
                field_counts[name][0] += ok
                field_counts[name][1] += 1
        results.append(result)
    unmatched = [_brief(rows[i]) for i in range(len(rows)) if i not in matched_rows]
    return EvaluationReport(
        gold=results,
        unmatched_records=unmatched,
        n_records=len(rows),
        n_records_matched=len(matched_rows),
        field_counts={k: (v[0], v[1]) for k, v in field_counts.items()},
    )


def matches(record: dict[str, Any], gold: dict[str, Any]) -> bool:
    """True when a normalised record matches a gold event under the README's rules."""
    if not record["doc_set"] & set(gold.get("docs") or []):
        return False
    if gold.get("event_date") and not _date_ok(record, gold):
        return False
    if gold.get("layer") == "cameo":
        roots = gold.get("cameo_root") or []
        return record["cameo_root"] in roots and _code_ok(
            record["actor1_code"], gold, "actor1_code"
        )
    return record["event_type"] in (gold.get("event_type") or [])


def _date_ok(record: dict[str, Any], gold: dict[str, Any]) -> bool:
    date = _parse_date(record.get("event_date"))
    if date is None:
        return False
    tolerance = max(gold.get("date_tolerance_days") or 0, 1)
    return abs((date - dt.date.fromisoformat(gold["event_date"])).days) <= tolerance


def _code_ok(code: str, gold: dict[str, Any], key: str) -> bool:
    """The code is one of the gold codes, or shares a non-empty gold code's country prefix."""
    codes = gold.get(key) or []
    return code in codes or (bool(code) and any(c and c[:3] == code[:3] for c in codes))


def field_scores(record: dict[str, Any], gold: dict[str, Any]) -> dict[str, bool]:
    """Which fields of a matched record agree with the gold event (only fields the gold gives)."""
    out: dict[str, bool] = {}
    for name in ("event_type", "sub_event_type", "cameo_root"):
        if gold.get(name):
            out[name] = record[name] in gold[name]
    # an empty list of acceptable values states nothing, like a missing field
    for name in ("actor1", "actor2"):
        if gold.get(name):
            out[name] = actor_name(record[name]) in {actor_name(a) for a in gold[name]}
    for name in ("actor1_code", "actor2_code"):
        if gold.get(name):
            out[name] = record[name] in gold[name]
    if gold.get("actor1") and gold.get("actor2"):
        out["actor_pair"] = _actor_pair_ok(record, gold)
    if gold.get("event_date"):
        out["date"] = _date_ok(record, gold)
    if gold.get("latitude") is not None and gold.get("longitude") is not None:
        lat, lon = record.get("latitude"), record.get("longitude")
        out["location"] = (
            isinstance(lat, float)
            and isinstance(lon, float)
            and haversine_km(lat, lon, gold["latitude"], gold["longitude"])
            <= float(gold.get("max_km") or 0)
        )
    for name in ("fatalities", "injuries"):
        bounds = gold.get(name)
        if bounds is not None:
            value = record.get(name)
            # ACLED records 0 when no death is reported; an unreported injury stays unknown.
            if value is None and name == "fatalities":
                value = 0
            out[name] = isinstance(value, int) and bounds[0] <= value <= bounds[1]
    return out


def _actor_pair_ok(record: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Both actors right. ACLED's actor order carries no meaning, except that the victims of
    violence against civilians are always actor2."""
    def ok(value: str, accepted: list[str]) -> bool:
        return actor_name(value) in {actor_name(a) for a in accepted}

    a1, a2 = record["actor1"], record["actor2"]
    if ok(a1, gold["actor1"]) and ok(a2, gold["actor2"]):
        return True
    swappable = record.get("event_type") != EVENT.violence_against_civilians
    return swappable and ok(a2, gold["actor1"]) and ok(a1, gold["actor2"])


def actor_name(name: str) -> str:
    """An actor name without regime years ("(2018-2022)", "(2020-)"), spaces normalised."""
    name = _SPACES.sub(" ", _REGIME_YEARS.sub("", name or "")).strip().casefold()
    # "Military Forces of the United States" and "... of United States" name one actor
    return name.replace(" of the ", " of ")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def normalise_row(raw: dict[str, Any]) -> dict[str, Any]:
    """A record row (as written or read back) as `matches` and `field_scores` take it: cells
    converted to their types, missing text columns empty, `doc_set` the row's documents."""
    row = coerce_row(raw)
    out: dict[str, Any] = {
        k: ("" if v is None else v) for k, v in row.items() if isinstance(v, str | None)
    }
    for key in ("latitude", "longitude"):
        out[key] = float(row[key]) if isinstance(row.get(key), int | float) else None
    for key in ("fatalities", "injuries"):
        out[key] = row[key] if isinstance(row.get(key), int) else None
    for key in ("event_id_cnty", "event_date", "event_type", "sub_event_type", "cameo_code",
                "cameo_root", "actor1", "actor2", "actor1_code", "actor2_code", "evidence",
                "doc_ids"):  # fmt: skip
        out.setdefault(key, "")
    out["doc_set"] = {d.strip() for d in re.split(r"[;|]", out["doc_ids"]) if d.strip()}
    return out


_normalise = normalise_row  # scripts/update_known_misses.py imports it by this name


def _parse_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _brief(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "cameo_code",
            "actor1", "actor1_code", "actor2", "actor2_code", "doc_ids", "evidence")  # fmt: skip
    return {k: row[k] for k in keys}


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------


def read_gold(path: str) -> list[dict[str, Any]]:
    """Gold events from a JSONL file (blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate_files(records_path: str, gold_path: str | list[str]) -> EvaluationReport:
    """Score a record file (CSV, JSONL, JSON, Parquet) against one or more gold JSONL files."""
    paths = [gold_path] if isinstance(gold_path, str) else gold_path
    gold = [g for path in paths for g in read_gold(path)]
    return evaluate([row for _, row in open_records(records_path).rows], gold)


# --------------------------------------------------------------------------------------------
# Floors
# --------------------------------------------------------------------------------------------


def parse_field_floors(specs: list[str]) -> dict[str, float]:
    """`FIELD=SCORE` specs ("sub_event_type=0.9") as field -> floor; raises ValueError with a
    one-line message for a spec that is not one."""
    floors = {}
    for spec in specs:
        name, _, value = spec.partition("=")
        try:
            floors[name.strip()] = float(value)
        except ValueError:
            raise ValueError(f"--min-field takes FIELD=SCORE, not {spec!r}") from None
    return floors


def floor_failures(
    report: EvaluationReport,
    *,
    min_recall: float | None = None,
    min_precision: float | None = None,
    min_fields: dict[str, float] | None = None,
) -> list[str]:
    """One message per floor the report is below: recall, precision, then each field's
    accuracy (a field never compared has accuracy 0)."""
    failed = []
    if min_recall is not None and report.recall < min_recall:
        failed.append(f"recall {report.recall:.3f} is below --min-recall {min_recall}")
    if min_precision is not None and report.precision < min_precision:
        failed.append(f"precision {report.precision:.3f} is below --min-precision {min_precision}")
    for name, floor in (min_fields or {}).items():
        right, compared = report.field_counts.get(name, (0, 0))
        accuracy = right / compared if compared else 0.0
        if accuracy < floor:
            failed.append(f"{name} accuracy {accuracy:.3f} is below --min-field {name}={floor}")
    return failed
