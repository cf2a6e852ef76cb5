"""The cycle of abuse page: the sandbox model, the chart builders, the content, and the page itself
through AppTest (stepping, URL round trips, the predict-then-reveal sandbox)."""

from __future__ import annotations

import itertools
import json

import pytest

from components import bond_model
from components import cycle as logic
from components.charts import cycle_steps, cycle_weeks
from components.models.cycle import MODEL_IDS
from conftest import all_text, open_page, qp

GRID = [0.0, 0.25, 0.5, 0.75, 1.0]


# --------------------------------------------------------------------------- the sandbox model


@pytest.mark.parametrize("k,u,p", list(itertools.product(GRID, GRID, GRID)))
def test_simulate_bounds_and_shape(k, u, p):
    c = bond_model.simulate(k, u, p)
    assert len(c.weeks) == len(c.attachment) == len(c.wellbeing) == len(c.mood) == bond_model.WEEKS + 1
    for series in (c.attachment, c.wellbeing, c.mood):
        assert all(0.0 <= v <= 1.0 for v in series)
    # attachment moves monotonically towards its target; the well-being trend never rises
    target = bond_model.attachment_target(k, u, p)
    steps = [b - a for a, b in zip(c.attachment, c.attachment[1:])]
    if target >= bond_model.ATTACHMENT_START:
        assert all(s >= 0 for s in steps)
    else:
        assert all(s <= 0 for s in steps)
    assert all(b <= a for a, b in zip(c.wellbeing, c.wellbeing[1:]))
    assert c.wellbeing[-1] < c.wellbeing[0]


@pytest.mark.parametrize("which", ["kindness", "unpredictability", "power"])
def test_attachment_never_decreases_as_a_condition_grows(which):
    for others in itertools.product(GRID, GRID):
        prev = None
        for v in GRID:
            args = dict(zip([n for n in ("kindness", "unpredictability", "power") if n != which], others))
            args[which] = v
            c = bond_model.simulate(**args)
            if prev is not None:
                assert all(a >= b - 1e-12 for a, b in zip(c.attachment, prev.attachment)), (which, args)
            prev = c


def test_attachment_strictly_grows_with_each_condition_when_the_others_are_present():
    base = dict(kindness=0.5, unpredictability=0.5, power=0.5)
    end = bond_model.simulate(**base).attachment[-1]
    for which in base:
        more = dict(base, **{which: 0.9})
        assert bond_model.simulate(**more).attachment[-1] > end, which


@pytest.mark.parametrize("which", ["unpredictability", "power"])
def test_wellbeing_never_rises_as_harm_conditions_grow(which):
    for other in GRID:
        for k in GRID:
            lows = []
            for v in GRID:
                args = {"kindness": k, "unpredictability": other, "power": other, which: v}
                lows.append(bond_model.simulate(**args).wellbeing)
            for a, b in zip(lows, lows[1:]):
                assert all(y <= x + 1e-12 for x, y in zip(a, b))


def test_kindness_does_not_lift_the_wellbeing_trend():
    assert bond_model.simulate(0, 0.5, 0.5).wellbeing == bond_model.simulate(1, 0.5, 0.5).wellbeing


def test_both_conditions_matter_for_the_direction():
    assert bond_model.direction(bond_model.simulate(0.8, 0.8, 0.8)) == "rises"
    assert bond_model.direction(bond_model.simulate(0.0, 0.8, 0.8)) == "falls"  # no kindness: the pull fades
    assert bond_model.direction(bond_model.simulate(0.8, 0.8, 0.0)) != "rises"  # no power gap: no strong bond


