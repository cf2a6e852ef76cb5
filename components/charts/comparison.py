"""Figures of the Healthy vs toxic page: the power-and-control / equality wheel and the spectrum line.
Pure Plotly: plain hashable inputs in, a go.Figure out, no streamlit import."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import plotly.graph_objects as go

from components.charts.common import LEVELS, LIGHT, Palette, base_layout, sized

# Each palette's tints keep its ink readable on every spoke; pattern and icon carry the meaning too.


def _wrap(text: str, width: int = 14) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def wheel_figure(
    spokes: Sequence[tuple[str, str]],
    states: Sequence[bool],
    current: int,
    centre: str,
    scale: float = 1.0,
    palette: Palette = LIGHT,
) -> go.Figure:
    """A wheel of equal spokes. `spokes` are (control name, equality name); `states[i]` True shows the
    equality side (green tint, ✓, no pattern), False the control side (vermillion tint, ✕, cross-hatch).
    The current spoke gets a thick outline; the centre holds `centre`. `scale` sizes the type for a
    projector (presenter mode: PRESENTER_SCALE)."""
    text_size, height = sized(14, 17, scale), 540
    if len(spokes) != len(states):
        raise ValueError("one state per spoke")
    n = len(spokes)
    if not 0 <= current < n:
        raise ValueError("current spoke out of range")
    width = 360 / n
    theta = [i * width for i in range(n)]
    levels = ["healthy" if s else "abusive" for s in states]
    names = [eq if s else ctrl for (ctrl, eq), s in zip(spokes, states)]
    labels = [f"{LEVELS[lv]['icon']} {name}" for lv, name in zip(levels, names)]
    fig = go.Figure()
    fig.add_trace(
        go.Barpolar(
            r=[1] * n,
            theta=theta,
            width=[width] * n,
            marker=dict(
                color=[palette.tint(lv) for lv in levels],
                pattern=dict(
                    shape=[LEVELS[lv]["pattern"] for lv in levels],
                    fillmode="overlay",
                    fgcolor=[LEVELS[lv]["color"] for lv in levels],
                    fgopacity=0.45,
                    size=16,
                    solidity=0.12,
                ),
                line=dict(
                    color=[palette.ink if i == current else palette.paper for i in range(n)],
                    width=[5 if i == current else 2 for i in range(n)],
                ),
            ),
            customdata=[[i + 1] for i in range(n)],
            hovertext=labels,
            hoverinfo="text",
            name="",
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scatterpolar(
            r=[0.68] * n,
            theta=theta,
            mode="text",
            text=[_wrap(t) for t in labels],
            textfont=dict(size=[text_size + 2 if i == current else text_size for i in range(n)], color=palette.ink),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    base_layout(fig, height=height, palette=palette)
    fig.update_layout(
        polar=dict(
            hole=0.28,
            bgcolor=palette.paper,
            radialaxis=dict(visible=False, range=[0, 1]),
            angularaxis=dict(visible=False, direction="clockwise", rotation=90 + width / 2),
        ),
        annotations=[
            dict(
                text=f"<b>{_wrap(centre, 12)}</b>",
                x=0.5,
                y=0.5,
                xref="paper",
                yref="paper",
                showarrow=False,
                font=dict(size=text_size + 3, color=palette.ink),
            )
        ],
        margin=dict(l=10, r=10, t=10, b=10),
    )
    return fig


def spectrum_figure(
    levels: Sequence[tuple[str, str]],
    marks: Sequence[tuple[str, str, str]],
    height: int = 190,
    palette: Palette = LIGHT,
) -> go.Figure:
    """The healthy-unhealthy-abusive line as three labelled, patterned bands, with marks on it.
    `levels` are (level id, title) in order; `marks` are (level id, label, symbol), drawn one per row."""
    fig = go.Figure()
    ids = [lv for lv, _ in levels]
    for i, (lv, title) in enumerate(levels):
        style = LEVELS[lv]
        fig.add_trace(
            go.Bar(
                x=[1],
                y=[""],
                base=[i],
                orientation="h",
                width=[0.9],
                name=title,
                showlegend=False,
                marker=dict(
                    color=palette.tint(lv),
                    line=dict(color=style["color"], width=2),
                    pattern=dict(
                        shape=style["pattern"],
                        fillmode="overlay",
                        fgcolor=style["color"],
                        fgopacity=0.45,
                        solidity=0.12,
                    ),
                ),
                text=[f"<b>{style['icon']} {title}</b>"],
                textposition="inside",
                insidetextanchor="middle",
                textfont=dict(size=17, color=palette.ink),
                hoverinfo="skip",
            )
        )
    for j, (lv, label, symbol) in enumerate(marks):
        x = ids.index(lv) + 0.5
        fig.add_trace(
            go.Scatter(
                x=[x],
                y=[0.35 if j % 2 == 0 else -0.35],
                mode="markers+text",
                marker=dict(symbol=symbol, size=22, color=palette.ink, line=dict(color=palette.paper, width=2)),
                text=[label],
                textposition="top center" if j % 2 == 0 else "bottom center",
                textfont=dict(size=15, color=palette.ink),
                hoverinfo="skip",
                showlegend=False,
                yaxis="y2",
            )
        )
    base_layout(fig, height=height, palette=palette)
    fig.update_layout(
        barmode="overlay",
        bargap=0,
        xaxis=dict(range=[0, len(levels)], visible=False, fixedrange=True),
        yaxis=dict(visible=False, fixedrange=True),
        yaxis2=dict(overlaying="y", visible=False, range=[-1, 1], fixedrange=True),
        margin=dict(l=10, r=10, t=10, b=10),
        font=dict(color=palette.muted),
    )
    return fig
