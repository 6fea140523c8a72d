"""Actors in a sentence: dictionary names (countries, demonyms, agents, organisations, people with
dated roles, identity groups) found and resolved to ACLED names and CAMEO codes."""

from coder.stages.actors.dictionary import ActorDictionary
from coder.stages.actors.mentions import find_actors
from coder.stages.actors.resolve import (
    agent_actor,
    identity_label,
    office_holder,
    person_actor,
    with_country,
)

__all__ = [
    "ActorDictionary", "agent_actor", "find_actors", "identity_label", "office_holder",
    "person_actor", "with_country",
]
