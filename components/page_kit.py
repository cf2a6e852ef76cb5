"""The page kit: the few shapes pages are built of, so a page reads as layout.

- `page_start(content, page_id, intro)`: the page's title (from ui.yaml) and its opening text.
- `card(key, title, body, ...)`: a bordered container with a stable key (browser tests and CSS
  select on `.st-key-<key>`), a title, a Markdown body, whatever the page adds inside the `with`
  block, and last an optional sources line.
- `card_grid(items, per_row, key=...)`: one card per item, `per_row` to a row, every item shown
  however many there are; presenter mode may ask for fewer per row; `extra(item)` adds to a card;
  `title=` / `body=` name the item's attribute (or a function of the item) a card shows.
- `sources_of(content, items)`: one sources line for several items (the union of their sources).

All text goes through components.text: Markdown with raw HTML shown as text, never unsafe HTML.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal, TypeVar

import streamlit as st

from components import presenter
from components.text import md, sources_line

T = TypeVar("T")
Anchor = str | Literal[False] | None
Gap = Literal["small", "medium", "large"]
Field = str | Callable[[Any], str | None]  # an item's attribute name, or a function of the item


def field_of(item: Any, field: Field) -> str | None:
    """What a card shows of an item: `field(item)`, or the attribute so named (None if it has none)."""
    return field(item) if callable(field) else getattr(item, field, None)


def page_start(content, page_id: str, intro: str | None = None) -> None:
    """The page's title as ui.yaml names it, then its intro (Markdown) if it has one."""
    st.title(content.ui.pages[page_id].title)
    if intro:
        md(intro)


@contextlib.contextmanager
def card(key: str, title: str | None = None, body: str | None = None, *, heading: bool = False,
         anchor: Anchor = None, sources: Sequence[str] = (), content=None, where: Any = st) -> Iterator[None]:
    """A bordered card keyed `key`: the title (bold text, or a subheader with `anchor` when
    `heading`), the body, what the `with` block adds, then the sources line (needs `content`).
    `where` is the column (or other container) the card goes in; the main area by default."""
    with where.container(border=True, key=key):
        if title:
            if heading:
                st.subheader(title, anchor=anchor)
            else:
                md(f"**{title}**")
        if body:
            md(body)
        yield
        if sources:
            sources_line(content, list(sources))


def card_grid(items: Sequence[T], per_row: int, *, key: str, per_row_presenting: int | None = None,
              heading: bool = False, anchor: Anchor | Callable[[T], Anchor] = None, extra: Callable[[T], None] | None = None,
              content=None, gap: Gap = "medium", title: Field = "title", body: Field = "body") -> None:
    """One card per item (key `{key}_{item.id}`; its `title` and `body`, or the attributes or functions
    those name), `per_row` cards to a row (`per_row_presenting` while presenting), each row its own
    set of columns so no item is ever left out, in reading order; one to a row is a plain list of
    cards. `anchor` may be a function of the item (each heading its own link target). `extra(item)`
    adds to an item's card after its body; with `content`, each card ends with
    the item's own sources."""
    if per_row_presenting and presenter.is_presenting():
        per_row = per_row_presenting
    for start in range(0, len(items), per_row):
        row = items[start:start + per_row]
        places = st.columns(per_row, gap=gap) if per_row > 1 else [st] * len(row)
        for place, item in zip(places, row):
            with card(f"{key}_{item.id}", field_of(item, title), field_of(item, body), heading=heading,
                      anchor=anchor(item) if callable(anchor) else anchor,
                      sources=item.sources if content is not None else (), content=content, where=place):
                if extra:
                    extra(item)


def union_sources(items: Iterable[Any]) -> list[str]:
    """The source ids of several items, each once, in a stable (sorted) order."""
    return sorted({s for item in items for s in item.sources})


def sources_of(content, items: Iterable[Any]) -> None:
    """One small line naming every source of several items (a grid, a list of points)."""
    sources_line(content, union_sources(items))
