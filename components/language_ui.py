"""The reader's language in the app's runs: which edition this run shows, the language switch, and the
notice on a draft translation. Nothing is stored: the choice lives in the URL (`?lang=es`), copied into
the session only to survive a move between pages (navigation drops query parameters), as presenter
mode is (components/presenter.py).

The switch is a row of plain links, not a widget: choosing a language loads the page again, so the
first HTML (components/web.py) is in that language from its first byte: `<html lang>`, the quick exit's
label and its screen-reader announcements, and the no-JavaScript block.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from components import editions_served as served
from components.content import Content
from components.editions_served import LANG
from components.text_edition.doc import markdown_inline


def sync_from_url() -> None:
    """Keep `?lang=` across pages: read it from the URL, or write this session's choice back."""
    if LANG in st.query_params:
        st.session_state[LANG] = st.query_params[LANG]
    elif st.session_state.get(LANG):
        st.query_params[LANG] = st.session_state[LANG]


def asked() -> str | None:
    """The edition this session asked for by `?lang=`, if it is one the app offers (kept in links the
    app writes: QR codes, pairing). Anything else in the URL is ignored, never copied into a link."""
    value = st.query_params.get(LANG) or st.session_state.get(LANG)
    return value if value in served.editions().offered else None


def run_locale() -> str:
    """The edition for this run: `?lang=`, else the browser's languages, else English."""
    browser = st.context.headers.get("accept-language") if st.context.headers else None
    return served.pick(asked(), browser or st.context.locale)


def href_with(**params: str) -> str:
    """A relative link to this page with its query parameters and `params` replacing theirs."""
    query = {k: st.query_params[k] for k in st.query_params}
    query.update(params)
    return "?" + urlencode(query)


def switch(content: Content, where: str) -> None:
    """One link per edition, each named in its own language (and marked as that language, so a screen
    reader says it right); the current one is text. Nothing shows while English is the only edition."""
    found = served.editions()
    listed = found.listed
    current = content.ui.language
    if len(listed) < 2 and current in listed:
        return
    items = []
    for locale in dict.fromkeys([*listed, current]):
        name = html.escape(found.names.get(locale, locale))
        tag = html.escape(locale, quote=True)
        if locale == current:
            items.append(f'<li><span lang="{tag}" aria-current="true">{name}</span></li>')
        else:
            link = html.escape(href_with(lang=locale), quote=True)
            items.append(f'<li><a lang="{tag}" hreflang="{tag}" href="{link}">{name}</a></li>')
    label = html.escape(content.ui.labels["language_switch"], quote=True)
    st.html(
        f'<nav class="hb-languages" data-testid="language-switch-{where}" aria-label="{label}">'
        f'<span class="hb-languages-label" aria-hidden="true">{html.escape(content.ui.labels["language_switch"])}</span>'
        f"<ul>{''.join(items)}</ul></nav>"
    )


def draft_notice(content: Content, uses: tuple[str, ...]) -> None:
    """Until a native speaker and a domestic-abuse specialist have both reviewed the files a page shows,
    the page says it is a draft translation and links the same page in English."""
    locale = content.ui.language
    if not served.is_draft(locale, uses):
        return
    words = content.ui.labels["draft_translation"].format(url=href_with(lang="en"))
    st.html(f'<div class="hb-draft-note" role="note" data-testid="draft-notice">{markdown_inline(words)}</div>')
