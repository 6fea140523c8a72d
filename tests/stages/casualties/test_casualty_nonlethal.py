"""A record whose ACLED sub-event type holds no death by definition (a peaceful protest, a
protest with intervention) has no fatality range, whatever killing its reports mention."""

from __future__ import annotations

from types import SimpleNamespace

from coder.models import CasualtyMention, Span
from coder.records.figures import fatality_range
from coder.stages.casualties.rules import nonlethal_sub_events


def _cluster(sub_event_type: str) -> SimpleNamespace:
    killed = CasualtyMention(span=Span(0, 6, "killed"), kind="killed", value=2,
                             rule_id="casualties:killed")
    member = SimpleNamespace(fatalities={0: [killed]}, mention=SimpleNamespace(sentence_text=""))
    main = SimpleNamespace(mention=SimpleNamespace(kind=SimpleNamespace(
        sub_event_type=sub_event_type)))
    return SimpleNamespace(main=main, members=[member])


def test_nonlethal_types_are_the_two_protest_types() -> None:
    assert nonlethal_sub_events() == {"Peaceful protest", "Protest with intervention"}


def test_a_protest_has_no_fatalities() -> None:
    assert fatality_range(_cluster("Peaceful protest")) == (None, None)  # type: ignore[arg-type]


def test_an_attack_keeps_its_toll() -> None:
    assert fatality_range(_cluster("Attack")) == (2, 2)  # type: ignore[arg-type]
