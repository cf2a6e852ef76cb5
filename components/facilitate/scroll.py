"""While presenting: a segment's page opens scrolled to the step its segment names (scroll.js, beside
this file). Streamlit's st.html runs no scripts; a v2 component runs its JavaScript in the page
(loaded from a blob: URL, which the Content-Security-Policy allows).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from components.facilitate import tab

SCRIPT = (Path(__file__).resolve().parent / "scroll.js").read_text(encoding="utf-8")
_scroller = None


def scroll_to_segment() -> None:
    """While presenting: scroll the page to the step its segment opened at (once per opening)."""
    global _scroller
    want = st.session_state.get(tab.SCROLL)
    if not want:
        return
    if _scroller is None:
        _scroller = st.components.v2.component("healthy_bonds.segment_scroll", js=SCRIPT)
    _scroller(key="segment_scroll", data=want, height=0)
