"""Show a chart the one way every page does: with an accessible name (`alt`), a text alternative
under it, no toolbar, and figures built once per distinct input.

Builders live in components/charts/ and are pure. `cached_figure(builder, *args)` calls a builder
once per distinct (builder, args) in this process; args must be hashable (Content hashes by
identity, so a content reload builds afresh). Never mutate a figure that came from the cache.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from components import presenter
from components.charts.common import safe_text
from components.text import escape_html

_CONFIG = {"displayModeBar": False, "responsive": True}


@functools.lru_cache(maxsize=512)
def cached_figure(builder: Callable[..., go.Figure], *args: Any) -> go.Figure:
    # safe_text once, at build time: chart labels come from content and must never carry markup.
    return safe_text(builder(*args))


def show_chart(fig: go.Figure, *, alt: str, summary: str, rows: Sequence[dict[str, Any]] | None = None,
               text_label: str, key: str) -> None:
    """The chart, its accessible name, and "the chart in words" (a summary and optionally a table).

    `summary` is Markdown from content; `rows` a list of dicts (column header -> cell) for a table.
    In presenter mode the text alternative starts open, so the room can read it too.
    """
    st.plotly_chart(fig, alt=alt, config=_CONFIG, key=key, width="stretch")
    with st.expander(text_label, expanded=presenter.is_presenting(), icon=":material/description:"):
        # One Markdown block (a real <table> with headers): st.table goes through pandas and cost
        # more than the chart itself on a warm run (bench/profile_page.py).
        text = summary + ("\n\n" + markdown_table(rows) if rows else "")
        st.markdown(escape_html(text))


def _cell(value: Any) -> str:
    return " ".join(str(value).split()).replace("|", "\\|")


def markdown_table(rows: Sequence[dict[str, Any]]) -> str:
    """A GitHub-style Markdown table from dicts (header -> cell), columns in first-row order."""
    headers = list(rows[0])
    lines = ["| " + " | ".join(_cell(h) for h in headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(_cell(row.get(h, "")) for h in headers) + " |" for row in rows]
    return "\n".join(lines)
