"""The one way content text reaches the screen: Markdown, with any raw HTML shown as text.

Streamlit's markdown already refuses to run HTML unless `unsafe_allow_html=True`, which this app
never passes for content; escaping `<` as well means a tag typed into a YAML file is displayed
literally instead of silently vanishing, so an author can see and fix it.
"""

from __future__ import annotations

import streamlit as st


def escape_html(text: str) -> str:
    """Make `<` literal so Markdown never treats content as a tag (entities are decoded as text)."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def md(text: str, *, help: str | None = None) -> None:
    """Render one piece of content text."""
    st.markdown(escape_html(text), help=help)


def caption(text: str) -> None:
    st.caption(escape_html(text))


def sources_text(content, source_ids: list[str]) -> str:
    """'Sources: title (publisher); ...' for the given ids, or '' when none resolve."""
    names = []
    for sid in source_ids:
        src = content.sources_by_id.get(sid)
        if src is None:
            continue
        who = src.publisher or src.author or ""
        names.append(f"{src.title}" + (f" ({who})" if who else ""))
    return f"{content.ui.sources_label}: " + "; ".join(names) if names else ""


def small(text: str) -> str:
    """Markdown for a small line inside a text block (one element instead of a block and a caption).
    Use it, not italics, for secondary lines: italic text makes a phone fetch a second font file
    (138 KB) before the page settles. (Square brackets would end the directive early.)"""
    return f":small[{text.replace('[', '(').replace(']', ')')}]" if text else ""


def source_lines(content, src, cited_on: list[str] | None) -> list[str]:
    """One entry of the source list as Markdown lines, the same on the Sources page and its text
    page: kind and byline, summary, address, the sources it cites, the pages that cite it
    (`cited_on`, from navigation.pages_citing)."""
    labels = content.ui.labels
    byline = ", ".join(str(x) for x in (src.author, src.publisher, src.year) if x)
    lines = [f"**{labels[f'source_kind_{src.kind}']}**" + (f" · {byline}" if byline else ""), src.summary]
    if src.url:
        lines.append(src.url)
    if src.cited_in:
        lines.append(small(f"{labels['sources_cited_in']}: " + "; ".join(content.sources_by_id[c].title for c in src.cited_in)))
    lines.append(small(f"{labels['sources_cited_on']}: {', '.join(cited_on)}" if cited_on else labels["sources_not_cited"]))
    return lines


def sources_small(content, source_ids: list[str]) -> str:
    """sources_text as a small line inside a text block."""
    return small(sources_text(content, source_ids))


def sources_line(content, source_ids: list[str]) -> None:
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
