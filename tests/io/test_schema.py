"""The published JSON Schema stays in sync with the model and is a valid draft 2020-12 schema."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator
from locations import ROOT

from coder.io.schema import SCHEMA_ID, record_schema, schema_json
from coder.models import COLUMNS

PUBLISHED = ROOT / "schemas" / "event-record.schema.json"


def test_checked_in_schema_matches_the_model() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == schema_json(), (
        "schemas/event-record.schema.json is out of date; regenerate it with "
        "`coder schema > schemas/event-record.schema.json`"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    schema = record_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID


def test_every_column_is_required_in_column_order() -> None:
    schema = record_schema()
    assert schema["required"] == list(COLUMNS)
    assert list(schema["properties"]) == list(COLUMNS)
    assert schema["additionalProperties"] is False


def test_published_text_is_sorted_indented_and_ends_with_newline() -> None:
    text = schema_json()
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_record_schema_returns_an_independent_copy() -> None:
    record_schema()["required"].clear()
    assert record_schema()["required"] == list(COLUMNS)
