"""Any text, however strange, codes without an exception, and every record it yields is valid."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coder.engines.local import code_documents
from coder.models import Document
from coder.tools.validate import check_records

WORDS = st.sampled_from([
    "attacked", "killed", "the", "police", "protesters", "in", "Baghdad", "on", "Sunday",
    "at least", "dozens", "“", "”", "\"", ",", ".", "-", "al-", "U.S.", "was", "by", "gunmen",
    "condemned", "and", "Iraq's", "drone", "strike", "not", "March", "2021", "7", "he", "it",
    "between", "army", "clashed", "with", "rebels", "Friday", "wounded", "3.5", "km", "’s",
])
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(WORDS, max_size=60).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_any_text_codes_without_exception(text: str, published: dt.date | None) -> None:
    doc = Document(id="x", text=text, published=published,
                   published_source="metadata" if published else "none")
    records = code_documents([doc]).records
    assert check_records(records, "x") == []
