"""Shared chart styling: the Okabe-Ito colour-blind-safe palette, symbols and patterns so colour is
never the only signal, a base layout that stays readable on a projector, and the LIGHT and DARK
palettes (paper, ink...) a chart takes from the reader's theme, with a WCAG contrast helper. Also
`plain` (content text kept out of Plotly's markup) and `scaled` (a whole figure enlarged for a room)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import overload

import plotly.graph_objects as go

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
    "grey": "#6B6B6B",
}
SEQUENCE = [
    OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "vermillion", "reddish_purple", "sky_blue", "yellow")
]

# The spectrum used across the app: each level has a colour AND a symbol AND a pattern AND a label.
LEVELS = {
    "healthy": {"color": OKABE_ITO["bluish_green"], "symbol": "circle", "pattern": "", "icon": "✓"},
    "unhealthy": {"color": OKABE_ITO["orange"], "symbol": "diamond", "pattern": "/", "icon": "!"},
    "abusive": {"color": OKABE_ITO["vermillion"], "symbol": "x", "pattern": "x", "icon": "✕"},
}
SYMBOLS = ["circle", "diamond", "square", "triangle-up", "x", "star", "hexagon", "cross"]
PATTERNS = ["", "/", ".", "x", "-", "|", "+", "\\"]

TEXT = "#1a1a1a"  # also the fixed ink for text drawn ON a light mark (a tint, sky blue, orange...)
MUTED = "#4d4d4d"  # 8.6:1 on white
ON_DARK_MARK = "#ffffff"  # the fixed ink for text drawn ON a dark mark (Okabe-Ito blue: 5.2:1)


@dataclass(frozen=True)
class Palette:
    """The colours a chart takes from the reader's theme (light or dark; frozen, so hashable and a
    cache key). Text drawn ON a coloured mark does not use `ink`: it keeps the fixed ink chosen for
    that mark's colour (TEXT or ON_DARK_MARK). Contrast on `paper`: ink and muted at least 7:1,
    faint 4.5:1 (all text), rule 3:1 (lines that carry meaning: arrows, outlines, the cycle's ring).
    `hidden` is deliberately faint (therapy approaches the filters hide: the table lists them)."""

    name: str
    paper: str  # the chart's background, the app's own
    ink: str  # text and the marks drawn in the text colour (outlines, the current-step ring)
    muted: str  # secondary text
    faint: str  # text and marks that are dimmed on purpose (still 4.5:1)
    grid: str  # gridlines: decoration only
    rule: str  # lines and arrows that carry meaning
    hidden: str  # marks shown faint on purpose
    box: str  # a quiet box's fill (unselected boxes)
    label_bg: str  # behind a label drawn over marks
    tints: tuple[tuple[str, str], ...]  # spectrum level -> a tint behind `ink` text

    def tint(self, level: str) -> str:
        return dict(self.tints)[level]


LIGHT = Palette(
    name="light",
    paper="#ffffff",
    ink=TEXT,
    muted=MUTED,
    faint="#6b6b6b",
    grid="#e6e6e6",
    rule="#858585",
    hidden="#c4c4c4",
    box="#f4f4f4",
    label_bg="rgba(255,255,255,0.85)",
    tints=(("abusive", "#F7D4BF"), ("healthy", "#C9EBDD"), ("unhealthy", "#FBE3B3")),
)
# The app's dark theme (.streamlit/config.toml [theme.dark]): background #121417, text #e8eaed.
DARK = Palette(
    name="dark",
    paper="#121417",
    ink="#e8eaed",
    muted="#b4b8bf",
    faint="#8e939a",
    grid="#2e333a",
    rule="#80868f",
    hidden="#4a4f57",
    box="#1f2329",
    label_bg="rgba(18,20,23,0.85)",
    tints=(("abusive", "#4a2a1a"), ("healthy", "#173a2e"), ("unhealthy", "#3f3212")),
)


def palette_for(theme_type: str | None) -> Palette:
    """DARK for a dark theme; LIGHT otherwise (light, or not known yet)."""
    return DARK if theme_type == "dark" else LIGHT


def _rgb(colour: str) -> tuple[tuple[float, float, float], float]:
    colour = colour.strip()
    if colour.startswith("#"):
        h = colour[1:]
        if len(h) == 3:
            h = "".join(c * 2 for c in h)
        return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)), 1.0
    parts = [float(v) for v in colour[colour.index("(") + 1 : colour.index(")")].split(",")]
    return (parts[0], parts[1], parts[2]), (parts[3] if len(parts) > 3 else 1.0)


def over(colour: str, below: str) -> str:
    """The solid colour of `colour` (hex or rgb()/rgba()) laid over the solid `below`, as #rrggbb."""
    (top, alpha), (under, _) = _rgb(colour), _rgb(below)
    return "#" + "".join(f"{round(t * alpha + u * (1 - alpha)):02x}" for t, u in zip(top, under))


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (a translucent `a` is laid over `b` first)."""

    def luminance(colour: str) -> float:
        channels = [v / 255 for v in _rgb(colour)[0]]
        r, g, b_ = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(over(a, b)), luminance(over(b, "#000000"))), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Every builder takes `scale: float = 1.0`: 1 on a screen, larger for a projector. Pages pass
# PRESENTER_SCALE while presenting (type 1.35x, as presenter mode scales the page's own text).
PRESENTER_SCALE = 1.35


@overload
def sized(normal: int, presenting: int, scale: float) -> int: ...
@overload
def sized(normal: float, presenting: float, scale: float) -> float: ...
def sized(normal: float, presenting: float, scale: float) -> float:
    """A size drawn by hand for two settings: `normal` at scale 1, `presenting` at PRESENTER_SCALE,
    and in proportion for any other scale (a whole number where both are)."""
    if scale == 1:
        return normal
    value = normal + (presenting - normal) * (scale - 1) / (PRESENTER_SCALE - 1)
    return round(value) if isinstance(normal, int) and isinstance(presenting, int) else value


# The smallest chart text a room can read from the back on a 1920x1080 projector (px): tick
# labels, annotations, legends, text on marks. Builders size their type for a screen and grow it
# with `scale`; `projector_text` then lifts whatever is still smaller to this floor.
PRESENTER_MIN_TEXT = 20


def _lift(size, minimum: float):
    if isinstance(size, (list, tuple)):
        return [_lift(v, minimum) for v in size]
    return max(size, minimum) if isinstance(size, (int, float)) else size


def _lift_fonts(data, minimum: float, in_font: bool = False):
    if isinstance(data, dict):
        return {
            k: (
                _lift(v, minimum)
                if in_font and k == "size"
                else _lift_fonts(v, minimum, k == "font" or k.endswith("font"))
            )
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_lift_fonts(v, minimum) for v in data]
    return data


def projector_text(fig: go.Figure, minimum: float = PRESENTER_MIN_TEXT) -> go.Figure:
    """A copy of the figure in which no text is smaller than `minimum` px: every font size (layout,
    axes, legend, annotations, text on marks) is lifted to it, the layout's default font too, and
    Plotly may not shrink text to fit inside a bar."""
    data = _lift_fonts(fig.to_dict(), minimum)
    layout = data.setdefault("layout", {})
    font = layout.setdefault("font", {})
    font["size"] = max(font.get("size") or 12, minimum)  # 12: Plotly's own default
    layout["uniformtext"] = {"minsize": minimum, "mode": "show"}
    out = go.Figure(data)
    # Where a builder left an axis's or the legend's size unset, Streamlit's chart theme picks a
    # small one of its own: set them here.
    for axis in [*out.select_xaxes(), *out.select_yaxes(), *out.select_polars()]:
        for part in [axis.radialaxis, axis.angularaxis] if hasattr(axis, "radialaxis") else [axis]:
            if (part.tickfont.size or 0) < minimum:
                part.tickfont.size = minimum
            title = getattr(part, "title", None)
            if title is not None and (title.font.size or 0) < minimum:
                title.font.size = minimum
    if (out.layout.legend.font.size or 0) < minimum:
        out.layout.legend.font.size = minimum
    return out


def base_layout(fig: go.Figure, *, title: str | None = None, height: int = 460, palette: Palette = LIGHT) -> go.Figure:
    """Apply the app's common layout: system-safe font, the palette's ink on its paper (axes, legend
    and hover label too, so no theme's template can put light text on light paper), no Plotly logo clutter."""
    axis = dict(
        tickfont=dict(color=palette.ink),
        title=dict(font=dict(color=palette.ink)),
        gridcolor=palette.grid,
        linecolor=palette.rule,
        zerolinecolor=palette.grid,
    )
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=20, color=palette.ink)) if title else None,
        font=dict(family="Source Sans, Source Sans Pro, sans-serif", size=15, color=palette.ink),
        paper_bgcolor=palette.paper,
        plot_bgcolor=palette.paper,
        height=height,
        margin=dict(l=20, r=20, t=60 if title else 20, b=20),
        hoverlabel=dict(font_size=15),
        legend=dict(font=dict(color=palette.ink), bgcolor="rgba(0,0,0,0)"),
        # No drag-to-zoom (the axes are fixed anyway). With any drag mode Plotly cancels a touch that
        # starts on the chart, so on a phone, where a chart fills the screen's width, a finger on it
        # could not scroll the page.
        dragmode=False,
    )
    polar = any(t.type.endswith("polar") for t in fig.data)
    if not polar:
        fig.update_xaxes(**axis)
        fig.update_yaxes(**axis)
        return fig
    fig.update_polars(
        bgcolor=palette.paper,
        radialaxis=dict(tickfont=dict(color=palette.ink), gridcolor=palette.grid, linecolor=palette.rule),
        angularaxis=dict(tickfont=dict(color=palette.ink), gridcolor=palette.grid, linecolor=palette.rule),
    )
    return fig


