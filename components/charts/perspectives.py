"""Figures of the "What practitioners say" page. Pure Plotly, no streamlit.

- `stance_spectrum(content, condition, person, large)`: every voice placed in its stance column,
  from "rarely or never" (left) to "often, with work" (right). The kind of voice is shown by colour
  AND symbol AND legend; voices that do not name the chosen condition turn grey and hollow; the
  highlighted voice is a large star with a bold name.
- `conditions_bar(content, condition, large)`: each condition by how many round-up practitioners
  name it, the chosen one dark with a hatch pattern, a "▶" and a "selected" label, and a
  square marker where the lived-experience article names it too.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from components.charts.common import OKABE_ITO, TEXT, base_layout
from components.perspectives import condition_counts, names_condition, off_spectrum, practitioners, stance_groups

KIND_STYLE = {
    "practitioner": {"color": OKABE_ITO["blue"], "symbol": "circle"},
    "lived-experience": {"color": OKABE_ITO["vermillion"], "symbol": "square"},
    "personal-account": {"color": OKABE_ITO["reddish_purple"], "symbol": "diamond"},
}
DIMMED = OKABE_ITO["grey"]
HIGHLIGHT = OKABE_ITO["orange"]
# The narrowest each chart can be drawn and still be read (px); where a page is narrower, show_chart
# keeps it at this width and lets it scroll sideways.
SPECTRUM_MIN_WIDTH = 720  # narrower, the names in neighbouring columns overlap
CONDITIONS_MIN_WIDTH = 520  # narrower, the counts at the end of the longest bars are cut off


def _two_lines(name: str) -> str:
    """'Alexander Burgemeester' -> 'Alexander<br>Burgemeester' (first part / last word)."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return " ".join(parts[:-1]) + "<br>" + parts[-1]


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def stance_spectrum(content, condition: str | None, person: str | None, large: bool = False) -> go.Figure:
    data = content.perspectives
    labels = content.ui.labels
    groups = stance_groups(data)
    font = 19 if large else 14
    fig = go.Figure()
    points: dict[str, dict[str, list]] = {}
    star = None
    for col, (stance, people) in enumerate(groups):
        for row, p in enumerate(people):
            on = names_condition(p, condition)
            style = KIND_STYLE[p.kind]
            bucket = points.setdefault(p.kind, {k: [] for k in ("x", "y", "text", "symbol", "color", "hover")})
            bucket["x"].append(col)
            bucket["y"].append(-row)
            name = _two_lines(p.chart_name)
            if p.id == person:
                name = f"<b>{name}</b>"
            bucket["text"].append(name if on else f"<span style='color:{DIMMED}'>{name}</span>")
            bucket["symbol"].append(style["symbol"] if on else style["symbol"] + "-open")
            bucket["color"].append(style["color"] if on else DIMMED)
            state = "" if condition is None else (
                labels["perspectives_names_condition"] if on else labels["perspectives_not_condition"])
            bucket["hover"].append(f"<b>{p.display_name}</b><br>{stance.label}" + (f"<br>{state}" if state else ""))
            if p.id == person:
                star = (col, -row, p)
    for kind, b in points.items():
        fig.add_trace(go.Scatter(
            x=b["x"], y=b["y"], mode="markers+text", name=labels[f"perspectives_kind_{kind}"],
            text=b["text"], textposition="middle right", textfont=dict(size=font - 1),
            marker=dict(size=18 if large else 14, symbol=b["symbol"], color=b["color"],
                        line=dict(width=2, color=b["color"])),
            hovertext=b["hover"], hoverinfo="text",
        ))
    if condition is not None:
        # legend keys for the two states (dummy points off-screen carry the legend symbols)
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=labels["perspectives_names_condition"],
                                 marker=dict(size=14, symbol="circle", color=OKABE_ITO["black"])))
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=labels["perspectives_not_condition"],
                                 marker=dict(size=14, symbol="circle-open", color=DIMMED, line=dict(width=2))))
    if star is not None:
        col, y, p = star
        fig.add_trace(go.Scatter(
            x=[col], y=[y], mode="markers", name=f"{labels['perspectives_highlighted']}: {p.display_name}",
            marker=dict(size=30 if large else 26, symbol="star", color=HIGHLIGHT,
                        line=dict(width=2, color=OKABE_ITO["black"])),
            hovertext=[p.display_name], hoverinfo="text",
        ))
    most = max(len(people) for _, people in groups)
    base_layout(fig, height=int((120 if large else 95) * most / 2 + 230))
    fig.update_layout(
        font=dict(size=font),
        legend=dict(orientation="h", y=-0.22 if large else -0.25, x=0, font=dict(size=font)),
        margin=dict(l=10, r=10, t=20, b=40),
    )
    fig.update_xaxes(
        tickvals=list(range(len(groups))), ticktext=[_wrap(s.label, 16) for s, _ in groups],
        range=[-0.5, len(groups) - 0.1], side="top", ticklabeloverflow="allow", showgrid=True, gridcolor="#e6e6e6", zeroline=False,
        tickfont=dict(size=font, color=TEXT), fixedrange=True,
    )
    fig.update_yaxes(visible=False, range=[-most + 0.4, 0.6], fixedrange=True)
    return fig


