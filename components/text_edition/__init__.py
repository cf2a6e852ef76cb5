"""The text edition: every page of the app as plain HTML, for slow phones, old browsers and no
JavaScript (`/text/` and `/text/<page-id>`), built from the same validated content as the app.

- `render_index(content, ...)` and `render_page(content, page_id, ...)` return whole documents, in the
  content's edition (`content.ui.language`): components/text_edition/editions.py writes its language
  row, its draft notice and the links that keep the edition.
- Each page's body is written by the function its PageSpec names (`text="cycle.render"`: one module
  per page here, `render(content, doc)`); TEXT_PAGES, page id -> that function in the registry's
  order, is built from components/navigation.py's PAGES, not listed again.
- components/text_edition/serve.py serves them from the app's own process (app.py adds the routes).
- `python -m components.export text --out DIR` writes them as files for any static host.

Links between text pages are relative (`cycle`, `./`), so they stay in the edition the reader is in
(`/text/es/cycle` -> `/text/es/get-help`, `/text/en/cycle` -> `/text/en/get-help`) and the same files
work on a static host that serves `cycle.html` for `/text/cycle`. Links to another edition (the
language row, the draft notice's English page) start from `text_root`, the app's root when served.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from components import quick_exit
from components.navigation import PAGES
from components.text_edition import editions, toc
from components.text_edition.doc import Doc, esc, markdown
from components.text_edition.page import document

if TYPE_CHECKING:
    from components.content.registry import Content

__all__ = ["TEXT_PAGES", "app_path", "render_index", "render_page"]

Renderer = Callable[[object, Doc], None]


def _renderer(name: str) -> Renderer:
    """The function a PageSpec's `text` names ("module.function" in this package)."""
    module, _, function = name.rpartition(".")
    return getattr(importlib.import_module(f"{__name__}.{module}"), function)


# page id -> its text page's renderer; the order of the index. Pages whose spec has no `text`
# (the facilitator's tools) have none.
TEXT_PAGES: dict[str, Renderer] = {spec.id: _renderer(spec.text) for spec in PAGES if spec.text}


def app_path(page_id: str) -> str:
    """The interactive page's path under the app's root ("" for the first page)."""
    return "" if page_id == "welcome" else page_id


def render_page(
    content: Content,
    page_id: str,
    *,
    app_root: str | None = "/",
    settings: quick_exit.ExitSettings | None = None,
    reader_region: str | None = None,
    text_root: str | None = None,
) -> str:
    """One text page; `app_root` is where the interactive app lives (None: no link to it);
    `reader_region`: the region to put first where a page has one (Get help), else the content's order;
    `text_root`: where the text edition's paths start (`/`: `/text/es/cycle`), for the links to the other
    editions (None: a static export, one edition, no language row)."""
    ui, locale = content.ui, content.ui.language
    doc = Doc(reader_region)
    doc.h(1, ui.app_title if page_id == "welcome" else ui.pages[page_id].title)
    if notice := editions.draft_notice(content, page_id, text_root):
        doc.raw(notice)
    if ui.pages[page_id].heavy:  # the app's content note, as the page's first paragraph (no button to pass)
        doc.raw(f'<div class="content-note">{markdown(ui.content_note.body)}</div>')
    body = Doc(reader_region)
    TEXT_PAGES[page_id](content, body)
    doc.raw(toc.with_contents(page_id, body.html(), ui.labels))  # long pages open on their contents
    return document(
        content,
        title=f"{ui.pages[page_id].title} · {ui.app_title}",
        body=doc.html(),
        settings=settings or quick_exit.settings(ui, content.help),
        app_href=None if app_root is None else editions.app_href(app_root, app_path(page_id), locale),
        index_href="./",
        help_href=None if page_id == "get-help" else "get-help",
        languages=editions.language_row(content, page_id, text_root),
    )


def render_index(
    content: Content,
    *,
    app_root: str | None = "/",
    settings: quick_exit.ExitSettings | None = None,
    text_root: str | None = None,
) -> str:
    ui, words, locale = content.ui, content.ui.text_edition, content.ui.language
    doc = Doc()
    doc.h(1, words.index_title)
    if notice := editions.draft_notice(content, None, text_root):
        doc.raw(notice)
    doc.md(words.index_intro)
    doc.h(2, words.pages_heading)
    doc.raw(
        "<ul>"
        + "".join(
            f'<li><a href="{pid}">{esc(ui.pages[pid].title)}</a>: {esc(ui.pages[pid].description)}</li>'
            for pid in TEXT_PAGES
        )
        + "</ul>"
    )
    return document(
        content,
        title=words.index_title,
        body=doc.html(),
        settings=settings or quick_exit.settings(ui, content.help),
        app_href=None if app_root is None else editions.app_href(app_root, "", locale),
        index_href="./",
        help_href="get-help",
        languages=editions.language_row(content, None, text_root),
    )
