"""The projector's screen without a browser: every chart's text lifted to the
projector's floor, where each workshop segment opens, the presenter bar's short countdown.
(tests/browser/test_browser_projector.py measures the same things in Chromium at 1920x1080.)"""

from __future__ import annotations

import plotly.graph_objects as go

from components import presenter
from components.charts.common import PRESENTER_MIN_TEXT, projector_text
from components.facilitate import countdown_ui, workshop
from components.facilitate.countdown import Timer


def _sizes(data, in_font=False):
    """Every font size anywhere in a figure's dict."""
    if isinstance(data, dict):
        for k, v in data.items():
            if in_font and k == "size":
                yield from (v if isinstance(v, (list, tuple)) else [v])
            else:
                yield from _sizes(v, k == "font" or k.endswith("font"))
    elif isinstance(data, list):
        for v in data:
            yield from _sizes(v)


def test_projector_text_lifts_every_size_to_the_floor():
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1, 2], text=["1", "2"], textfont=dict(size=[10, 30])))
    fig.add_trace(go.Scatterpolar(r=[1, 2], theta=["x", "y"], textfont=dict(size=9), subplot="polar"))
    fig.add_annotation(text="note", font=dict(size=12))
    fig.update_layout(font=dict(size=14), legend=dict(font=dict(size=11)), title=dict(text="t", font=dict(size=13)))
    fig.update_xaxes(tickfont=dict(size=12))
    lifted = projector_text(fig)
    d = lifted.to_dict()
    sizes = list(_sizes(d))
    assert sizes and min(sizes) >= PRESENTER_MIN_TEXT
    assert 30 in sizes  # larger text stays larger
    # what Streamlit's chart theme would otherwise size: the axes' ticks and the legend
    assert lifted.layout.yaxis.tickfont.size >= PRESENTER_MIN_TEXT
    assert lifted.layout.polar.angularaxis.tickfont.size >= PRESENTER_MIN_TEXT
    assert lifted.layout.legend.font.size >= PRESENTER_MIN_TEXT
    assert lifted.layout.uniformtext.minsize == PRESENTER_MIN_TEXT  # Plotly may not shrink bar text
    assert fig.layout.annotations[0].font.size == 12  # the cached original is not touched


def test_the_cycle_is_readable_on_a_projector(content):
    """The cycle page's circle as shown while presenting: no font size under 20 px anywhere."""
    from components.charts.cycle_steps import cycle_figure

    version = content.cycle.cycle.versions[0]
    fig = cycle_figure(tuple(p.short for p in version.phases), 0, 600, 1.35)
    assert min(_sizes(fig.to_dict())) < PRESENTER_MIN_TEXT  # as built (a screen's sizes, scaled)
    assert min(_sizes(projector_text(fig).to_dict())) >= PRESENTER_MIN_TEXT


def test_every_segment_with_a_step_opens_at_it(content):
    """Each shipped segment that names a step has a place to scroll to, and the place is the step's
    controls on its page (stepper_<param> for a step-through)."""
    from components.navigation import page_spec
    from components.url_params import Step

    for plan in content.workshops.values():
        for _, seg in plan.segments():
            params = {p.name: p for p in page_spec(seg.page).params}
            steps = [k for k in seg.query if isinstance(params[k].kind, Step)]
            place = workshop.focus(seg)
            if steps:
                assert place == (f"stepper_{steps[0]}", place[1]), (plan.id, seg.id, place)
            if seg.page == "healthy-vs-toxic" and "dimension" in seg.query:
                assert place[0] == "hvt_compare_controls"
            if not seg.query:
                assert place is None  # the top of its page


def test_presenter_bar_countdown_is_short(content):
    ui = content.ui
    ready = Timer("p", 0, 5)
    assert countdown_ui.timer_text(ui, ready, short=True) == ui.labels["facilitate_time_ready_short"].format(minutes=5)
    assert len(countdown_ui.timer_text(ui, ready, short=True)) < len(countdown_ui.timer_text(ui, ready)) / 2


def test_presenter_css_sets_body_text_and_line_length():
    css = presenter._PRESENT_CSS
    assert f"font-size: {presenter.PRESENT_ROOT_PERCENT}%" in css
    assert presenter.BODY_TEXT_PX >= 28
    assert "max-width: 60ch" in css