def spectrum_rows(content) -> list[dict[str, str]]:
    """The spectrum as a table: one row per stance, its voices in article order; then a row for the
    voices that do not address repair (left off the chart), if any."""
    labels = content.ui.labels
    rows = [
        {labels["perspectives_col_stance"]: s.label,
         labels["perspectives_col_voices"]: ", ".join(p.display_name for p in people) or "–"}
        for s, people in stance_groups(content.perspectives)
    ]
    off = off_spectrum(content.perspectives)
    if off:
        rows.append({labels["perspectives_col_stance"]: labels["perspectives_no_stance"],
                     labels["perspectives_col_voices"]: ", ".join(p.display_name for p in off)})
    return rows


def conditions_bar(content, condition: str | None, large: bool = False) -> go.Figure:
    data = content.perspectives
    labels = content.ui.labels
    rows = list(reversed(condition_counts(data)))  # Plotly draws the first category at the bottom
    total = len(practitioners(data))
    font = 19 if large else 14
    ys = [(("▶ " if r.condition.id == condition else "") + r.condition.label) for r in rows]
    colours = [TEXT if r.condition.id == condition else OKABE_ITO["blue"] for r in rows]
    patterns = ["/" if r.condition.id == condition else "" for r in rows]
    texts = [labels["perspectives_count"].format(n=r.count, total=total)
             + (f" · {labels['perspectives_selected']}" if r.condition.id == condition else "") for r in rows]
    fig = go.Figure(go.Bar(
        x=[r.count for r in rows], y=ys, orientation="h", name=labels["perspectives_col_count"],
        marker=dict(color=colours, pattern=dict(shape=patterns, fgcolor="#ffffff", size=8)),
        text=texts, textposition="outside", textfont=dict(size=font - 1), cliponaxis=False,
        hovertext=[f"<b>{r.condition.label}</b><br>" + "<br>".join(r.names) for r in rows], hoverinfo="text",
        showlegend=False,
    ))
    also = [(r.count, y) for r, y in zip(rows, ys) if r.also_others]
    if also:
        fig.add_trace(go.Scatter(
            x=[total + 2.2] * len(also), y=[y for _, y in also], mode="markers",
            name=labels["perspectives_col_also"],
            marker=dict(size=14 if large else 12, symbol="square", color=KIND_STYLE["lived-experience"]["color"]),
            hoverinfo="skip",
        ))
    base_layout(fig, height=(40 if large else 30) * len(rows) + 130)
    fig.update_layout(
        font=dict(size=font), bargap=0.3,
        legend=dict(orientation="h", x=0, y=-0.08 if large else -0.1, font=dict(size=font)),
        margin=dict(l=10, r=10, t=10, b=40),
    )
    fig.update_xaxes(range=[0, total + 2.8], dtick=2, showgrid=True, gridcolor="#e6e6e6", fixedrange=True,
                     title=dict(text=labels["perspectives_conditions_axis"].format(total=total), font=dict(size=font)),
                     tickvals=list(range(0, total + 1, 2)), tickfont=dict(color=TEXT))
    fig.update_yaxes(automargin=True, tickfont=dict(size=font, color=TEXT), fixedrange=True)
    return fig


def conditions_rows(content) -> list[dict[str, str]]:
    """The bar chart as a table, most named first."""
    labels = content.ui.labels
    total = len(practitioners(content.perspectives))
    return [
        {labels["perspectives_col_condition"]: r.condition.label,
         labels["perspectives_col_count"]: labels["perspectives_count"].format(n=r.count, total=total),
         labels["perspectives_col_who"]: ", ".join(r.names) or "–",
         labels["perspectives_col_also"]: labels["perspectives_yes"] if r.also_others else labels["perspectives_no"]}
        for r in condition_counts(content.perspectives)
    ]
