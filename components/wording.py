"""Content's words as strings, with no Streamlit: the app's pages (through components/text.py,
which renders them), the text edition, the handouts and the help lines build on the same helpers.

- `escape_html(text)`: `<` made literal, so Markdown never treats content as a tag.
- `small(text)`: Markdown for a small line inside a text block.
- `sources_text(content, ids)` / `sources_small(content, ids)`: the "Sources: ..." line of an item.
- `source_lines(content, src, cited_on)`: one entry of the source list, as Markdown lines.
- `union_sources(items)`: the source ids of several items, each once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from components.content.registry import Content


def escape_html(text: str) -> str:
    """Make `<` literal so Markdown never treats content as a tag (entities are decoded as text)."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def small(text: str) -> str:
    """Markdown for a small line inside a text block (one element instead of a block and a caption).
    Use it, not italics, for secondary lines: italic text makes a phone fetch a second font file
    (138 KB) before the page settles. (Square brackets would end the directive early.)"""
    return f":small[{text.replace('[', '(').replace(']', ')')}]" if text else ""


def sources_text(content: Content, source_ids: list[str]) -> str:
    """'Sources: title (publisher); ...' for the given ids, or '' when none resolve."""
    names = []
    for sid in source_ids:
        src = content.sources_by_id.get(sid)
        if src is None:
            continue
        who = src.publisher or src.author or ""
        names.append(f"{src.title}" + (f" ({who})" if who else ""))
    return f"{content.ui.sources_label}: " + "; ".join(names) if names else ""


def sources_small(content: Content, source_ids: list[str]) -> str:
    """sources_text as a small line inside a text block."""
    return small(sources_text(content, source_ids))


def source_lines(content: Content, src, cited_on: list[str] | None) -> list[str]:
    """One entry of the source list as Markdown lines, the same on the Sources page and its text
    page: kind and byline, summary, address, the sources it cites, the pages that cite it
    (`cited_on`, from navigation.pages_citing)."""
    labels = content.ui.labels
    byline = ", ".join(str(x) for x in (src.author, src.publisher, src.year) if x)
    lines = [f"**{labels[f'source_kind_{src.kind}']}**" + (f" · {byline}" if byline else ""), src.summary]
    if src.url:
        lines.append(src.url)
    if src.cited_in:
        lines.append(
            small(f"{labels['sources_cited_in']}: " + "; ".join(content.sources_by_id[c].title for c in src.cited_in))
        )
    lines.append(
        small(f"{labels['sources_cited_on']}: {', '.join(cited_on)}" if cited_on else labels["sources_not_cited"])
    )
    return lines


def union_sources(items: Iterable[Any]) -> list[str]:
    """The source ids of several items, each once, in a stable (sorted) order."""
    return sorted({s for item in items for s in item.sources})
