"""The shared chart component: the text alternative's table, safe chart text, and charts that wait
as placeholders until one is in view (through AppTest; the browser side is in test_browser_charts.py)."""

import json

import pytest

from components.visual import markdown_table
from conftest import open_page


def test_markdown_table_has_headers_rows_and_escapes_pipes():
    table = markdown_table([{"Phase": "Tension | build-up", "Share": 0.4}, {"Phase": "Calm\nphase", "Share": 0.1}])
    lines = table.splitlines()
    assert lines[0] == "| Phase | Share |"
    assert lines[1] == "| --- | --- |"
    assert lines[2] == "| Tension \\| build-up | 0.4 |"
    assert lines[3] == "| Calm phase | 0.1 |"  # a newline inside a cell would break the table


def test_markdown_table_keeps_first_row_column_order():
    table = markdown_table([{"b": 1, "a": 2}, {"a": 3, "b": 4}])
    assert table.splitlines()[0] == "| b | a |"
    assert table.splitlines()[3] == "| 4 | 3 |"


def test_chart_text_from_content_cannot_carry_markup():
    import plotly.graph_objects as go

    from components.charts.common import safe_text

    fig = go.Figure(
        go.Scatter(
            x=[1],
            y=[1],
            text=["<b>ok</b><br><script>alert(1)</script>"],
            customdata=[["<a href='https://example.org'>x</a>"]],
            name="<img src=x>",
            hovertemplate="%{customdata[0]}<extra></extra>",
        )
    )
    fig.add_annotation(text="<i>fine</i> <iframe>", x=1, y=1)
    fig.update_layout(title="<span style='color:#000'>t</span> <style>")
    out = safe_text(fig).to_dict()
    assert out["data"][0]["text"] == ["<b>ok</b><br>&lt;script>alert(1)&lt;/script>"]
    assert out["data"][0]["customdata"] == [["&lt;a href='https://example.org'>x&lt;/a>"]]
    assert out["data"][0]["name"] == "&lt;img src=x>"
    assert out["data"][0]["hovertemplate"] == "%{customdata[0]}<extra></extra>"  # Plotly's own tag stays
    assert out["layout"]["annotations"][0]["text"] == "<i>fine</i> &lt;iframe>"
    assert out["layout"]["title"]["text"] == "<span style='color:#000'>t</span> &lt;style>"


def test_cached_figure_builds_once_and_returns_safe_text():
    import plotly.graph_objects as go

    from components.visual import cached_figure

    calls = []

    def builder(label):
        calls.append(label)
        return go.Figure(go.Bar(x=[1], y=[1], text=[label]))

    first = cached_figure(builder, "<script>")
    assert cached_figure(builder, "<script>") is first and calls == ["<script>"]
    assert first.to_dict()["data"][0]["text"] == ["&lt;script>"]


# --------------------------------------------------------------------------- charts wait until seen

# (page, query): healthy-vs-toxic opens on a part without charts; its wheel part has one. (The
# healing radar shows only once the reader turns the reflection on: test_trauma_healing.py.)
CHART_PAGES = [
    ("cycle", {}),
    ("healthy-vs-toxic", {"part": "wheel"}),
    ("relational-trauma", {}),
    ("therapies", {}),
    ("perspectives", {}),
]


def _waiting(at):
    return [
        json.loads(e.proto.json) for e in at.get("bidi_component") if e.proto.component_name.endswith("chart_waiting")
    ]


@pytest.mark.parametrize(("page_id", "query"), CHART_PAGES, ids=[f"{p}-{'-'.join(q.values())}" for p, q in CHART_PAGES])
def test_charts_wait_as_same_size_placeholders_until_one_is_seen(page_id, query, content):
    asleep, awake = (
        open_page(page_id, charts_in_view=False, **query, go_on=True),
        open_page(page_id, **query, go_on=True),
    )
    charts = [(json.loads(c.proto.spec)["layout"]["height"], c.proto.alt) for c in awake.get("plotly_chart")]
    assert charts, f"{page_id} shows no chart at all"
    assert not asleep.get("plotly_chart")  # no Plotly bundle for the phone until a chart is in view
    # one placeholder per chart, as tall as the chart (nothing jumps when it draws), named like it
    assert [(w["height"], w["alt"]) for w in _waiting(asleep)] == charts
    assert all(w["note"] == content.ui.chart_waiting for w in _waiting(asleep))
    # the chart in words is there from the start
    assert [e.label for e in asleep.expander].count(content.ui.chart_text_label) == len(charts)
    assert not _waiting(awake)
    # no drag mode: with one, Plotly cancels a touch that starts on a chart, and a phone cannot scroll
    assert [json.loads(c.proto.spec)["layout"].get("dragmode") for c in awake.get("plotly_chart")] == [False] * len(
        charts
    )


def _sideways_widths() -> dict[str, dict[str, int]]:
    """page -> {chart key: min width}: the charts too wide for a phone, which scroll sideways there."""
    from components.charts.cycle_steps import STAGES_MIN_WIDTH
    from components.charts.perspectives import CONDITIONS_MIN_WIDTH, SPECTRUM_MIN_WIDTH
    from components.charts.therapies import MAP_MIN_WIDTH
    from components.charts.trauma_healing import PATTERNS_MIN_WIDTH

    return {
        "therapies": {"th_map": MAP_MIN_WIDTH},
        "perspectives": {"perspectives_spectrum": SPECTRUM_MIN_WIDTH, "perspectives_conditions": CONDITIONS_MIN_WIDTH},
        "cycle": {"cycle_stages": STAGES_MIN_WIDTH},
        "relational-trauma": {"patterns_chart_0": PATTERNS_MIN_WIDTH},
    }


@pytest.mark.parametrize("page_id", ["therapies", "perspectives", "cycle", "relational-trauma"])
def test_wide_charts_get_a_sideways_box_and_a_hint_and_others_do_not(page_id, content):
    widths = _sideways_widths()[page_id]
    for in_view in (False, True):  # the placeholder sits in the same box, so nothing moves when it draws
        at = open_page(page_id, charts_in_view=in_view, go_on=True)
        styles = [e.proto.body for e in at.get("html")]
        for key, width in widths.items():
            [style] = [s for s in styles if f".st-key-{key}_box " in s]
            assert f".st-key-{key}_box .st-key-{key} {{ min-width: {width}px; }}" in style
            assert f"@container (min-width: {width}px) {{ .st-key-{key}_hint {{ display: none; }} }}" in style
        assert [c.value for c in at.caption].count(content.ui.chart_scroll_hint) == len(widths)
        boxes = {
            json.loads(e.proto.json)["box"]: json.loads(e.proto.json)["label"]
            for e in at.get("bidi_component")
            if e.proto.component_name.endswith("sideways_box")
        }
        assert set(boxes) == {f".st-key-{key}_box" for key in widths}  # only the wide charts
    charts = {c.key: c.proto.alt for c in at.get("plotly_chart")}
    assert {key: boxes[f".st-key-{key}_box"] for key in widths} == {key: charts[key] for key in widths}


def test_charts_draw_at_once_in_presenter_mode():
    at = open_page("perspectives", charts_in_view=False, present="1", go_on=True)
    assert len(at.get("plotly_chart")) == 2
    assert not _waiting(at)
