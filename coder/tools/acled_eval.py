"""Evaluating the coder against an ACLED export: code every note, compare with the row.

Every row's `notes` is coded as one document (id = `event_id_cnty`, published = the UTC day of
the upload `timestamp` when the export has one, country = the row's with `--with-country`)
without consolidation. `detection` is scored on every note: did it give at least one
ACLED-layer record (one with an event type)? Every other field is scored on the detected notes,
on the note's best record (`best_record`), and only where the note states what the field needs
(`coder.tools.acled_compare`); the rest are counted as not stated. `extra_records` is the
mean, over detected notes, of records minus one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from coder.engines.local import code_documents
from coder.io.corpus import document_from_text, known_country
from coder.models import Document, EventRecord
from coder.tools.acled_compare import (
    FIELD_TESTS,
    OLD_SCHEMA_SKIPS,
    best_record,
    note_context,
)
from coder.tools.acled_read import AcledEvent, AcledExport, read_acled
from coder.tools.acled_render import render_evaluation

NOT_CODED = "(none)"  # our side of the confusion table when a note gave no ACLED record


@dataclass(slots=True)
class FieldScore:
    """How often the coder agrees with the export on one field."""

    compared: int = 0
    agreed: int = 0
    not_stated: int = 0

    @property
    def share(self) -> float:
        """Agreed over compared; 0.0 when nothing was compared."""
        return self.agreed / self.compared if self.compared else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"compared": self.compared, "agreed": self.agreed,
                "share": round(self.share, 4), "not_stated": self.not_stated}


@dataclass(slots=True)
class CountryScore:
    """One country's notes: how many, how many detected, type and actor agreement."""

    notes: int = 0
    detected: int = 0
    type_agreed: int = 0  # sub-event type (event family in the old schema)
    actors_both: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"notes": self.notes, "detected": self.detected,
                "type_agreed": self.type_agreed, "actors_both": self.actors_both}


@dataclass(slots=True)
class Miss:
    """One disagreement: the note's id (never its text) and both codings."""

    note_id: str
    acled: str
    ours: str

    def to_json(self) -> dict[str, str]:
        return {"id": self.note_id, "acled": self.acled, "ours": self.ours}


@dataclass(slots=True)
class AcledEvaluation:
    """Per-field agreement, sub-event confusion, per-country scores and misses of one run."""

    path: str
    old_schema: bool
    with_country: bool
    n_notes: int = 0
    n_records: int = 0
    extra_records: float = 0.0
    fields: dict[str, FieldScore] = field(default_factory=dict)
    # ACLED's sub-event type (old schema: old event type) -> our sub-event type -> notes
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    per_country: dict[str, CountryScore] = field(default_factory=dict)
    all_misses: dict[str, list[Miss]] = field(default_factory=dict)

    @property
    def type_field(self) -> str:
        """The field the per-country table scores types by."""
        return "event_type" if self.old_schema else "sub_event_type"

    def misses(self, n: int) -> dict[str, list[Miss]]:
        """Up to `n` disagreements per field, in the export's order."""
        return {name: found[:n] for name, found in self.all_misses.items() if found and n > 0}

    def render(self, misses: int = 0) -> str:
        """Fixed-width tables for people, with up to `misses` disagreements per field."""
        return render_evaluation(self, misses)

    def to_json(self, misses: int = 0) -> dict[str, Any]:
        """Everything as plain JSON types, with up to `misses` disagreements per field."""
        return {
            "path": self.path,
            "schema": "pre-2019" if self.old_schema else "current",
            "with_country": self.with_country,
            "notes": self.n_notes,
            "records": self.n_records,
            "extra_records": round(self.extra_records, 4),
            "fields": {name: s.to_json() for name, s in self.fields.items()},
            "confusion": {acled: dict(ours.most_common())
                          for acled, ours in sorted(self.confusion.items())},
            "per_country": {c: s.to_json() for c, s in sorted(self.per_country.items())},
            "misses": {name: [m.to_json() for m in found]
                       for name, found in self.misses(misses).items()},
        }


