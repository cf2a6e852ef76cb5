"""The shared chart component's pure parts: the text alternative's table."""

from components.visual import markdown_table


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

    fig = go.Figure(go.Scatter(x=[1], y=[1], text=["<b>ok</b><br><script>alert(1)</script>"],
                               customdata=[["<a href='https://example.org'>x</a>"]], name="<img src=x>",
                               hovertemplate="%{customdata[0]}<extra></extra>"))
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
