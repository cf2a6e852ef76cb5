"""Show a chart the one way every page does: with an accessible name (`alt`), a text alternative
under it, no toolbar, and figures built once per distinct input.

Charts wait until they are needed. Streamlit's Plotly bundle is 4.7 MB of JavaScript (1.4 MB
compressed); on a phone, fetching and starting it blocks the page, and the quick exit with it, for
seconds (Lighthouse: 3 s of blocking time on a page with one chart). So until the reader first
scrolls a chart into view, each chart is a placeholder of the same height (so nothing jumps)
showing its name, with the chart in words below it. The first time one comes into view, the
session wakes charts (`CHARTS_AWAKE`) and every chart draws from then on, on every page. In
presenter mode charts draw at once: the room is waiting for them.

Some charts cannot be read below a certain width (names run into each other). Their builders'
modules name that width (`MAP_MIN_WIDTH` and so on) and pages pass it as `min_width`: where the
chart gets less room (a phone), it keeps that width in a box that scrolls sideways, under a hint.

Builders live in components/charts/ and are pure. `cached_figure(builder, *args)` calls a builder
once per distinct (builder, args) in this process; args must be hashable (Content hashes by
identity, so a content reload builds afresh). Never mutate a figure that came from the cache.

Charts follow the reader's theme: a builder that takes `palette` gets DARK when the
browser's theme is dark (`st.context.theme.type`), LIGHT otherwise, so a chart is never a white card
on a dark page at night. (Handouts call builders directly, so print keeps the LIGHT default.)
A reader's browser that switches between light and dark while the page is open (a phone at sunset)
does not make Streamlit run the page again, so each drawn chart listens for the switch and asks for
one run, which draws the charts in the new palette.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import re
import string
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go
import streamlit as st

from components import chart_waiting, presenter
from components.charts.common import Palette, palette_for, projector_text, safe_text
from components.text import caption
from components.wording import escape_html

if TYPE_CHECKING:
    from components.content import UiFile

HERE = Path(__file__).resolve().parent
_CONFIG = {"displayModeBar": False, "responsive": True}
CHARTS_AWAKE = "charts_awake"  # session state: a chart has been in view, so charts draw at once

_waiting = chart_waiting.WAITING  # a chart's placeholder until charts wake (components/chart_waiting/)

# A chart box that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe's
# scrollable-region-focusable): while it scrolls, it is a focusable region named like its chart,
# so arrow keys scroll it. Streamlit gives containers no attributes, hence this script; it
# checks again when the box changes size (a phone turned) or what is in it changes (the chart drawn).
_SIDEWAYS_JS = (HERE / "visual_sideways.js").read_text(encoding="utf-8")
# $key: the chart's key (a word chosen in code); $px: its narrowest readable width. The file's comments
# stay out of the page (this style goes with every chart on every run).
_SIDEWAYS_CSS = string.Template(
    re.sub(r"/\*.*?\*/\s*", "", (HERE / "visual_sideways.css").read_text(encoding="utf-8"), flags=re.S)
)
_sideways = st.components.v2.component("healthy_bonds.sideways_box", js=_SIDEWAYS_JS, isolate_styles=False)

# Every drawn chart listens; the first to hear a switch asks for the run, a moment later, so that
# Streamlit has switched its own theme (and reports the new one) by then. Only a real switch asks:
# a reader who chose a theme in Streamlit's settings gets at most one run that changes nothing.
_SCHEME_JS = (HERE / "visual_scheme.js").read_text(encoding="utf-8")
_scheme_watch = st.components.v2.component("healthy_bonds.chart_scheme", js=_SCHEME_JS)
# A chart's watcher's key starts so (a prefix, so that no `[class*="st-key-<chart key>"]` selector finds
# it); components/assets/app.css hides it from the first HTML, so it takes no room on the page.
_SCHEME_KEY = "chart_scheme_of_"


def chart_palette() -> Palette:
    """The charts' palette for this reader's theme. The browser reports its theme with each run; on a
    session's very first run it may not have yet (None: LIGHT, as the page's own first paint)."""
    return palette_for(st.context.theme.type)


@functools.cache
def _takes_palette(builder: Callable[..., go.Figure]) -> bool:
    return "palette" in inspect.signature(builder).parameters


@functools.lru_cache(maxsize=512)
def _built(builder: Callable[..., go.Figure], args: tuple, palette: Palette | None) -> go.Figure:
    # safe_text once, at build time: chart labels come from content and must never carry markup.
    return safe_text(builder(*args) if palette is None else builder(*args, palette=palette))


def cached_figure(builder: Callable[..., go.Figure], *args: Any) -> go.Figure:
    """builder(*args) (with the reader's palette, where the builder takes one), built once per
    distinct (builder, args, palette)."""
    return _built(builder, args, chart_palette() if _takes_palette(builder) else None)


_PROJECTED: dict[int, tuple[go.Figure, go.Figure]] = {}


def _projected(fig: go.Figure) -> go.Figure:
    """The figure with its text lifted for a projector (charts/common.projector_text), made once
    per figure (figures come from cached_figure, so the same object comes back on every rerun)."""
    hit = _PROJECTED.get(id(fig))
    if hit is None or hit[0] is not fig:
        if len(_PROJECTED) > 512:
            _PROJECTED.clear()
        hit = _PROJECTED[id(fig)] = (fig, projector_text(fig))
    return hit[1]


def charts_awake() -> bool:
    return presenter.is_presenting() or bool(st.session_state.get(CHARTS_AWAKE))


def _wake_charts() -> None:
    st.session_state[CHARTS_AWAKE] = True


def _scheme_switched() -> None:
    """Nothing to do: the run the switch asked for builds the charts in the new palette."""


def show_chart(
    fig: go.Figure,
    *,
    alt: str,
    summary: str,
    rows: Sequence[dict[str, Any]] | None = None,
    ui: UiFile,
    key: str,
    min_width: int | None = None,
) -> None:
    """The chart (or, until charts wake, its placeholder), its accessible name, and "the chart in
    words" (a summary and optionally a table).

    `summary` is Markdown from content; `rows` a list of dicts (column header -> cell) for a table.
    In presenter mode the text alternative starts open, so the room can read it too.
    `min_width` (px): the narrowest the chart can be drawn and still be read. Where the page is
    narrower (a phone), the chart keeps that width and scrolls sideways, with a hint above it.
    """
    if presenter.is_presenting():  # no chart text under 20 px on a projector
        fig = _projected(fig)
    with _sideways_box(key, min_width, alt, ui):  # around the placeholder too, so nothing jumps when it draws
        if charts_awake():
            st.plotly_chart(fig, alt=alt, config=_CONFIG, key=key, width="stretch")
            _scheme_watch(
                key=f"{_SCHEME_KEY}{key}", data={"drawn": chart_palette().name}, on_switched_change=_scheme_switched
            )
        else:
            _waiting(
                key=f"{key}_waiting",
                data={"height": fig.layout.height, "alt": alt, "note": ui.chart_waiting},
                on_seen_change=_wake_charts,
            )
    with st.expander(ui.chart_text_label, expanded=presenter.is_presenting(), icon=":material/description:"):
        # One Markdown block (a real <table> with headers): st.table goes through pandas and cost
        # more than the chart itself on a warm run (bench/profile_page.py).
        text = summary + ("\n\n" + markdown_table(rows) if rows else "")
        st.markdown(escape_html(text))


def _sideways_css(key: str, min_width: int) -> str:
    """The style for one chart's sideways box (visual_sideways.css, its selectors and width filled in
    here). A container query, not a media query: what matters is the width the chart gets (a column
    on a tablet can be narrow too), not the screen's."""
    return "<style>" + _SIDEWAYS_CSS.substitute(key=key, px=int(min_width)) + "</style>"


@contextlib.contextmanager
def _sideways_box(key: str, min_width: int | None, alt: str, ui: UiFile) -> Iterator[None]:
    """Where the chart gets less than `min_width`: a hint, then the chart at `min_width` in a box
    that scrolls sideways (the hint stays put). Elsewhere the chart just fills the width."""
    if not min_width:
        yield
        return
    # The CSS is built here from a key and a number, never from content.
    st.html(_sideways_css(key, min_width))
    with st.container(key=f"{key}_wide"):
        with st.container(key=f"{key}_hint"):
            caption(ui.chart_scroll_hint)
            _sideways(
                key=f"{key}_sideways", data={"wide": f".st-key-{key}_wide", "box": f".st-key-{key}_box", "label": alt}
            )
        with st.container(key=f"{key}_box"):
            yield


def _cell(value: Any) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


def markdown_table(rows: Sequence[dict[str, Any]]) -> str:
    """A GitHub-style Markdown table from dicts (header -> cell), columns in first-row order."""
    headers = list(rows[0])
    lines = ["| " + " | ".join(_cell(h) for h in headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(_cell(row.get(h, "")) for h in headers) + " |" for row in rows]
    return "\n".join(lines)
