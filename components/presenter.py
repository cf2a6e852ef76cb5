"""Presenter mode: large type and little chrome for a projector, kept in the URL.

`?present=1` turns it on (a shared link or bookmark opens in the same mode) and `&contrast=high`
adds a high-contrast palette. The flags are copied into session state so the mode survives moving
between pages (navigation drops query parameters), and copied back into the URL on every run.
"""

from __future__ import annotations

import string
from pathlib import Path

import streamlit as st

from components import url_state
from components.charts.common import PRESENTER_SCALE
from components.url_params import Flag, Param

HERE = Path(__file__).resolve().parent
PRESENT = "present"
CONTRAST = "contrast"
PARAMS = {PRESENT: Param(PRESENT, Flag()), CONTRAST: Param(CONTRAST, Flag(on="high"))}

# Type for the back of a room (measured at 1920x1080 in tests/browser/test_browser_projector.py):
# - `html { font-size }`: Streamlit sizes text, headings and widgets in rem, so scaling the root
#   scales everything together (1.5x: widgets and headings; the presenter bar still fits one line);
# - body text (paragraphs and list items) a little larger again, to 28 px (1.1667 x 24 px);
# - captions at full contrast (Streamlit draws them at 60 % opacity, which a projector washes out);
# - lines of at most about 75 characters (60ch: the longest measured line holds about 75):
#   a long line on a wide screen loses the reader at every line break. Charts stay wide.
PRESENT_ROOT_PERCENT = 150
BODY_TEXT_PX = 28


def _style(name: str, **fields: object) -> str:
    """A stylesheet beside this module as a <style> block, its `${field}`s filled in."""
    return "<style>\n" + string.Template((HERE / name).read_text(encoding="utf-8")).substitute(fields) + "</style>"


_PRESENT_CSS = _style(
    "presenter.css",
    root_percent=PRESENT_ROOT_PERCENT,
    body_rem=f"{BODY_TEXT_PX / (16 * PRESENT_ROOT_PERCENT / 100):.4f}",
)
# High contrast for a projector: projectors wash out light greys, thin strokes and pale fills, so
# every text colour becomes pure black on white (21:1), links dark blue and underlined (15.3:1),
# captions lose their opacity, text gets heavier, and controls, callouts and focus rings get solid
# 2-3px black outlines. The ratios are measured in tests/browser/test_browser_workshops.py. Where the
# app shows its dark theme, the same rules run white on black (21:1), links light blue (9.6:1): the
# colours are light-dark() variables (--hc-*, see components/theme.py), so one set of rules serves both
# (tests/unit/test_theme.py).
_CONTRAST_CSS = _style("presenter_contrast.css")


def sync_from_url() -> bool:
    """Read the flags from the URL (or carry them over from this session); return presenting."""
    for flag, param in PARAMS.items():
        if flag in st.query_params:
            st.session_state[flag] = url_state.read(param, None)
        elif st.session_state.get(flag):
            url_state.write(param, True, None)
    return bool(st.session_state.get(PRESENT))


def is_presenting() -> bool:
    return bool(st.session_state.get(PRESENT))


def chart_scale() -> float:
    """The one `scale` every figure builder takes: larger type and marks while presenting."""
    return PRESENTER_SCALE if is_presenting() else 1.0


def high_contrast() -> bool:
    return bool(st.session_state.get(CONTRAST))


def apply_style(presenting: bool) -> None:
    if presenting:
        st.html(_PRESENT_CSS)
    if high_contrast():
        st.html(_CONTRAST_CSS)


def _set(flag: str, widget_key: str) -> None:
    on = bool(st.session_state[widget_key])
    st.session_state[flag] = on
    url_state.write(PARAMS[flag], on, None)


def toggles(ui, where: str) -> None:
    """The presenter and high-contrast switches; `where` is "side" (sidebar) or "bar" (presenting)."""
    st.toggle(
        ui.presenter_toggle,
        value=is_presenting(),
        key=f"toggle_present_{where}",
        help=ui.presenter_help,
        on_change=_set,
        args=(PRESENT, f"toggle_present_{where}"),
    )
    st.toggle(
        ui.high_contrast_toggle,
        value=high_contrast(),
        key=f"toggle_contrast_{where}",
        on_change=_set,
        args=(CONTRAST, f"toggle_contrast_{where}"),
    )
