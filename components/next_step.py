"""The "Does this sound familiar?" step that ends every page where a reader may recognise their own
life (the cycle; Healthy vs toxic's side by side, forms and signs, and sorter): what they can do
next, their region's emergency number and lines as links a phone calls or texts, Get help, and the
page for friends and family. One component, so every page says the same; its words are help.yaml's
`next_step:`, its lines come from components/next_step_lines.py. It informs, never judges.

- `next_step(content)`: the step, last on the page (a bordered card keyed `next_step`).
- `read_on(content, intro, page_ids)`: a line of links on to other pages (the cycle's ending)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from components import next_step_lines as lines
from components.help import region_for_locale
from components.page_kit import card
from components.routing import page_target
from components.text import caption, md, sources_line
from components.wording import union_sources

if TYPE_CHECKING:
    from components.content.registry import Content

KEY = "next_step"  # browser tests and app.css select on .st-key-next_step
ANCHOR = "next-step"


def next_step(content: Content) -> None:
    """The step: a heading and a line that it is the reader's call, the lines for their region (going
    by the browser's language; nothing stored), what they can do next (sourced), then Get help and
    Worried about someone. Two columns on a laptop or projector; stacked, in that order, on a phone."""
    help_, labels = content.help, content.ui.labels
    words = help_.next_step
    region = region_for_locale(help_, st.context.locale)
    with card(KEY, words.heading, words.intro, heading=True, anchor=ANCHOR):
        where, todo = st.columns(2, gap="medium")
        with where:  # the lines first: on a phone they are what the reader may need now
            md("\n".join(f"- {row.text}" for row in lines.rows(help_, region, labels)))
            name = lines.region_name(help_, region)
            if name:
                caption(labels["next_step_region"].format(region=name))
        with todo:
            md(lines.steps_text(help_))
            sources_line(content, union_sources(words.steps))
        with st.container(horizontal=True, key="next_step_links"):
            st.page_link(page_target("get-help", content), label=words.get_help, icon=":material/support:")
            st.page_link(
                page_target("worried-about-someone", content), label=words.friends, icon=":material/diversity_1:"
            )


def read_on(content: Content, intro: str, page_ids: Sequence[str]) -> None:
    """An introduction, then one link to each page, in a row that wraps on a phone."""
    md(intro)
    with st.container(horizontal=True, key="read_on"):
        for page_id in page_ids:
            st.page_link(page_target(page_id, content))
