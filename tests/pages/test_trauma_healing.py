"""Relational trauma and the healing path: content, pure logic, figure builders, and the two pages
through AppTest (URL state: ?closeness=, ?pattern=, ?step=; self-concept ratings never in the URL)."""

from __future__ import annotations

import json

import pytest

from components.charts.common import PRESENTER_SCALE
from components.charts.trauma_healing import closeness_figure, patterns_figure, self_concept_radar
from components.trauma_healing import (
    RATING_PREFIX,
    RATINGS_CLEARED,
    REFLECTION_KEY,
    clear_ratings,
    closeness_chart,
    flow_boxes,
    pattern_paths,
    pattern_rows,
    radar_rows,
    rating_key,
    ratings,
    wrap,
)
from test_pages import all_text, open_page

ARTICLE_001 = "article-toxic-relationships-heal"
ARTICLE_002 = "article-relational-trauma"
ARTICLE_003 = "article-relationship-trauma-betrayal"
FITTS = "fitts-warren-1996-tscs"


# --------------------------------------------------------------------------- content


def _sourced_items(data, found):
    """Every dict in a dumped model that has an `id` (an item), to check each one names sources."""
    if isinstance(data, dict):
        if "id" in data:
            found.append(data)
        for v in data.values():
            _sourced_items(v, found)
    elif isinstance(data, list):
        for v in data:
            _sourced_items(v, found)
    return found


@pytest.mark.parametrize("key", ["relational_trauma", "healing"])
def test_every_item_is_sourced(content, key):
    items = _sourced_items(getattr(content, key).model_dump(), [])
    assert len(items) >= 10
    known = set(content.sources_by_id)
    for item in items:
        assert item.get("sources"), item["id"]
        assert set(item["sources"]) <= known, item["id"]


def test_relational_trauma_cites_article_002_and_its_references(content):
    cited = content.cited_sources("relational_trauma")
    assert ARTICLE_002 in cited
    refs = {s.id for s in content.sources.sources if ARTICLE_002 in s.cited_in}
    assert len(refs & cited) >= 4, sorted(refs & cited)


def test_healing_cites_articles_001_002_003_and_fitts_warren(content):
    cited = content.cited_sources("healing")
    assert {ARTICLE_001, ARTICLE_002, ARTICLE_003, FITTS} <= cited


def test_relational_trauma_covers_the_issue(content):
    rt = content.relational_trauma
    assert [c.id for c in rt.closeness] == ["abandonment", "enmeshment", "cohesion"]
    assert [c.protective for c in rt.closeness] == [False, False, True]  # cohesion is the protective one
    assert "complex PTSD" in rt.childhood.body
    assert {r.aspect for r in rt.cptsd.rows} >= {"What happens", "Symptoms"}
    assert {e.id for e in rt.effects} == {"effects-children", "effects-adults"}
    assert len(rt.patterns) >= 5 and any(p.protective for p in rt.patterns)
    assert "two thirds" in rt.prevalence.body and "16" in rt.prevalence.body
    assert "DSM-5" in rt.ptsd_vs_relational.body


def test_healing_covers_the_issue(content):
    h = content.healing
    titles = [s.title.lower() for s in h.steps]
    for word in ("acknowledge", "understand", "trust", "forgive", "support"):
        assert any(word in t for t in titles), word
    assert [s.id for s in h.steps][0] == "step-acknowledge" and h.steps[-1].id == "step-support"
    assert len(h.moving_forward) == 4  # boundaries, needs, self-reflection, self-care
    assert len(h.trauma_signs.items) == 6
    assert len(h.codependency.items) == 5
    assert [a.id for a in h.self_concept.areas] == [
        "area-personal",
        "area-physical",
        "area-family",
        "area-social",
        "area-work",
        "area-moral",
    ]
    assert all(FITTS in a.sources for a in h.self_concept.areas)
    assert "not a test" in h.self_concept.disclaimer and "Nothing is stored" in h.self_concept.privacy
    assert len(h.grounding.steps) >= 3
    assert any(t.instead_of and t.try_saying for t in h.communication)


def test_non_blaming_language(content):
    text = json.dumps([content.relational_trauma.model_dump(), content.healing.model_dump()]).lower()
    for word in ("abuser", "victim"):
        assert word not in text, word


# --------------------------------------------------------------------------- pure logic