def test_simulate_is_deterministic_and_highs_follow_kindness():
    a, b = bond_model.simulate(0.6, 1.0, 0.4), bond_model.simulate(0.6, 1.0, 0.4)
    assert a == b
    assert bond_model.simulate(0.0, 0.5, 0.5).kind_weeks == ()
    every = bond_model.simulate(1.0, 0.0, 0.5)
    assert all(h + 1 in every.kind_weeks for h in every.harm_weeks if h + 1 <= bond_model.WEEKS)
    regular = bond_model.simulate(0.5, 0.0, 0.5).harm_weeks
    assert {b - a for a, b in zip(regular, regular[1:])} == {4}
    irregular = bond_model.simulate(0.5, 1.0, 0.5).harm_weeks
    assert len({b - a for a, b in zip(irregular, irregular[1:])}) > 1


@pytest.mark.parametrize("bad", [-0.1, 1.1, float("nan"), "0.5"])
def test_simulate_rejects_out_of_range(bad):
    with pytest.raises(ValueError):
        bond_model.simulate(bad, 0.5, 0.5)


def test_phase_shares_move_from_start_to_end_and_sum_to_one():
    starts, ends = (0.3, 0.1, 0.25, 0.35), (0.5, 0.25, 0.15, 0.1)
    first = bond_model.phase_shares(starts, ends, 1, 52)
    last = bond_model.phase_shares(starts, ends, 52, 52)
    assert first == pytest.approx(starts)
    assert last == pytest.approx(ends)
    for w in range(1, 53):
        assert sum(bond_model.phase_shares(starts, ends, w, 52)) == pytest.approx(1.0)
    mid = bond_model.phase_shares(starts, ends, 26, 52)
    assert first[0] < mid[0] < last[0] and first[3] > mid[3] > last[3]


# --------------------------------------------------------------------------- builders


def test_cycle_figure_phase_count_and_highlight(content):
    for version in content.cycle.cycle.versions:
        labels = tuple(p.short for p in version.phases)
        for current in range(len(labels)):
            fig = cycle_steps.cycle_figure(labels, current)
            phases = next(t for t in fig.data if t.name == "phases")
            ring = next(t for t in fig.data if t.name == "current")
            assert len(phases.x) == len(labels)
            assert (ring.x[0], ring.y[0]) == (phases.x[current], phases.y[current])
            assert phases.marker.size[current] == max(phases.marker.size)
            assert sorted(phases.marker.size).count(max(phases.marker.size)) == 1
            # not colour alone: each phase has its own symbol, and the current label is marked in words
            assert len(set(phases.marker.symbol)) == len(labels)
            marked = [
                a.text.replace("<br>", " ")
                for a in fig.layout.annotations
                if a.text and cycle_steps.CURRENT_MARK in a.text
            ]
            assert marked == [f"<b>{cycle_steps.CURRENT_MARK}{current + 1}. {labels[current]}</b>"]
            arrows = [a for a in fig.layout.annotations if a.showarrow]
            assert len(arrows) == len(labels)


def test_walker_has_three_phases_and_four_phase_has_four(content):
    versions = {v.id: v for v in content.cycle.cycle.versions}
    assert len(versions["walker"].phases) == 3
    assert len(versions["four-phase"].phases) == 4
    assert tuple(versions) == MODEL_IDS


def test_presenter_scale_enlarges_type_and_markers():
    labels = ("a", "b", "c")
    small, big = cycle_steps.cycle_figure(labels, 1), cycle_steps.cycle_figure(labels, 1, scale=1.5)
    assert big.layout.font.size == pytest.approx(1.5 * small.layout.font.size)
    phases = lambda f: next(t for t in f.data if t.name == "phases")  # noqa: E731
    assert list(phases(big).marker.size) == [1.5 * s for s in phases(small).marker.size]
    assert [a.font.size for a in big.layout.annotations if a.text] == [
        pytest.approx(1.5 * a.font.size) for a in small.layout.annotations if a.text
    ]
    fig = cycle_steps.stages_figure(tuple("abcdefg"), 0, scale=1.5)
    assert fig.layout.font.size == pytest.approx(1.5 * cycle_steps.stages_figure(tuple("abcdefg"), 0).layout.font.size)


