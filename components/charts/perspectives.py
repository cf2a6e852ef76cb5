"""Figures of the "What practitioners say" page. Pure Plotly, no streamlit.

- `stance_spectrum(chart, scale)`: every voice placed in its stance column,
  from "rarely or never" (left) to "often, with work" (right). The kind of voice is shown by colour
  AND symbol AND legend; voices that do not name the chosen condition turn grey and hollow; the
  highlighted voice is a large star with a bold name.
- `conditions_bar(chart, scale)`: each condition by how many round-up practitioners
  name it, the chosen one dark with a hatch pattern, a "▶" and a "selected" label, and a
  square marker where the lived-experience article names it too.

Their plain values (`SpectrumChart`, `ConditionsChart`: tuples of names, numbers and labels) and the
charts in words are made in components/perspectives.py.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from components.charts.common import LIGHT, OKABE_ITO, Palette, base_layout, sized
from components.perspectives import ConditionsChart, SpectrumChart

KIND_STYLE = {
    "practitioner": {"color": OKABE_ITO["blue"], "symbol": "circle"},
    "lived-experience": {"color": OKABE_ITO["vermillion"], "symbol": "square"},
    "personal-account": {"color": OKABE_ITO["reddish_purple"], "symbol": "diamond"},
}
HIGHLIGHT = OKABE_ITO["orange"]
# The narrowest each chart can be drawn and still be read (px); where a page is narrower, show_chart
# keeps it at this width and lets it scroll sideways.
SPECTRUM_MIN_WIDTH = 720  # narrower, the names in neighbouring columns overlap
CONDITIONS_MIN_WIDTH = 520  # narrower, the counts at the end of the longest bars are cut off


def _two_lines(name: str) -> str:
    """'Alexander Burgemeester' -> 'Alexander<br>Burgemeester' (first part / last word)."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return " ".join(parts[:-1]) + "<br>" + parts[-1]


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def stance_spectrum(chart: SpectrumChart, scale: float = 1.0, palette: Palette = LIGHT) -> go.Figure:
    """Every voice in its stance column; kind by colour, symbol and legend; voices that do not name
    the chosen condition grey and hollow; the highlighted voice a large star with a bold name."""
    stances, states = chart.stances, chart.states
    dimmed = palette.faint
    font = sized(14, 19, scale)
    fig = go.Figure()
    points: dict[str, dict[str, list]] = {}
    names: dict[str, str] = {}
    star = None
    for v in chart.voices:
        on = v.named
        style = KIND_STYLE[v.kind]
        names.setdefault(v.kind, v.kind_name)
        bucket = points.setdefault(v.kind, {k: [] for k in ("x", "y", "text", "symbol", "color", "hover")})
        bucket["x"].append(v.column)
        bucket["y"].append(-v.row)
        name = _two_lines(v.chart_name)
        if v.highlighted:
            name = f"<b>{name}</b>"
        bucket["text"].append(name if on else f"<span style='color:{dimmed}'>{name}</span>")
        bucket["symbol"].append(style["symbol"] if on else style["symbol"] + "-open")
        bucket["color"].append(style["color"] if on else dimmed)
        state = "" if states is None else states[0 if on else 1]
        bucket["hover"].append(f"<b>{v.display_name}</b><br>{stances[v.column]}" + (f"<br>{state}" if state else ""))
        if v.highlighted:
            star = v
    for kind, b in points.items():
        fig.add_trace(
            go.Scatter(
                x=b["x"],
                y=b["y"],
                mode="markers+text",
                name=names[kind],
                text=b["text"],
                textposition="middle right",
                textfont=dict(size=font - 1),
                marker=dict(
                    size=sized(14, 18, scale),
                    symbol=b["symbol"],
                    color=b["color"],
                    line=dict(width=2, color=b["color"]),
                ),
                hovertext=b["hover"],
                hoverinfo="text",
            )
        )
    if states is not None:
        # legend keys for the two states (dummy points off-screen carry the legend symbols)
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=states[0],
                marker=dict(size=14, symbol="circle", color=palette.ink),
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=states[1],
                marker=dict(size=14, symbol="circle-open", color=dimmed, line=dict(width=2)),
            )
        )
    if star is not None:
        fig.add_trace(
            go.Scatter(
                x=[star.column],
                y=[-star.row],
                mode="markers",
                name=f"{chart.highlighted}: {star.display_name}",
                marker=dict(
                    size=sized(26, 30, scale), symbol="star", color=HIGHLIGHT, line=dict(width=2, color=palette.ink)
                ),
                hovertext=[star.display_name],
                hoverinfo="text",
            )
        )
    most = max((v.row + 1 for v in chart.voices), default=0)
    base_layout(fig, height=int(sized(95, 120, scale) * most / 2 + 230), palette=palette)
    fig.update_layout(
        font=dict(size=font),
        legend=dict(orientation="h", y=sized(-0.25, -0.22, scale), x=0, font=dict(size=font)),
        margin=dict(l=10, r=10, t=20, b=40),
    )
    fig.update_xaxes(
        tickvals=list(range(len(stances))),
        ticktext=[_wrap(s, 16) for s in stances],
        range=[-0.5, len(stances) - 0.1],
        side="top",
        ticklabeloverflow="allow",
        showgrid=True,
        gridcolor=palette.grid,
        zeroline=False,
        tickfont=dict(size=font, color=palette.ink),
        fixedrange=True,
    )
    fig.update_yaxes(visible=False, range=[-most + 0.4, 0.6], fixedrange=True)
    return fig


