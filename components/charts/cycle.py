"""Pure Plotly builders for the cycle page: the cycle circle, the over-time shares, the highs and
lows sandbox and the seven-stage timeline. Plain hashable inputs (tuples, numbers, strings) so
`cached_figure` can key on them; no streamlit import.

Colour is never the only signal: every phase has its own symbol and pattern, the current step is
marked by size, a ring, a bold label and an arrow glyph, and lines differ in dash and marker."""

from __future__ import annotations

import math
from collections.abc import Sequence

# Imported whole before any figure is built: Plotly's validators peek at sys.modules["pandas"] without
# the import lock, so on a cold server a rerun that interrupts the first run could see a half-imported
# pandas and fail ("partially initialized module 'pandas'"). Importing it here makes a second script
# thread wait for the first import to finish.
import pandas  # noqa: F401
import plotly.graph_objects as go

from components import bond_model
from components.charts.common import LIGHT, OKABE_ITO, PATTERNS, SYMBOLS, TEXT, Palette, base_layout

CURRENT_MARK = "▶ "
# The narrowest the stages strip can be drawn and still be read (px); where a page is narrower,
# show_chart keeps it at this width and lets it scroll sideways.
STAGES_MIN_WIDTH = 620  # narrower, neighbouring stage names run into each other
NODE, NODE_CURRENT, RING = 34, 48, 68  # marker sizes in pixels on the circle
# Okabe-Ito colours for phases in order; neighbours on the circle (including last -> first) differ clearly
PHASE_COLORS = [OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "yellow", "reddish_purple", "sky_blue")]


def phase_color(i: int) -> str:
    return PHASE_COLORS[i % len(PHASE_COLORS)]


def _plain(text: str) -> str:
    """Content text inside Plotly's small HTML subset: never let it open a tag."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _title(text: str, palette: Palette) -> dict:
    """An axis title in the palette's ink. (A title given as a bare string has no colour of its own,
    and Streamlit's chart theme paints it a grey that fails AA on white.)"""
    return dict(text=_plain(text), font=dict(color=palette.ink))


def scaled(fig: go.Figure, scale: float) -> go.Figure:
    """Enlarge every font and marker by `scale` (presenter mode: readable from the back of a room)."""
    if scale == 1:
        return fig

    def grow(v):
        if v is None:
            return None
        return [x * scale for x in v] if isinstance(v, (list, tuple)) else v * scale

    fig.update_layout(font_size=grow(fig.layout.font.size), hoverlabel_font_size=grow(fig.layout.hoverlabel.font.size))
    for a in fig.layout.annotations:
        if a.font.size:
            a.font.size = a.font.size * scale
    for tr in fig.data:
        if getattr(tr, "marker", None) is not None and tr.marker.size is not None:
            tr.marker.size = grow(tr.marker.size)
        if getattr(tr, "textfont", None) is not None and tr.textfont.size is not None:
            tr.textfont.size = grow(tr.textfont.size)
    return fig


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
            text=[_plain(label) for label in labels],
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
        text = wrap(f"{i + 1}. {_plain(label)}", 12)  # two short lines keep labels inside a phone-width circle
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
                name=_plain(name),
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
                hovertemplate=f"{_plain(name)}: %{{y:.0f}}%<extra></extra>",
            )
        )
    fig.add_vline(x=week, line=dict(color=palette.ink, width=3, dash="dash"))
    now = bond_model.phase_shares(starts, ends, week, weeks)
    fig.add_annotation(
        x=week,
        y=104,
        text=f"<b>{_plain(week_label)} {week}</b>",
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
                text=f"{_plain(name)} {share:.0%}",
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
    att_name, well_name, mood_name = (_plain(n) for n in names)
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
            customdata=[_plain(label) for label in labels],
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
        text = f"<b>{CURRENT_MARK}{_plain(label)}</b>" if is_current else _plain(label)
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
