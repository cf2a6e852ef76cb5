"""The text edition in every locale (rendered from the merged content, no server): it loses nothing
(the same headings, paragraphs, list items, links and table cells as in English, page by page), it
says `<html lang>` in the edition's language, and in the pseudo-locale no English is left but the
facts that stay as published (source titles, authors, publishers, addresses)."""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from components.content import load_content, locales
from components.text_edition import TEXT_PAGES, render_index, render_page
from conftest import CONTENT

PAGE_IDS = ["index", *TEXT_PAGES]
ELEMENTS = re.compile(r"<(h[1-6]|p|li|a|td|th|tr|details|summary|table|ul|ol)\b")
LETTERS = re.compile(r'(?s)<nav class="toc toc-letters".*?</nav>')
PLAIN_WORD = re.compile(r"(?<![\w/.-])[A-Za-z]{3,}(?![\w/.-])")  # the pseudo-locale writes none
DRAFT_NOTE = re.compile(r'(?s)<p class="draft-note" role="note">.*?</p>')  # what a draft edition adds


def _pages(content) -> dict[str, str]:
    return {"index": render_index(content, app_root=None)} | {
        p: render_page(content, p, app_root=None) for p in TEXT_PAGES
    }


def _words(page: str) -> str:
    body = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"https?://\S+|\S+@\S+", " ", text)


@pytest.fixture(scope="module")
def english(content) -> dict[str, str]:
    return _pages(content)


@pytest.mark.parametrize("locale", locales(CONTENT))
def test_the_text_edition_loses_nothing(english, locale):
    local = _pages(load_content(CONTENT, locale))
    assert local.keys() == english.keys()
    for page_id in PAGE_IDS:
        # the glossary's row of first letters follows the language's terms (fewer or more letters)
        mine, theirs = DRAFT_NOTE.sub("", LETTERS.sub("", local[page_id])), LETTERS.sub("", english[page_id])
        assert Counter(ELEMENTS.findall(mine)) == Counter(ELEMENTS.findall(theirs)), page_id
        assert f'<html lang="{locale}"' in local[page_id], page_id
    assert local["glossary"].count('<nav class="toc toc-letters"') == 1


def test_no_english_is_left_in_the_pseudo_locale(content):
    facts = {
        word
        for s in content.sources.sources
        for value in (s.title, s.author, s.publisher)
        if value
        for word in PLAIN_WORD.findall(value)
    }
    pages = _pages(load_content(CONTENT, "xx"))
    left = {
        page_id: sorted({w for w in PLAIN_WORD.findall(_words(page)) if w not in facts})
        for page_id, page in pages.items()
    }
    assert {k: v for k, v in left.items() if v} == {}
    # the check itself sees English: the English edition is full of it
    assert PLAIN_WORD.findall(_words(render_page(content, "glossary", app_root=None)))
