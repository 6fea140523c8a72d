"""Events in a sentence: trigger phrases, realis, arguments (actor and target), attachment of
dates and places, ACLED and CAMEO classification."""

from coder.stages.events.analysis import (
    Candidate,
    SentenceAnalysis,
    event_words,
    has_cue,
    tokenized,
)
from coder.stages.events.classification import (
    ARMED_TARGET,
    armed_victims,
    demonstration_types,
    interaction,
    is_armed,
    type_rank,
)
from coder.stages.events.events import find_events
from coder.stages.events.triggers import find_triggers

__all__ = [
    "ARMED_TARGET", "Candidate", "SentenceAnalysis", "armed_victims", "demonstration_types",
    "event_words", "find_events", "find_triggers", "has_cue", "interaction", "is_armed",
    "tokenized", "type_rank",
]
