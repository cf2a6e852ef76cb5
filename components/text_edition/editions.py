"""The text edition in the reader's language: where its links go in an edition, the row of language
links on every text page, and the notice on a draft translation. The choices themselves (which
editions are listed, their names, which files are drafts, a text page's path) come from
components/editions_served.py, shared with the app's runs (components/language_ui.py).

A text page in an edition lives at `/text/<locale>/<page>` (English at `/text/<page>`, or at
`/text/en/<page>` when chosen by name), so the links between its pages (`get-help`, `cycle`, `./`) are
relative and stay in whichever the reader is in. The links to another edition (the language row, the
draft notice's English page) are written from the text edition's root (`text_root`, the app's root
when served) with `editions_served.text_path`, English's as `text/en/...`: `/text/cycle` sends a
reader whose browser prefers another edition back to it, so a link meaning "in English" names it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from components import editions_served as served
from components.editions_served import LANG
from components.language import REFERENCE
from components.navigation import page_spec
from components.text_edition.doc import esc, markdown_inline

if TYPE_CHECKING:
    from components.content.registry import Content


def edition_href(text_root: str, page_id: str | None, locale: str) -> str:
    """The same text page in a given edition, named explicitly (`/text/en/cycle` for English)."""
    path = served.text_path(page_id, locale, explicit=True)
    return text_root.rstrip("/") + "/" + path


def app_href(app_root: str, path: str, locale: str) -> str:
    """The interactive page in the same edition: `?lang=<locale>`, nothing for English."""
    query = "" if locale == REFERENCE else f"?{LANG}={esc(locale)}"
    return app_root.rstrip("/") + "/" + path + query


def language_row(content: Content, page_id: str | None, text_root: str | None) -> str:
    """One link per listed edition to the same text page in it, each named and marked in its own
    language; the current one is text, marked aria-current. English is always listed, a pseudo-locale
    never; nothing while English is the only edition (or with no root to link from)."""
    found = served.editions()
    listed = found.listed
    if text_root is None or len(listed) < 2:
        return ""
    current = content.ui.language
    items = []
    for locale in listed:
        name, tag = esc(found.names.get(locale, locale)), esc(locale)
        if locale == current:
            items.append(f'<li><span lang="{tag}" aria-current="true">{name}</span></li>')
        else:
            href = esc(edition_href(text_root, page_id, locale))
            items.append(f'<li><a lang="{tag}" hreflang="{tag}" href="{href}">{name}</a></li>')
    label = content.ui.labels["language_switch"]
    return (
        f'<nav class="languages" aria-label="{esc(label)}">'
        f'<span class="languages-label" aria-hidden="true">{esc(label)}</span>'
        f"<ul>{''.join(items)}</ul></nav>"
    )


def draft_notice(content: Content, page_id: str | None, text_root: str | None) -> str:
    """Until a native speaker and a domestic-abuse specialist have both reviewed the files a page
    shows, the page says it is a draft translation and links the same page in English."""
    locale = content.ui.language
    uses = page_spec(page_id).uses if page_id else ()
    if not served.is_draft(locale, uses):
        return ""
    english = edition_href(text_root, page_id, REFERENCE) if text_root is not None else "../" + (page_id or "")
    words = content.ui.labels["draft_translation"].format(url=english)
    return f'<p class="draft-note" role="note">{markdown_inline(words)}</p>'