def evaluate_acled(path: str, *, with_country: bool = False,
                   limit: int | None = None) -> AcledEvaluation:
    """Code the notes of the ACLED export at `path` (its first `limit` rows when given) and
    score the records against the export's coding.

    `with_country` treats the export's country as known context: each note is coded as a
    document about the row's country (`coder code --country`), and the `country` field is
    scored on every detected note, so a record in another country (or in none) counts as a wrong
    country, instead of only on notes that name the country or one of its places.
    Raises `coder.tools.acled_read.AcledReadError` for a file that is not an ACLED export."""
    export = read_acled(path, limit=limit)
    records = code_notes(export, with_country=with_country)
    result = _empty_evaluation(export, with_country)
    extra = 0
    for event in export.events:
        ours = records.get(event.event_id, [])
        _score_note(result, event, ours)
        extra += max(len(ours) - 1, 0)
    detected = result.fields["detection"].agreed
    result.n_notes = len(export.events)
    result.n_records = sum(len(r) for r in records.values())
    result.extra_records = extra / detected if detected else 0.0
    return result


def _empty_evaluation(export: AcledExport, with_country: bool) -> AcledEvaluation:
    names = ["detection", *(f for f in FIELD_TESTS
                            if not (export.old_schema and f in OLD_SCHEMA_SKIPS))]
    return AcledEvaluation(path=export.path, old_schema=export.old_schema,
                           with_country=with_country,
                           fields={n: FieldScore() for n in names},
                           all_misses={n: [] for n in names})


def code_notes(export: AcledExport, *,
               with_country: bool = False) -> dict[str, list[EventRecord]]:
    """Each row's id -> the ACLED-layer records its note gave (uncoded notes map to []);
    `with_country` codes each note as a document known to be about the row's country."""
    docs: list[Document] = []
    for event in export.events:
        meta = {"published": event.uploaded.isoformat()} if event.uploaded else {}
        if with_country and known_country(event.country):  # an unknown name: no context
            meta["country"] = event.country
        doc = document_from_text(event.notes, event.event_id, meta, origin=export.path)
        if isinstance(doc, Document):
            docs.append(doc)
    out: dict[str, list[EventRecord]] = {e.event_id: [] for e in export.events}
    for record in code_documents(docs, merge=False).records:
        if not record.event_type:
            continue
        for doc_id in record.doc_ids.split("; "):
            if doc_id in out:
                out[doc_id].append(record)
    return out


def _score_note(result: AcledEvaluation, event: AcledEvent, records: list[EventRecord]) -> None:
    """Add one note's detection, fields, confusion and country row to `result`."""
    best = best_record(event, records)
    acled_type = event.old_event_type or event.sub_event_type or "/".join(event.event_types)
    ours_type = (best.sub_event_type or best.event_type) if best else NOT_CODED
    result.confusion.setdefault(acled_type, Counter())[ours_type] += 1
    country = result.per_country.setdefault(event.country or "(no country)", CountryScore())
    country.notes += 1
    detection = result.fields["detection"]
    detection.compared += 1
    if best is None:
        result.all_misses["detection"].append(Miss(event.event_id, acled_type, NOT_CODED))
        return
    detection.agreed += 1
    country.detected += 1
    context = note_context(event, with_country=result.with_country)
    for name, score in result.fields.items():
        if name == "detection":
            continue
        outcome = FIELD_TESTS[name](event, best, context)
        if not outcome.stated:
            score.not_stated += 1
            continue
        score.compared += 1
        if outcome.agreed:
            score.agreed += 1
        else:
            result.all_misses[name].append(Miss(event.event_id, outcome.acled, outcome.ours))
        if name == result.type_field:
            country.type_agreed += outcome.agreed
        if name == "actors_both":
            country.actors_both += outcome.agreed
