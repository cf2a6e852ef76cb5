"""Presenter mode: large type and little chrome for a projector, kept in the URL.

`?present=1` turns it on (a shared link or bookmark opens in the same mode) and `&contrast=high`
adds a high-contrast palette. The flags are copied into session state so the mode survives moving
between pages (navigation drops query parameters), and copied back into the URL on every run.
"""

from __future__ import annotations

import streamlit as st

from components import url_state
from components.charts.common import PRESENTER_SCALE
from components.url_params import Flag, Param

PRESENT = "present"
CONTRAST = "contrast"
PARAMS = {PRESENT: Param(PRESENT, Flag()), CONTRAST: Param(CONTRAST, Flag(on="high"))}

# Type for the back of a room (measured at 1920x1080 in tests/test_browser_projector.py):
# - `html { font-size }`: Streamlit sizes text, headings and widgets in rem, so scaling the root
#   scales everything together (1.5x: widgets and headings; the presenter bar still fits one line);
# - body text (paragraphs and list items) a little larger again, to 28 px (1.1667 x 24 px);
# - captions at full contrast (Streamlit draws them at 60 % opacity, which a projector washes out);
# - lines of at most about 75 characters (60ch: the longest measured line holds about 75):
#   a long line on a wide screen loses the reader at every line break. Charts stay wide.
PRESENT_ROOT_PERCENT = 150
BODY_TEXT_PX = 28
_PRESENT_CSS = f"""
<style>
html {{ font-size: {PRESENT_ROOT_PERCENT}%; }}
section[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {{ display: none !important; }}
.block-container, [data-testid="stMainBlockContainer"] {{ max-width: 100% !important; padding-top: 4.5rem; }}
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] :is(p, li) {{
  font-size: {BODY_TEXT_PX / (16 * PRESENT_ROOT_PERCENT / 100):.4f}rem; }}
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] :is(p, li, h1, h2, h3, h4, h5, h6),
[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"] {{ max-width: 60ch; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * {{ color: var(--hb-ink) !important; opacity: 1 !important; }}
.st-key-presenter_bar [data-testid="stMarkdownContainer"] :is(p, li) {{ font-size: 1rem; max-width: none; white-space: nowrap; }}
.st-key-presenter_bar, .st-key-session_bar {{ column-gap: 0.6rem !important; }}
/* each part of the bar (the session's controls, the live status, the room's count) takes its own
   width, not an equal share of the line, so they all follow on one line */
.st-key-presenter_bar [data-testid="stLayoutWrapper"] {{ flex: 0 0 auto !important; width: fit-content !important; }}
.st-key-session_bar {{ width: auto !important; flex-wrap: nowrap !important; }}
/* the live room's overlay (components/room_bar.py): over the page, bottom right, clear of the exit
   and of the presenter bar (its Room menu stays in reach) */
.st-key-room_overlay {{ position: fixed !important; right: 1.5rem; bottom: 1.5rem; z-index: 999990;
  width: min(36vw, 42rem) !important; max-height: calc(100vh - 16rem); overflow-y: auto;
  background: var(--hb-paper); border: 3px solid var(--hb-ink) !important; border-radius: 0.75rem;
  box-shadow: 0 0.5rem 2rem rgba(0, 0, 0, 0.35); padding: 1rem 1.25rem; }}
.st-key-room_overlay_code p {{ font-size: 4.5rem !important; line-height: 1.1; letter-spacing: 0.08em; }}
/* the presenter's own controls (not the room's reading): a size smaller, so they stay on one line */
.st-key-presenter_bar :is(button, a, label, [data-testid="stMarkdownContainer"] p) {{ font-size: 0.9rem !important; }}
</style>
"""
# High contrast for a projector: projectors wash out light greys, thin strokes and pale fills, so
# every text colour becomes pure black on white (21:1), links dark blue and underlined (15.3:1),
# captions lose their opacity, text gets heavier, and controls, callouts and focus rings get solid
# 2-3px black outlines. The ratios are measured in tests/test_browser_workshops.py. Where the
# app shows its dark theme, the same rules run white on black (21:1), links light blue (9.6:1): the
# colours are light-dark() variables (--hc-*, see components/theme.py), so one set of rules serves both
# (tests/test_theme.py).
_CONTRAST_CSS = """
<style>
:root { --hc-paper: light-dark(#ffffff, #000000); --hc-ink: light-dark(#000000, #ffffff);
  --hc-link: light-dark(#00008b, #8ab4f8); --hc-off: light-dark(#e6e6e6, #262626); --hc-off-ink: light-dark(#333333, #cccccc); }
section[data-testid="stSidebar"], section[data-testid="stSidebar"] > div { background: var(--hc-paper) !important; }
.stApp { background: var(--hc-paper) !important; }
.stApp, .stApp p, .stApp li, .stApp h1, .stApp h2, .stApp h3, .stApp h4, .stApp label, .stApp span,
.stApp summary, .stApp td, .stApp th, .stApp [data-testid="stCaptionContainer"],
.stApp [data-testid="stCaptionContainer"] * , .stApp [data-testid="stMarkdownContainer"] * {
  color: var(--hc-ink) !important; opacity: 1 !important; }
.stApp p, .stApp li, .stApp label, .stApp summary, .stApp td { font-weight: 600; }
.stApp a, .stApp a * { color: var(--hc-link) !important; text-decoration: underline !important; }
.stApp button { border: 2px solid var(--hc-ink) !important; }
.stApp button[kind="primary"], .stApp button[kind="primary"] * { background: var(--hc-ink) !important; color: var(--hc-paper) !important; }
.stApp button:disabled, .stApp button[kind="primary"]:disabled { border-style: dashed !important;
  background: var(--hc-off) !important; cursor: not-allowed; }
.stApp button:disabled *, .stApp button[kind="primary"]:disabled * { color: var(--hc-off-ink) !important; background: transparent !important; }
.stApp [data-testid="stAlert"] > div, .stApp [data-testid="stExpander"] details,
.stApp [data-testid="stVerticalBlockBorderWrapper"], .stApp [data-baseweb="select"] > div,
.stApp input, .stApp textarea { border: 2px solid var(--hc-ink) !important; background: var(--hc-paper) !important; }
.stApp *:focus-visible { outline: 4px solid var(--hc-ink) !important; outline-offset: 2px !important; }
.st-key-session_clock p { font-size: 2rem; }
</style>
"""


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
    st.toggle(ui.presenter_toggle, value=is_presenting(), key=f"toggle_present_{where}",
              help=ui.presenter_help, on_change=_set, args=(PRESENT, f"toggle_present_{where}"))
    st.toggle(ui.high_contrast_toggle, value=high_contrast(), key=f"toggle_contrast_{where}",
              on_change=_set, args=(CONTRAST, f"toggle_contrast_{where}"))
