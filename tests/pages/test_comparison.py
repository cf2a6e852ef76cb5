"""Healthy vs toxic: content (comparison.yaml, scenarios.yaml), pure logic, figure builders, and the
page through AppTest (parts, URL round trips, wheel flip, sorter, "can it heal?")."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest

from components import comparison as logic
from components.charts.comparison import spectrum_figure, wheel_figure
from components.models.comparison import LEVEL_ORDER
from conftest import all_text, open_page, qp

PAGE = "healthy-vs-toxic"


# --------------------------------------------------------------------------- content


def test_issue_dimensions_present(content):
    ids = {d.id for d in content.comparison.dimensions}
    for needed in (
        "communication",
        "trust",
        "power-and-equality",
        "boundaries",
        "conflict",
        "vulnerability",
        "independence",
        "accountability",
        "emotional-safety",
    ):
        assert needed in ids
    for d in content.comparison.dimensions:
        assert d.healthy and d.unhealthy and d.abusive
        assert len({d.healthy, d.unhealthy, d.abusive}) == 3, d.id


def test_forms_of_abuse_are_the_five_of_article_001(content):
    titles = " ".join(f.title.lower() for f in content.comparison.forms_of_abuse)
    for form in ("emotional", "financial", "spiritual", "sexual", "physical"):
        assert form in titles
    for f in content.comparison.forms_of_abuse:
        if f.id == "form-digital":  # added from a technology-safety source
            assert "nnedv-safety-net-technology" in f.sources
            continue
        assert "article-toxic-relationships-heal" in f.sources
    assert all("article-toxic-relationships-heal" in s.sources for s in content.comparison.less_overt_signs)


def test_wheel_credits_duluth_and_uses_its_own_words(content):
    wheel = content.comparison.wheel
    assert "duluth-daip-wheels" in wheel.sources
    assert "Duluth" in wheel.credit
    assert all("duluth-daip-wheels" in s.sources for s in wheel.spokes)
    # The Duluth wheels' own segment names are not reused as ours.
    theirs = {
        "using coercion and threats",
        "using intimidation",
        "using emotional abuse",
        "using isolation",
        "minimizing, denying and blaming",
        "using children",
        "male privilege",
        "using economic abuse",
        "negotiation and fairness",
        "non-threatening behavior",
        "respect",
        "trust and support",
        "honesty and accountability",
        "responsible parenting",
        "shared responsibility",
        "economic partnership",
    }
    ours = {s.control.lower() for s in wheel.spokes} | {s.equality.lower() for s in wheel.spokes}
    assert not (ours & (theirs - {"respect"})), ours & theirs


def test_repair_conditions_cover_the_issue_and_end_with_help(content):
    repair = content.comparison.repair
    text = " ".join(c.title.lower() for c in repair.conditions)
    for word in ("both", "accountab", "last", "professional", "abuse", "safety"):
        assert word in text, word
    assert "stay" in repair.not_staying.title.lower()
    assert "Get help" in repair.safety
    # Barriers of article 000 are cited in "can it heal?".
    assert any("article-can-trauma-bond-heal" in v.sources for v in repair.views)


def test_scenarios_cover_the_spectrum_and_explain(content):
    scenes = content.scenarios.scenarios
    assert {s.level for s in scenes} == set(LEVEL_ORDER)
    dims = {d.id for d in content.comparison.dimensions}
    for s in scenes:
        assert s.why and s.differ and s.sources
        assert set(s.dimensions) <= dims, s.id


def test_all_text_is_non_blaming(content):
    blob = json.dumps(content.comparison.model_dump()) + json.dumps(content.scenarios.model_dump())
    assert not re.search(r"\babusers?\b|\bvictims?\b", blob, re.IGNORECASE)


def test_cited_sources(content):
    cited = content.cited_sources("comparison") | content.cited_sources("scenarios")
    assert {"article-toxic-relationships-heal", "article-can-trauma-bond-heal", "duluth-daip-wheels"} <= cited


# --------------------------------------------------------------------------- logic


def test_part_from_params():
    assert logic.part_from_params({}) == "compare"
    assert logic.part_from_params({"part": "heal"}) == "heal"
    assert logic.part_from_params({"part": "nonsense", "spoke": "3"}) == "wheel"
    assert logic.part_from_params({"scenario": "2"}) == "sorter"
    assert logic.part_from_params({"dimension": "trust"}) == "compare"
    assert logic.part_from_params({"condition": "x"}) == "heal"


def test_reveal_and_dimensions():
    assert [logic.visible_levels(n) for n in (1, 2, 3)] == [LEVEL_ORDER[:1], LEVEL_ORDER[:2], LEVEL_ORDER]
    assert logic.visible_levels(0) == ("healthy",) and logic.visible_levels(9) == LEVEL_ORDER
    assert [logic.next_reveal(n) for n in (1, 2, 3)] == [2, 3, None]
    dims = [SimpleNamespace(id="trust"), SimpleNamespace(id="conflict")]
    assert logic.chosen_dimensions(dims, "all") == dims
    assert logic.chosen_dimensions(dims, "conflict") == [dims[1]]


def test_level_names_carry_an_icon(content):
    names = logic.level_names(content.comparison.spectrum)
    assert list(names) == list(LEVEL_ORDER)
    assert names["healthy"].startswith("✓ ") and names["abusive"].startswith("✕ ")
    assert names["unhealthy"].endswith(content.comparison.spectrum[1].title)


def test_sorter_mode():
    assert logic.sorter_mode({}) == "self"
    assert logic.sorter_mode({"scenario": "2"}) == "room"
    assert logic.sorter_mode({"sorter": "self", "scenario": "2"}) == "self"
    assert logic.sorter_mode({"sorter": "room"}) == "room"


def test_wheel_flips_spoke_by_spoke():
    assert logic.wheel_states(4, 0, False) == (False, False, False, False)
    assert logic.wheel_states(4, 0, True) == (True, False, False, False)
    assert logic.wheel_states(4, 2, False) == (True, True, False, False)
    assert logic.wheel_states(4, 3, True) == (True, True, True, True)
    assert logic.wheel_centre((True, True), "C", "E") == "E"
    assert logic.wheel_centre((True, False), "C", "E") == "C"


def test_sorter_scoring():
    assert logic.distance("healthy", "abusive") == 2
    assert logic.feedback("unhealthy", "unhealthy") == "same"
    assert logic.feedback("healthy", "unhealthy") == "near"
    assert logic.feedback("abusive", "healthy") == "far"
    answers: dict[str, str] = {}
    new = logic.record_answer(answers, "a", "healthy")
    assert answers == {} and new == {"a": "healthy"}
    with pytest.raises(ValueError):
        logic.record_answer(new, "b", "fine")
    assert logic.progress(new, ["a", "b", "c"]) == (1, 3)
    assert logic.progress({"zzz": "healthy"}, ["a"]) == (0, 1)
    assert logic.next_unanswered({"a": "healthy"}, ["a", "b"]) == 1
    assert logic.next_unanswered({"a": "healthy", "b": "abusive"}, ["a", "b"]) is None
    assert logic.summary(
        {"a": "healthy", "b": "healthy", "c": "abusive"}, {"a": "healthy", "b": "unhealthy", "c": "healthy"}
    ) == {"same": 1, "near": 1, "far": 1}


LABELS = {
    k: k
    for k in (
        "hvt_mark_you",
        "hvt_mark_us",
        "hvt_col_scene",
        "hvt_your_placement",
        "hvt_our_placement",
        "hvt_why",
        "hvt_differ",
        "hvt_examples",
        "hvt_discuss",
        "hvt_what",
        "hvt_who_says",
        "hvt_other_view",
        "hvt_think",
        "hvt_col_spoke",
        "hvt_side_control",
        "hvt_side_equality",
        "hvt_col_shown",
    )
}
LABELS |= {
    "hvt_wheel_alt": "{n}|{centre}|{current}|{name}|{flipped}",
    "hvt_wheel_summary": "{current}/{n}",
    "hvt_spectrum_alt": "alt {marks}",
    "hvt_spectrum_summary": "{marks}",
}
NAMES = {"healthy": "✓ H", "unhealthy": "! U", "abusive": "✕ A"}
SCENES = [
    SimpleNamespace(id="a", level="healthy", title="A", why="why a", differ="differ a"),
    SimpleNamespace(id="b", level="abusive", title="B", why="why b", differ="differ b"),
]


def test_sorter_state_machine_place_next_summary_start_again():
    state: dict = {}
    view = logic.sorter_view(state, SCENES)  # the first run starts it empty
    assert state == {logic.ANSWERS: {}, logic.CURRENT: 0}
    assert (view.done, view.total, view.current, view.answer, view.finished, view.fraction) == (0, 2, 0, None, False, 0)
    logic.place(state, "a")  # no choice made yet: nothing placed
    assert state[logic.ANSWERS] == {}
    state[logic.choice_key("a")] = "unhealthy"
    logic.place(state, "a")
    view = logic.sorter_view(state, SCENES)
    assert view.answers == {"a": "unhealthy"} and view.answer == "unhealthy" and view.following == 1
    assert view.fraction == 0.5 and view.counts == {"same": 0, "near": 1, "far": 0}
    logic.go_to(state, view.following)
    view = logic.sorter_view(state, SCENES)
    assert view.current == 1 and view.answer is None
    state[logic.choice_key("b")] = "abusive"
    logic.place(state, "b")
    view = logic.sorter_view(state, SCENES)
    assert view.following == view.total == 2  # the last scene placed: next is the summary
    logic.go_to(state, view.following)
    view = logic.sorter_view(state, SCENES)
    assert view.finished and view.answer is None and view.fraction == 1
    assert view.counts == {"same": 1, "near": 1, "far": 0}
    assert logic.summary_rows(SCENES, view.answers, NAMES, LABELS) == [
        {"hvt_col_scene": "A", "hvt_your_placement": "! U", "hvt_our_placement": "✓ H"},
        {"hvt_col_scene": "B", "hvt_your_placement": "✕ A", "hvt_our_placement": "✕ A"},
    ]
    state["unrelated"] = 1
    logic.start_again(state, SCENES)
    assert state == {logic.ANSWERS: {}, logic.CURRENT: 0, "unrelated": 1}


def test_summary_rows_follow_scene_order_and_skip_unplaced():
    assert logic.summary_rows(SCENES, {"b": "healthy"}, NAMES, LABELS) == [
        {"hvt_col_scene": "B", "hvt_your_placement": "✓ H", "hvt_our_placement": "✕ A"}
    ]


def test_reveal_marks_and_words():
    marks = logic.spectrum_marks("unhealthy", "abusive", LABELS)
    assert marks == [("unhealthy", "hvt_mark_you", "diamond"), ("abusive", "hvt_mark_us", "star")]
    assert logic.spectrum_marks(None, "healthy", LABELS) == [("healthy", "hvt_mark_us", "star")]
    titles = {"healthy": "Healthy", "unhealthy": "Unhealthy", "abusive": "Abusive"}
    assert logic.spectrum_words(marks, titles, LABELS) == (
        "alt hvt_mark_you: Unhealthy; hvt_mark_us: Abusive",
        "hvt_mark_you: Unhealthy; hvt_mark_us: Abusive",
    )
    before, after = logic.reveal_lines(SCENES[1], "healthy", NAMES, LABELS)
    assert before == ["**hvt_your_placement:** ✓ H", "**hvt_our_placement:** ✕ A"]
    assert after == ["**hvt_why.** why b", "**hvt_differ.** differ b"]
    before, _ = logic.reveal_lines(SCENES[1], None, NAMES, LABELS)  # the group version: no answer
    assert before == ["**hvt_our_placement:** ✕ A"]


def test_wheel_flip_is_forgotten_on_another_spoke_unless_the_link_says_so():
    state: dict = {}
    assert logic.wheel_flipped(state, 2, True) is True  # a first run keeps the link's flip
    logic.remember_wheel(state, 2, True)
    assert logic.wheel_flipped(state, 2, True) is True  # same spoke
    assert logic.wheel_flipped(state, 3, True) is False  # stepped on: starts on its control side
    assert logic.wheel_flipped(state, 3, False) is False
    logic.remember_wheel(state, 3, False)
    assert logic.wheel_flipped(state, 1, True) is True  # a link that sets `flipped` itself


def test_wheel_figure_args_words_and_spoke_lines():
    spokes = [
        SimpleNamespace(
            control=f"C{i}",
            equality=f"E{i}",
            control_text=f"ct{i}",
            equality_text=f"et{i}",
            control_examples=["x", "y"],
            equality_examples=["z"],
            question=f"q{i}",
        )
        for i in range(3)
    ]
    wheel = SimpleNamespace(spokes=spokes, control_centre="Power", equality_centre="Equality")
    assert logic.wheel_figure_args(wheel, 1, True) == (
        (("C0", "E0"), ("C1", "E1"), ("C2", "E2")),
        (True, True, False),
        1,
        "Power",
    )
    assert logic.wheel_figure_args(wheel, 2, True)[3] == "Equality"
    alt, summary, rows = logic.wheel_words(wheel, 1, False, NAMES, LABELS)
    assert alt == "3|Power|2|C1|1" and summary == "2/3"
    assert rows[0] == {
        "hvt_col_spoke": "1",
        "hvt_side_control": "✕ C0",
        "hvt_side_equality": "✓ E0",
        "hvt_col_shown": "✓ H",
    }
    assert [r["hvt_col_shown"] for r in rows] == ["✓ H", "✕ A", "✕ A"]
    assert logic.wheel_words(wheel, 1, True, NAMES, LABELS)[0] == "3|Power|2|E1|2"
    assert logic.spoke_lines(spokes[0], False, LABELS) == ["ct0", "**hvt_examples**", "- x\n- y", "**hvt_discuss:** q0"]
    assert logic.spoke_lines(spokes[0], True, LABELS)[::2] == ["et0", "- z"]


def test_condition_lines_show_another_view_only_where_there_is_one():
    cond = SimpleNamespace(what="w", who_says="s", other_view=None, to_think_about="t")
    assert logic.condition_lines(cond, LABELS) == ["**hvt_what.** w", "**hvt_who_says.** s", "**hvt_think:** t"]
    assert logic.condition_lines(SimpleNamespace(**{**vars(cond), "other_view": "o"}), LABELS)[2] == (
        "**hvt_other_view.** o"
    )


# --------------------------------------------------------------------------- builders


def test_wheel_figure_marks_state_without_colour_alone():
    spokes = (("Threats", "Fairness"), ("Fear", "Safety"), ("Put-downs", "Respect"))
    fig = wheel_figure(spokes, (True, False, False), 1, "Power and control")
    bars, text = fig.data
    assert list(bars.marker.pattern.shape) == ["", "x", "x"]
    assert bars.marker.color[0] != bars.marker.color[1]
    assert list(bars.marker.line.width) == [2, 5, 2]  # the current spoke is outlined
    assert text.text[0].startswith("✓") and "Fairness" in text.text[0]
    assert text.text[1].startswith("✕") and "Fear" in text.text[1]
    assert "Power and<br>control" in fig.layout.annotations[0].text
    with pytest.raises(ValueError):
        wheel_figure(spokes, (True,), 0, "x")
    with pytest.raises(ValueError):
        wheel_figure(spokes, (True, True, True), 3, "x")


def test_spectrum_figure_bands_and_marks():
    levels = (("healthy", "Healthy"), ("unhealthy", "Unhealthy"), ("abusive", "Abusive"))
    fig = spectrum_figure(levels, (("unhealthy", "You", "diamond"), ("abusive", "Ours", "star")))
    bands = [t for t in fig.data if t.type == "bar"]
    marks = [t for t in fig.data if t.type == "scatter"]
    assert [b.base[0] for b in bands] == [0, 1, 2]
    assert [b.marker.pattern.shape for b in bands] == ["", "/", "x"]
    assert "✓ Healthy" in bands[0].text[0] and "✕ Abusive" in bands[2].text[0]
    assert [m.x[0] for m in marks] == [1.5, 2.5]
    assert [m.marker.symbol for m in marks] == ["diamond", "star"]


# --------------------------------------------------------------------------- the page


def test_heavy_page_shows_content_note_first(content):
    at = open_page(PAGE)
    assert at.button(key="content_note_go_on")
    assert content.comparison.intro not in all_text(at)


def test_compare_dimension_and_reveal_round_trip(content):
    at = open_page(PAGE, go_on=True, dimension="trust", reveal="1")
    # the chosen dimension, then the "Does this sound familiar?" step that ends the part
    assert [s.value for s in at.subheader] == ["Trust and honesty", content.help.next_step.heading]
    trust = next(d for d in content.comparison.dimensions if d.id == "trust")
    text = all_text(at)
    assert trust.healthy in text and trust.unhealthy not in text and trust.abusive not in text
    at.button(key="hvt_reveal_more").click().run()
    assert qp(at, "reveal") == "2"
    assert trust.unhealthy in all_text(at) and trust.abusive not in all_text(at)
    at.segmented_control(key="hvt_reveal").set_value(3).run()
    assert qp(at, "reveal") == "3" and trust.abusive in all_text(at)
    at.selectbox(key="hvt_dimension").set_value("all").run()
    assert qp(at, "dimension") == "all"
    assert len(at.subheader) == len(content.comparison.dimensions) + 1  # every dimension, then the next step


def test_wheel_steps_and_flips(content):
    spokes = content.comparison.wheel.spokes
    at = open_page(PAGE, go_on=True, spoke="3")
    assert qp(at, "part") == "wheel" and qp(at, "flipped") == "0"
    assert any(s.value.endswith(spokes[2].control) for s in at.subheader)
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert fig["data"][0]["marker"]["pattern"]["shape"] == ["", "", "x", *["x"] * (len(spokes) - 3)]
    at.button(key="hvt_flip").click().run()
    assert qp(at, "flipped") == "1"
    assert any(s.value.endswith(spokes[2].equality) for s in at.subheader)
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert fig["data"][0]["marker"]["pattern"]["shape"][:3] == ["", "", ""]
    at.button(key="spoke_next").click().run()
    assert qp(at, "spoke") == "4" and qp(at, "flipped") == "0"  # a new spoke starts on its control side
    assert any(s.value.endswith(spokes[3].control) for s in at.subheader)


def test_wheel_shared_link_opens_flipped(content):
    spoke = content.comparison.wheel.spokes[1]
    at = open_page(PAGE, go_on=True, spoke="2", flipped="1")
    assert any(s.value.endswith(spoke.equality) for s in at.subheader)
    assert spoke.question in all_text(at)
    assert "Duluth" in all_text(at)


def test_signs_part_lists_forms_and_signs(content):
    at = open_page(PAGE, go_on=True, part="signs")
    heads = {s.value for s in at.subheader}
    assert {f.title for f in content.comparison.forms_of_abuse} <= heads
    text = all_text(at)
    assert all(s.title in text for s in content.comparison.less_overt_signs)


def test_sorter_answer_reveal_progress_and_nothing_persisted(content):
    scenes = content.scenarios.scenarios
    at = open_page(PAGE, go_on=True, part="sorter")
    assert at.progress[0].value == 0
    assert at.button(key="hvt_place").disabled
    first = scenes[0]
    assert first.why not in all_text(at)  # nothing revealed before answering
    at.radio(key=f"hvt_choice_{first.id}").set_value("abusive").run()
    at.button(key="hvt_place").click().run()
    text = all_text(at)
    assert first.why in text and first.differ in text
    assert at.session_state["hvt_answers"] == {first.id: "abusive"}
    assert at.progress[0].value == int(100 / len(scenes))  # percent
    # the answer is never in the URL
    assert all("abusive" not in str(v) for v in at.query_params.values())
    at.button(key="hvt_next").click().run()
    second = scenes[1]
    assert second.vignette in all_text(at) and second.why not in all_text(at)
    at.radio(key=f"hvt_choice_{second.id}").set_value(second.level).run()
    at.button(key="hvt_place").click().run()
    assert any(s.value == content.ui.labels["hvt_feedback_same"] for s in at.success)
    assert len(at.table) == 1
    at.button(key="hvt_start_again").click().run()
    assert at.session_state["hvt_answers"] == {}
    assert at.progress[0].value == 0


def test_sorter_answers_do_not_survive_a_new_session():
    at = open_page(PAGE, go_on=True, part="sorter")
    assert at.session_state["hvt_answers"] == {}


def test_sorter_all_placed_shows_summary(content):
    scenes = content.scenarios.scenarios
    at = open_page(PAGE, go_on=True, part="sorter")
    for s in scenes:
        at.radio(key=f"hvt_choice_{s.id}").set_value(s.level).run()
        at.button(key="hvt_place").click().run()
        at.button(key="hvt_next").click().run()
    assert at.progress[0].value == 100
    assert content.ui.labels["hvt_done"] in [s.value for s in at.success]
    assert content.ui.labels["hvt_summary_counts"].format(same=len(scenes), near=0, far=0) in all_text(at)


def test_facilitator_sorter_link_and_reveal(content):
    scenes = content.scenarios.scenarios
    at = open_page(PAGE, go_on=True, scenario="3")
    assert qp(at, "part") == "sorter" and qp(at, "sorter") == "room"
    s = scenes[2]
    assert s.vignette in all_text(at) and s.why not in all_text(at)
    at.toggle(key=f"hvt_room_reveal_{s.id}").set_value(True).run()
    assert s.why in all_text(at) and s.differ in all_text(at)
    at.button(key="scenario_next").click().run()
    assert qp(at, "scenario") == "4"
    assert scenes[3].vignette in all_text(at) and scenes[3].why not in all_text(at)
    at.segmented_control(key="hvt_mode").set_value("self").run()
    assert qp(at, "sorter") == "self" and qp(at, "scenario") is None


def test_can_it_heal_chooses_condition_and_ends_with_help(content):
    repair = content.comparison.repair
    at = open_page(PAGE, go_on=True, part="heal")
    first = repair.conditions[0]
    assert first.what in all_text(at)
    last = repair.conditions[-1]
    at.pills(key="hvt_condition").set_value(last.id).run()
    assert qp(at, "condition") == last.id
    assert last.what in all_text(at) and first.what not in all_text(at)
    # the part ends with safety and the Get help link
    assert at.warning[-1].value.startswith("**Your safety comes first.**")
    links = [e.proto for e in at.main.get("page_link") if e.proto.label == content.ui.labels["hvt_get_help"]]
    assert len(links) == 1 and "get-help" in links[0].page
    assert repair.not_staying.body in " ".join(s.value for s in at.success)


def test_part_switch_writes_url():
    at = open_page(PAGE, go_on=True)
    at.segmented_control(key="hvt_part").set_value("heal").run()
    assert qp(at, "part") == "heal"
    assert not at.exception


@pytest.mark.parametrize("part", logic.PARTS)
def test_every_part_in_presenter_mode(part):
    at = open_page(PAGE, go_on=True, part=part, present="1")
    assert at.toggle(key="toggle_present_bar").value is True


def test_wheel_link_with_flip_in_same_session_is_kept(content):
    spokes = content.comparison.wheel.spokes
    at = open_page(PAGE, go_on=True, spoke="5")
    at.query_params["spoke"] = "2"
    at.query_params["flipped"] = "1"
    at.run()
    assert qp(at, "flipped") == "1"
    assert any(s.value.endswith(spokes[1].equality) for s in at.subheader)
