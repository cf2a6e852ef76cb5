"""The project's documents stay true to the repository: every relative link in the README, CONTRIBUTING,
the changelog and docs/ names a file that exists; the licence says both licences and the content folder
says its own; no content file points outside the repository; the version in components/__init__.py is
the changelog's latest release. Each check returns problems, and a test breaks a copy to show it fails."""

from __future__ import annotations

import re
from pathlib import Path

import components
from conftest import CONTENT, ROOT

DOCS = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    ROOT / "CHANGELOG.md",
    CONTENT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
]
LINK = re.compile(r"\]\(([^)\s]+)\)")
CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"


def broken_links(doc: Path) -> list[str]:
    """Relative Markdown links in `doc` whose target file is missing (web links and anchors are not checked)."""
    problems = []
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = (doc.parent / target.split("#", 1)[0]).resolve()
        if not path.exists():
            problems.append(f"{doc.name}: link to {target}, which does not exist")
    return problems


def outside_pointers(text: str) -> list[str]:
    """Lines that point at a folder beside the repository (../something)."""
    return [line.strip() for line in text.splitlines() if re.search(r"(^|[\s(`'\"])\.\./\w", line)]


def released_versions(changelog: str) -> list[str]:
    return re.findall(r"^## \[(\d+\.\d+\.\d+)\]", changelog, flags=re.M)


def test_every_relative_link_in_the_documents_exists():
    assert all(doc.is_file() for doc in DOCS), [str(d) for d in DOCS if not d.is_file()]
    assert [p for doc in DOCS for p in broken_links(doc)] == []


def test_a_broken_link_is_named(tmp_path):
    doc = tmp_path / "guide.md"
    (tmp_path / "there.md").write_text("x", encoding="utf-8")
    doc.write_text("See [there](there.md), [the web](https://example.org/) and [gone](gone.md#part).", encoding="utf-8")
    assert broken_links(doc) == ["guide.md: link to gone.md#part, which does not exist"]


def test_the_licence_gives_the_code_mit_and_the_content_cc_by_sa():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Copyright (c) 2026 Healthy Bonds contributors" in licence
    assert "content/" in licence and "CC BY-SA 4.0" in licence and CC_BY_SA in licence
    for doc in (ROOT / "README.md", CONTENT / "README.md"):
        text = doc.read_text(encoding="utf-8")
        assert "MIT" in text and CC_BY_SA in text, doc


def test_no_content_file_points_outside_the_repository():
    files = sorted(CONTENT.rglob("*.y*ml"))
    assert files
    assert {
        f.name: outside_pointers(f.read_text(encoding="utf-8"))
        for f in files
        if outside_pointers(f.read_text(encoding="utf-8"))
    } == {}
    assert outside_pointers("# Built from ../shared/reference/helplines.md") != []
    assert outside_pointers("# Built from docs/research/helplines.md") == []


def test_the_version_is_the_changelogs_latest_release():
    versions = released_versions((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert versions and versions[0] == components.__version__
    assert released_versions("## [Unreleased]\n## [1.1.0] - 2027-01-01\n## [1.0.0] - 2026-12-06\n") == [
        "1.1.0",
        "1.0.0",
    ]
