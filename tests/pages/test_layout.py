"""The first view, through AppTest and the content model: every subject page's YAML has a
one-line sourced takeaway, the page shows it first under its title, and little reading stands between
the title and the page's main visual (the rest sits below it or behind "Read more")."""

from __future__ import annotations

import shutil

import pytest
import yaml

from components.navigation import page_spec
from conftest import CONTENT, all_text, open_page, problems_for

# page id -> the key (or key prefix) of its main visual; its content file is the first its PageSpec
# uses. A stepped view starts at its stepper: the controls, the step's words and its picture are one
# visual (the words sit beside the circle on a laptop, between the buttons and the circle on a phone).
SUBJECTS = {
    "cycle": "stepper_phase",
    "healthy-vs-toxic": "hvt_level_",
    "relational-trauma": "closeness_chart_",
    "healing": "stepper_step",
    "therapies": "th_map",
    "perspectives": "perspectives_spectrum",
}
MAX_WORDS_BEFORE_VISUAL = 80  # about 25 seconds of reading at 200 words a minute
TEXT_TYPES = {"markdown", "title", "header", "subheader", "caption", "info", "warning", "success", "error"}


def _key(node) -> str:
    """A keyed element's or container's key (its id is `$$ID-<hash>-<key>`), else ''."""
    node_id = getattr(getattr(node, "proto", None), "id", "")
    return node_id.split("-", 2)[2] if isinstance(node_id, str) and node_id.startswith("$$ID-") else ""


def words_before(at, visual_key: str) -> int | None:
    """Words a reader meets between the page's title and the first element keyed `visual_key...`
    (None if the page never reaches it). A folded expander counts only its label."""
    count, started = 0, False

    def walk(node) -> bool:
        nonlocal count, started
        if _key(node).startswith(visual_key):
            return True
        kind = getattr(node, "type", None)
        if kind == "title":
            started = True
        if started and kind in TEXT_TYPES:
            count += len(str(node.value).split())
        if kind == "expander":
            if started:
                count += len(str(node.label).split())
            return False
        return any(walk(child) for child in getattr(node, "children", {}).values())

    return count if walk(at.main) else None


@pytest.fixture(scope="module", params=list(SUBJECTS))
def subject_page(request):
    at = open_page(request.param, go_on=True)
    assert not at.exception, [e.value for e in at.exception]
    return request.param, at


def test_takeaway_is_in_the_yaml_and_shown_first(content, subject_page):
    page_id, at = subject_page
    item = getattr(content, page_spec(page_id).uses[0]).takeaway
    assert item.text and item.sources
    assert item.text in all_text(at)
    # first under the title: the title, then the takeaway's own container
    order = [n for n in at.main.children.values() if getattr(n, "type", None) == "title" or _key(n)]
    titles = [i for i, n in enumerate(order) if getattr(n, "type", None) == "title"]
    assert titles and _key(order[titles[0] + 1]) == "takeaway"


def test_little_reading_before_the_main_visual(subject_page):
    page_id, at = subject_page
    words = words_before(at, SUBJECTS[page_id])
    assert words is not None, f"{page_id}: main visual {SUBJECTS[page_id]!r} not found"
    assert words <= MAX_WORDS_BEFORE_VISUAL, f"{page_id}: {words} words before the main visual"


def _with_takeaway(tmp_path, text: str | None):
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    path = target / "cycle.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if text is None:
        del data["takeaway"]
    else:
        data["takeaway"]["text"] = text
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def test_a_takeaway_is_required_and_one_line(tmp_path):
    assert any("takeaway" in p for p in problems_for(_with_takeaway(tmp_path / "missing", None)))
    long = " ".join(["word"] * 36)
    assert any("at most 35 words" in p for p in problems_for(_with_takeaway(tmp_path / "long", long)))
    assert any("one line" in p for p in problems_for(_with_takeaway(tmp_path / "lines", "One.\n\nTwo.")))
