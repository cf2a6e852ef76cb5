"""The page kit: the few shapes pages are built of, so a page reads as layout.

- `page_start(content, page_id, intro, takeaway=...)`: the page's title (from ui.yaml), its one-line
  takeaway, and its opening text (folded behind "Read more" when there is a takeaway, so the page's
  main visual is on the first laptop screen).
- `takeaway(content, item)`: a subject page's one-line takeaway (its YAML's `takeaway:`), sourced.
- `read_more(content)`: a fold for longer reading that would push the main visual down.
- `bring_into_view(key)`: scroll the container keyed `key` to the top of the screen and put focus on
  its heading (after a button that opens something elsewhere on the page, e.g. "Read about it").
- `card(key, title, body, ...)`: a bordered container with a stable key (browser tests and CSS
  select on `.st-key-<key>`), a title, a Markdown body, whatever the page adds inside the `with`
  block, and last an optional sources line.
- `card_grid(items, per_row, key=...)`: one card per item, `per_row` to a row, every item shown
  however many there are; presenter mode may ask for fewer per row; `extra(item)` adds to a card;
  `title=` / `body=` name the item's attribute (or a function of the item) a card shows.
- `sources_of(content, items)`: one sources line for several items (the union of their sources).
- `helpline_cards(content, lines, key=...)`: help lines, one card each, as Get help shows them.

All text goes through components.text: Markdown with raw HTML shown as text, never unsafe HTML.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import streamlit as st

from components import presenter
from components.help import helpline_text
from components.routing import page_target
from components.text import md, sources_line
from components.wording import union_sources

if TYPE_CHECKING:
    from components.content.registry import Content

T = TypeVar("T", bound=Any)  # a content model with an `id` (and `sources`, when cards cite them)
Anchor = str | Literal[False] | None
Gap = Literal["small", "medium", "large"]
Field = str | Callable[[Any], str | None]  # an item's attribute name, or a function of the item


def field_of(item: Any, field: Field) -> str | None:
    """What a card shows of an item: `field(item)`, or the attribute so named (None if it has none)."""
    return field(item) if callable(field) else getattr(item, field, None)


def page_start(content: Content, page_id: str, intro: str | None = None, *, takeaway=None) -> None:
    """The page's title as ui.yaml names it, then its takeaway (if given) and its intro (Markdown) if
    it has one: behind "Read more" after a takeaway, so the first screen is the takeaway and the visual."""
    st.title(content.ui.pages[page_id].title)
    if takeaway is not None:
        _takeaway(content, takeaway)  # the function below (the argument shadows its name)
        if intro:
            with read_more(content):
                md(intro)
    elif intro:
        md(intro)


TAKEAWAY_KEY = "takeaway"  # browser tests and app.css ("Layout") select on .st-key-takeaway


def takeaway(content: Content, item) -> None:
    """A subject page's one-line takeaway (a models.base.Takeaway), set apart under the title: what
    the page shows, in one sentence, before any long reading, with its sources."""
    with st.container(key=TAKEAWAY_KEY):
        md(f"**{content.ui.labels['takeaway_label']}:** {item.text}")
        sources_line(content, list(item.sources))


_takeaway = takeaway


@contextlib.contextmanager
def read_more(content: Content, *, expanded: bool = False) -> Iterator[None]:
    """Longer reading folded away ("Read more"), so it does not push a page's main visual down."""
    with st.expander(content.ui.labels["read_more"], expanded=expanded, icon=":material/menu_book:"):
        yield


@contextlib.contextmanager
def card(
    key: str,
    title: str | None = None,
    body: str | None = None,
    *,
    heading: bool = False,
    anchor: Anchor = None,
    sources: Sequence[str] = (),
    content=None,
    where: Any = st,
) -> Iterator[None]:
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


def card_grid(
    items: Sequence[T],
    per_row: int,
    *,
    key: str,
    per_row_presenting: int | None = None,
    heading: bool = False,
    anchor: Anchor | Callable[[T], Anchor] = None,
    extra: Callable[[T], None] | None = None,
    content: Content | None = None,
    gap: Gap = "medium",
    title: Field = "title",
    body: Field = "body",
) -> None:
    """One card per item (key `{key}_{item.id}`; its `title` and `body`, or the attributes or functions
    those name), `per_row` cards to a row (`per_row_presenting` while presenting), each row its own
    set of columns so no item is ever left out, in reading order; one to a row is a plain list of
    cards. `anchor` may be a function of the item (each heading its own link target). `extra(item)`
    adds to an item's card after its body; with `content`, each card ends with
    the item's own sources."""
    if per_row_presenting and presenter.is_presenting():
        per_row = per_row_presenting
    for start in range(0, len(items), per_row):
        row = items[start : start + per_row]
        places = st.columns(per_row, gap=gap) if per_row > 1 else [st] * len(row)
        for place, item in zip(places, row):
            with card(
                f"{key}_{item.id}",
                field_of(item, title),
                field_of(item, body),
                heading=heading,
                anchor=anchor(item) if callable(anchor) else anchor,
                sources=item.sources if content is not None else (),
                content=content,
                where=place,
            ):
                if extra:
                    extra(item)


def helpline_cards(content: Content, lines: Iterable[Any], *, key: str = "line") -> None:
    """Help lines as Get help shows them: one card each (key `{key}_{line.id}`), the line's name as
    its heading and components.help.helpline_text as its body (how to reach it, hours, who it
    serves, where it was seen and whether anyone has confirmed it live)."""
    labels, published = content.ui.labels, content.help.published_on.isoformat()
    for line in lines:
        with card(f"{key}_{line.id}", line.name, helpline_text(line, labels, published), heading=True, anchor=False):
            pass


def help_section_link(content: Content, section: str, label: str, icon: str = ":material/support:") -> None:
    """A link to one of Get help's sections ("under-18", "crisis"): Get help opens with it first and
    scrolls to it (its `?show=`). The safety line under the exit and the teen therapy path use it."""
    st.page_link(page_target("get-help", content), label=label, icon=icon, query_params={"show": section})


def sources_of(content: Content, items: Iterable[Any]) -> None:
    """One small line naming every source of several items (a grid, a list of points)."""
    sources_line(content, union_sources(items))


# Runs in the page itself (Streamlit's v2 components have no iframe). The key arrives as data; it is
# only ever a container key chosen in code, and is used in a selector, never written as HTML.
_BRING_JS = (Path(__file__).resolve().parent / "page_kit_bring.js").read_text(encoding="utf-8")
_bring = st.components.v2.component("healthy_bonds.bring_into_view", js=_BRING_JS, isolate_styles=False)


def bring_into_view(key: str, run: int) -> None:
    """Scroll the container keyed `key` into view and focus its heading (else its first button), once per
    `run` (a counter the page raises on each click: a new element, so its script runs again)."""
    _bring(key=f"bring_{key}_{run}", data={"key": key})
