"""Places in a sentence: the offline gazetteer, context-aware disambiguation, ACLED location
names and geo precision."""

from coder.stages.places.gazetteer import Gazetteer, document_context
from coder.stages.places.match import PlaceContext

__all__ = ["Gazetteer", "PlaceContext", "document_context"]
