"""The published JSON Schema of an event record, generated from `EventRecord`.

`schemas/event-record.schema.json` is this function's output, checked in and kept in sync by a
test; `coder validate` validates against the same schema.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from coder.models import COLUMNS, EventRecord

SCHEMA_ID = "https://github.com/coder/coder/schemas/event-record.schema.json"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


@lru_cache(maxsize=1)
def _record_schema() -> dict[str, Any]:
    schema = EventRecord.model_json_schema()
    schema["$schema"] = SCHEMA_DIALECT
    schema["$id"] = SCHEMA_ID
    # Every column is present in every row (possibly empty), so all of them are required,
    # not only the ones without a default in the model.
    schema["required"] = list(COLUMNS)
    return schema


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every output record satisfies; a fresh copy per call."""
    return json.loads(json.dumps(_record_schema()))


def schema_json() -> str:
    """The schema as published: sorted keys, indent 2, trailing newline."""
    return json.dumps(_record_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def column_types() -> dict[str, frozenset[str]]:
    """JSON types each column may hold ("string", "integer", "number", "null")."""
    out: dict[str, frozenset[str]] = {}
    for name, prop in _record_schema()["properties"].items():
        branches = prop.get("anyOf", [prop])
        out[name] = frozenset(b["type"] for b in branches if "type" in b)
    return out