def test_wrap_breaks_long_labels_once():
    assert cycle_steps.wrap("Calm") == "Calm"
    assert cycle_steps.wrap("Loving contrition") == "Loving<br>contrition"
    assert cycle_steps.wrap("Tension building").count("<br>") == 1
    assert cycle_steps.wrap("Reconciliation") == "Reconciliation"


def test_cycle_figure_rejects_bad_index():
    with pytest.raises(ValueError):
        cycle_steps.cycle_figure(("a", "b", "c"), 3)


def test_builders_escape_markup():
    fig = cycle_steps.cycle_figure(("<script>", "b", "c"), 0)
    assert all("<script>" not in (a.text or "") for a in fig.layout.annotations)


def test_over_time_figure_marks_the_week(content):
    phases = content.cycle.cycle.versions[1].phases
    fig = cycle_weeks.over_time_figure(
        tuple(p.title for p in phases),
        tuple(p.share_start for p in phases),
        tuple(p.share_end for p in phases),
        30,
        52,
        "Share",
        "Week",
    )
    assert len(fig.data) == len(phases)
    assert [s.x0 for s in fig.layout.shapes] == [30]
    assert all(t.fillpattern.shape for t in fig.data)  # patterns, not colour alone
    assert len({t.fillpattern.shape for t in fig.data}) == len(phases)


def test_sandbox_figure_draws_the_model():
    fig = cycle_weeks.sandbox_figure(7, 5, 9, ("A", "W", "M"), "Level", "Week")
    by_name = {t.name: t for t in fig.data}
    c = bond_model.simulate(0.7, 0.5, 0.9)
    assert list(by_name["A"].y) == [round(v * 100, 1) for v in c.attachment]
    assert list(by_name["W"].y) == [round(v * 100, 1) for v in c.wellbeing]
    assert by_name["A"].line.dash != by_name["W"].line.dash  # not colour alone
    assert fig.layout.yaxis.range == (0, 100)


def test_stages_figure_highlight():
    labels = tuple(f"s{i}" for i in range(7))
    fig = cycle_steps.stages_figure(labels, 4)
    stages = next(t for t in fig.data if t.name == "stages")
    ring = next(t for t in fig.data if t.name == "current")
    assert len(stages.x) == 7 and ring.x[0] == stages.x[4] == 5
    assert stages.marker.size[4] == max(stages.marker.size)


# --------------------------------------------------------------------------- pure page helpers


def test_model_version_from_the_url(content):
    assert logic.version_index(content.cycle, "four-phase") == 1
    assert logic.version_index(content.cycle, "walker") == 0
    assert logic.version_index(content.cycle, "nonsense") == 0
    assert logic.version_index(content.cycle, None) == 0


def test_text_alternatives_name_the_current_step(content):
    labels = content.ui.labels
    version = content.cycle.cycle.versions[1]
    alt, summary, rows = logic.cycle_words(content.cycle, version, 2, labels)
    assert version.phases[2].title in alt and version.phases[2].title in summary
    assert len(rows) == 4 and labels["cycle_current"] in rows[2][labels["cycle_phase_col"]]
    alt, summary, rows = logic.over_time_words(content.cycle, version, 52, labels)
    assert "52" in alt and len(rows) == 4
    total = sum(q.share_end for q in version.phases)
    assert [r[labels["cycle_share_col"]] for r in rows] == [f"{p.share_end / total:.0%}" for p in version.phases]
    alt, summary, rows, direction = logic.sandbox_words(
        content.cycle, {"kindness": 9, "unpredictability": 9, "power": 9}, labels
    )
    assert direction == "rises" and "9" in alt and len(rows) == 14
    alt, summary, rows = logic.stage_words(content.cycle, 6, labels)
    assert content.cycle.stages.stages[6].title in alt and len(rows) == 7


# --------------------------------------------------------------------------- content