def test_flow_boxes_structure(content):
    patterns = content.relational_trauma.patterns
    boxes = flow_boxes(patterns, selected=2)
    n = len(patterns)
    assert len(boxes) == 3 * n
    assert [b.column for b in boxes] == [0, 1, 2] * n
    assert [b.pattern for b in boxes] == [i for i in range(n) for _ in range(3)]
    marked = [b for b in boxes if b.text.startswith("▶")]
    assert [b.pattern for b in marked] == [2, 2, 2] and all(b.selected for b in marked)
    assert boxes[0].text.replace("<br>", " ") == f"1. {patterns[0].early}"
    assert [b.protective for b in boxes if b.column == 0] == [p.protective for p in patterns]


def test_wrap_keeps_words_and_limits_width():
    text = "Hard to lean on others or trust closeness"
    wrapped = wrap(text, 12)
    assert wrapped.replace("<br>", " ") == text
    assert all(len(line) <= 12 for line in wrapped.split("<br>"))
    assert wrap("short", 12) == "short"


def test_ratings_default_clamp_and_invalid():
    ids = ["a", "b", "c", "d"]
    state = {rating_key("a"): 9, rating_key("b"): 42, rating_key("c"): "oops"}
    assert ratings(state, ids, default=5, low=0, high=10) == (9, 10, 5, 5)


def test_clear_ratings_only_removes_ratings_and_gives_the_sliders_new_keys():
    state = {rating_key("a"): 3, rating_key("b"): 7, "step": "2", "other": 1}
    clear_ratings(state)
    assert not any(k.startswith(RATING_PREFIX) for k in state)
    assert {k: v for k, v in state.items() if k != RATINGS_CLEARED} == {"step": "2", "other": 1}
    # new keys: the browser draws the sliders afresh at the middle instead of keeping old values
    assert rating_key("a", state) != rating_key("a")
    assert ratings(state, ["a", "b"], default=5, low=0, high=10) == (5, 5)
    state[rating_key("a", state)] = 8
    assert ratings(state, ["a", "b"], default=5, low=0, high=10) == (8, 5)
    clear_ratings(cleared := dict(state))
    clear_ratings(again := {k: v for k, v in cleared.items()})  # nothing left to clear: no new keys
    assert again[RATINGS_CLEARED] == cleared[RATINGS_CLEARED] == 2


def test_rows_for_text_alternatives(content):
    patterns = content.relational_trauma.patterns
    rows = pattern_rows(patterns, ("E", "B", "A"))
    assert rows[0] == {"#": 1, "E": patterns[0].early, "B": patterns[0].belief, "A": patterns[0].adult}
    assert radar_rows(["x", "y"], [1, 2], "Area", "Rating") == [{"Area": "x", "Rating": 1}, {"Area": "y", "Rating": 2}]
    with pytest.raises(ValueError):
        radar_rows(["x"], [1, 2], "Area", "Rating")


# --------------------------------------------------------------------------- figures


def test_closeness_figures_differ_in_shape_not_only_colour(content):
    figs = {
        s: closeness_figure(closeness_chart(content.relational_trauma, content.ui.labels, s))
        for s in ("abandonment", "enmeshment", "cohesion")
    }
    rings = {s: [sh for sh in f.layout.shapes if sh.type == "circle"] for s, f in figs.items()}
    assert len(rings["abandonment"]) == 0
    assert len(rings["enmeshment"]) == 1
    assert len(rings["cohesion"]) == 4  # one each plus the loose family ring
    dashes = {s: [t.line.dash for t in f.data if t.mode == "lines"] for s, f in figs.items()}
    assert dashes["abandonment"] and all(d == "dash" for d in dashes["abandonment"])
    assert dashes["cohesion"] and all(d in (None, "solid") for d in dashes["cohesion"])
    labels = content.ui.labels
    for f in figs.values():
        people = [t for t in f.data if t.mode == "markers+text"][0]
        assert list(people.text) == [labels["trauma_closeness_parent"]] * 2 + [labels["trauma_closeness_child_node"]]
        notes = " ".join(a.text for a in f.layout.annotations)
        assert labels["trauma_closeness_boundaries"] in notes
    assert labels["trauma_closeness_protective"] in " ".join(a.text for a in figs["cohesion"].layout.annotations)
    assert labels["trauma_closeness_risk"] in " ".join(a.text for a in figs["enmeshment"].layout.annotations)