def conditions_bar(chart: ConditionsChart, scale: float = 1.0, palette: Palette = LIGHT) -> go.Figure:
    """Each condition by how many practitioners name it; the chosen one dark, hatched, "▶" and
    "selected"; a square where another kind of voice names it too."""
    rows = list(reversed(chart.bars))  # Plotly draws the first category at the bottom
    total = chart.total
    font = sized(14, 19, scale)
    ys = [("▶ " if r.selected else "") + r.label for r in rows]
    colours = [palette.ink if r.selected else OKABE_ITO["blue"] for r in rows]
    patterns = ["/" if r.selected else "" for r in rows]
    fig = go.Figure(
        go.Bar(
            x=[r.count for r in rows],
            y=ys,
            orientation="h",
            name=chart.count_name,
            marker=dict(color=colours, pattern=dict(shape=patterns, fgcolor=palette.paper, size=8)),
            text=[r.text for r in rows],
            textposition="outside",
            textfont=dict(size=font - 1),
            cliponaxis=False,
            hovertext=[f"<b>{r.label}</b><br>" + "<br>".join(r.names) for r in rows],
            hoverinfo="text",
            showlegend=False,
        )
    )
    also = [y for r, y in zip(rows, ys) if r.also_others]
    if also:
        fig.add_trace(
            go.Scatter(
                x=[total + 2.2] * len(also),
                y=also,
                mode="markers",
                name=chart.also_name,
                marker=dict(size=sized(12, 14, scale), symbol="square", color=KIND_STYLE["lived-experience"]["color"]),
                hoverinfo="skip",
            )
        )
    base_layout(fig, height=sized(30, 40, scale) * len(rows) + 130, palette=palette)
    fig.update_layout(
        font=dict(size=font),
        bargap=0.3,
        legend=dict(orientation="h", x=0, y=sized(-0.1, -0.08, scale), font=dict(size=font)),
        margin=dict(l=10, r=10, t=10, b=40),
    )
    fig.update_xaxes(
        range=[0, total + 2.8],
        dtick=2,
        showgrid=True,
        gridcolor=palette.grid,
        fixedrange=True,
        title=dict(text=chart.axis_title, font=dict(size=font)),
        tickvals=list(range(0, total + 1, 2)),
        tickfont=dict(color=palette.ink),
    )
    fig.update_yaxes(automargin=True, tickfont=dict(size=font, color=palette.ink), fixedrange=True)
    return fig
