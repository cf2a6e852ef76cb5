"""Pure Plotly builders for the cycle page's pictures over the weeks: each phase's share of the
cycle as weeks pass, and the highs and lows sandbox (felt attachment against well-being). Both draw
from components/bond_model.py. Plain hashable inputs (tuples, numbers, strings) so `cached_figure`
can key on them; no streamlit import.

Colour is never the only signal: every phase band has its own pattern, and the lines differ in dash
and marker and are labelled at their ends."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from components import bond_model
from components.charts.common import LIGHT, OKABE_ITO, PATTERNS, TEXT, Palette, base_layout, plain, scaled
from components.charts.cycle_steps import phase_color  # the bands take the circle's phase colours


def _title(text: str, palette: Palette) -> dict:
    """An axis title in the palette's ink. (A title given as a bare string has no colour of its own,
    and Streamlit's chart theme paints it a grey that fails AA on white.)"""
    return dict(text=plain(text), font=dict(color=palette.ink))


def over_time_figure(
    names: Sequence[str],
    starts: Sequence[float],
    ends: Sequence[float],
    week: int,
    weeks: int,
    axis_title: str,
    week_label: str,
    height: int = 420,
    scale: float = 1.0,
    palette: Palette = LIGHT,
) -> go.Figure:
    """Stacked shares of each phase across the weeks, with a marker line at `week`."""
    xs = list(range(1, weeks + 1))
    shares = [bond_model.phase_shares(starts, ends, w, weeks) for w in xs]
    fig = go.Figure()
    for i, name in enumerate(names):
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=[round(s[i] * 100, 1) for s in shares],
                name=plain(name),
                stackgroup="one",
                mode="lines",
                line=dict(color=palette.ink, width=1),
                fill="tozeroy" if i == 0 else "tonexty",
                fillpattern=dict(
                    shape=PATTERNS[(i + 1) % len(PATTERNS)],
                    fgcolor=TEXT,
                    fgopacity=0.35,
                    size=9,
                    bgcolor=phase_color(i),
                ),
                fillcolor=phase_color(i),
                hovertemplate=f"{plain(name)}: %{{y:.0f}}%<extra></extra>",
            )
        )
    fig.add_vline(x=week, line=dict(color=palette.ink, width=3, dash="dash"))
    now = bond_model.phase_shares(starts, ends, week, weeks)
    fig.add_annotation(
        x=week,
        y=104,
        text=f"<b>{plain(week_label)} {week}</b>",
        showarrow=False,
        yanchor="bottom",
        font=dict(size=16, color=palette.ink),
    )
    base_layout(fig, height=height, palette=palette)
    cumulative = 0.0
    for name, share in zip(names, now):  # direct labels at the marker, inside each band
        if share >= 0.08:
            right = week < weeks * 0.7
            fig.add_annotation(
                x=week,
                y=(cumulative + share / 2) * 100,
                text=f"{plain(name)} {share:.0%}",
                showarrow=False,
                xanchor="left" if right else "right",
                xshift=8 if right else -8,
                font=dict(size=14, color=palette.ink),
                bgcolor=palette.label_bg,
            )
        cumulative += share
    fig.update_layout(
        xaxis=dict(title=_title(week_label, palette), range=[1, weeks], fixedrange=True, showgrid=False),
        yaxis=dict(
            title=_title(axis_title, palette),
            range=[0, 112],
            fixedrange=True,
            ticksuffix="%",
            tickvals=[0, 25, 50, 75, 100],
        ),
        legend=dict(orientation="h", y=-0.2, x=0, traceorder="normal"),
        margin=dict(l=20, r=20, t=20, b=20),
    )
    return scaled(fig, scale)


def sandbox_figure(
    kindness: int,
    unpredictability: int,
    power: int,
    names: Sequence[str],
    axis_title: str,
    week_label: str,
    height: int = 440,
    scale: float = 1.0,
    palette: Palette = LIGHT,
) -> go.Figure:
    """Felt attachment, the well-being trend and the week-to-week highs and lows, 0..100.
    Settings are whole numbers 0..10 (as on the sliders); names = (attachment, well-being, highs and lows)."""
    m = bond_model.SLIDER_MAX
    c = bond_model.simulate(kindness / m, unpredictability / m, power / m)
    att_name, well_name, mood_name = (plain(n) for n in names)
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=c.weeks,
            y=[round(v * 100, 1) for v in c.mood],
            name=mood_name,
            mode="lines",
            line=dict(color=OKABE_ITO["grey"], width=1.5, dash="dot"),
            hovertemplate=f"{mood_name}: %{{y:.0f}}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=c.weeks,
            y=[round(v * 100, 1) for v in c.wellbeing],
            name=well_name,
            mode="lines+markers",
            line=dict(color=OKABE_ITO["vermillion"], width=4, dash="dash"),
            marker=dict(symbol="diamond", size=10, maxdisplayed=14),
            hovertemplate=f"{well_name}: %{{y:.0f}}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=c.weeks,
            y=[round(v * 100, 1) for v in c.attachment],
            name=att_name,
            mode="lines+markers",
            line=dict(color=OKABE_ITO["blue"], width=5),
            marker=dict(symbol="circle", size=10, maxdisplayed=14),
            hovertemplate=f"{att_name}: %{{y:.0f}}<extra></extra>",
        )
    )
    base_layout(fig, height=height, palette=palette)
    end = c.weeks[-1]
    for value, name, color in (
        (c.attachment[-1], att_name, OKABE_ITO["blue"]),
        (c.wellbeing[-1], well_name, OKABE_ITO["vermillion"]),
    ):
        fig.add_annotation(
            x=end,
            y=value * 100,
            text=f"<b>{name}</b>",
            showarrow=False,
            xanchor="left",
            xshift=8,
            font=dict(size=15, color=palette.ink),
            bordercolor=color,
            borderwidth=2,
            bgcolor=palette.paper,
        )
    fig.update_layout(
        xaxis=dict(title=_title(week_label, palette), range=[0, end], fixedrange=True, showgrid=False),
        yaxis=dict(title=_title(axis_title, palette), range=[0, 100], fixedrange=True),
        legend=dict(orientation="h", y=-0.22, x=0),
        margin=dict(l=20, r=int(150 * scale), t=20, b=20),
    )
    return scaled(fig, scale)
