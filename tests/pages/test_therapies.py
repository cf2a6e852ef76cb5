"""Therapy approaches browser: content requirements, filtering, the map's values and builder,
the comparison, and the page through AppTest (filters, card, compare, paths, URL round trips)."""

from __future__ import annotations

import json

import pytest

from components import therapies as th
from components.charts.common import PRESENTER_SCALE
from components.charts.therapies import EVIDENCE_STYLE, therapy_map
from components.models.therapies import AUDIENCES, EVIDENCE_LEVELS, FOCUSES, FORMATS, TherapiesFile
from test_pages import all_text, open_page

ARTICLE_APPROACHES = {  # every approach the articles (and article 002's references) name
    "family-therapy",
    "play-therapy",
    "adolescent-dbt",
    "cbt",
    "psychodynamic",
    "mindfulness-based",
    "emdr",
    "trauma-informed-therapy",
    "couples-counselling",
    "individual-counselling",
    "eft",
    "relational-somatic-therapy",
}


@pytest.fixture(scope="module")
def data(content) -> TherapiesFile:
    return content.therapies


def ids(approaches) -> set[str]:
    return {a.id for a in approaches}


# ------------------------------------------------------------------ content


def test_every_named_approach_is_present(data):
    assert ARTICLE_APPROACHES <= ids(data.approaches)


def test_every_audience_is_served(data):
    for audience in AUDIENCES:
        assert any(audience in a.audiences for a in data.approaches), audience


def test_every_approach_and_note_is_sourced_and_resolves(data, content):
    known = set(content.sources_by_id)
    for a in data.approaches:
        notes = [a.evidence, *a.cautions, *([a.length] if a.length else [])]
        for sid in [*a.sources, *(s for n in notes for s in n.sources)]:
            assert sid in known, (a.id, sid)
        assert a.evidence.text and a.sources


def test_main_articles_are_cited(content):
    cited = content.cited_sources("therapies")
    assert {
        "article-relational-trauma",
        "article-relationship-trauma-betrayal",
        "article-toxic-relationships-heal",
        "johnson-2019-eft",
        "apa-2017-ptsd-guideline",
    } <= cited


def test_couples_therapy_carries_the_abuse_caution(data):
    by_id = th.approach_by_id(data)
    for approach_id in ("couples-counselling", "eft"):
        text = " ".join(c.text for c in by_id[approach_id].cautions).lower()
        assert "abuse" in text and "not advised" in text, approach_id


def test_guideline_ratings_match_the_apa_guideline(data):
    by_id = th.approach_by_id(data)
    assert by_id["cbt"].evidence.level == "guideline-strong"
    assert by_id["emdr"].evidence.level == "guideline-conditional"
    for a in data.approaches:  # a guideline rating must cite a guideline
        if a.evidence.level.startswith("guideline"):
            assert "apa-2017-ptsd-guideline" in a.evidence.sources, a.id


def test_unrated_approaches_say_so(data):
    for a in data.approaches:
        if a.evidence.level == "not-rated":
            assert "do not rate" in a.evidence.text, a.id


def test_paths_hold_the_issue_approaches(data):
    child = ids(th.path_approaches(data, "child"))
    adult = ids(th.path_approaches(data, "adult"))
    assert {"family-therapy", "play-therapy", "adolescent-dbt"} <= child
    assert {
        "cbt",
        "psychodynamic",
        "mindfulness-based",
        "emdr",
        "trauma-informed-therapy",
        "eft",
        "individual-counselling",
        "couples-counselling",
    } <= adult
    # teenagers have their own path: only approaches that serve adolescents
    teen = th.path_approaches(data, "teen")
    assert teen and all("adolescents" in a.audiences for a in teen)


def test_practical_questions_cover_length_and_finding_help(data):
    qs = {q.id for q in data.questions}
    assert {"how-long", "find-a-therapist", "first-appointment"} <= qs


def test_model_rejects_unknown_path_approach_and_missing_facet(data):
    raw = data.model_dump()
    raw["paths"][0]["approaches"] = ["no-such-approach"]
    with pytest.raises(ValueError, match="unknown approach"):
        TherapiesFile.model_validate(raw)
    raw = data.model_dump()
    raw["focuses"] = raw["focuses"][1:]
    with pytest.raises(ValueError, match="focuses must describe"):
        TherapiesFile.model_validate(raw)
    raw = data.model_dump()
    raw["approaches"][0]["sources"] = []
    with pytest.raises(ValueError):
        TherapiesFile.model_validate(raw)


# ------------------------------------------------------------------ pure logic


def test_filters_are_active_once_any_facet_or_words_are_set():
    assert not th.Filters().active and not th.Filters(query="  ").active
    assert th.Filters(formats=("group", "individual")).active and th.Filters(query="play").active


