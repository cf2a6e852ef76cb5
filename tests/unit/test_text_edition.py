"""The text edition (/text/): built from the same content as the app, nothing lost, safe HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from components.content import load_content
from components.navigation import PAGES, page_spec
from components.text_edition import render_index, render_page
from components.text_edition.doc import markdown as markdown_html
from tests.conftest import CONTENT

# The pages with a text page, from the registry; each must carry its content files (`uses`) in full.
TEXT_IDS = [spec.id for spec in PAGES if spec.text]

# What a text page leaves out on purpose, by field path (a regular expression over
# `file.field.field...`, list positions as numbers). Each needs a reason.
NOT_IN_TEXT = {
    r".*\.id$": "ids are keys, not words",
    r".*\.sources\.\d+$": "source ids: the page names each source by its title instead",
    r".*\.(alt|summary)$": "chart name and words templates: the page shows them filled in (doc.chart)",
    r".*\.direction$": "a choice's direction is a key (rises, steady, falls), not words",
    r".*\.short$": "a phase's or stage's label on the circle: the page gives the full title",
    r"cycle\.sandbox\.(kindness|unpredictability|power)_help$": "help under the app's sliders (no sliders here)",
    r"cycle\.sandbox\.(predict_question|predict_first|matched|differed)$": "the app's guess-then-reveal (interactive only)",
    r"cycle\.sandbox\.options\.\d+\.label$": "choices of the app's guess (interactive only)",
    r"cycle\.sandbox\.outcomes\.(rises|steady|falls)$": "the page gives the outcome of the default settings",
    r"help\.quick_exit\.url$": "the exit's address: it is the exit button's link",
    r"help\.quick_exit\.back_note\.(single|normal)$": "only the deployment's own setting is true (the other is checked below)",
    r"help\.regions\.\d+\.countries\.\d+$": "country codes that choose the first region in the app",
    r"help\.helplines\.\d+\.(region|status|seen_in)$": "shown through the helpline's heading and status line",
    r"help\.helplines\.\d+\.(kind|also_regions\.\d+)$": "keys: the section (crisis, young people, ...) and the regions a line is listed under",
    r"help\.helplines\.\d+\.channels\.\d+\.(kind|keyword)$": "a channel's kind is its label; the keyword is in the sms: link",
    r"help\.immediate_danger\.numbers\.\d+\.status$": "shown as the status line",
    r"help\.immediate_danger\.numbers\.\d+\.regions\.\d+$": "region ids that put a number first in the app",
    r"help\.next_step\..*": "the step that ends the pages where a reader may recognise abuse (the cycle, healthy vs "
    "toxic; tests/pages/test_next_step.py checks it there), not Get help itself, which it points to",
    r"sources\.sources\.\d+\.(kind|cited_in\.\d+)$": "shown as the kind's label and the cited titles",
    r"glossary\.terms\.\d+\.see_also\.\d+$": "shown as links named by the term",
    r"welcome\.ways_in\.\d+\.pages\.\d+$": "shown as links named by the page title",
    r"scenarios\.scenarios\.\d+\.dimensions\.\d+$": "dimension ids a scene touches: keys the app does not show either",
    r"healing\.self_concept\.(open_label|privacy)$": "the switch that shows the app's sliders, and what those keep: nothing is entered here",
    r"perspectives\.perspectives\.\d+\.(kind|stance)$": "keys, shown as the kind's and the stance's labels",
    r"perspectives\.perspectives\.\d+\.conditions\.\d+$": "condition ids, shown as the conditions' labels",
    r"perspectives\.differences\.\d+\.sides\.\d+\.perspectives\.\d+$": "voice ids, shown as the voices' names",
    r"perspectives\.perspectives\.\d+\.short_label$": "a voice's shorter name on the app's chart; the page names it in full",
    r"therapies\.approaches\.\d+\.((audiences|formats|focus)\.\d+|evidence\.level)$": "facet ids, shown as their labels",
    r"therapies\.approaches\.\d+\.short_name$": "an approach's label on the app's map; the page names it in full",
    r"therapies\.paths\.\d+\.help_section$": "a Get help section id: the link's address",
    r"therapies\.paths\.\d+\.approaches\.\d+$": "approach ids, shown as the approaches' names (linked to their cards)",
}


def _strings(value, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, f"{path}.{k}")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}.{i}")
    elif isinstance(value, str) and value.strip():
        yield path, value


def _words(text: str) -> str:
    """Text as a reader sees it: no Markdown marks or tags, entities decoded, spaces collapsed."""
    text = re.sub(r"<[^>]+>", " ", text)
    text = html.unescape(text)
    text = re.sub(r"[*_`]+|\[|\]\([^)]*\)|\]", " ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture(scope="module")
def content():
    return load_content(CONTENT)


def test_every_page_of_the_app_but_the_facilitators_has_a_text_page():
    # the facilitate section (the facilitator's console, a phone answering a live question) needs the app
    assert [p.id for p in PAGES if not p.text] == [p.id for p in PAGES if p.section == "facilitate"]
    # every text page names the content files it shows, so the test below checks its words
    assert not [p.id for p in PAGES if p.text and not p.uses]


@pytest.mark.parametrize("page_id", TEXT_IDS)
def test_nothing_the_pages_yaml_holds_is_lost(content, page_id):
    page = _words(render_page(content, page_id))
    missing = []
    for key in page_spec(page_id).uses:
        for path, text in _strings(getattr(content, key), key):
            if any(re.fullmatch(rule, path) for rule in NOT_IN_TEXT):
                continue
            if _words(text.split("{")[0]) not in page:  # a template's words up to its first blank
                missing.append(f"{path}: {text[:70]!r}")
    assert not missing, "\n".join(missing)


# --------------------------------------------------------------------------- the pages' structure


def _headings(page: str, level: int) -> list[str]:
    return [_words(h) for h in re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", page, flags=re.S)]


def _figcaptions(page: str) -> list[str]:
    return [html.unescape(c) for c in re.findall(r"<figcaption>(.*?)</figcaption>", page, flags=re.S)]


def test_heavy_pages_open_with_the_content_note_and_light_ones_do_not(content):
    note = _words(markdown_html(content.ui.content_note.body))
    for page_id in TEXT_IDS:
        page = render_page(content, page_id)
        main = page[page.index("</h1>") :]
        if content.ui.pages[page_id].heavy:
            assert main.startswith('</h1>\n<div class="content-note">'), page_id  # first, before anything else
            assert note in _words(main[: main.index("</div>")]), page_id
        else:
            assert 'class="content-note"' not in page, page_id


def test_the_sorter_shows_each_scene_then_where_it_sits_behind_a_disclosure(content):
    page = render_page(content, "healthy-vs-toxic")
    labels, scenes = content.ui.labels, content.scenarios.scenarios
    names = {s.level: s.title for s in content.comparison.spectrum}
    ids = [m for m in re.findall(r'<h3 id="scene-([^"]+)"', page)]
    assert ids == [s.id for s in scenes]  # every scene, in order
    for s in scenes:
        block = page[page.index(f'<h3 id="scene-{s.id}"') :]
        block = block[: block.index("</details>") + len("</details>")]
        before, _, hidden = block.partition("<details>")
        assert _words(s.vignette) in _words(before)  # the scene first, to think about
        assert _words(labels["hvt_our_placement"]) not in _words(before)  # the verdict is not given away
        assert hidden.startswith(f"<summary>{content.ui.text_edition.sorter_where}</summary>")
        for text in (labels["hvt_our_placement"], names[s.level], s.why, s.differ):
            assert _words(text) in _words(hidden), (s.id, text)


def test_steppers_give_every_step_a_heading_in_order(content):
    step = content.ui.text_edition.step
    labels = content.ui.labels
    cases = {
        "healing": (3, [s.title for s in content.healing.steps]),
        "healthy-vs-toxic": (3, [s.control for s in content.comparison.wheel.spokes]),
        "relational-trauma": (
            3,
            [
                labels["trauma_pattern_selected"].format(n=n)
                + (f" · ✓ {labels['trauma_pattern_protective']}" if p.protective else "")
                for n, p in enumerate(content.relational_trauma.patterns, 1)
            ],
        ),
    }
    for page_id, (level, titles) in cases.items():
        expected = [_words(step.format(n=n, total=len(titles), title=t)) for n, t in enumerate(titles, 1)]
        found = [h for h in _headings(render_page(content, page_id), level) if h in expected]
        assert found == expected, page_id


def test_every_chart_of_a_page_is_there_by_name(content):
    from components import comparison as hvt
    from components import perspectives as persp

    labels, comp, data = content.ui.labels, content.comparison, content.perspectives
    titles = {s.level: s.title for s in comp.spectrum}
    expected = {
        "healthy-vs-toxic": [hvt.wheel_words(comp.wheel, 0, False, hvt.level_names(comp.spectrum), labels)[0]]
        + [
            hvt.spectrum_words(hvt.spectrum_marks(None, s.level, labels), titles, labels)[0]
            for s in content.scenarios.scenarios
        ],
        "relational-trauma": [c.alt for c in content.relational_trauma.closeness]
        + [content.relational_trauma.patterns_alt],
        "therapies": [content.therapies.map_alt],
        "perspectives": [
            labels["perspectives_spectrum_alt"].format(n=len(data.perspectives) - len(persp.off_spectrum(data))),
            labels["perspectives_conditions_alt"].format(n=len(data.conditions), total=len(persp.practitioners(data))),
        ],
        "healing": [],  # the one chart is the reader's own ratings: there are none here
    }
    for page_id, alts in expected.items():
        assert _figcaptions(render_page(content, page_id)) == alts, page_id


@pytest.mark.parametrize("page_id", TEXT_IDS)
def test_in_page_links_land_and_ids_are_unique(content, page_id):
    page = render_page(content, page_id)
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert not [h for h in re.findall(r'href="#([^"]+)"', page) if h not in ids]


HOSTILE = 'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [link](javascript:alert(3))'


def test_html_in_content_stays_text_on_text_pages(content_copy):
    """Markup in the YAML (an intro, a takeaway, a page title) is shown as text on the text edition:
    no element, no handler, no javascript: link reaches the page."""
    import yaml

    def edit(name, change):
        f = content_copy / name
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        change(data)
        f.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")

    edit("welcome.yaml", lambda d: d.update(intro=HOSTILE))
    edit("cycle.yaml", lambda d: d["takeaway"].update(text=HOSTILE))
    edit("ui.yaml", lambda d: d["pages"]["cycle"].update(title="Cycle <b onmouseover=alert(4)>x</b>"))
    hostile = load_content(content_copy)
    for page in (render_page(hostile, "welcome"), render_page(hostile, "cycle"), render_index(hostile)):
        body = page.split("<body", 1)[1]
        assert "<script>alert" not in body and "<img" not in body and "<b onmouseover" not in body
        assert 'href="javascript:' not in body.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in render_page(hostile, "welcome")  # shown, as text
