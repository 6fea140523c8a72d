"""Problems: typed, coded, collected, printed by the CLI, asserted on by tests.

Every problem the coder reports has a code from the catalogue below (in the style of
frictionless' error classes): a stable, greppable name (`empty-text`, `duplicate-id`), the kind
of problem it is, and the template its message is written from. Messages are for people and
may be reworded; codes are for programs and tests, and stay.

    >>> EMPTY_TEXT.message()
    'empty text'
    >>> str(DUPLICATE_ID.at("events/triggers.jsonl", 7, "id", id=" 'x'", where="on line 3"))
    "events/triggers.jsonl:7: id: duplicate id 'x' (first on line 3)"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ProblemKind = Literal[
    "rejected_document", "invalid_record", "bad_dictionary", "missing_column", "usage", "warning"
]


@dataclass(frozen=True, slots=True)
class ProblemCode:
    """One reason something can be wrong: its code, its kind and its message template."""

    code: str
    kind: ProblemKind
    template: str
    description: str

    def message(self, **params: Any) -> str:
        """The message, with the template's `{placeholders}` filled from `params`."""
        return self.template.format(**params)

    def at(
        self, file: str = "", row: int | None = None, column: str = "", value: str = "", *,
        kind: ProblemKind | None = None, **params: Any,
    ) -> Problem:
        """A `Problem` of this code, located in `file` (at `row`, `column`); `kind` when the
        same reason is met in another kind of file (a duplicate id in a dictionary)."""
        return Problem(kind or self.kind, self.message(**params), file, row, column, value,
                       self.code)


CODES: dict[str, ProblemCode] = {}


def _code(code: str, kind: ProblemKind, template: str, description: str) -> ProblemCode:
    entry = ProblemCode(code, kind, template, description)
    CODES[code] = entry
    return entry


# --------------------------------------------------------------------------------------------
# Documents that cannot be coded (the rejects)
# --------------------------------------------------------------------------------------------

_DOC: ProblemKind = "rejected_document"
BINARY = _code("binary", _DOC, "not text ({what})", "The text holds NUL bytes: not text.")
EMPTY_TEXT = _code("empty-text", _DOC, "empty text", "The text is empty or only spaces.")
UNKNOWN_COUNTRY = _code(
    "unknown-country", _DOC,
    "unknown country {country!r} (expected an ACLED country name or an ISO code)",
    "The document's `country` names no country of countries.csv: coded in no country or the "
    "wrong one, its actors and places would be wrong.")
ONLY_BOILERPLATE = _code(
    "only-boilerplate", _DOC, "empty text after cleaning (only boilerplate)",
    "Nothing is left once bylines, copyright lines and the like are removed.")
NO_BODY = _code("no-body", _DOC, "empty text after cleaning (no body)",
                "The text holds a title or dateline but no body.")
TOO_SHORT = _code("too-short", _DOC, "text too short to hold a sentence",
                  "Fewer words than a sentence with an event needs.")
DUPLICATE_ID = _code(
    "duplicate-id", _DOC, "duplicate id{id} (first {where})",
    "An id already read: the first document (or dictionary entry) with it is kept.")
NOT_UTF8 = _code("not-utf8", _DOC, "not valid UTF-8{detail}", "Bytes that are not UTF-8.")
MALFORMED_JSON = _code("malformed-json", _DOC, "malformed JSON line: {detail}",
                       "A JSONL line that is not a JSON object.")
MISSING_ID = _code("missing-id", _DOC, "missing id", "No `id` field, or an empty one.")
INVALID_ID = _code("invalid-id", _DOC, "id must be a string or an integer",
                   "An `id` that is neither a string nor an integer.")
MISSING_TEXT = _code("missing-text", _DOC, "missing text", "No `text` field.")
INVALID_TEXT = _code("invalid-text", _DOC, "text must be a string", "A `text` that is no string.")
BAD_CSV_HEADER = _code("bad-csv-header", _DOC, "unreadable CSV header: {detail}",
                       "A CSV file whose header row cannot be parsed.")
EMPTY_FILE = _code("empty-file", _DOC, "empty CSV file (a header row is required)",
                   "A CSV file without even a header row.")
MISSING_REQUIRED_COLUMN = _code(
    "missing-required-column", _DOC, "CSV header lacks required column(s): {columns}",
    "A CSV corpus without an `id` or `text` column.")
MALFORMED_CSV = _code("malformed-csv", _DOC, "malformed CSV row: {detail}",
                      "A CSV row that cannot be parsed.")
UNREADABLE_FILE = _code("unreadable-file", _DOC, "unreadable file: {detail}",
                        "A text file the system would not read.")

# --------------------------------------------------------------------------------------------
# Record files (validate, merge, and the records a run produced)
# --------------------------------------------------------------------------------------------

_REC: ProblemKind = "invalid_record"
MISSING_COLUMN = _code("missing-column", "missing_column", "column missing from the header",
                       "A record file whose header lacks one of the columns.")
