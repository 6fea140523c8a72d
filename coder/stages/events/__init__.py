"""Events in a sentence: trigger phrases, realis, arguments (actor and target), attachment of
dates and places, ACLED and CAMEO classification."""

from coder.stages.events.classification import (
    DEMONSTRATION_TYPES,
    interaction,
    is_armed,
    type_rank,
)
from coder.stages.events.events import (
    Candidate,
    SentenceAnalysis,
    armed_victims,
    find_events,
    find_triggers,
    has_cue,
)

__all__ = [
    "DEMONSTRATION_TYPES", "Candidate", "SentenceAnalysis", "armed_victims", "find_events",
    "find_triggers", "has_cue", "interaction", "is_armed", "type_rank",
]
