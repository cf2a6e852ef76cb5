"""Figures of the "Relational trauma" and "The healing path" pages. Pure Plotly, no streamlit.

- `closeness_figure`: a small family drawn three ways (abandonment, enmeshment, cohesion).
- `patterns_figure`: a Sankey flow from early experience to learned belief to adult pattern.
- `self_concept_radar`: the person's own ratings of the six areas of self-concept.

Builders take `Content` (hashed by identity, so `cached_figure` can key on it) or plain tuples.
Colour is never the only signal: every person is labelled, boundaries differ by line style,
the selected path is marked with a symbol in its labels, the radar shows its numbers.
"""

from __future__ import annotations

import plotly.graph_objects as go

from components.charts.common import MUTED, OKABE_ITO, TEXT, base_layout
from components.trauma_healing import flow, node_positions

PARENT = OKABE_ITO["blue"]
CHILD = OKABE_ITO["orange"]
PROTECTIVE = OKABE_ITO["bluish_green"]
RISK = OKABE_ITO["vermillion"]

# Where each person stands, per style: (x, y) of parent 1, parent 2, child, on a 0..10 x 0..6 canvas.
_LAYOUT = {
    "abandonment": [(1.4, 4.2), (1.4, 1.8), (8.2, 3.0)],
    "enmeshment": [(4.55, 3.35), (5.45, 3.35), (5.0, 2.6)],
    "cohesion": [(3.6, 4.0), (6.4, 4.0), (5.0, 1.9)],
}


def _ring(fig: go.Figure, x: float, y: float, r: float, *, dash: str, color: str, width: float) -> None:
    fig.add_shape(type="circle", x0=x - r, y0=y - r * 0.9, x1=x + r, y1=y + r * 0.9,
                  line=dict(color=color, dash=dash, width=width), layer="below")


