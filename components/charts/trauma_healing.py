"""Figures of the "Relational trauma" and "The healing path" pages. Pure Plotly, no streamlit.

- `closeness_figure`: a small family drawn three ways (abandonment, enmeshment, cohesion).
- `patterns_figure`: a flow diagram from early experience to learned belief to adult pattern.
- `self_concept_radar`: the person's own ratings of the six areas of self-concept.

Builders take plain, hashable values (`ClosenessChart`, `Path` tuples, names and numbers, made in
components/trauma_healing.py, so `cached_figure` can key on them) and one `scale` for presenting.
Colour is never the only signal: every person is labelled, boundaries differ by line style,
the selected path is marked with a symbol in its labels, the radar shows its numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from components.charts.common import LIGHT, OKABE_ITO, ON_DARK_MARK, Palette, base_layout, over, sized
from components.trauma_healing import ClosenessChart, Path, flow_boxes

PARENT = OKABE_ITO["blue"]
CHILD = OKABE_ITO["orange"]
PROTECTIVE = OKABE_ITO["bluish_green"]
RISK = OKABE_ITO["vermillion"]

# Where each person stands, per style: (x, y) of parent 1, parent 2, child, on a 0..10 x 0..6 canvas.
_LAYOUT = {
    "abandonment": [(1.3, 4.4), (1.3, 1.7), (8.5, 3.0)],
    "enmeshment": [(4.1, 3.5), (5.9, 3.5), (5.0, 2.35)],
    "cohesion": [(3.4, 4.2), (6.6, 4.2), (5.0, 1.9)],
}


def _ring(fig: go.Figure, x: float, y: float, r: float, *, dash: str, color: str, width: float) -> None:
    fig.add_shape(
        type="circle",
        x0=x - r,
        y0=y - r * 0.9,
        x1=x + r,
        y1=y + r * 0.9,
        line=dict(color=color, dash=dash, width=width),
        layer="below",
    )


def closeness_figure(chart: ClosenessChart, scale: float = 1.0, palette: Palette = LIGHT) -> go.Figure:
    """The family as three labelled people; links and rings show how closeness and boundaries work.

    `scale` (presenter mode: PRESENTER_SCALE) scales type, people and height so the room can read it."""
    k = scale
    style_id = chart.style
    people = _LAYOUT[style_id]
    names = list(chart.people)
    fig = go.Figure()

    if style_id == "abandonment":
        # a broken, dashed link: the adults are out of reach
        for px, py in people[:2]:
            fig.add_trace(
                go.Scatter(
                    x=[px + 0.7, 4.2],
                    y=[py, 3.0],
                    mode="lines",
                    hoverinfo="skip",
                    line=dict(color=palette.muted, dash="dash", width=2),
                    showlegend=False,
                )
            )
        fig.add_trace(
            go.Scatter(
                x=[5.6, 7.6],
                y=[3.0, 3.0],
                mode="lines",
                hoverinfo="skip",
                line=dict(color=palette.muted, dash="dash", width=2),
                showlegend=False,
            )
        )
        fig.add_annotation(x=4.9, y=3.0, text="✕", showarrow=False, font=dict(size=round(30 * k), color=RISK))
    elif style_id == "enmeshment":
        _ring(fig, 5.0, 3.0, 2.1, dash="solid", color=RISK, width=5)  # one tight ring, no own space
    else:  # cohesion: solid links, a ring of one's own each, a loose family ring
        for a, b in ((0, 1), (0, 2), (1, 2)):
            (x0, y0), (x1, y1) = people[a], people[b]
            fig.add_trace(
                go.Scatter(
                    x=[x0, x1],
                    y=[y0, y1],
                    mode="lines",
                    hoverinfo="skip",
                    line=dict(color=PROTECTIVE, width=4),
                    showlegend=False,
                )
            )
        for px, py in people:
            _ring(fig, px, py, 1.0, dash="dot", color=PROTECTIVE, width=3)
        _ring(fig, 5.0, 3.05, 3.4, dash="dash", color=palette.muted, width=2)

    colours = [PARENT, PARENT, CHILD]
    symbols = ["circle", "circle", "diamond"]
    big = style_id == "enmeshment"  # larger, overlapping people: nobody has space of their own
    fig.add_trace(
        go.Scatter(
            x=[p[0] for p in people],
            y=[p[1] for p in people],
            mode="markers+text",
            marker=dict(
                size=[round(v * k) for v in ([80, 80, 72] if big else [70, 70, 64])],
                color=colours,
                symbol=symbols,
                opacity=1,
                line=dict(color=palette.paper, width=2),
            ),  # opaque: the names keep 5:1 (see-through blue gave 4:1)
            text=names,
            textposition="middle center",
            textfont=dict(
                size=round(15 * k), color=[ON_DARK_MARK, ON_DARK_MARK, "#000000"]
            ),  # on the marks: 5.1:1 on blue, 10:1 on orange
            hovertext=names,
            hoverinfo="text",
            showlegend=False,
        )
    )
    badge = ("✓ " if chart.protective else "! ") + chart.verdict
    fig.add_annotation(
        x=0.0,
        y=1.0,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        align="left",
        text=f"<b>{chart.title}</b>: {badge}",
        font=dict(size=round(17 * k), color=palette.ink),
    )
    fig.add_annotation(
        x=0.0,
        y=0.0,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        text=f"{chart.boundaries_label}: {chart.boundaries}",
        font=dict(size=round(15 * k), color=palette.muted),
    )
    base_layout(fig, height=round(400 * k), palette=palette)
    fig.update_xaxes(visible=False, range=[-0.2, 10.2], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-0.2, 6.2], fixedrange=True, scaleanchor="x", scaleratio=1)
    fig.update_layout(margin=dict(l=10, r=10, t=round(40 * k), b=round(40 * k)))
    return fig


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


COLUMN_X = (0.16, 0.5, 0.84)  # centres of the three columns, in paper units
BOX_W = 0.29
# The narrowest the patterns chart can be drawn and still be read (px); where a page is narrower,
# show_chart keeps it at this width and lets it scroll sideways.
PATTERNS_MIN_WIDTH = 660  # narrower, the words spill out of their boxes


def patterns_figure(
    paths: Sequence[Path], headings: tuple[str, str, str], selected: int, scale: float = 1.0, palette: Palette = LIGHT
) -> go.Figure:
    """Flow diagram: one row per path, three boxes (early experience, learned belief, adult pattern,
    headed by `headings`) joined by arrows. The selected path is filled, outlined thickly, marked ▶
    and its arrows are solid; the others are pale with thin dotted outlines. The protective path is
    green and ✓. A larger `scale` (presenter mode) uses bigger type and taller rows."""
    k = scale
    n = len(paths)
    row_h = 1.0 / n
    fig = go.Figure()
    for box in flow_boxes(paths, selected, width=sized(26, 30, scale)):
        cx = COLUMN_X[box.column]
        cy = 1.0 - (box.pattern + 0.5) * row_h
        half_h = row_h * 0.38
        base = PROTECTIVE if box.protective else PARENT
        fig.add_shape(
            type="rect",
            xref="x",
            yref="y",
            x0=cx - BOX_W / 2,
            x1=cx + BOX_W / 2,
            y0=cy - half_h,
            y1=cy + half_h,
            layer="below",
            fillcolor=over(_rgba(base, 0.16), palette.paper) if box.selected else palette.box,
            line=dict(
                color=base if box.selected else palette.rule,
                width=4 if box.selected else 1,
                dash="solid" if box.selected else "dot",
            ),
        )
        text = box.text
        if box.protective and box.column == 0:
            text = "✓ " + text
        fig.add_annotation(
            x=cx,
            y=cy,
            xref="x",
            yref="y",
            showarrow=False,
            text=text,
            font=dict(size=round((15 if box.selected else 14) * k), color=palette.ink),
            align="center",
        )
        if box.column < 2:  # arrow to the next box in this row
            fig.add_annotation(
                x=COLUMN_X[box.column + 1] - BOX_W / 2 - 0.004,
                y=cy,
                xref="x",
                yref="y",
                ax=cx + BOX_W / 2 + 0.004,
                ay=cy,
                axref="x",
                ayref="y",
                text="",
                showarrow=True,
                arrowhead=2,
                arrowsize=1.2 if box.selected else 0.9,
                arrowwidth=3 if box.selected else 1.2,
                arrowcolor=base if box.selected else palette.rule,
            )
    for x, heading in zip(COLUMN_X, headings):
        fig.add_annotation(
            x=x,
            y=1.0,
            xref="x",
            yref="y",
            yanchor="bottom",
            showarrow=False,
            text=f"<b>{heading}</b>",
            font=dict(size=round(16 * k), color=palette.ink),
        )
    base_layout(fig, height=round((90 * n + 50) * k), palette=palette)
    fig.update_xaxes(visible=False, range=[0, 1], fixedrange=True)
    fig.update_yaxes(visible=False, range=[0, 1.06], fixedrange=True)
    fig.update_layout(margin=dict(l=4, r=4, t=8, b=4), hovermode=False)
    return fig


def self_concept_radar(
    names: tuple[str, ...],
    values: tuple[int, ...],
    low: int,
    high: int,
    trace_name: str,
    scale: float = 1.0,
    palette: Palette = LIGHT,
) -> go.Figure:
    """The person's ratings as a closed shape, each point labelled with its number."""
    k = scale
    theta = [*names, names[0]]
    r = [*values, values[0]]
    fig = go.Figure(
        go.Scatterpolar(
            r=r,
            theta=theta,
            mode="lines+markers+text",
            name=trace_name,
            fill="toself",
            fillcolor=_rgba(PARENT, 0.18),
            line=dict(color=PARENT, width=3),
            marker=dict(size=round(10 * k), symbol="circle", color=PARENT),
            text=[str(v) for v in r],
            textposition="top center",
            textfont=dict(size=round(15 * k), color=palette.ink),
            hovertemplate="%{theta}: %{r}<extra></extra>",
        )
    )
    base_layout(fig, height=round(440 * k), palette=palette)
    fig.update_layout(
        showlegend=False,
        margin=dict(l=round(105 * k), r=round(105 * k), t=30, b=30),
        polar=dict(
            bgcolor=palette.paper,
            radialaxis=dict(
                range=[low, high],
                angle=60,
                tickangle=60,
                tickvals=list(range(low, high + 1, max(1, (high - low) // 5))),
                gridcolor=palette.grid,
                linecolor=palette.rule,
                tickfont=dict(size=round(12 * k), color=palette.muted),
            ),
            angularaxis=dict(
                rotation=90,
                direction="clockwise",
                gridcolor=palette.grid,
                linecolor=palette.rule,
                tickfont=dict(size=round(15 * k), color=palette.ink),
            ),
        ),
    )
    return fig