EXTRA_CELLS = _code("extra-cells", _REC, "{count} more cells than the header",
                    "A CSV row with more cells than its header has columns.")
INVALID_JSON = _code("invalid-json", _REC, "invalid JSON: {detail}",
                     "A JSONL line (of records or of a dictionary) that is not JSON.")
NOT_AN_OBJECT = _code("not-an-object", _REC, "a record must be a JSON object",
                      "A JSON value that is not an object where a record is expected.")
MISSING_CELL = _code("missing-cell", _REC, "missing", "A row without one of the columns.")
UNKNOWN_COLUMN = _code("unknown-column", _REC, "unknown column", "A column no record has.")
INVALID_VALUE = _code("invalid-value", _REC, "{detail}",
                      "A value the JSON Schema (or the record model) refuses.")
UNREADABLE_RECORDS = _code("unreadable-records", _REC, "{detail}",
                           "A record file that cannot be read at all.")
MISSING_SUB_EVENT_TYPE = _code(
    "missing-sub-event-type", _REC, "event_type {event_type!r} needs a sub_event_type",
    "An event type without its sub-event type.")
UNKNOWN_EVENT_TYPE = _code(
    "unknown-event-type", _REC, "{sub_event_type!r} is not an ACLED sub-event type",
    "A sub-event type the taxonomy does not hold.")
WRONG_EVENT_TYPE = _code(
    "wrong-event-type", _REC,
    "{sub_event_type!r} is a sub-event type of {expected!r}, not of {event_type!r}",
    "A sub-event type under another event type than its own.")
WRONG_DISORDER_TYPE = _code(
    "wrong-disorder-type", _REC, "{sub_event_type!r} has disorder_type {expected!r}",
    "A disorder type that is not the sub-event type's.")
DISORDER_WITHOUT_EVENT = _code(
    "disorder-without-event", _REC, "disorder_type without an event_type",
    "A disorder type on a record with no event type.")
WRONG_CAMEO_ROOT = _code(
    "wrong-cameo-root", _REC, "expected {expected!r}, the first two digits of cameo_code",
    "A CAMEO root that is not the first two digits of the CAMEO code.")
BAD_DATE = _code("bad-date", _REC, "{date!r} is not a calendar date",
                 "A date that matches YYYY-MM-DD but is no day of the calendar.")
WRONG_YEAR = _code("wrong-year", _REC, "year {year} differs from event_date's year {expected}",
                   "A year that is not the event date's.")
YEAR_WITHOUT_DATE = _code("year-without-date", _REC, "year given without an event_date",
                          "A year on a record with no event date.")
INTER2_WITHOUT_INTER1 = _code("inter2-without-inter1", _REC, "inter2 given without inter1",
                              "A second actor type without a first.")
WRONG_INTERACTION = _code(
    "wrong-interaction", _REC, "expected {expected!r} for inter1 {inter1!r} and inter2 {inter2!r}",
    "An interaction label that does not follow from the two actor types.")
FATALITY_RANGE = _code(
    "fatality-range", _REC, "fatalities_low {low} exceeds fatalities_high {high}",
    "A fatality range whose low end is above its high end.")
CONFLICTING_ID = _code(
    "conflicting-id", "warning",
    "event_id_cnty already seen with different content; kept the first",
    "Two record files give the same event id to different records (merge keeps the first).")

# --------------------------------------------------------------------------------------------
# Dictionaries
# --------------------------------------------------------------------------------------------

_DICT: ProblemKind = "bad_dictionary"
BAD_DICTIONARY = _code("bad-dictionary", _DICT, "{detail}",
                       "A dictionary entry its model refuses, or that contradicts other files.")
FILE_NOT_FOUND = _code("file-not-found", _DICT, "file not found",
                       "A packaged dictionary file that is missing.")
EXTRA_FIELDS = _code("extra-fields", _DICT, "more fields than the header",
                     "A dictionary CSV row with more fields than its header.")

# The code of a problem built without one, by its kind (problems other modules build by hand).
_DEFAULT_CODES: dict[str, str] = {
    "rejected_document": "rejected-document",
    "invalid_record": INVALID_VALUE.code,
    "bad_dictionary": BAD_DICTIONARY.code,
    "missing_column": MISSING_COLUMN.code,
    "usage": "usage",
    "warning": "warning",
}


@dataclass(slots=True)
class Problem:
    """One thing that went wrong, located as precisely as we can, with its code."""

    kind: ProblemKind
    message: str
    file: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    code: str = ""

    def __post_init__(self) -> None:
        if not self.code:
            self.code = _DEFAULT_CODES[self.kind]

    def __str__(self) -> str:
        where = self.file or "-"
        if self.row is not None:
            where += f":{self.row}"
        if self.column:
            where += f": {self.column}"
        return f"{where}: {self.message}"


@dataclass(slots=True)
class ProblemReport:
    """All problems met during one run; the CLI prints them and picks the exit code."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def count(self, kind: ProblemKind | None = None) -> int:
        return sum(1 for p in self.problems if kind is None or p.kind == kind)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.problems)