def test_filter_by_audience_is_or_within_and_across(data):
    children = th.filter_approaches(data, th.Filters(audiences=("children",)))
    assert ids(children) >= {"play-therapy", "family-therapy"} and "cbt" not in ids(children)
    both = th.filter_approaches(data, th.Filters(audiences=("children", "couples")))
    assert ids(both) >= ids(children) | {"couples-counselling"}
    narrowed = th.filter_approaches(data, th.Filters(audiences=("children",), focus=("memories",)))
    assert ids(narrowed) == {a.id for a in children if "memories" in a.focus}


def test_filter_by_format_and_evidence(data):
    couple = th.filter_approaches(data, th.Filters(formats=("couple",)))
    assert ids(couple) == {"couples-counselling", "eft"}
    strong = th.filter_approaches(data, th.Filters(evidence=("guideline-strong", "guideline-conditional")))
    assert ids(strong) == {"cbt", "emdr"}
    assert th.filter_approaches(data, th.Filters(formats=("group",))) == []


def test_text_search_reaches_names_descriptions_and_facet_labels(data):
    assert ids(th.filter_approaches(data, th.Filters(query="emdr"))) == {"emdr"}
    assert "play-therapy" in ids(th.filter_approaches(data, th.Filters(query="toys")))
    # facet labels are searchable too: "Adolescents" is the label of an audience
    assert "adolescent-dbt" in ids(th.filter_approaches(data, th.Filters(query="adolescents")))
    assert th.filter_approaches(data, th.Filters(query="zzzz")) == []
    assert len(th.filter_approaches(data, th.Filters())) == len(data.approaches)


def test_facet_counts(data):
    counts = th.facet_counts(data, "formats")
    assert set(counts) == set(FORMATS)
    assert counts["couple"] == 2 and counts["group"] == 0
    assert sum(th.facet_counts(data, "evidence").values()) == len(data.approaches)


def test_compare_rows_and_table(data, content):
    labels = content.ui.labels
    rows = th.compare_rows(data, ("cbt", "couples-counselling"), labels)
    assert [len(cells) for _, cells in rows] == [2] * len(rows)
    cautions = dict(rows)[labels["therapies_card_cautions"]]
    assert cautions[0] == labels["therapies_card_none"] and "abuse" in cautions[1]
    table = th.compare_table(data, ("cbt", "emdr", "eft"), labels)
    lines = table.splitlines()
    assert lines[0].count("|") == 5 and len(lines) == 2 + len(rows)
    assert "Cognitive behavioural therapy (CBT)" in lines[0]


def test_map_rows_mark_what_the_filters_hide(data, content):
    labels = content.ui.labels
    rows = th.map_rows(data, {"cbt"}, labels)
    assert len(rows) == len(data.approaches)
    shown = [
        r[labels["therapies_col_approach"]] for r in rows if r[labels["therapies_col_shown"]] == labels["therapies_yes"]
    ]
    assert shown == [th.approach_by_id(data)["cbt"].name]


def test_all_sources_dedupes_and_includes_notes(data):
    eft = th.approach_by_id(data)["eft"]
    sources = th.all_sources(eft)
    assert len(sources) == len(set(sources))
    assert "therapies-hotline-2014-couples-counseling" in sources


# ------------------------------------------------------------------ the map builder


def test_map_places_each_approach_in_each_audience_column(data):
    points = th.map_points(data)
    by_id = th.approach_by_id(data)
    assert len(points) == sum(len(a.audiences) for a in data.approaches)
    for p in points:
        a = by_id[p.id]
        assert AUDIENCES[p.cell[0]] in a.audiences
        assert p.cell[1] == FOCUSES.index(a.focus[0])
        assert abs(p.y - p.cell[1]) < 0.5  # stays inside its cell
    cells = [(p.cell, round(p.y, 3)) for p in points]
    assert len(cells) == len(set(cells))  # no two markers on top of each other


def test_map_syncs_with_filters_and_selection(data, content):
    labels = content.ui.labels
    fig = therapy_map(th.map_chart(data, labels), {"cbt", "emdr"}, "emdr")
    visible = {t.name: t for t in fig.data if len(t.x)}
    level = {e.id: e.label for e in data.evidence_levels}
    assert set(visible) == {level["guideline-strong"], level["guideline-conditional"], labels["therapies_map_hidden"]}
    emdr = visible[level["guideline-conditional"]]
    assert emdr.marker.symbol == EVIDENCE_STYLE["guideline-conditional"]["symbol"]  # shape, not only colour
    assert "<b>" in emdr.text[0] and emdr.marker.line.width[0] == 3  # the open card stands out
    hidden = visible[labels["therapies_map_hidden"]]
    assert len(hidden.x) == len(th.map_points(data)) - 2 and hidden.mode == "markers"  # faint, unlabelled
    everything = therapy_map(th.map_chart(data, labels), th.approach_by_id(data), None)
    assert not any(len(t.x) for t in everything.data if t.name == labels["therapies_map_hidden"])
    assert len({EVIDENCE_STYLE[e]["symbol"] for e in EVIDENCE_LEVELS}) == len(EVIDENCE_LEVELS)


