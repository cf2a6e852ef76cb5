"""The therapy approaches map: audiences across, main focus up the side. Pure Plotly, no streamlit.

Each approach is drawn once in every audience column it serves, at the row of its main focus
(the first `focus` listed). Evidence is shown by colour AND marker shape AND the legend's words;
approaches the filters hide stay on the map, faint and unlabelled, so the map keeps its shape.
"""

from __future__ import annotations

from collections.abc import Iterable

import plotly.graph_objects as go

from components.charts.common import MUTED, OKABE_ITO, TEXT, base_layout
from components.models.therapies import AUDIENCES, EVIDENCE_LEVELS, FOCUSES, TherapiesFile

EVIDENCE_STYLE = {
    "guideline-strong": {"color": OKABE_ITO["blue"], "symbol": "star"},
    "guideline-conditional": {"color": OKABE_ITO["reddish_purple"], "symbol": "diamond"},
    "research-review": {"color": OKABE_ITO["bluish_green"], "symbol": "square"},
    "article-described": {"color": OKABE_ITO["orange"], "symbol": "triangle-up"},
    "not-rated": {"color": OKABE_ITO["grey"], "symbol": "circle"},
}
HIDDEN_COLOR = "#c4c4c4"
STEP = 0.3  # vertical spacing of markers that share a cell
# The narrowest each chart can be drawn and still be read (px); where a page is narrower, show_chart
# keeps it at this width and lets it scroll sideways.
MAP_MIN_WIDTH = 800  # narrower, names run into the next column


def wrap_label(text: str, width: int = 14) -> str:
    """Break a long map label over two lines at the space nearest its middle, so it fits a cell."""
    if len(text) <= width or " " not in text:
        return text
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return text[:cut] + "<br>" + text[cut + 1:]


def map_points(file: TherapiesFile) -> list[dict]:
    """Where each marker goes: one point per (approach, audience), spread within shared cells."""
    cells: dict[tuple[int, int], list[str]] = {}
    for a in file.approaches:
        y = FOCUSES.index(a.focus[0])
        for aud in a.audiences:
            cells.setdefault((AUDIENCES.index(aud), y), []).append(a.id)
    points = []
    for (x, y), ids in cells.items():
        n = len(ids)
        for i, approach_id in enumerate(ids):
            offset = ((n - 1) / 2 - i) * STEP
            points.append({"id": approach_id, "x": x - 0.4, "y": y + offset, "cell": (x, y)})
    return points


def therapy_map(file: TherapiesFile, shown_ids: Iterable[str], selected: str | None, labels: dict[str, str],
                large: bool = False) -> go.Figure:
    """The map. `shown_ids`: approaches that match the filters; `selected`: the open card, if any.
    `labels` supplies the axis titles and the legend entry for hidden approaches."""
    shown = set(shown_ids)
    by_id = {a.id: a for a in file.approaches}
    level_label = {e.id: e.label for e in file.evidence_levels}
    points = map_points(file)
    font = 17 if large else 13
    fig = go.Figure()
    for level in EVIDENCE_LEVELS:
        style = EVIDENCE_STYLE[level]
        pts = [p for p in points if p["id"] in shown and by_id[p["id"]].evidence.level == level]
        fig.add_trace(go.Scatter(
            x=[p["x"] for p in pts], y=[p["y"] for p in pts], mode="markers+text",
            name=level_label[level], legendgroup=level, showlegend=True,
            text=[f"<b>{wrap_label(by_id[p['id']].short_name)}</b>" if p["id"] == selected
                  else wrap_label(by_id[p["id"]].short_name) for p in pts],
            textposition="middle right", textfont=dict(size=font, color=TEXT),
            marker=dict(symbol=style["symbol"], color=style["color"],
                        size=[(26 if large else 20) if p["id"] == selected else (18 if large else 14) for p in pts],
                        line=dict(color=[TEXT if p["id"] == selected else "#ffffff" for p in pts],
                                  width=[3 if p["id"] == selected else 1 for p in pts])),
            customdata=[[by_id[p["id"]].name, level_label[level]] for p in pts],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
        ))
    hidden = [p for p in points if p["id"] not in shown]
    fig.add_trace(go.Scatter(
        x=[p["x"] for p in hidden], y=[p["y"] for p in hidden], mode="markers",
        name=labels["therapies_map_hidden"], showlegend=bool(hidden),
        marker=dict(symbol="circle-open", color=HIDDEN_COLOR, size=12 if large else 10, line=dict(width=2)),
        customdata=[[by_id[p["id"]].name] for p in hidden],
        hovertemplate="%{customdata[0]}<extra></extra>",
    ))
    aud_label = {a.id: a.short for a in file.audiences}
    focus_label = {f.id: f.short for f in file.focuses}
    grid = dict(color="#d9d9d9", width=1)
    shapes = [dict(type="line", x0=i + 0.5, x1=i + 0.5, y0=-0.5, y1=len(FOCUSES) - 0.5, line=grid)
              for i in range(len(AUDIENCES) - 1)]
    shapes += [dict(type="line", x0=-0.5, x1=len(AUDIENCES) - 0.5, y0=j + 0.5, y1=j + 0.5, line=grid)
               for j in range(len(FOCUSES) - 1)]
    fig.update_layout(shapes=shapes)
    fig.update_xaxes(range=[-0.5, len(AUDIENCES) - 0.5], tickvals=list(range(len(AUDIENCES))),
                     ticktext=[aud_label[a] for a in AUDIENCES], side="top", showgrid=False, zeroline=False,
                     title=dict(text=labels["therapies_map_x"], font=dict(color=MUTED)), fixedrange=True,
                     tickfont=dict(size=font + 1))
    fig.update_yaxes(range=[len(FOCUSES) - 0.5, -0.5], tickvals=list(range(len(FOCUSES))),
                     ticktext=[focus_label[f] for f in FOCUSES], showgrid=False, zeroline=False,
                     title=dict(text=labels["therapies_map_y"], font=dict(color=MUTED)), fixedrange=True,
                     tickfont=dict(size=font + 1))
    base_layout(fig, height=720 if large else 600)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.03, x=0, font=dict(size=font)),
                      margin=dict(l=20, r=20, t=80, b=20), font=dict(size=font))
    return fig


def content_map(content, shown_ids: tuple[str, ...], selected: str | None, large: bool = False) -> go.Figure:
    """`therapy_map` from the whole Content, with hashable arguments for `cached_figure`."""
    return therapy_map(content.therapies, shown_ids, selected, content.ui.labels, large)
