"""Typed models for every stage of the pipeline.

`EventRecord` (pydantic) is the single source of an output row's shape: the JSON Schema in
`schemas/` is generated from it. The in-flight models (documents, mentions, events) are slotted
dataclasses because millions of them are built on the hot path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from coder.dictionaries.taxonomy import EventType, taxonomy_field
from coder.problems import ProblemCode

if TYPE_CHECKING:
    DisorderTypeName = str
    EventTypeName = str
    SubEventTypeName = str
    InterLabel = str
else:
    DisorderTypeName = taxonomy_field("disorder_type")
    EventTypeName = taxonomy_field("event_type")
    SubEventTypeName = taxonomy_field("sub_event_type")
    InterLabel = taxonomy_field("inter")

# --------------------------------------------------------------------------------------------
# Controlled vocabularies
# --------------------------------------------------------------------------------------------

Realis = Literal["actual", "attempted", "threatened", "denied", "planned", "hypothetical"]
REALIS_VALUES: tuple[str, ...] = (
    "actual", "attempted", "threatened", "denied", "planned", "hypothetical",
)


# --------------------------------------------------------------------------------------------
# Documents and sentences
# --------------------------------------------------------------------------------------------

DateSource = Literal["metadata", "date_line", "text", "none"]


@dataclass(slots=True)
class Document:
    """One article, its metadata, and its cleaned body text."""

    id: str
    text: str  # cleaned body text (boilerplate removed); offsets of sentences refer to it
    title: str = ""
    published: dt.date | None = None
    # where `published` came from: manifest/JSONL field, a date line in the text, or none
    published_source: DateSource = "none"
    source: str = ""  # outlet name
    url: str = ""
    language: str = "en"
    dateline: str = ""  # place named in a dateline ("BAGHDAD (AP) -" -> "BAGHDAD"), if any
    # ISO3 of the country the document is known to be about (the input's `country` field or
    # `coder code --country`), "" when unknown: its places are looked up there first and its
    # unnamed actors belong to it
    country: str = ""
    origin: str = ""  # file (and line) the document was read from, for messages


@dataclass(slots=True)
class Rejected:
    """A document that could not be coded, why (`reason`, for people) and the problem code
    (`code`, from `coder.problems`, for programs)."""

    origin: str  # file, file:line
    reason: str
    doc_id: str = ""
    code: str = "rejected-document"

    @classmethod
    def because(
        cls, problem: ProblemCode, origin: str, doc_id: str = "", **params: object
    ) -> Rejected:
        """A rejection for `problem`, its reason written from the problem's template."""
        return cls(origin, problem.message(**params), doc_id, problem.code)


@dataclass(slots=True)
class Sentence:
    doc_id: str
    index: int  # 0-based position in the document (the title, when present, is sentence 0)
    text: str
    start: int = 0  # character offsets in Document.text (title sentences: -1)
    end: int = 0

    @property
    def sentence_id(self) -> str:
        return f"{self.doc_id}#{self.index}"


# --------------------------------------------------------------------------------------------
# Mentions found inside a sentence (character offsets are relative to the sentence text)
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """A resolved actor: ACLED name, CAMEO code and ACLED actor type."""

    name: str  # ACLED-style name: "Military Forces of Iraq (2020-)", "Protesters (Iraq)"
    code: str = ""  # CAMEO actor code: "IRQMIL", "USAGOV", "" when unknown
    inter: int | None = None  # ACLED inter code 1-8
    country: str = ""  # ISO alpha-3 of the actor's country, "" when none (IGOs, unknown)
    kind: str = ""  # "state", "police", "military", "government", "person", "group",
    # "protesters", "rioters", "civilians", "unidentified", "country", "organisation"
    assoc: str = ""  # associated actor / identity label (ACLED assoc_actor), if any


@dataclass(slots=True)
class ActorMention:
    span: Span
    actor: Actor
    rule_id: str  # dictionary entry that matched, e.g. "people:kadhimi"
    # pronoun or definite description resolved from an earlier sentence
    coreferent: bool = False


DateKind = Literal["explicit", "weekday", "relative", "month", "week", "year", "range"]


@dataclass(slots=True)
class DateExpression:
    """A date expression found in text, not yet resolved against an anchor date.

    Resolution is deferred so that a document with no (or a doubtful) publication date can be
    re-anchored after its events are matched to other reports of the same event.
    """

    span: Span
    kind: DateKind
    # explicit: year/month/day as written (year may be None: "Nov. 7")
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0=Monday .. 6=Sunday, for kind == "weekday"
    offset_days: int = 0  # for kind == "relative": "yesterday" -> -1, "last week" -> -7
    precision: int = 1  # ACLED time precision implied by the expression itself
    end: dt.date | None = None  # for ranges, the last day when fully explicit


@dataclass(slots=True)
class ResolvedDate:
    date: dt.date
    precision: int  # ACLED time_precision 1, 2 or 3
    basis: str  # "explicit", "weekday", "relative", "publication", "report"


@dataclass(slots=True)
class Place:
    """A resolved gazetteer entry."""

    name: str  # ACLED location ("Baghdad - Green Zone", "Mosul")
    country: str  # ACLED country name
    iso3: str
    iso_numeric: int | None
    region: str  # ACLED region
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 1
    feature: str = "city"  # "city", "landmark", "admin1", "admin2", "country", "feature"
    population: int = 0
    geonameid: int | None = None


