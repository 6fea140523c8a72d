"""Problems: typed, collected, printed by the CLI, asserted on by tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ProblemKind = Literal[
    "rejected_document", "invalid_record", "bad_dictionary", "missing_column", "usage", "warning"
]


@dataclass(slots=True)
class Problem:
    """One thing that went wrong, located as precisely as we can."""

    kind: ProblemKind
    message: str
    file: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""

    def __str__(self) -> str:
        where = self.file or "-"
        if self.row is not None:
            where += f":{self.row}"
        if self.column:
            where += f": {self.column}"
        return f"{where}: {self.message}"


@dataclass(slots=True)
class ProblemReport:
    """All problems met during one run; the CLI prints them and picks the exit code."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def count(self, kind: ProblemKind | None = None) -> int:
        return sum(1 for p in self.problems if kind is None or p.kind == kind)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.problems)
