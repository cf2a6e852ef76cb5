"""The Spanish edition in a real browser, as a Spanish-speaking reader meets it: chosen by the phone's
language or by `?lang=es`, in Spanish from the first HTML (`<html lang>`, the quick exit's label and
its announcements), kept while moving between pages, with a switch back to English, the draft notice,
axe-clean, and an exit whose Back never returns to the app."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import axe_violations, no_exception, open_app_page, pass_content_note, wait_ready
from components.content import load_content
from conftest import CONTENT

EXIT = '[data-testid="quick-exit"]'
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture(scope="module")
def spanish():
    return load_content(CONTENT, "es")


def test_a_phone_in_spanish_opens_the_spanish_edition_from_the_first_html(browser, app_server, spanish):
    context = browser.new_context(**PHONE, locale="es-MX")
    p = context.new_page()
    try:
        first = p.goto(f"{app_server.url}/get-help")
        html = first.text() if first else ""
        assert '<html lang="es">' in html and f">{spanish.ui.quick_exit_label}<" in html
        p.wait_for_selector(EXIT, state="visible", timeout=60_000)
        assert p.evaluate("document.documentElement.lang") == "es"
        pass_content_note(p)
        wait_ready(p)
        expect(p.locator("h1").first).to_have_text(spanish.ui.pages["get-help"].title)
        expect(p.get_by_test_id("draft-notice")).to_be_visible()
        assert axe_violations(p) == []
    finally:
        context.close()


def test_spanish_is_kept_across_pages_and_the_switch_goes_back_to_english(browser, app_server, spanish, content):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    try:
        open_app_page(p, app_server.url, "cycle", "?lang=es")
        sidebar = p.locator('[data-testid="stSidebar"]')
        sidebar.locator("a", has_text=spanish.ui.pages["glossary"].title).first.click()
        p.wait_for_url("**/glossary?lang=es", timeout=60_000)
        wait_ready(p)
        expect(p.locator("h1").first).to_have_text(spanish.ui.pages["glossary"].title)
        switch = p.get_by_test_id("language-switch-side")
        expect(switch.locator('[aria-current="true"]')).to_have_text("Español")
        switch.locator('a[hreflang="en"]').click()  # a plain link: the page loads again, in English
        p.wait_for_url("**/glossary?lang=en", timeout=60_000)
        p.wait_for_selector(EXIT, state="visible", timeout=60_000)
        wait_ready(p)
        assert p.evaluate("document.documentElement.lang") == "en"
        expect(p.locator(EXIT)).to_contain_text(content.ui.quick_exit_label)
        expect(p.locator("h1").first).to_have_text(content.ui.pages["glossary"].title)
        expect(p.get_by_test_id("draft-notice")).to_have_count(0)
        no_exception(p)
    finally:
        context.close()


def test_the_quick_exit_in_spanish_announces_leaves_and_back_never_returns(page, app_server, exit_landing, spanish):
    page.goto(exit_landing.before_url)
    entries = page.evaluate("history.length")
    open_app_page(page, app_server.url, "healthy-vs-toxic", "?lang=es")
    page.locator('[data-testid="stSidebar"] a', has_text=spanish.ui.pages["sources"].title).first.click()
    page.wait_for_url("**/sources?lang=es", timeout=60_000)
    wait_ready(page)
    expect(page.locator(EXIT)).to_contain_text(spanish.ui.quick_exit_label)
    words = spanish.ui.quick_exit_announce
    page.locator("h1").first.click()
    page.keyboard.press("Shift")
    expect(page.locator("#hb-exit-status")).to_have_text(words.press_two_more)
    page.keyboard.press("Shift")
    expect(page.locator("#hb-exit-status")).to_have_text(words.press_one_more)
    page.keyboard.press("Shift")
    page.wait_for_url(exit_landing.url, timeout=15_000)
    assert page.evaluate("history.length") == entries + 1  # one entry for the whole app
    for _ in range(3):
        page.go_back(timeout=15_000)
        page.wait_for_timeout(300)
        assert not page.url.startswith(app_server.url), f"Back showed the app again: {page.url}"