def closeness_figure(content, style_id: str) -> go.Figure:
    """The family as three labelled people; links and rings show how closeness and boundaries work."""
    ui = content.ui.labels
    style = next(c for c in content.relational_trauma.closeness if c.id == style_id)
    people = _LAYOUT[style_id]
    names = [ui["trauma_closeness_parent"], ui["trauma_closeness_parent"], ui["trauma_closeness_child_node"]]
    fig = go.Figure()

    if style_id == "abandonment":
        # a broken, dashed link: the adults are out of reach
        for (px, py) in people[:2]:
            fig.add_trace(go.Scatter(x=[px + 0.7, 4.2], y=[py, 3.0], mode="lines", hoverinfo="skip",
                                     line=dict(color=MUTED, dash="dash", width=2), showlegend=False))
        fig.add_trace(go.Scatter(x=[5.6, 7.5], y=[3.0, 3.0], mode="lines", hoverinfo="skip",
                                 line=dict(color=MUTED, dash="dash", width=2), showlegend=False))
        fig.add_annotation(x=4.9, y=3.0, text="✕", showarrow=False, font=dict(size=30, color=RISK))
    elif style_id == "enmeshment":
        _ring(fig, 5.0, 3.05, 1.25, dash="solid", color=RISK, width=5)  # one tight ring, no own space
    else:  # cohesion: solid links, a ring of one's own each, a loose family ring
        for a, b in ((0, 1), (0, 2), (1, 2)):
            (x0, y0), (x1, y1) = people[a], people[b]
            fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip",
                                     line=dict(color=PROTECTIVE, width=4), showlegend=False))
        for (px, py) in people:
            _ring(fig, px, py, 0.95, dash="dot", color=PROTECTIVE, width=3)
        _ring(fig, 5.0, 3.0, 3.3, dash="dash", color=MUTED, width=2)

    colours = [PARENT, PARENT, CHILD]
    symbols = ["circle", "circle", "diamond"]
    opacity = 0.8 if style_id == "enmeshment" else 1.0
    fig.add_trace(go.Scatter(
        x=[p[0] for p in people], y=[p[1] for p in people], mode="markers+text",
        marker=dict(size=[58, 58, 46], color=colours, symbol=symbols, opacity=opacity,
                    line=dict(color="#ffffff", width=2)),
        text=names, textposition="bottom center", textfont=dict(size=16, color=TEXT),
        hovertext=names, hoverinfo="text", showlegend=False,
    ))
    badge = ("✓ " + ui["trauma_closeness_protective"]) if style.protective else ("! " + ui["trauma_closeness_risk"])
    fig.add_annotation(x=0.0, y=6.0, xanchor="left", yanchor="top", showarrow=False, align="left",
                       text=f"<b>{style.title}</b>: {badge}", font=dict(size=17, color=TEXT))
    fig.add_annotation(x=0.0, y=0.0, xanchor="left", yanchor="bottom", showarrow=False, align="left",
                       text=f"{ui['trauma_closeness_boundaries']}: {style.boundaries}", font=dict(size=15, color=MUTED))
    base_layout(fig, height=380)
    fig.update_xaxes(visible=False, range=[-0.2, 10.2], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.2, 6.2], fixedrange=True, scaleanchor="x", scaleratio=1)
    fig.update_layout(margin=dict(l=10, r=10, t=10, b=10), dragmode=False)
    return fig


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def patterns_figure(content, selected: int) -> go.Figure:
    """Sankey: early experience -> learned belief -> adult pattern, one band per path.

    The selected path is drawn strong and its labels start with ▶; the protective path is green.
    """
    patterns = content.relational_trauma.patterns
    f = flow(patterns, selected)
    x, y = node_positions(f.column, len(patterns))
    node_colours, link_colours = [], []
    for i in f.pattern_of_node:
        base = PROTECTIVE if patterns[i].protective else PARENT
        node_colours.append(base if i == selected else _rgba(base, 0.35))
    for i in f.pattern_of_link:
        base = PROTECTIVE if patterns[i].protective else PARENT
        link_colours.append(_rgba(base, 0.55) if i == selected else "rgba(160,160,160,0.22)")
    fig = go.Figure(go.Sankey(
        arrangement="fixed",
        node=dict(label=list(f.labels), x=x, y=y, color=node_colours, pad=18, thickness=16,
                  line=dict(color="#ffffff", width=1), hovertemplate="%{label}<extra></extra>"),
        link=dict(source=list(f.sources), target=list(f.targets), value=[1] * len(f.sources),
                  color=link_colours, hoverinfo="skip"),
        textfont=dict(size=15, color=TEXT, family="Source Sans, Source Sans Pro, sans-serif"),
    ))
    labels = content.ui.labels
    for pos, key in ((0.0, "trauma_pattern_early"), (0.5, "trauma_pattern_belief"), (1.0, "trauma_pattern_adult")):
        anchor = {0.0: "left", 0.5: "center", 1.0: "right"}[pos]
        fig.add_annotation(x=pos, y=1.0, xref="paper", yref="paper", yanchor="bottom", xanchor=anchor,
                           showarrow=False, text=f"<b>{labels[key]}</b>", font=dict(size=16, color=TEXT))
    base_layout(fig, height=560)
    fig.update_layout(margin=dict(l=10, r=10, t=40, b=10))
    return fig


def self_concept_radar(names: tuple[str, ...], values: tuple[int, ...], low: int, high: int,
                       trace_name: str) -> go.Figure:
    """The person's ratings as a closed shape, each point labelled with its number."""
    theta = [*names, names[0]]
    r = [*values, values[0]]
    fig = go.Figure(go.Scatterpolar(
        r=r, theta=theta, mode="lines+markers+text", name=trace_name, fill="toself",
        fillcolor=_rgba(PARENT, 0.18), line=dict(color=PARENT, width=3),
        marker=dict(size=10, symbol="circle", color=PARENT),
        text=[str(v) for v in r], textposition="top center", textfont=dict(size=15, color=TEXT),
        hovertemplate="%{theta}: %{r}<extra></extra>",
    ))
    base_layout(fig, height=440)
    fig.update_layout(
        showlegend=False,
        margin=dict(l=70, r=70, t=30, b=30),
        polar=dict(
            bgcolor="#ffffff",
            radialaxis=dict(range=[low, high], tickvals=list(range(low, high + 1, max(1, (high - low) // 5))),
                            gridcolor="#d0d0d0", linecolor="#9a9a9a", tickfont=dict(size=12, color=MUTED)),
            angularaxis=dict(gridcolor="#d0d0d0", linecolor="#9a9a9a", tickfont=dict(size=15, color=TEXT)),
        ),
    )
    return fig
