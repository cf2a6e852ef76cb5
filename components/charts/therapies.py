"""The therapy approaches map: audiences across, main focus up the side. Pure Plotly, no streamlit.

Each approach is drawn once in every audience column it serves, at the row of its main focus
(the first `focus` listed). Evidence is shown by colour AND marker shape AND the legend's words;
approaches the filters hide stay on the map, faint and unlabelled, so the map keeps its shape.
Its plain values (`MapChart`: points, labels) and its text alternative come from components/therapies.py.
"""

from __future__ import annotations

from collections.abc import Iterable

import plotly.graph_objects as go

from components.charts.common import LIGHT, OKABE_ITO, Palette, base_layout, sized
from components.therapies import MapChart

EVIDENCE_STYLE = {
    "guideline-strong": {"color": OKABE_ITO["blue"], "symbol": "star"},
    "guideline-conditional": {"color": OKABE_ITO["reddish_purple"], "symbol": "diamond"},
    "research-review": {"color": OKABE_ITO["bluish_green"], "symbol": "square"},
    "article-described": {"color": OKABE_ITO["orange"], "symbol": "triangle-up"},
    "not-rated": {"color": OKABE_ITO["grey"], "symbol": "circle"},
}
# The narrowest each chart can be drawn and still be read (px); where a page is narrower, show_chart
# keeps it at this width and lets it scroll sideways.
MAP_MIN_WIDTH = 800  # narrower, names run into the next column


def wrap_label(text: str, width: int = 14) -> str:
    """Break a long map label over two lines at the space nearest its middle, so it fits a cell."""
    if len(text) <= width or " " not in text:
        return text
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "<br>" + text[cut + 1 :]


def therapy_map(
    chart: MapChart, shown_ids: Iterable[str], selected: str | None, scale: float = 1.0, palette: Palette = LIGHT
) -> go.Figure:
    """The map. `shown_ids`: approaches that match the filters; `selected`: the open card, if any."""
    shown = set(shown_ids)
    points = chart.points
    font = sized(13, 17, scale)
    fig = go.Figure()
    for level, level_label in chart.levels:
        style = EVIDENCE_STYLE[level]
        pts = [p for p in points if p.id in shown and p.level == level]
        fig.add_trace(
            go.Scatter(
                x=[p.x for p in pts],
                y=[p.y for p in pts],
                mode="markers+text",
                name=level_label,
                legendgroup=level,
                showlegend=True,
                text=[
                    f"<b>{wrap_label(p.short_name)}</b>" if p.id == selected else wrap_label(p.short_name) for p in pts
                ],
                textposition="middle right",
                textfont=dict(size=font, color=palette.ink),
                marker=dict(
                    symbol=style["symbol"],
                    color=style["color"],
                    size=[sized(20, 26, scale) if p.id == selected else sized(14, 18, scale) for p in pts],
                    line=dict(
                        color=[palette.ink if p.id == selected else palette.paper for p in pts],
                        width=[3 if p.id == selected else 1 for p in pts],
                    ),
                ),
                customdata=[[p.name, level_label] for p in pts],
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
            )
        )
    hidden = [p for p in points if p.id not in shown]
    fig.add_trace(
        go.Scatter(
            x=[p.x for p in hidden],
            y=[p.y for p in hidden],
            mode="markers",
            name=chart.hidden_name,
            showlegend=bool(hidden),
            marker=dict(symbol="circle-open", color=palette.hidden, size=sized(10, 12, scale), line=dict(width=2)),
            customdata=[[p.name] for p in hidden],
            hovertemplate="%{customdata[0]}<extra></extra>",
        )
    )
    columns, rows = chart.columns, chart.rows
    grid = dict(color=palette.grid, width=1)
    shapes = [
        dict(type="line", x0=i + 0.5, x1=i + 0.5, y0=-0.5, y1=len(rows) - 0.5, line=grid)
        for i in range(len(columns) - 1)
    ]
    shapes += [
        dict(type="line", x0=-0.5, x1=len(columns) - 0.5, y0=j + 0.5, y1=j + 0.5, line=grid)
        for j in range(len(rows) - 1)
    ]
    base_layout(fig, height=sized(740, 860, scale), palette=palette)
    fig.update_layout(shapes=shapes)
    fig.update_xaxes(
        range=[-0.5, len(columns) - 0.5],
        tickvals=list(range(len(columns))),
        ticktext=list(columns),
        side="top",
        showgrid=False,
        zeroline=False,
        title=dict(text=chart.x_title, font=dict(color=palette.muted)),
        fixedrange=True,
        tickfont=dict(size=font + 1),
    )
    fig.update_yaxes(
        range=[len(rows) - 0.5, -0.5],
        tickvals=list(range(len(rows))),
        ticktext=list(rows),
        showgrid=False,
        zeroline=False,
        title=dict(text=chart.y_title, font=dict(color=palette.muted)),
        fixedrange=True,
        tickfont=dict(size=font + 1),
    )
    # The key under the map, one entry a line from the figure's left edge: where the map is wider than a
    # phone and scrolls sideways, the whole key is on the part first seen, not cut off.
    # Placed in the figure's bottom margin (container coordinates), so it takes no width from the grid.
    legend_px = sized(150, 190, scale)
    # (a horizontal legend whose entries each take the whole width: a vertical one would push the grid right)
    fig.update_layout(
        legend=dict(
            orientation="h",
            entrywidth=1,
            entrywidthmode="fraction",
            xref="container",
            x=0.01,
            xanchor="left",
            yref="container",
            y=0.01,
            yanchor="bottom",
            font=dict(size=font),
        ),
        margin=dict(l=20, r=20, t=80, b=20 + legend_px),
        font=dict(size=font),
    )
    return fig