def _selected_rows(fig) -> list[float]:
    """Rows (box centre y) of the thickly outlined boxes."""
    return sorted({round((sh.y0 + sh.y1) / 2, 4) for sh in fig.layout.shapes if sh.line.width == 4})


def _patterns(content, selected: int, scale: float = 1.0):
    labels = content.ui.labels
    headings = (labels["trauma_pattern_early"], labels["trauma_pattern_belief"], labels["trauma_pattern_adult"])
    return patterns_figure(pattern_paths(content.relational_trauma.patterns), headings, selected, scale)


def test_patterns_figure_highlights_the_selected_path_without_colour_alone(content):
    n = len(content.relational_trauma.patterns)
    for selected in (0, n - 1):
        fig = _patterns(content, selected)
        strong = [sh for sh in fig.layout.shapes if sh.line.width == 4]
        assert len(strong) == 3 and all(sh.line.dash == "solid" for sh in strong)
        assert all(sh.line.dash == "dot" for sh in fig.layout.shapes if sh.line.width != 4)
        expected_y = round(1.0 - (selected + 0.5) / n, 4)
        assert _selected_rows(fig) == [expected_y]
        marked = [a for a in fig.layout.annotations if a.text and "▶" in a.text]
        assert len(marked) == 3 and all(round(a.y, 4) == expected_y for a in marked)
        arrows = [a for a in fig.layout.annotations if a.showarrow]
        assert len(arrows) == 2 * n
        assert sum(1 for a in arrows if a.arrowwidth == 3) == 2
    headings = " ".join(a.text for a in fig.layout.annotations if a.text)
    assert content.ui.labels["trauma_pattern_belief"] in headings
    assert "✓" in headings  # the protective path is marked by a symbol too


def test_radar_is_closed_and_shows_numbers():
    fig = self_concept_radar(("A", "B", "C"), (1, 7, 10), 0, 10, "Mine")
    trace = fig.data[0]
    assert list(trace.r) == [1, 7, 10, 1] and list(trace.theta) == ["A", "B", "C", "A"]
    assert list(trace.text) == ["1", "7", "10", "1"]
    assert tuple(fig.layout.polar.radialaxis.range) == (0, 10)


def test_large_figures_for_presenter_mode_scale_type_and_size(content):
    cohesion = closeness_chart(content.relational_trauma, content.ui.labels, "cohesion")
    small, large = closeness_figure(cohesion), closeness_figure(cohesion, PRESENTER_SCALE)
    assert large.layout.height > 1.3 * small.layout.height
    people = [t for t in large.data if t.mode == "markers+text"][0]
    assert people.textfont.size >= 1.3 * [t for t in small.data if t.mode == "markers+text"][0].textfont.size
    small, large = _patterns(content, 0), _patterns(content, 0, PRESENTER_SCALE)
    assert large.layout.height > 1.3 * small.layout.height
    assert max(a.font.size for a in large.layout.annotations if a.font.size) >= 1.3 * 15
    small = self_concept_radar(("A", "B", "C"), (1, 2, 3), 0, 10, "x")
    large = self_concept_radar(("A", "B", "C"), (1, 2, 3), 0, 10, "x", PRESENTER_SCALE)
    assert large.layout.polar.angularaxis.tickfont.size >= 1.3 * small.layout.polar.angularaxis.tickfont.size


# --------------------------------------------------------------------------- pages through AppTest


def _figures(at):
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def _through_note(at):
    at.button(key="content_note_go_on").click().run()
    return at


def test_relational_trauma_opens_behind_a_content_note(content):
    at = open_page("relational-trauma")
    assert content.ui.content_note.title in [s.value for s in at.subheader]
    assert not at.get("plotly_chart")
    _through_note(at)
    assert not at.exception
    assert len(at.get("plotly_chart")) == 2


def test_closeness_picker_sets_url_and_picture(content):
    at = _through_note(open_page("relational-trauma"))
    assert at.session_state["closeness_pick"] == "abandonment"
    at.button_group(key="closeness_pick").set_value("cohesion").run()
    assert at.query_params["closeness"] in ("cohesion", ["cohesion"])
    assert "Cohesion" in [s.value for s in at.subheader]
    shown = _figures(at)[0]
    assert sum(1 for s in shown["layout"].get("shapes", []) if s["type"] == "circle") == 4


