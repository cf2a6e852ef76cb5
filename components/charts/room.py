"""The live room's counts: one bar per choice, each labelled with its choice and its count (a
spectrum's bars also carry its colour, pattern and icon, so colour is never the only signal).
Pure: plain values in, go.Figure out."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from components.charts.common import LEVELS, LIGHT, OKABE_ITO, Palette, base_layout, sized


def room_counts_figure(
    choices: Sequence[tuple[str, str]],
    counts: Sequence[int],
    title: str = "",
    scale: float = 1.0,
    palette: Palette = LIGHT,
) -> go.Figure:
    """`choices`: (id, label) in order; `counts`: answers per choice, same order. A spectrum's
    levels (healthy / unhealthy / abusive ids) take their colours and patterns; other choices one
    plain colour (the bars are told apart by their labels)."""
    ids = [c[0] for c in choices]
    labels = [c[1] for c in choices]
    colours = [LEVELS[i]["color"] if i in LEVELS else OKABE_ITO["blue"] for i in ids]
    patterns = [LEVELS[i]["pattern"] if i in LEVELS else "" for i in ids]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=list(counts),
            text=[str(n) for n in counts],
            textposition="outside",
            cliponaxis=False,
            marker=dict(
                color=colours,
                line=dict(color=palette.ink, width=1.5),
                pattern=dict(shape=patterns, fgcolor=palette.paper, solidity=0.25),
            ),
            textfont=dict(size=sized(20, 30, scale), color=palette.ink),  # outside the bar: on the paper
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    base_layout(fig, title=title or None, height=int(sized(380, 560, scale)), palette=palette)
    top = max([1, *counts])
    fig.update_layout(
        font=dict(size=sized(15, 24, scale)),
        showlegend=False,
        bargap=0.35,
        margin=dict(l=20, r=20, t=70 if title else 40, b=20),
    )
    fig.update_yaxes(range=[0, top * 1.2 + 0.5], visible=False, fixedrange=True)
    fig.update_xaxes(fixedrange=True, tickfont=dict(size=sized(16, 26, scale)))
    return fig
