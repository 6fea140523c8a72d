"""How one coded note agrees with its ACLED row, field by field.

Each field's test says whether the note states what the field needs (a field the note does not
state is counted apart, never as an error) and whether the coder's record agrees:

- `date` is scored only on notes whose text states the export's date in full, day, month and
  year, as the coder's own date grammar reads it (`date_stated`): a note whose only full date is
  another day (a report or recording date, the day of an earlier killing, or a day the export
  itself gets wrong) does not state the event's date, as a note that does not name the export's
  place does not state its place;
- `admin1` and `coordinates` only on notes that name the export's location, admin1 or admin2
  (whole words, any case); `coordinates` also needs the export's latitude and longitude;
- `country` on notes that name the country or one of those places, or on every note when the
  export's country is given as known context (`with_country`);
- `fatalities` on every row that counts none, and on the others only where the note reports a
  death or harm that may have been fatal (`fatalities_stated`, words in
  `data/acled_death_words.csv`): a count the note gives no word of came from other sources;
- every other field on every note the coder detected.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, Field

from coder.dictionaries.files import read_csv_models, register_cache
from coder.models import EventRecord
from coder.stages.dates import find_date_expressions
from coder.tools.acled_read import AcledEvent, actor_name, actor_names

NEAR_KM = 25.0
_EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Context:
    """What the note states, tested once per note."""

    date_stated: bool
    place_stated: bool
    country_stated: bool
    fatalities_stated: bool


@dataclass(frozen=True, slots=True)
class Outcome:
    """One field on one note: stated or not, agreed or not, and both codings as text."""

    stated: bool
    agreed: bool
    acled: str
    ours: str


def _names_in(text: str, names: list[str]) -> bool:
    """Whether any non-empty name occurs in `text` as whole words, in any case."""
    folded = ""
    for name in names:
        name = name.strip()
        if not name:
            continue
        folded = folded or text.casefold()
        # perf: a name that is not even a substring, in any case, is not looked for as words
        if name.casefold() in folded and _whole_words(name).search(text):
            return True
    return False


@lru_cache(maxsize=4096)
def _whole_words(name: str) -> re.Pattern[str]:
    """The pattern of `name` as whole words, in any case (an export names a few thousand
    places: each is compiled once, not once per note as `re`'s own small cache would)."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)


def note_context(event: AcledEvent, *, with_country: bool) -> Context:
    """What `event`'s note states: a date, one of the export's places, its country."""
    text = event.notes
    place = _names_in(text, [event.location, event.admin1, event.admin2])
    country = with_country or place or _names_in(text, [event.country])
    return Context(date_stated(text, event.event_date), place, country,
                   fatalities_stated(text, event.fatalities))


class _DeathWordRow(BaseModel):
    stem: str = Field(min_length=2, pattern=r"^[a-z]+$")


@register_cache
@lru_cache(maxsize=1)
def _death_words() -> re.Pattern[str]:
    """Any word that begins with a stem of `acled_death_words.csv`."""
    stems = sorted({row.stem for row in read_csv_models("acled_death_words.csv", _DeathWordRow)})
    return re.compile(r"\b(?:" + "|".join(stems) + ")", re.IGNORECASE)


def fatalities_stated(text: str, fatalities: int | None) -> bool:
    """Whether the note states what the export's fatality count needs: always when the count
    is 0 (no death to invent), else when a word of the note reports a death or harm that may
    have been fatal ("killed", "bodies", "shot", "succumbed"). None: no count to compare."""
    if fatalities is None:
        return False
    return fatalities == 0 or bool(_death_words().search(text))


def date_stated(text: str, day: dt.date | None) -> bool:
    """Whether the note states `day` in full: a day, month and year the coder's date grammar
    reads ("On 3 March 2021", "2021-03-03"), or a fully written range that holds it ("between 2
    and 4 May 2019"). A weekday, a month or a year-less day does not state the event's date: it
    depends on a publication date the export only approximates (the upload day, often years
    later)."""
    if day is None:
        return False
    for e in find_date_expressions(text):
        if e.kind not in ("explicit", "range") or not (e.year and e.month and e.day):
            continue
        try:
            start = dt.date(e.year, e.month, e.day)
        except ValueError:
            continue
        if start == day or (e.end is not None and start <= day <= e.end):
            return True
    return False


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def _same(acled: str, ours: str, stated: bool = True) -> Outcome:
    """Equal texts, ignoring case and spacing."""
    agreed = " ".join(acled.split()).casefold() == " ".join(ours.split()).casefold()
    return Outcome(stated, agreed, acled, ours)


def _event_type(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    acled = e.old_event_type or "/".join(e.event_types)
    return Outcome(True, r.event_type in e.event_types, acled, r.event_type)


def _sub_event_type(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    return _same(e.sub_event_type, r.sub_event_type)


def _actor1(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    return _same(e.actor1, actor_name(r.actor1))


def _actor2(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    return _same(e.actor2, actor_name(r.actor2))


def _actors_both(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    theirs = sorted(n.casefold() for n in (e.actor1, e.actor2))
    ours = sorted(actor_name(n).casefold() for n in (r.actor1, r.actor2))
    return Outcome(True, theirs == ours, f"{e.actor1} | {e.actor2}",
                   f"{actor_name(r.actor1)} | {actor_name(r.actor2)}")


def _assoc_1(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    agreed = actor_names(e.assoc_actor_1) == actor_names(r.assoc_actor_1)
    return Outcome(True, agreed, e.assoc_actor_1, r.assoc_actor_1)


def _assoc_2(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    agreed = actor_names(e.assoc_actor_2) == actor_names(r.assoc_actor_2)
    return Outcome(True, agreed, e.assoc_actor_2, r.assoc_actor_2)


def _inter1(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    return _same(e.inter1, r.inter1)


def _inter2(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    return _same(e.inter2, r.inter2)


def _interaction(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    return _same(e.interaction, r.interaction)


def _date(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    acled = e.event_date.isoformat() if e.event_date else ""
    ours = r.event_date or ""
    return Outcome(c.date_stated and bool(acled), bool(acled) and acled == ours, acled, ours)


def _country(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    return _same(e.country, r.country, c.country_stated and bool(e.country))


def _admin1(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    return _same(e.admin1, r.admin1, c.place_stated and bool(e.admin1))


def _coordinates(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    acled = f"{e.latitude},{e.longitude}" if e.latitude is not None else ""
    if e.latitude is None or e.longitude is None:
        return Outcome(False, False, acled, "")
    if r.latitude is None or r.longitude is None:
        return Outcome(c.place_stated, False, acled, "")
    km = haversine_km(e.latitude, e.longitude, r.latitude, r.longitude)
    ours = f"{r.latitude},{r.longitude} ({km:.0f} km)"
    return Outcome(c.place_stated, km <= NEAR_KM, acled, ours)


def _fatalities(e: AcledEvent, r: EventRecord, c: Context) -> Outcome:
    """ACLED writes 0 when no death is reported; a record's unknown count counts as 0. Scored
    where the note states it (`fatalities_stated`)."""
    ours = r.fatalities or 0
    acled = "" if e.fatalities is None else str(e.fatalities)
    return Outcome(c.fatalities_stated, e.fatalities == ours, acled, str(ours))


Test = Callable[[AcledEvent, EventRecord, Context], Outcome]

# field -> its test, in the order reports show them (`detection` is scored by the caller)
FIELD_TESTS: dict[str, Test] = {
    "event_type": _event_type,
    "sub_event_type": _sub_event_type,
    "actor1": _actor1,
    "actor2": _actor2,
    "actors_both": _actors_both,
    "assoc_actor_1": _assoc_1,
    "assoc_actor_2": _assoc_2,
    "inter1": _inter1,
    "inter2": _inter2,
    "interaction": _interaction,
    "date": _date,
    "country": _country,
    "admin1": _admin1,
    "coordinates": _coordinates,
    "fatalities": _fatalities,
}
OLD_SCHEMA_SKIPS: tuple[str, ...] = ("sub_event_type",)  # fields the pre-2019 export lacks


def best_record(event: AcledEvent, records: list[EventRecord]) -> EventRecord | None:
    """The note's record most like its ACLED row: the same event type first, then the same
    sub-event type, then the most fatalities; the first of equals. None without records."""
    if not records:
        return None

    def key(r: EventRecord) -> tuple[bool, bool, int]:
        return (r.event_type in event.event_types,
                bool(event.sub_event_type) and r.sub_event_type == event.sub_event_type,
                r.fatalities or 0)

    return max(records, key=key)