@dataclass(slots=True)
class PlaceMention:
    span: Span
    place: Place
    rule_id: str  # "gazetteer:98182", "supplement:green-zone", "countries:IRQ"
    near: bool = False  # "near X", "outskirts of X": geo precision 2


CasualtyKind = Literal["killed", "injured"]


@dataclass(slots=True)
class CasualtyMention:
    span: Span
    kind: CasualtyKind
    value: int  # the conservative figure ("at least two" -> 2, "dozens" -> 12)
    high: int | None = None  # upper bound when a range is given ("two to four" -> 4)
    vague: bool = False  # from a vague quantity word ("dozens", "several")
    victims: str = ""  # the victim words when found ("protesters", "security guards")
    rule_id: str = ""
    # a running or historical total ("the war has killed 500,000 since 2011"): not today's toll
    cumulative: bool = False


# --------------------------------------------------------------------------------------------
# Events found in a sentence, before records are built
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class EventMention:
    """One event as one sentence reports it."""

    doc_id: str
    sentence_index: int
    sentence_text: str
    trigger: Span
    kind: EventType
    rule_ids: list[str] = field(default_factory=list)
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc1: list[ActorMention] = field(default_factory=list)
    assoc2: list[ActorMention] = field(default_factory=list)
    realis: str = "actual"
    date_expression: DateExpression | None = None
    date: ResolvedDate | None = None
    date_reason: str = ""  # why the date is empty, when it is
    place: PlaceMention | None = None
    fatalities: list[CasualtyMention] = field(default_factory=list)
    injuries: list[CasualtyMention] = field(default_factory=list)
    civilian_targeting: bool = False
    # supporting sentences beyond the trigger sentence ("doc#index")
    support: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Output record: ACLED's 31 export columns, in ACLED's order, then ours
# --------------------------------------------------------------------------------------------

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "cameo_code", "cameo_root", "quad_class", "goldstein", "actor1_code", "actor2_code",
    "actor1_text", "actor2_text", "injuries", "fatalities_low", "fatalities_high", "realis",
    "doc_ids", "sentence_ids", "source_urls", "n_sources", "n_documents", "evidence",
    "rule_ids", "coder_version", "ruleset_hash",
)
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS

_ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"


class EventRecord(BaseModel):
    """One output row. Field order is column order; every column is always present."""

    model_config = ConfigDict(
        extra="forbid",
        title="Event record",
        json_schema_extra={
            "description": "One coded event: ACLED's 31 export columns followed by CAMEO "
            "codes, casualty ranges, realis and provenance. Empty text columns are empty "
            "strings; unknown numbers are null."
        },
    )

    event_id_cnty: str = Field(
        pattern=r"^[A-Z]{3}[0-9A-Z]+$",
        description="Stable id: ISO alpha-3 (XXX when unknown) then a hash of the event's "
        "kind, date, place and documents.",
    )
    event_date: str | None = Field(
        default=None, pattern=_ISO_DATE, description="ISO YYYY-MM-DD; null when unknown."
    )
    year: int | None = Field(default=None, ge=1900, le=2200)
    time_precision: int | None = Field(default=None, ge=1, le=3)
    disorder_type: DisorderTypeName = ""
    event_type: EventTypeName = ""
    sub_event_type: SubEventTypeName = ""
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: InterLabel = ""
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: InterLabel = ""
    interaction: str = Field(
        default="", description="ACLED interaction label, e.g. 'State forces-Protesters'."
    )
    civilian_targeting: Literal["", "Civilians targeted"] = ""
    iso: int | None = Field(default=None, ge=0, le=999, description="ISO 3166 numeric.")
    region: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    geo_precision: int | None = Field(default=None, ge=1, le=3)
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int | None = Field(default=None, ge=0)
    tags: str = ""
    timestamp: int = Field(ge=0, description="Unix time the record was coded.")
    cameo_code: str = Field(default="", pattern=r"^$|^[0-9]{2,4}$")
    cameo_root: str = Field(default="", pattern=r"^$|^[0-9]{2}$")
    quad_class: int | None = Field(default=None, ge=1, le=4)
    goldstein: float | None = Field(default=None, ge=-10, le=10)
    actor1_code: str = Field(default="", pattern=r"^$|^[A-Z]{3}(?:[A-Z]{3})*$")
    actor2_code: str = Field(default="", pattern=r"^$|^[A-Z]{3}(?:[A-Z]{3})*$")
    actor1_text: str = ""
    actor2_text: str = ""
    injuries: int | None = Field(default=None, ge=0)
    fatalities_low: int | None = Field(default=None, ge=0)
    fatalities_high: int | None = Field(default=None, ge=0)
    realis: Literal[
        "actual", "attempted", "threatened", "denied", "planned", "hypothetical"
    ] = "actual"
    doc_ids: str = Field(min_length=1)
    sentence_ids: str = Field(min_length=1)
    source_urls: str = ""
    n_sources: int = Field(default=0, ge=0)
    n_documents: int = Field(ge=1)
    evidence: str = ""
    rule_ids: str = ""
    coder_version: str
    ruleset_hash: str = Field(pattern=r"^[0-9a-f]{12,64}$")


assert tuple(EventRecord.model_fields) == COLUMNS, "EventRecord fields must follow COLUMNS"
