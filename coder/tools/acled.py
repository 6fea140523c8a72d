"""Evaluating the coder against a real ACLED export (`coder evaluate --acled EXPORT.csv`).

A researcher with ACLED access checks the coder on their own region and period: every row's
notes are coded and the records compared, field by field, with ACLED's human coding. Reading
lives in `acled_read`, per-field tests in `acled_compare`, scoring in `acled_eval`, text tables
in `acled_render`; this module is the public face.
"""

from __future__ import annotations

from coder.tools.acled_eval import AcledEvaluation, CountryScore, FieldScore, Miss, evaluate_acled
from coder.tools.acled_read import (
    AcledEvent,
    AcledExport,
    AcledReadError,
    actor_name,
    parse_event_date,
    read_acled,
)

__all__ = [
    "AcledEvaluation", "AcledEvent", "AcledExport", "AcledReadError", "CountryScore",
    "FieldScore", "Miss", "actor_name", "evaluate_acled", "parse_event_date", "read_acled",
]
