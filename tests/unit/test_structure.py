"""The house keeps its shape: every module in components/ stays within 400 lines, every page within
200, the README within 200, and no import circle appears among components/. Each failure says what
to split and how. (The limits are where a file stops being read in one sitting; the live room and the
projector work once grew files past them unnoticed.)"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

MODULE_LIMIT = 400
PAGE_LIMIT = 200
README_LIMIT = 200


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def oversized(paths, limit: int) -> dict[str, int]:
    """{path relative to the repo: lines} for every file longer than `limit` lines."""
    return {str(p.relative_to(ROOT)): n for p in sorted(paths) if (n := line_count(p)) > limit}


def module_name(path: Path, base: Path = ROOT) -> str:
    rel = path.relative_to(base).with_suffix("")
    return ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)


def imported(path: Path) -> set[str]:
    """Every components.* module a file imports, at any level: an import inside a function still
    ties the two modules together, so it counts."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("components"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("components"))
    return out


def import_graph(base: Path = ROOT) -> dict[str, set[str]]:
    """components.* module -> the components.* modules it imports."""
    modules = {module_name(p, base): p for p in (base / "components").rglob("*.py")}
    return {name: {m for m in imported(path) if m in modules and m != name} for name, path in modules.items()}


def reach(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One import path per circle, from a module back to itself (the root package importing its own
    modules is not a circle: it is how a package names its parts)."""
    found: list[list[str]] = []
    seen: set[str] = set()
    for start in sorted(graph):
        if start in seen or start == "components":
            continue
        path = _path_back(graph, start)
        if path:
            found.append(path)
            seen.update(path)
    return found


def _path_back(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """The shortest import path from `start` back to itself, or None."""
    parent: dict[str, str] = {}
    todo = [start]
    while todo:
        here = todo.pop(0)
        for nxt in sorted(graph[here]):
            if nxt == start:
                chain = [here]
                while chain[-1] != start:
                    chain.append(parent[chain[-1]])
                return [*reversed(chain), start]
            if nxt not in parent and nxt not in (start, "components"):
                parent[nxt] = here
                todo.append(nxt)
    return None


def test_no_module_in_components_over_the_limit():
    over = oversized((ROOT / "components").rglob("*.py"), MODULE_LIMIT)
    assert not over, (
        f"over {MODULE_LIMIT} lines: {over}. Split it: move one group of functions (the Streamlit UI "
        "away from the pure logic, or one feature's parts) into a module of its own beside it, and "
        "import it from there (no re-export)."
    )


def test_no_page_over_the_limit():
    over = oversized((ROOT / "pages").glob("*.py"), PAGE_LIMIT)
    assert not over, (
        f"over {PAGE_LIMIT} lines: {over}. A page only fetches content and lays out components: move "
        "its drawing into a component in components/ and call it."
    )


def test_readme_within_the_limit():
    over = oversized([ROOT / "README.md"], README_LIMIT)
    assert not over, (
        f"README.md is {over.get('README.md')} lines (limit {README_LIMIT}). Move the detail into docs/ "
        "(features.md, facilitating.md, editing.md) and link it."
    )


def test_no_import_circle_among_components():
    found = circles(import_graph())
    assert not found, (
        "import circles: " + "; ".join(" -> ".join(c) for c in found) + ". Break each: move what both "
        "modules need into a third module that imports neither."
    )


def test_the_guard_sees_a_circle_and_an_oversized_file(tmp_path):
    """The checks themselves: a made-up package with a circle and a long module fails them."""
    pkg = tmp_path / "components"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from components import b\n")
    (pkg / "b.py").write_text("def f():\n    from components.c import g\n")
    (pkg / "c.py").write_text("import components.a\n" + "x = 1\n" * (MODULE_LIMIT + 1))
    (pkg / "d.py").write_text("from components import a\n")
    found = circles(import_graph(tmp_path))
    assert found and found[0] == ["components.a", "components.b", "components.c", "components.a"]
    assert "components.d" not in {m for c in found for m in c}
    long = {str(p.name): line_count(p) for p in pkg.glob("*.py") if line_count(p) > MODULE_LIMIT}
    assert long == {"c.py": MODULE_LIMIT + 2}


_CSS = re.compile(r"[\w\]\)\*]\s*\{[^{}]*:[^{}]*;[^{}]*\}")
_JS = re.compile(r"\bfunction\b|=>|\bconst\b|\blet\b|document\.")


def code_in_strings(path: Path) -> list[str]:
    """Python string constants of more than one line that hold CSS or JavaScript (docstrings aside):
    such code belongs in a .css or .js file beside its module, where an editor and a linter see it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and node.value.strip().count("\n") >= 1
            and (_CSS.search(node.value) or _JS.search(node.value))
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_javascript_or_css_inside_python_strings():
    found = [
        hit
        for folder in ("components", "pages")
        for p in sorted((ROOT / folder).rglob("*.py"))
        for hit in code_in_strings(p)
    ]
    assert not found, (
        f"CSS or JavaScript in a Python string at {found}: move it to a .css or .js file beside "
        "the module and read it once at import (as components/visual.py does)."
    )


def test_the_guard_sees_code_in_a_string(tmp_path):
    sample = ROOT / "components" / "_structure_probe.py"
    sample.write_text(
        '"""A docstring: .a { color: red; }\nand more."""\nCSS = """\n.a { color: red; }\n.b { color: blue; }\n"""\n'
        'JS = """\nconst x = 1;\nexport default function () {}\n"""\nONE = ".a { color: red; }"\n'
    )
    try:
        assert code_in_strings(sample) == ["components/_structure_probe.py:3", "components/_structure_probe.py:7"]
    finally:
        sample.unlink()


_ISSUE = re.compile(r"\bissues? \d", re.IGNORECASE)


def issue_pointers(paths) -> list[str]:
    """Lines that point at a numbered issue (the word, then its number): the tracker is outside the repository,
    so such a pointer means nothing to the next reader. Say what the code does and why instead."""
    return [
        f"{p.relative_to(ROOT)}:{i}"
        for p in paths
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if _ISSUE.search(line)
    ]


def test_no_pointer_to_an_issue_tracker_outside_the_repository():
    import subprocess

    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    files = [
        ROOT / f
        for f in tracked
        if not f.startswith("docs/research/")  # copies of the reference notes
        and (f.endswith((".py", ".js", ".css", ".yaml", ".sh", ".toml", ".md")) or f.endswith("Dockerfile"))
    ]
    if not files:
        pytest.skip("not a git checkout")
    found = issue_pointers(files)
    assert not found, (
        f"pointers to issue numbers at {found}: say what the code does and why, not which issue asked for it"
    )
    probe = ROOT / "components" / "_issue_probe.py"
    probe.write_text("x = 1  # the fix for " + "issue" + " 20.14\n")  # (split, so this file passes)
    try:
        assert issue_pointers([probe]) == ["components/_issue_probe.py:1"]
    finally:
        probe.unlink()