# Plotly draws a small set of tags inside chart text (<b>, <i>, <br>, <sub>, <sup>, <span style>,
# and <a href>). Builders use the first few for layout; content must never add markup of its own,
# so any other `<` (a link, a script tag, anything a content file might carry) is made literal.
_NOT_OUR_TAG = re.compile(r"<(?!/?(?:b|i|br|sub|sup|span|extra)(?:\s[^<>]*)?/?>)", re.IGNORECASE)
_TEXT_KEYS = {"text", "hovertext", "name", "ticktext", "customdata", "hovertemplate", "texttemplate"}


def _escape_strings(value):
    if isinstance(value, str):
        return _NOT_OUR_TAG.sub("&lt;", value)
    if isinstance(value, list):
        return [_escape_strings(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_escape_strings(v) for v in value)
    return value


def _walk(data):
    if isinstance(data, dict):
        return {
            k: (_escape_strings(v) if k in _TEXT_KEYS and not isinstance(v, dict) else _walk(v))
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [_walk(v) for v in data]
    return data


def safe_text(fig: go.Figure) -> go.Figure:
    """A copy of the figure in which no text can carry markup except the builders' own layout tags."""
    return go.Figure(_walk(fig.to_dict()))


def plain(text: str) -> str:
    """Content text inside Plotly's small HTML subset: never let it open a tag."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