@pytest.mark.parametrize("raw,expected", [("enmeshment", "Enmeshment"), ("bogus", "Abandonment")])
def test_closeness_from_url(content, raw, expected):
    at = _through_note(open_page("relational-trauma", closeness=raw))
    assert not at.exception
    assert expected in [s.value for s in at.subheader]


def test_pattern_stepper_round_trip(content):
    patterns = content.relational_trauma.patterns
    at = _through_note(open_page("relational-trauma", pattern="4"))
    assert content.ui.labels["trauma_pattern_selected"].format(n=4) in [s.value for s in at.subheader]
    assert patterns[3].explanation.split()[0] in all_text(at)
    at.button(key="pattern_next").click().run()
    assert at.query_params["pattern"] in ("5", ["5"])
    shapes = _figures(at)[1]["layout"]["shapes"]
    n = len(patterns)
    strong = {round((s["y0"] + s["y1"]) / 2, 4) for s in shapes if s["line"]["width"] == 4}
    assert strong == {round(1.0 - 4.5 / n, 4)}
    at.button(key="pattern_prev").click().run()
    assert at.query_params["pattern"] in ("4", ["4"])


def test_healing_step_from_url_and_keyboard_stepper(content):
    steps = content.healing.steps
    at = open_page("healing", step="5")
    assert not at.exception
    assert f"5. {steps[4].title}" in [s.value for s in at.subheader]
    assert at.button(key="step_next").disabled
    at.button(key="step_prev").click().run()
    assert at.query_params["step"] in ("4", ["4"])
    assert f"4. {steps[3].title}" in [s.value for s in at.subheader]


def test_self_concept_reflection_is_opt_in_and_hiding_it_forgets_the_ratings(content):
    sc = content.healing.self_concept
    at = open_page("healing")
    reflection = at.toggle(key=REFLECTION_KEY)
    assert reflection.label == sc.open_label and reflection.value is False
    # hidden: no slider, no radar, no rating in the session; the invitation and its privacy are there
    assert not at.slider and not _figures(at)
    assert not [e for e in at.get("bidi_component") if e.proto.component_name.endswith("chart_waiting")]
    assert not [k for k in at.session_state if k.startswith(RATING_PREFIX)]
    assert "choose to show it" in all_text(at)
    reflection.set_value(True).run()
    assert [s.label for s in at.slider] == [
        content.ui.labels["healing_area_rating"].format(area=a.name) for a in sc.areas
    ]
    at.slider(key=rating_key(sc.areas[2].id)).set_value(9).run()
    at.toggle(key=REFLECTION_KEY).set_value(False).run()
    assert not at.slider and not [k for k in at.session_state if k.startswith(RATING_PREFIX)]
    at.toggle(key=REFLECTION_KEY).set_value(True).run()
    assert [s.value for s in at.slider] == [sc.default] * 6  # shown again: a fresh start


def test_self_concept_ratings_drive_radar_and_stay_out_of_the_url(content):
    sc = content.healing.self_concept
    at = open_page("healing")
    at.toggle(key=REFLECTION_KEY).set_value(True).run()
    radar = _figures(at)[-1]["data"][0]
    assert radar["r"] == [sc.default] * 7
    at.slider(key=rating_key(sc.areas[1].id)).set_value(9).run()
    radar = _figures(at)[-1]["data"][0]
    assert radar["r"][1] == 9 and radar["r"][0] == sc.default
    assert set(at.query_params.keys()) <= {"step", "present", "contrast"}
    assert "9" not in "".join(str(v) for v in at.query_params.values())
    at.button(key="healing_clear").click().run()
    assert _figures(at)[-1]["data"][0]["r"] == [sc.default] * 7
    text = all_text(at) + " ".join(a.value for a in at.info)
    assert "not a test" in text and "Nothing is stored" in text


@pytest.mark.parametrize("page_id", ["relational-trauma", "healing"])
def test_pages_in_presenter_mode(content, page_id):
    at = open_page(page_id, present="1")
    if content.ui.pages[page_id].heavy:
        _through_note(at)
    assert not at.exception
    figures = _figures(at)
    assert figures and all(f["layout"]["height"] >= 500 for f in figures)  # the large variants
