"""Pure Plotly builders for the cycle page's step pictures: the cycle circle and the seven-stage
timeline, each with its current step highlighted. Plain hashable inputs (tuples, numbers, strings)
so `cached_figure` can key on them; no streamlit import. The phase colours live here too: the
over-time shares (charts/cycle_weeks.py) paint each phase in its colour on the circle.

Colour is never the only signal: every phase has its own symbol and pattern, and the current step is
marked by size, a ring, a bold label and an arrow glyph."""

from __future__ import annotations

import math
from collections.abc import Sequence

# Imported whole before any figure is built: Plotly's validators peek at sys.modules["pandas"] without
# the import lock, so on a cold server a rerun that interrupts the first run could see a half-imported
# pandas and fail ("partially initialized module 'pandas'"). Importing it here makes a second script
# thread wait for the first import to finish. (charts/cycle_weeks.py imports this module, so it too.)
import pandas  # noqa: F401
import plotly.graph_objects as go

from components.charts.common import LIGHT, OKABE_ITO, SYMBOLS, TEXT, Palette, base_layout, plain, scaled

CURRENT_MARK = "▶ "
# The narrowest the stages strip can be drawn and still be read (px); where a page is narrower,
# show_chart keeps it at this width and lets it scroll sideways.
STAGES_MIN_WIDTH = 620  # narrower, neighbouring stage names run into each other
NODE, NODE_CURRENT, RING = 34, 48, 68  # marker sizes in pixels on the circle
# Okabe-Ito colours for phases in order; neighbours on the circle (including last -> first) differ clearly
PHASE_COLORS = [OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "yellow", "reddish_purple", "sky_blue")]


def phase_color(i: int) -> str:
    return PHASE_COLORS[i % len(PHASE_COLORS)]


def wrap(label: str, width: int = 10) -> str:
    """Break a label longer than `width` into two lines at the space nearest its middle."""
    if len(label) <= width or " " not in label:
        return label
    mid = len(label) / 2
    cut = min((i for i, ch in enumerate(label) if ch == " "), key=lambda i: abs(i - mid))
    return label[:cut] + "<br>" + label[cut + 1 :]


def node_positions(count: int) -> list[tuple[float, float]]:
    """Points on the unit circle, first at the top, going clockwise."""
    out = []
    for i in range(count):
        a = math.radians(90 - 360 * i / count)
        out.append((round(math.cos(a), 6), round(math.sin(a), 6)))
    return out


def cycle_figure(
    labels: Sequence[str], current: int, height: int = 460, scale: float = 1.0, palette: Palette = LIGHT
) -> go.Figure:
    """The phases around a circle with clockwise arrows between them; phase `current` highlighted."""
    n = len(labels)
    if n < 2 or not 0 <= current < n:
        raise ValueError("need at least two phases and a current index among them")
    pos = node_positions(n)
    fig = go.Figure()
    ring = [math.radians(d) for d in range(0, 361, 3)]
    fig.add_trace(
        go.Scatter(
            x=[math.cos(a) for a in ring],
            y=[math.sin(a) for a in ring],
            mode="lines",
            line=dict(color=palette.rule, width=3),
            hoverinfo="skip",
            showlegend=False,
            name="cycle",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[p[0] for p in pos],
            y=[p[1] for p in pos],
            mode="markers",
            name="phases",
            showlegend=False,
            marker=dict(
                size=[NODE_CURRENT if i == current else NODE for i in range(n)],
                color=[phase_color(i) for i in range(n)],
                symbol=[SYMBOLS[i % len(SYMBOLS)] for i in range(n)],
                opacity=[1.0 if i == current else 0.7 for i in range(n)],
                line=dict(color=palette.ink, width=[4 if i == current else 1.5 for i in range(n)]),
            ),
            text=[plain(label) for label in labels],
            hovertemplate="%{text}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[pos[current][0]],
            y=[pos[current][1]],
            mode="markers",
            name="current",
            showlegend=False,
            hoverinfo="skip",
            marker=dict(size=RING, symbol="circle-open", color=palette.ink, line=dict(width=4)),
        )
    )
    annotations = []
    for i in range(n):  # small arrows mid-way along each arc, pointing clockwise
        mid = 90 - 360 * (i + 0.5) / n
        tail, head = math.radians(mid + 9), math.radians(mid - 9)
        annotations.append(
            dict(
                x=math.cos(head),
                y=math.sin(head),
                ax=math.cos(tail),
                ay=math.sin(tail),
                xref="x",
                yref="y",
                axref="x",
                ayref="y",
                text="",
                showarrow=True,
                arrowhead=2,
                arrowsize=1.6,
                arrowwidth=3,
                arrowcolor=palette.muted,
            )
        )
    # Labels sit inside the circle, next to their node (below the top one, above the bottom one,
    # towards the middle from the sides), so the circle can fill the chart's width: with labels
    # outside, a phone-width chart left the circle about 120 px wide in an empty box.
    shift = (RING / 2 + 6) * scale  # pixels: labels clear the highlight ring at any screen width
    for i, (label, (x, y)) in enumerate(zip(labels, pos)):
        if abs(x) < 0.2:
            place = dict(xanchor="center", yanchor="top" if y > 0 else "bottom", yshift=-shift if y > 0 else shift)
        else:
            place = dict(xanchor="right" if x > 0 else "left", yanchor="middle", xshift=-shift if x > 0 else shift)
        is_current = i == current
        text = wrap(f"{i + 1}. {plain(label)}", 12)  # two short lines keep labels inside a phone-width circle
        text = f"<b>{CURRENT_MARK}{text}</b>" if is_current else text
        annotations.append(
            dict(
                x=x,
                y=y,
                text=text,
                showarrow=False,
                **place,
                font=dict(size=17 if is_current else 14, color=palette.ink if is_current else palette.muted),
            )
        )
    for trace in fig.data:  # the nodes and the ring may reach into the margin, never be cut off there
        trace.cliponaxis = False
    base_layout(fig, height=height, palette=palette)
    edge = round((RING / 2 + 4) * scale)  # pixels around the circle: room for the highlight ring
    fig.update_layout(
        annotations=annotations,
        xaxis=dict(visible=False, range=[-1.0, 1.0], fixedrange=True),
        yaxis=dict(visible=False, range=[-1.0, 1.0], fixedrange=True, scaleanchor="x", scaleratio=1),
        margin=dict(l=edge, r=edge, t=edge, b=edge),
    )
    return scaled(fig, scale)


