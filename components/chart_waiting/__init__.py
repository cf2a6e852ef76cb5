"""A chart's placeholder until charts wake (components/visual.py `show_chart`): a box of the chart's
height showing its name and a note, which tells Python once any of it is on screen (`on_seen_change`).

The component is this folder: this module registers it; chart_waiting.html, .css and .js are its
markup, style and script, read once at import. Its words arrive as data and are set with
textContent, never as HTML.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent
HTML = (HERE / "chart_waiting.html").read_text(encoding="utf-8").strip()
CSS = (HERE / "chart_waiting.css").read_text(encoding="utf-8")
SCRIPT = (HERE / "chart_waiting.js").read_text(encoding="utf-8")

WAITING = st.components.v2.component("healthy_bonds.chart_waiting", html=HTML, css=CSS, js=SCRIPT)
