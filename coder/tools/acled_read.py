"""Reading an ACLED export a user supplies, in today's schema or the pre-2019 one.

Today's export has lowercase columns (`event_id_cnty`, `event_date`, `sub_event_type`,
`assoc_actor_1`, `timestamp`, ...); the pre-2019 one has UPPERCASE columns, old event types
(`coder/data/acled_old_types.csv` maps them to today's families), `ALLY_ACTOR_*` for the
associated actors, no sub-event type and no timestamp. Both become `AcledEvent`s with today's
vocabulary: inter codes as text labels, interactions as labels, dates as `datetime.date`.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field, model_validator

from coder.dictionaries.files import read_csv_models, register_cache
from coder.dictionaries.taxonomy import kind_problem, taxonomy
from coder.stages.events import interaction

_REGIME_YEARS = re.compile(r"\s*\(\d{4}\s*-\s*(?:\d{4})?\)")
_SPACES = re.compile(r"\s+")
_DATE_FORMATS: tuple[str, ...] = (
    "%d-%m-%y", "%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%Y", "%d %b %Y", "%d/%m/%Y",
    "%d-%m-%Y", "%d-%b-%y", "%B %d, %Y",
)  # fmt: skip
_OLD_ALIASES = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}
_CSV_FIELD_LIMIT = 1 << 24


class AcledReadError(ValueError):
    """An export that is not an ACLED export (a required column is missing)."""


@dataclass(slots=True)
class AcledEvent:
    """One row of an export, in today's vocabulary.

    `event_types` holds every type today's taxonomy gives the row's event type: one for today's
    schema, the family's types for an old type (`Riots/Protests` -> Protests and Riots).
    `sub_event_type` is "" when the export has none (every old-schema row).
    """

    event_id: str
    event_date: dt.date | None
    event_types: tuple[str, ...]
    sub_event_type: str
    actor1: str
    assoc_actor_1: str
    inter1: str
    actor2: str
    assoc_actor_2: str
    inter2: str
    interaction: str
    country: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    fatalities: int | None
    notes: str
    uploaded: dt.date | None  # UTC day of the upload `timestamp`, when the export has one
    old_event_type: str = ""  # the row's event type as the pre-2019 export wrote it


@dataclass(slots=True)
class AcledExport:
    """Every row of one export, and which schema it was written in."""

    path: str
    old_schema: bool
    events: list[AcledEvent]


@dataclass(frozen=True, slots=True)
class OldType:
    """A pre-2019 event type and what it is today."""

    name: str
    event_types: tuple[str, ...]
    sub_event_type: str


class _OldTypeRow(BaseModel):
    old_event_type: str = Field(min_length=1)
    event_type: str = Field(min_length=1)
    sub_event_type: str = ""

    @model_validator(mode="after")
    def _in_the_taxonomy(self) -> _OldTypeRow:
        message = kind_problem(self.event_type, self.sub_event_type, "")
        if message:
            raise ValueError(message)
        return self


@register_cache
@lru_cache(maxsize=1)
def old_event_types() -> dict[str, OldType]:
    """Old event type (casefolded) -> its spelling in the data, today's event types and
    today's sub-event type ("" when the old type names a family only)."""
    table: dict[str, OldType] = {}
    for row in read_csv_models("acled_old_types.csv", _OldTypeRow):
        key = row.old_event_type.strip().casefold()
        seen = table.get(key, OldType(row.old_event_type.strip(), (), ""))
        table[key] = OldType(seen.name, (*seen.event_types, row.event_type),
                             seen.sub_event_type or row.sub_event_type)
    return table


def actor_name(name: str) -> str:
    """An actor name without ACLED's regime years and extra spaces:
    "Police Forces of Kenya (2013-)" -> "Police Forces of Kenya"."""
    return _SPACES.sub(" ", _REGIME_YEARS.sub("", name)).strip()


def actor_names(names: str) -> frozenset[str]:
    """The set of `;`-separated associated actor names, regime years removed, casefolded."""
    return frozenset(actor_name(n).casefold() for n in names.split(";") if n.strip())


def parse_event_date(value: str, year: str = "") -> dt.date | None:
    """An ACLED event date: `31-12-19`, `2019-12-31`, `31 December 2019` or `01-January-2015`;
    a two-digit year is put in the century of the export's `year` column when it gives one.
    None when the value is empty or in none of these forms."""
    value = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if year.strip().isdigit() and day.year % 100 == int(year) % 100:
            day = day.replace(year=int(year))
        return day
    return None


def inter_label(value: str) -> str:
    """ACLED's actor type as today's text label: "1" -> "State forces"; a text label is kept
    (spaces normalised); "", "0" or an unknown code -> ""."""
    value = _SPACES.sub(" ", value).strip()
    if value.isdigit():
        return taxonomy().inter_labels.get(int(value), "")
    return value


