"""A record's toll from one report's sentence: conflicting figures for the same victims give
the lower (ACLED's conservative figure), a vague figure gives way to a precise one, distinct
victim groups add up."""

from __future__ import annotations

from types import SimpleNamespace

from coder.models import CasualtyMention, Span
from coder.records.figures import fatality_range


def _mention(value: int, victims: str = "", vague: bool = False) -> CasualtyMention:
    return CasualtyMention(span=Span(0, 6, "killed"), kind="killed", value=value,
                           victims=victims, vague=vague, rule_id="casualties:killed")


def _range(*mentions: CasualtyMention) -> tuple[int | None, int | None]:
    member = SimpleNamespace(fatalities={0: list(mentions)},
                             mention=SimpleNamespace(sentence_text=""))
    main = SimpleNamespace(mention=SimpleNamespace(kind=SimpleNamespace(
        sub_event_type="Attack")))
    return fatality_range(SimpleNamespace(main=main, members=[member]))  # type: ignore[arg-type]


def test_conflicting_figures_give_the_lower() -> None:
    assert _range(_mention(7), _mention(4)) == (4, 7)


def test_a_vague_figure_gives_way_to_a_precise_one() -> None:
    assert _range(_mention(10, vague=True), _mention(3)) == (3, 10)


def test_distinct_victim_groups_add_up() -> None:
    assert _range(_mention(2, "soldiers"), _mention(5, "civilians")) == (7, 7)


def _range_by_sentence(*sentences: list[CasualtyMention]) -> tuple[int | None, int | None]:
    member = SimpleNamespace(fatalities=dict(enumerate(sentences)),
                             mention=SimpleNamespace(sentence_text=""))
    main = SimpleNamespace(mention=SimpleNamespace(kind=SimpleNamespace(
        sub_event_type="Attack")))
    return fatality_range(SimpleNamespace(main=main, members=[member]))  # type: ignore[arg-type]


def test_a_vague_sentence_gives_way_to_a_precise_one_of_the_same_report() -> None:
    """ "Gunmen killed villagers." then "Five bodies were recovered.": the precise figure of
    the report's other sentence is its toll, not the vague three of the plural."""
    assert _range_by_sentence([_mention(3, vague=True)], [_mention(5)]) == (5, 5)


def test_the_lower_of_two_precise_sentences_stays_the_toll() -> None:
    assert _range_by_sentence([_mention(7)], [_mention(4)]) == (4, 7)
