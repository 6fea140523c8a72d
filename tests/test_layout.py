"""The package's layout stays readable: small functions, small modules, no import circles, no
ACLED/CAMEO type names or rule word sets written in Python.

Run `python tests/test_layout.py` to print the longest functions and largest modules.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from locations import ROOT

PACKAGE = ROOT / "coder"
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 500


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def function_lengths() -> list[tuple[int, str]]:
    """(lines, 'module:function') for every function and method in the package."""
    out = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                out.append((lines, f"{_module_name(path)}:{node.name}"))
    return sorted(out, reverse=True)


def module_lengths() -> list[tuple[int, str]]:
    return sorted(
        ((len(p.read_text(encoding="utf-8").splitlines()), _module_name(p)) for p in _modules()),
        reverse=True,
    )


def _imports(tree: ast.AST) -> list[ast.stmt]:
    """Every import statement in `tree` outside `if TYPE_CHECKING:` blocks."""
    found: list[ast.stmt] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found += [n for orelse in node.orelse for n in _imports(orelse)]
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        else:
            found += _imports(node)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports anywhere (a late import inside a function is
    still a dependency), except under `if TYPE_CHECKING:`."""
    names = {_module_name(p) for p in _modules()}
    graph: dict[str, set[str]] = {}
    for path in _modules():
        me = _module_name(path)
        deps: set[str] = set()
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            deps |= {t for t in targets if t in names and t != me}
        graph[me] = deps
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def test_no_function_is_longer_than_the_limit() -> None:
    long = [f"{name} ({n} lines)" for n, name in function_lengths() if n > MAX_FUNCTION_LINES]
    assert long == []


def test_no_module_is_longer_than_the_limit() -> None:
    big = [f"{name} ({n} lines)" for n, name in module_lengths() if n > MAX_MODULE_LINES]
    assert big == []


def test_the_package_has_no_import_circle() -> None:
    assert import_cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    assert import_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("lines", [MAX_FUNCTION_LINES + 1])
def test_the_length_check_sees_a_long_function(tmp_path: Path, lines: int) -> None:
    source = "def f():\n" + "    x = 1\n" * (lines - 1)
    node = ast.parse(source).body[0]
    assert (node.end_lineno or 0) - node.lineno + 1 == lines


def _taxonomy_names() -> set[str]:
    import csv

    data = PACKAGE / "data"
    with (data / "acled_taxonomy.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    names = {r["event_type"] for r in rows} | {r["sub_event_type"] for r in rows}
    names |= {d.strip() for r in rows for d in r["disorder_type"].split(";")}
    names |= {r["disorder_type"] for r in rows}
    return names


def _code_strings(tree: ast.AST) -> list[ast.Constant]:
    """String constants that are not docstrings."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        n for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    ]


def literal_problems() -> list[str]:
    """ACLED type names written as Python strings, and word sets written as Python literals."""
    names = _taxonomy_names()
    found = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = _module_name(path)
        found += [f"{where}:{n.lineno}: {n.value!r}" for n in _code_strings(tree)
                  if n.value in names]
        for node in _word_set_candidates(tree):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant)
                     and isinstance(e.value, str) and e.value.isalpha() and len(e.value) > 1]
            if len(words) >= 3:
                found.append(f"{where}:{node.lineno}: word set {words[:3]}...")
    return found


def _word_set_candidates(tree: ast.AST) -> list[ast.Set | ast.Tuple | ast.List]:
    """Set displays, and tuples or lists tested with `in`: the shapes a word set takes. Literal
    type aliases (`Literal["a", "b"]`) name a type's values, not words to match, and are left
    out."""
    typed = {id(n) for sub in ast.walk(tree) if isinstance(sub, ast.Subscript)
             for n in ast.walk(sub.slice)}
    found: list[ast.Set | ast.Tuple | ast.List] = [
        n for n in ast.walk(tree) if isinstance(n, ast.Set) and id(n) not in typed
    ]
    for cmp in (n for n in ast.walk(tree) if isinstance(n, ast.Compare)):
        for op, right in zip(cmp.ops, cmp.comparators, strict=True):
            if isinstance(op, ast.In | ast.NotIn) and isinstance(right, ast.Tuple | ast.List):
                found.append(right)
    return found


def test_no_type_name_or_word_set_is_written_in_python() -> None:
    assert literal_problems() == []


if __name__ == "__main__":
    print("type names and word sets in Python:", len(literal_problems()))
    print("longest functions:")
    for n, name in function_lengths()[:10]:
        print(f"  {n:4d}  {name}")
    print("largest modules:")
    for n, name in module_lengths()[:10]:
        print(f"  {n:4d}  {name}")
    print("import circles:", import_cycles(import_graph()) or "none")
