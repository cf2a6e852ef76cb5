"""Every page runs through Streamlit's AppTest with no exception, inside the full shell."""

from __future__ import annotations

import ast
import re

import pytest
from streamlit.testing.v1 import AppTest

from components.help import call_links
from components.navigation import PAGES
from conftest import APPTEST_TIMEOUT, CONTENT, ROOT, all_text, open_page  # noqa: F401 (re-exported)

TIMEOUT = APPTEST_TIMEOUT


@pytest.mark.parametrize("spec", PAGES, ids=[p.id for p in PAGES])
def test_every_page_runs(spec, content):
    at = open_page(spec.id)
    if content.ui.pages[spec.id].heavy:
        at.button(key="content_note_go_on").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert content.ui.pages[spec.id].title in [t.value for t in at.title] or spec.id == "welcome"
    # the safety line is on every page
    assert content.ui.safety_note in all_text(at)


@pytest.mark.parametrize("spec", PAGES, ids=[p.id for p in PAGES])
def test_every_page_runs_in_presenter_mode(spec, content):
    at = open_page(spec.id, present="1")
    if content.ui.pages[spec.id].heavy:
        at.button(key="content_note_go_on").click().run()
    assert not at.exception
    assert at.toggle(key="toggle_present_bar").value is True


def test_presenter_mode_survives_page_change():
    at = open_page("welcome", present="1")
    at.switch_page("pages/glossary.py").run()
    assert at.query_params.get("present") in ("1", ["1"])
    assert at.session_state["present"] is True


def test_presenter_toggle_sets_url():
    at = open_page("welcome")
    at.toggle(key="toggle_present_side").set_value(True).run()
    assert at.query_params.get("present") in ("1", ["1"])


def test_glossary_search_filters(content):
    at = open_page("glossary")
    total = len(content.glossary.terms)
    assert len(at.subheader) == total
    at.text_input(key="glossary_search").input("gaslighting").run()
    shown = [s.value for s in at.subheader]
    assert 0 < len(shown) < total
    assert any("gaslighting" in s.lower() for s in shown)
    at.text_input(key="glossary_search").input("zzzz-nothing").run()
    assert at.warning and at.warning[0].value == content.ui.no_matches


def test_get_help_region_filter(content):
    at = open_page("get-help")
    region = content.help.regions[0]
    at.selectbox(key="help_region").set_value(region.id).run()
    names = {s.value for s in at.subheader}
    # the region's own lines, and the international directories (they serve everyone)
    expected = {
        h.name
        for h in content.help.helplines
        if region.id in (h.region, *h.also_regions) or h.region == "international"
    }
    others = {h.name for h in content.help.helplines} - expected
    assert expected <= names and others
    assert not (others & names)


def test_get_help_shows_every_detail_of_every_line_and_number(content):
    """The Get help page draws each helpline as one text block; nothing the content holds is lost."""
    at = open_page("get-help")
    text = all_text(at) + "\n" + "\n".join(w.value for w in at.warning)
    h = content.help
    for n in h.immediate_danger.numbers:
        assert f"**{n.region}: {call_links(n.number)}**" in text
    for line in h.helplines:
        for detail in [
            line.name,
            line.organisation,
            line.hours,
            line.who,
            line.seen_in,
            *(c.value for c in line.channels),
            *filter(None, (line.languages, line.url, line.status_note)),
        ]:
            assert detail in text, (line.id, detail)
    # the emergency numbers are one list, not one list per number
    first, last = h.immediate_danger.numbers[0], h.immediate_danger.numbers[-1]
    assert any(
        f"**{first.region}: {call_links(first.number)}**" in m.value
        and f"**{last.region}: {call_links(last.number)}**" in m.value
        for m in at.markdown
    )


def test_sources_page_lists_every_source(content):
    at = open_page("sources")
    titles = {s.value for s in at.subheader}
    assert {s.title for s in content.sources.sources} <= titles


def test_broken_content_shows_error_screen_not_traceback(tmp_path, monkeypatch):
    import shutil

    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    (broken / "glossary.yaml").write_text("terms:\n  - id: Bad Id\n", encoding="utf-8")
    monkeypatch.setenv("CONTENT_DIR", str(broken))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    code = at.code[0].value
    assert re.search(r"glossary\.yaml:2: terms\.0\.id: String should match pattern", code), code
    assert "glossary.yaml:2: terms.0.term: required field 'term' is missing" in code
    assert any("911" in m.value for m in at.markdown)  # help still works on the error screen


# The names the code gives ui.yaml's `labels:` dict (`ui.labels`, and the aliases pages use).
LABEL_ALIASES = {"labels", "L", "ui_labels"}
LABEL_PREFIX = re.compile(r"^[a-z][a-z0-9]*_[a-z0-9_]*$")


def label_uses(paths) -> tuple[set[tuple[str, str]], set[str], set[str]]:
    """From the code's syntax tree: (key, place) of every `labels["key"]` (or an alias); every string
    constant; and the constant starts of keys built at run time (`f"status_{x}"`, `"status_" + x`)."""
    subscripted, constants, prefixes = set(), set(), set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            start = (
                node.values[0]
                if isinstance(node, ast.JoinedStr) and node.values
                else node.left
                if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)
                else None
            )
            if isinstance(start, ast.Constant) and isinstance(start.value, str) and LABEL_PREFIX.match(start.value):
                prefixes.add(start.value)
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
                owner = node.value
                name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", None)
                if name in LABEL_ALIASES and isinstance(node.slice.value, str):
                    subscripted.add((node.slice.value, f"{path}:{node.lineno}"))
    return subscripted, constants, prefixes


def test_ui_labels_match_the_code_both_ways(content):
    """Every label the code asks for exists in ui.yaml, and every label in ui.yaml is used somewhere."""
    subscripted, constants, prefixes = label_uses([*ROOT.glob("pages/*.py"), *ROOT.glob("components/**/*.py")])
    labels = set(content.ui.labels)
    missing = sorted(f"{place}: {key}" for key, place in subscripted if key not in labels)
    assert not missing, f"ui.yaml has no such label: {missing}"
    unused = sorted(k for k in labels if k not in constants and not any(k.startswith(p) for p in prefixes))
    assert not unused, f"ui.yaml labels no code uses: {unused}"


def test_label_scan_sees_aliases_and_built_keys(tmp_path):
    """The scan itself: the alias, a key built at run time, and a missing key are all seen."""
    code = tmp_path / "page.py"
    code.write_text('L = ui.labels\nL["a_b"]\nui.labels["c_d"]\nlabels[f"status_{x}"]\n', encoding="utf-8")
    subscripted, _, prefixes = label_uses([code])
    assert {k for k, _ in subscripted} == {"a_b", "c_d"} and prefixes == {"status_"}


def test_every_registered_page_has_text_and_a_file(content):
    for spec in PAGES:
        assert spec.id in content.ui.pages, spec.id
        assert spec.section in content.ui.sections
        assert (ROOT / spec.path).is_file()
    for way in content.welcome.ways_in:
        assert set(way.pages) <= {p.id for p in PAGES}, way.id
    assert set(content.ui.pages) == {p.id for p in PAGES}, "ui.yaml describes a page that does not exist"
