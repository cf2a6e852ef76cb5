"""Reading one YAML file with `yaml.safe_load` semantics, keeping the line of every node.

Plain YAML loading forgets where each value came from and silently keeps the last of two equal
keys; both matter to an author fixing a file, so the node tree is walked before it is constructed.
Anything that stops a file from being read (missing, not UTF-8, bad YAML, empty, not a mapping)
comes back as a Problem, never as an exception.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from components.content.problems import Lines, Path_, Problem, dotted


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that also reports duplicate keys (plain YAML keeps the last one silently)."""


def parse(text: str, file: str) -> tuple[Any, Lines, list[Problem]]:
    """Parse YAML text; return (data, line of every path, problems)."""
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {(): 1}, []
        lines: Lines = {}
        problems: list[Problem] = []
        _walk(node, (), lines, problems, file)
        data = loader.construct_document(node)
        return data, lines, problems
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        what = " ".join(x for x in (e.context, e.problem) if x)
        col = f" (column {mark.column + 1})" if mark else ""
        return None, {}, [Problem(file, line, "(yaml)", f"YAML syntax error{col}: {what}")]
    except yaml.YAMLError as e:  # pragma: no cover - unmarked errors are rare
        return None, {}, [Problem(file, 1, "(yaml)", f"YAML error: {e}")]
    finally:
        loader.dispose()


def _walk(node: yaml.Node, path: Path_, lines: Lines, problems: list[Problem], file: str) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(file, line, dotted(path + (key,)), f"key '{key}' appears twice (first at line {seen[key]})")
                )
            seen[key] = line
            lines[path + (key,)] = line
            _walk(value_node, path + (key,), lines, problems, file)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _walk(child, path + (i,), lines, problems, file)


def read_file(path: Path, name: str) -> tuple[dict | None, Lines, list[Problem]]:
    """Read and parse one content file: (its top mapping, or None if it cannot be used; lines; problems).
    `name` is how problems name the file (relative to the content folder)."""
    if not path.is_file():
        return None, {}, [Problem(name, 1, "(file)", f"file is missing; the app needs it at {path}")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        return (
            None,
            {},
            [Problem(name, line, "(file)", f"not valid UTF-8 (byte 0x{raw[e.start]:02x}); save the file as UTF-8")],
        )
    data, lines, problems = parse(text, name)
    if problems:
        return None, lines, problems
    if data is None:
        return None, lines, [Problem(name, 1, "(file)", "file is empty; it needs the fields described in the README")]
    if not isinstance(data, dict):
        return None, lines, [Problem(name, 1, "(top)", f"expected a mapping of fields, found a {type(data).__name__}")]
    return data, lines, []
