"""Problems found in content files, and where they are: `file:line: where: what is wrong`.

A path is the tuple of keys and list indexes from the top of a file to a value (`("terms", 3, "id")`);
the loader records the line of every path it parses, so a problem found later (by pydantic, or by a
check across files) can still name the line an author has to open.
"""

from __future__ import annotations

from dataclasses import dataclass

Path_ = tuple[str | int, ...]
Lines = dict[Path_, int]  # the line of every path in one file


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one line."""

    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.where}: {self.message}"


class ContentError(Exception):
    """Raised by load_content with every problem found, in file and line order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def dotted(path: Path_) -> str:
    """`("terms", 3, "id")` -> `terms.3.id`; the top of the file is `(top)`."""
    return ".".join(str(p) for p in path) or "(top)"


def line_of(lines: Lines, path: Path_) -> int:
    """The line of a path, or of its nearest ancestor that exists in the file."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)