def stages_figure(
    labels: Sequence[str], current: int, height: int = 300, scale: float = 1.0, palette: Palette = LIGHT
) -> go.Figure:
    """The stages as a left-to-right timeline; stage `current` highlighted."""
    n = len(labels)
    if n < 2 or not 0 <= current < n:
        raise ValueError("need at least two stages and a current index among them")
    xs = list(range(1, n + 1))
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=[0] * n,
            mode="lines",
            line=dict(color=palette.rule, width=4),
            hoverinfo="skip",
            showlegend=False,
            name="timeline",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=[0] * n,
            mode="markers+text",
            name="stages",
            showlegend=False,
            text=[str(i + 1) for i in range(n)],
            textposition="middle center",
            # the current number sits on sky blue (fixed dark ink, 7.5:1); the others on the paper
            textfont=dict(
                size=[20 if i == current else 15 for i in range(n)],
                color=[TEXT if i == current else palette.ink for i in range(n)],
            ),
            # opaque (with a list of sizes Plotly would draw them see-through): the number keeps its contrast
            marker=dict(
                size=[52 if i == current else 34 for i in range(n)],
                opacity=1,
                color=[palette.paper if i != current else OKABE_ITO["sky_blue"] for i in range(n)],
                line=dict(
                    color=[palette.ink if i == current else palette.muted for i in range(n)],
                    width=[4 if i == current else 2 for i in range(n)],
                ),
            ),
            customdata=[plain(label) for label in labels],
            hovertemplate="%{text}. %{customdata}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[xs[current]],
            y=[0],
            mode="markers",
            name="current",
            showlegend=False,
            hoverinfo="skip",
            marker=dict(size=72, symbol="circle-open", color=palette.ink, line=dict(width=3)),
        )
    )
    annotations = []
    for i, label in enumerate(labels):
        up = i % 2 == 0
        is_current = i == current
        text = f"<b>{CURRENT_MARK}{plain(label)}</b>" if is_current else plain(label)
        annotations.append(
            dict(
                x=xs[i],
                y=0.55 if up else -0.55,
                text=text,
                showarrow=False,
                yanchor="bottom" if up else "top",
                font=dict(size=17 if is_current else 15, color=palette.ink if is_current else palette.muted),
            )
        )
    base_layout(fig, height=height, palette=palette)
    fig.update_layout(
        annotations=annotations,
        xaxis=dict(visible=False, range=[0.3, n + 0.7], fixedrange=True),
        yaxis=dict(visible=False, range=[-1.5, 1.5], fixedrange=True),
        margin=dict(l=10, r=10, t=10, b=10),
    )
    return scaled(fig, scale)