def interaction_label(value: str) -> str:
    """ACLED's interaction as a label: "17" -> "State forces-Civilians", "60" -> "Protesters
    only"; a text label is kept (spaces normalised); "" -> ""."""
    value = _SPACES.sub(" ", value).strip()
    if not value.isdigit():
        return value
    digits = value.zfill(2)
    first, second = int(digits[0]) or None, int(digits[1]) or None
    labels = taxonomy().inter_labels
    if (first is not None and first not in labels) or (second is not None and second not in labels):
        return ""
    return interaction(first, second)


def _upload_day(value: str) -> dt.date | None:
    """The UTC day of a Unix timestamp in seconds, or None."""
    value = value.strip()
    if not value.lstrip("-").isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC).date()


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _types(row: dict[str, str], old_schema: bool) -> tuple[tuple[str, ...], str, str]:
    """(today's event types, sub-event type, old event type) of one row."""
    written = row.get("event_type", "").strip()
    if not old_schema:
        return (written,), row.get("sub_event_type", "").strip(), ""
    known = old_event_types().get(written.casefold())
    if known is None:  # a type the table does not know: kept as written, never matched
        return (written,), "", written
    return known.event_types, "", known.name


def event_from_row(row: dict[str, str], old_schema: bool) -> AcledEvent:
    """One export row (column names lowercased, `ALLY_ACTOR_*` renamed) as an `AcledEvent`."""
    types, sub, old = _types(row, old_schema)
    fatalities = row.get("fatalities", "").strip()
    return AcledEvent(
        event_id=row.get("event_id_cnty", "").strip(),
        event_date=parse_event_date(row.get("event_date", ""), row.get("year", "")),
        event_types=types,
        sub_event_type=sub,
        actor1=actor_name(row.get("actor1", "")),
        assoc_actor_1=row.get("assoc_actor_1", "").strip(),
        inter1=inter_label(row.get("inter1", "")),
        actor2=actor_name(row.get("actor2", "")),
        assoc_actor_2=row.get("assoc_actor_2", "").strip(),
        inter2=inter_label(row.get("inter2", "")),
        interaction=interaction_label(row.get("interaction", "")),
        country=row.get("country", "").strip(),
        admin1=row.get("admin1", "").strip(),
        admin2=row.get("admin2", "").strip(),
        location=row.get("location", "").strip(),
        latitude=_number(row.get("latitude", "")),
        longitude=_number(row.get("longitude", "")),
        fatalities=int(fatalities) if fatalities.isdigit() else None,
        notes=row.get("notes", ""),
        uploaded=_upload_day(row.get("timestamp", "")),
        old_event_type=old,
    )


def _rows(path: Path) -> Iterator[tuple[dict[str, str], bool]]:
    """Each row with lowercased column names, and whether the export is in the old schema."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = [h.strip() for h in reader.fieldnames or []]
        old_schema = "EVENT_ID_CNTY" in header
        columns = {h.lower() for h in header}
        missing = [c for c in ("event_id_cnty", "event_type", "notes") if c not in columns]
        if missing:
            raise AcledReadError(f"{path}: not an ACLED export (no {', '.join(missing)} column)")
        for raw in reader:
            row = {_OLD_ALIASES.get(k.strip().lower(), k.strip().lower()): v or ""
                   for k, v in raw.items() if k is not None}
            yield row, old_schema


def read_acled(path: str, *, limit: int | None = None) -> AcledExport:
    """Every row of the export at `path` (the first `limit` when given), in either schema;
    a repeated `event_id_cnty` gets a suffix ("KEN12~2") so each row stays apart.

    Raises `AcledReadError` when a required column (`event_id_cnty`, `event_type`, `notes`) is
    missing, and `OSError` when the file cannot be read."""
    events: list[AcledEvent] = []
    old_schema = False
    seen: dict[str, int] = {}
    for row, old_schema in _rows(Path(path)):
        if limit is not None and len(events) >= limit:
            break
        event = event_from_row(row, old_schema)
        seen[event.event_id] = seen.get(event.event_id, 0) + 1
        if seen[event.event_id] > 1:  # a repeated id gets a suffix: each note is its own doc
            event.event_id = f"{event.event_id}~{seen[event.event_id]}"
        events.append(event)
    if not events:
        old_schema = _header_is_old(Path(path))
    return AcledExport(path=path, old_schema=old_schema, events=events)


def _header_is_old(path: Path) -> bool:
    """Whether an export's header is in the pre-2019 (UPPERCASE) schema."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return "EVENT_ID_CNTY" in fh.readline()
