"""Before and after in the live room: two rows of totals, one bar per row, split into its choices.
Each part is labelled with its choice and its count (dark text on the light colours, white on the
blue), so colour is never the only signal; a side
with too few answers has no bar, only its note. Pure: plain values in, go.Figure out."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from components.charts.common import LIGHT, ON_DARK_MARK, SEQUENCE, TEXT, Palette, base_layout, sized


def room_shift_figure(
    choices: Sequence[tuple[str, str]],
    rows: Sequence[tuple[str, Sequence[int] | None, str]],
    scale: float = 1.0,
    palette: Palette = LIGHT,
) -> go.Figure:
    """`choices`: (short label, legend label) in order; `rows`: (row name, counts per choice or
    None when that side is not shown, the note shown in its place), top row first."""
    names = [r[0] for r in rows]
    fig = go.Figure()
    for i, (short, label) in enumerate(choices):
        xs = [None if counts is None else counts[i] for _, counts, _ in rows]
        fig.add_trace(
            go.Bar(
                y=names,
                x=xs,
                orientation="h",
                name=label,
                text=[f"{short}: {x}" if x else "" for x in xs],
                textposition="inside",
                insidetextanchor="middle",
                marker=dict(color=SEQUENCE[i % len(SEQUENCE)], line=dict(color=palette.paper, width=2)),
                textfont=dict(
                    size=sized(16, 24, scale), color=ON_DARK_MARK if i % len(SEQUENCE) == 0 else TEXT
                ),  # on the bar
                hovertemplate=f"%{{y}}, {label}: %{{x}}<extra></extra>",
            )
        )
    base_layout(fig, height=int(sized(260, 380, scale)), palette=palette)
    top = max([1, *(sum(c) for _, c, _ in rows if c is not None)])
    fig.update_layout(
        barmode="stack",
        font=dict(size=sized(15, 24, scale)),
        bargap=0.3,
        legend=dict(orientation="h", y=-0.15, x=0, traceorder="normal"),
        margin=dict(l=20, r=20, t=20, b=20),
        uniformtext=dict(minsize=12, mode="hide"),
    )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=list(reversed(names)),
        fixedrange=True,
        tickfont=dict(size=sized(16, 26, scale)),
    )
    fig.update_xaxes(range=[0, top * 1.05], visible=False, fixedrange=True)
    for name, counts, note in rows:
        if counts is None:
            fig.add_annotation(
                x=0,
                y=name,
                text=note,
                showarrow=False,
                xanchor="left",
                font=dict(size=sized(15, 24, scale), color=palette.ink),
            )
    return fig