def _sourced_items(data, path=()):
    if isinstance(data, dict):
        if "sources" in data:
            yield path, data
        for k, v in data.items():
            yield from _sourced_items(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _sourced_items(v, path + (i,))


def test_every_item_with_a_body_is_sourced(content):
    dumped = content.cycle.model_dump()
    for path, item in _sourced_items(dumped):
        assert item["sources"], path
    # every phase, stage, caveat, reason and ending point carries sources of its own
    cy = content.cycle
    items = [
        *cy.cycle.caveats,
        *cy.stages.stages,
        *cy.ending.points,
        *cy.reasons.reasons,
        *cy.highs_lows.points,
        *cy.research.conditions,
        *(p for v in cy.cycle.versions for p in v.phases),
    ]
    assert all(i.sources for i in items)


def test_required_sources_are_cited_where_the_issue_says(content):
    cy = content.cycle
    versions = {v.id: v for v in cy.cycle.versions}
    assert all("walker-1979-battered-woman" in p.sources for p in versions["walker"].phases)
    assert all("cleveland-clinic-2023-trauma-bonding" in p.sources for p in versions["four-phase"].phases)
    assert "dutton-painter-1981-traumatic-bonding" in cy.research.sources
    assert "dutton-painter-1981-traumatic-bonding" in cy.sandbox.sources
    assert all("laub-2022-stages-trauma-bonding" in s.sources for s in cy.stages.stages)
    assert all("article-abuser-leaves-first" in p.sources for p in cy.ending.points)
    assert all("article-can-trauma-bond-heal" in r.sources for r in cy.reasons.reasons)
    assert content.source("article-abuser-leaves-first").kind == "personal-account"


def test_labels_the_issue_requires(content):
    cy = content.cycle
    assert len(cy.stages.stages) == 7
    assert "popular model" in cy.stages.popular_model_note.lower()
    assert "not a validated" in cy.stages.popular_model_note.lower()
    assert "personal account" in cy.ending.personal_account_note.lower()
    assert "not a psychologist" in cy.ending.personal_account_note.lower()
    assert "not a measurement" in cy.sandbox.not_measurement.lower()
    assert len(cy.reasons.reasons) == 6
    assert any("not everyone" in c.title.lower() for c in cy.cycle.caveats)
    assert any("shorten" in c.title.lower() for c in cy.cycle.caveats)
    assert content.ui.pages["cycle"].heavy is True


def _our_words(data):
    """Every string we wrote, leaving out source ids."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k != "sources":
                yield from _our_words(v)
    elif isinstance(data, list):
        for v in data:
            yield from _our_words(v)
    elif isinstance(data, str):
        yield data


def test_non_blaming_language(content):
    text = "\n".join(_our_words(content.cycle.model_dump())).lower()
    assert "person who uses abuse" in text or "person who used abuse" in text
    for word in ("abuser", "victim", "battered"):
        assert word not in text, word


# --------------------------------------------------------------------------- the page (AppTest)


def _chart_keys(at):
    return {el.key for el in at.get("plotly_chart")}


def _chart(at, key):
    for el in at.get("plotly_chart"):
        if el.key == key:
            return json.loads(el.proto.spec)
    raise AssertionError(f"no chart {key}; charts: {_chart_keys(at)}")


def _current_label(fig):
    return [
        a["text"].replace("<br>", " ")
        for a in fig["layout"]["annotations"]
        if cycle_steps.CURRENT_MARK in (a.get("text") or "")
    ]


def test_page_steps_phases_and_updates_url(content):
    at = open_page("cycle", go_on=True)
    walker = content.cycle.cycle.versions[0]
    assert at.subheader[0].value == f"1. {walker.phases[0].title}"
    assert _current_label(_chart(at, "cycle_chart")) == [
        f"<b>{cycle_steps.CURRENT_MARK}1. {walker.phases[0].short}</b>"
    ]
    at.button(key="phase_next").click().run()
    assert qp(at, "phase") == "2"
    assert at.subheader[0].value == f"2. {walker.phases[1].title}"
    assert _current_label(_chart(at, "cycle_chart")) == [
        f"<b>{cycle_steps.CURRENT_MARK}2. {walker.phases[1].short}</b>"
    ]
    at.button(key="phase_prev").click().run()
    assert qp(at, "phase") == "1"


def test_page_reads_model_and_phase_from_url(content):
    at = open_page("cycle", go_on=True, model="four-phase", phase="4")
    four = content.cycle.cycle.versions[1]
    assert at.radio(key="cycle_model_choice").value == "four-phase"
    assert at.subheader[0].value == f"4. {four.phases[3].title}"
    fig = _chart(at, "cycle_chart")
    phases = next(t for t in fig["data"] if t.get("name") == "phases")
    assert len(phases["x"]) == 4


def test_page_switching_model_sets_url(content):
    at = open_page("cycle", go_on=True)
    at.radio(key="cycle_model_choice").set_value("four-phase").run()
    assert qp(at, "model") == "four-phase"
    fig = _chart(at, "cycle_chart")
    assert len(next(t for t in fig["data"] if t.get("name") == "phases")["x"]) == 4


def test_page_week_slider_round_trip(content):
    at = open_page("cycle", go_on=True, week="40")
    assert at.slider(key="cycle_week_slider").value == 40
    at.slider(key="cycle_week_slider").set_value(12).run()
    assert qp(at, "week") == "12"
    fig = _chart(at, "cycle_over_time")
    assert [s["x0"] for s in fig["layout"]["shapes"]] == [12]


def test_page_stage_stepper_round_trip(content):
    at = open_page("cycle", go_on=True, stage="3")
    stages = content.cycle.stages.stages
    assert f"3. {stages[2].title}" in [s.value for s in at.subheader]
    at.button(key="stage_next").click().run()
    assert qp(at, "stage") == "4"
    assert f"4. {stages[3].title}" in [s.value for s in at.subheader]


def test_sandbox_asks_for_a_guess_before_the_reveal(content):
    at = open_page("cycle", go_on=True, kindness="9", unpredictability="9", power="9")
    assert at.slider(key="cycle_kindness").value == 9
    assert "cycle_sandbox" not in _chart_keys(at)  # no curves before a guess
    assert at.button(key="cycle_reveal").disabled
    rises = next(o.id for o in content.cycle.sandbox.options if o.direction == "rises")
    at.radio(key="cycle_prediction").set_value(rises).run()
    at.button(key="cycle_reveal").click().run()
    assert "cycle_sandbox" in _chart_keys(at)
    names = {tr.get("name") for tr in _chart(at, "cycle_sandbox")["data"]}
    assert content.ui.labels["cycle_attachment"] in names and content.ui.labels["cycle_wellbeing"] in names
    shown = "\n".join(m.value for m in at.markdown)
    assert content.cycle.sandbox.outcomes["rises"] in shown
    assert content.cycle.sandbox.matched in shown
    # the guess is held in session state only, never in the URL
    assert "cycle_prediction" not in at.query_params and rises not in str(dict(at.query_params))
    at.slider(key="cycle_kindness").set_value(0).run()
    assert qp(at, "kindness") == "0"
    shown = "\n".join(m.value for m in at.markdown)
    assert content.cycle.sandbox.outcomes["falls"] in shown and content.cycle.sandbox.differed in shown
    at.button(key="cycle_guess_again").click().run()
    assert "cycle_sandbox" not in _chart_keys(at)
    assert at.radio(key="cycle_prediction").value is None


def test_page_shows_personal_account_and_popular_model_labels(content):
    at = open_page("cycle", go_on=True)
    infos = "\n".join(i.value for i in at.info)
    # a caveat, not an alert: a quiet note, never st.warning / st.error
    assert "A popular model, not a validated one" in all_text(at)
    assert not any("popular model" in w.value for w in [*at.warning, *at.error])
    assert "A personal account" in infos
    assert "not a measurement of anyone" in infos
