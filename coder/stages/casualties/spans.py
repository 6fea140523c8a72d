"""How many days a report's toll covers, when the report says it covers several ("killed over
two days", "two days of clashes", "over a 36-hour period"): ACLED divides such a total evenly
over the daily events, the first day taking the extra one (codebooks.md 1.5)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from coder.dictionaries.files import read_csv_models, register_cache
from coder.text.numbers import find_numbers
from coder.text.tokens import Token, tokenize


class DaySpanRow(BaseModel):
    word: str = Field(min_length=1)
    kind: Literal["lead", "filler", "of", "unit", "not_after", "not_before"]
    hours: int = Field(ge=0, le=24 * 31)


@register_cache
@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, int]]:
    """kind -> word -> hours (0 for words that are no unit), from day_spans.csv."""
    out: dict[str, dict[str, int]] = {"lead": {}, "filler": {}, "of": {}, "unit": {},
                                      "not_after": {}, "not_before": {}}
    for row in read_csv_models("casualties/day_spans.csv", DaySpanRow):
        out[row.kind][row.word.lower()] = row.hours
    return out


def days_spanned(text: str) -> int:
    """The most days any span in `text` states (1 when none states more than one day)."""
    if "day" not in text.lower() and "hour" not in text.lower():
        return 1  # perf: most reports state no span
    tokens = tokenize(text)
    best = 1
    for n in find_numbers(tokens):
        hours = _span_hours(tokens, n.core, n.end)  # "over two days": "over" is no hedge
        if hours and n.value > 0 and not n.vague:
            best = max(best, -(-n.value * hours // 24))  # whole days, rounded up
    return best


def _span_hours(tokens: list[Token], start: int, end: int) -> int:
    """The hours per counted unit when the number at tokens[start:end] states a span ("over
    two days" -> 24, "36-hour period" after "over" -> 1); 0 when it does not."""
    w = _words()
    j = end + 1 if end < len(tokens) and tokens[end].key == "-" else end
    if j >= len(tokens) or tokens[j].key not in w["unit"]:
        return 0
    after = tokens[j + 1].key if j + 1 < len(tokens) else ""
    if after in w["not_after"]:
        return 0
    if after in w["of"]:  # "two days of clashes", but not "the third of three days of"
        before = tokens[start - 1].key if start > 0 else ""
        return 0 if before in w["not_before"] else w["unit"][tokens[j].key]
    k = start - 1
    while k >= 0 and tokens[k].key in w["filler"]:
        k -= 1
    return w["unit"][tokens[j].key] if k >= 0 and tokens[k].key in w["lead"] else 0