def test_map_is_larger_for_presenting(data, content):
    chart = th.map_chart(data, content.ui.labels)
    small, large = therapy_map(chart, set(), None), therapy_map(chart, set(), None, PRESENTER_SCALE)
    assert large.layout.height > small.layout.height and large.layout.font.size > small.layout.font.size


# ------------------------------------------------------------------ the page (AppTest)


def q(at, name):
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def test_filter_widgets_write_the_url_and_narrow_the_list(content):
    at = open_page("therapies")
    assert not at.exception
    total = len(content.therapies.approaches)
    assert content.ui.labels["therapies_count"].format(shown=total, total=total) in all_text(at)
    at.multiselect(key="th_for").select("children").run()
    assert q(at, "for") == "children"
    listed = {m.value for m in at.markdown}  # each result in the list is a bold name of its own
    assert "**Play therapy**" in listed and "**Cognitive behavioural therapy (CBT)**" not in listed
    at.text_input(key="th_q").input("toys").run()
    assert q(at, "q") is None  # what a person types stays in the session, never in the URL
    assert content.ui.labels["therapies_count"].format(shown=1, total=total) in all_text(at)
    at.button(key="th_clear").click().run()
    assert q(at, "for") is None and q(at, "q") is None


def test_url_opens_filtered_view_and_card(content):
    at = open_page("therapies", **{"for": "adults", "evidence": "guideline-conditional", "approach": "emdr"})
    assert not at.exception
    assert at.multiselect(key="th_for").value == ["adults"]
    assert at.selectbox(key="th_approach").value == "emdr"
    subheads = [s.value for s in at.subheader]
    emdr = th.approach_by_id(content.therapies)["emdr"]
    assert emdr.name in subheads
    assert emdr.session in all_text(at)
    # the map on the page shows EMDR labelled and the rest hidden
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    labelled = [t for t in fig["data"] if t.get("text")]
    assert [t["text"] for t in labelled] == [["<b>EMDR</b>"]]


def test_open_and_close_a_card(content):
    at = open_page("therapies")
    at.button(key="th_open_play-therapy").click().run()
    assert q(at, "approach") == "play-therapy"
    assert th.approach_by_id(content.therapies)["play-therapy"].how_it_works in all_text(at)
    at.button(key="th_close").click().run()
    assert q(at, "approach") is None


def test_couples_card_shows_the_caution(content):
    at = open_page("therapies", approach="couples-counselling")
    warnings = " ".join(w.value for w in at.warning)
    assert "Not advised while abuse is going on" in warnings


def test_compare_two_then_three(content):
    at = open_page("therapies")
    hint = content.ui.labels["therapies_compare_hint"]
    assert hint in [i.value for i in at.info]
    at.multiselect(key="th_compare").select("cbt").select("emdr").run()
    assert q(at, "compare") == "cbt,emdr"
    assert hint not in [i.value for i in at.info]
    table = [m.value for m in at.markdown if m.value.startswith("| ")]
    assert table and "Eye movement" in table[0] and "Cognitive behavioural" in table[0]
    at.multiselect(key="th_compare").select("eft").run()
    assert q(at, "compare") == "cbt,emdr,eft"


def test_compare_from_url_is_capped_at_three(content):
    at = open_page("therapies", compare="cbt,emdr,eft,play-therapy,bogus")
    assert at.multiselect(key="th_compare").value == ["cbt", "emdr", "eft"]


def test_guided_paths(content):
    at = open_page("therapies", path="child")
    child = th.guided_path(content.therapies, "child")
    assert child.title in [s.value for s in at.subheader]
    at.button(key="th_path_open_play-therapy").click().run()
    assert q(at, "approach") == "play-therapy" and q(at, "path") == "child"
    at.segmented_control(key="th_path").set_value("adult").run()
    assert q(at, "path") == "adult"
    assert th.guided_path(content.therapies, "adult").title in [s.value for s in at.subheader]


def test_junk_url_is_ignored_without_error(content):
    at = open_page("therapies", **{"for": "martians", "approach": "nope", "compare": "x", "path": "z", "focus": ","})
    assert not at.exception
    assert at.multiselect(key="th_for").value == []
    assert at.selectbox(key="th_approach").value is None


def test_practical_questions_and_get_help_link(content):
    at = open_page("therapies")
    text = all_text(at)
    for question in content.therapies.questions:
        assert question.question in text
    assert content.help.finding_a_therapist.questions_to_ask[0] in text
    links = [el for el in at.get("page_link") if "get-help" in str(el.proto.page)]
    assert links


def test_long_map_labels_wrap_near_the_middle():
    from components.charts.therapies import wrap_label

    assert wrap_label("Couples counselling") == "Couples<br>counselling"
    assert wrap_label("EMDR") == "EMDR"
    assert wrap_label("Trauma-informed") == "Trauma-informed"  # no space: left whole
