"""The one way content text reaches the screen: Markdown, with any raw HTML shown as text.

Streamlit's markdown already refuses to run HTML unless `unsafe_allow_html=True`, which this app
never passes for content; escaping `<` as well means a tag typed into a YAML file is displayed
literally instead of silently vanishing, so an author can see and fix it. The words themselves (the
escaping, sources lines, small lines) are built without Streamlit in components/wording.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components.wording import escape_html, sources_text

if TYPE_CHECKING:
    from components.content.registry import Content


def md(text: str, *, help: str | None = None) -> None:
    """Render one piece of content text."""
    st.markdown(escape_html(text), help=help)


def caption(text: str) -> None:
    st.caption(escape_html(text))


def sources_line(content: Content, source_ids: list[str]) -> None:
    """A small line naming the sources of an item."""
    text = sources_text(content, source_ids)
    if text:
        caption(text)


_CALLOUT_ICONS = {"info": ":material/info:", "warning": ":material/warning:", "success": ":material/check_circle:"}


def callout(kind: str, text: str) -> None:
    """A boxed note (info, warning or success) with an icon, so colour is never the only signal.

    An info or success box is static, not news: the page's watcher (components/a11y.py, mounted by
    the shell on every run) takes away the `role="status"` Streamlit gives it, so it is not a live
    region read again on every step. A warning stays an alert (the room is unavailable)."""
    getattr(st, kind)(escape_html(text), icon=_CALLOUT_ICONS[kind])


def note(text: str, icon: str = ":material/info:") -> None:
    """A quiet boxed note: an icon and the text in a bordered box. Not a callout: st.warning and
    st.error are announced as alerts (role="alert"), st.info and st.success as status messages;
    a note that is not news (a caveat about a model) should not interrupt a screen reader."""
    with st.container(border=True):
        st.markdown(f"{icon} {escape_html(text)}")
