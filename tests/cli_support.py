"""Records built by hand for the CLI, export, validate and evaluate tests (no pipeline needed)."""

from __future__ import annotations

from typing import Any

from coder.models import EventRecord

# A one-sided protest in Santiago, Chile: every column filled the way the coder fills it.
BASE: dict[str, Any] = {
    "event_id_cnty": "CHL7F3A9B21",
    "event_date": "2019-10-25",
    "year": 2019,
    "time_precision": 1,
    "disorder_type": "Demonstrations",
    "event_type": "Protests",
    "sub_event_type": "Peaceful protest",
    "actor1": "Protesters (Chile)",
    "inter1": "Protesters",
    "interaction": "Protesters only",
    "iso": 152,
    "region": "South America",
    "country": "Chile",
    "admin1": "Region Metropolitana",
    "location": "Santiago",
    "latitude": -33.4569,
    "longitude": -70.6483,
    "geo_precision": 1,
    "source": "La Tercera",
    "source_scale": "National",
    "fatalities": 0,
    "timestamp": 1572000000,
    "cameo_code": "141",
    "cameo_root": "14",
    "quad_class": 3,
    "goldstein": -6.5,
    "actor1_code": "CHLOPP",
    "actor1_text": "demonstrators",
    "realis": "actual",
    "doc_ids": "cl-001",
    "sentence_ids": "cl-001#3",
    "n_sources": 1,
    "n_documents": 1,
    "evidence": "Hundreds of thousands of demonstrators filled the streets of the capital.",
    "rule_ids": "events:protest-fill-streets",
    "coder_version": "0.1.0",
    "ruleset_hash": "0123456789abcdef",
}


def make_record(**overrides: Any) -> EventRecord:
    """The base record with some columns changed."""
    return EventRecord(**(BASE | overrides))


def battle(**overrides: Any) -> EventRecord:
    """A two-sided armed clash in northern Mozambique."""
    return make_record(
        **{
            "event_id_cnty": "MOZ00C41D",
            "event_date": "2021-03-26",
            "year": 2021,
            "disorder_type": "Political violence",
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "Military Forces of Mozambique (1975-)",
            "inter1": "State forces",
            "actor2": "Islamic State (Mozambique)",
            "inter2": "Rebel group",
            "interaction": "State forces-Rebel group",
            "iso": 508,
            "region": "Southern Africa",
            "country": "Mozambique",
            "admin1": "Cabo Delgado",
            "location": "Palma",
            "latitude": -10.7667,
            "longitude": 40.4667,
            "fatalities": 12,
            "fatalities_low": 12,
            "fatalities_high": 55,
            "injuries": 4,
            "cameo_code": "190",
            "cameo_root": "19",
            "quad_class": 4,
            "goldstein": -10.0,
            "actor1_code": "MOZMIL",
            "actor2_code": "MOZREB",
            "doc_ids": "mz-7; mz-9",
            "sentence_ids": "mz-7#0; mz-9#4",
            "n_sources": 2,
            "n_documents": 2,
        }
        | overrides
    )
