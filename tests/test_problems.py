"""The problem-code catalogue: every code is named once, and its template fills from its
placeholders."""

from __future__ import annotations

import re
import string

import pytest

from coder.models import Rejected
from coder.problems import CODES, DUPLICATE_ID, EMPTY_TEXT, Problem


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_named_and_fills_its_template(code: str) -> None:
    entry = CODES[code]
    assert entry.code == code and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", code)
    assert entry.description
    names = {f for _, f, _, _ in string.Formatter().parse(entry.template) if f}
    message = entry.message(**{n.split("!")[0]: "X" for n in names})
    assert "{" not in message
    assert entry.at("f.csv", 3, "col", **{n: "X" for n in names}).code == code


def test_a_located_problem_reads_file_line_column_message() -> None:
    problem = DUPLICATE_ID.at("triggers.jsonl", 7, "id", kind="bad_dictionary", id=" 'x'",
                              where="on line 3")
    assert str(problem) == "triggers.jsonl:7: id: duplicate id 'x' (first on line 3)"
    assert (problem.kind, problem.code) == ("bad_dictionary", "duplicate-id")


def test_a_problem_built_without_a_code_gets_its_kinds() -> None:
    assert Problem("bad_dictionary", "unknown concept 'x'").code == "bad-dictionary"
    assert Problem("missing_column", "m").code == "missing-column"


def test_a_rejection_carries_its_code_and_message() -> None:
    rejected = Rejected.because(EMPTY_TEXT, "feed.jsonl:7", "sd-44")
    assert (rejected.reason, rejected.code, rejected.doc_id) == ("empty text", "empty-text",
                                                                 "sd-44")
