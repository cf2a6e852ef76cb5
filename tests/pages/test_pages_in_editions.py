"""Every page runs in every edition: `?lang=es` and `?lang=xx` give that edition's words in the shell and
the page, keep `?lang=` across a move between pages, offer the language switch (each edition in its own
name and language), and show the draft notice where the edition's files are not yet reviewed."""

from __future__ import annotations

import pytest

from components.content import load_content
from components.navigation import PAGES
from conftest import CONTENT, all_text, open_page, qp

EDITIONS = {locale: load_content(CONTENT, locale) for locale in ("es", "xx")}


def html_bodies(at) -> str:
    return "\n".join(e.proto.body for e in at.get("html"))


@pytest.mark.parametrize("locale", sorted(EDITIONS))
@pytest.mark.parametrize("page_id", [spec.id for spec in PAGES])
def test_each_page_runs_in_each_edition(page_id, locale):
    at = open_page(page_id, go_on=True, lang=locale)
    assert not at.exception, [e.value for e in at.exception]
    edition = EDITIONS[locale]
    titles = [str(t.value) for t in at.title]
    english = load_content(CONTENT).ui
    if page_id != "welcome":  # the welcome page's heading is the app's name in every edition
        assert edition.ui.pages[page_id].title in titles and english.pages[page_id].title not in titles
    # the navigation names every page in the edition
    links = {str(link.proto.label) for link in at.get("page_link")}
    assert {edition.ui.pages[spec.id].title for spec in PAGES} <= links
    bodies = html_bodies(at)
    # the switch: English and (for a listed edition) this one; the current one is text, not a link
    assert 'lang="en" hreflang="en"' in bodies
    assert f'<span lang="{locale}" aria-current="true">' in bodies
    if locale == "es":  # every Spanish file is a draft until reviewed: the page says so, with the English page
        assert 'data-testid="draft-notice"' in bodies and "lang=en" in bodies
        assert "traducción en borrador" in bodies
    else:  # a pseudo-locale is never a draft, and never listed
        assert 'data-testid="draft-notice"' not in bodies
        assert 'hreflang="xx"' not in bodies


def test_the_edition_is_kept_across_pages():
    at = open_page("cycle", lang="es")
    at.switch_page("pages/glossary.py").run()
    assert not at.exception
    assert qp(at, "lang") == "es"
    assert EDITIONS["es"].ui.pages["glossary"].title in [str(t.value) for t in at.title]


def test_the_browser_language_chooses_when_no_edition_is_asked_for():
    at = open_page("welcome", locale="es-MX")
    assert EDITIONS["es"].ui.app_title in all_text(at) or not at.exception
    assert 'aria-current="true">Español<' in html_bodies(at)
    english = open_page("welcome", locale="en-GB")
    assert 'aria-current="true">English<' in html_bodies(english)


def test_english_has_no_draft_notice_and_links_the_other_editions():
    at = open_page("cycle", lang="en")
    bodies = html_bodies(at)
    assert 'data-testid="draft-notice"' not in bodies
    assert '<a lang="es" hreflang="es" href="?lang=es">Español</a>' in bodies
