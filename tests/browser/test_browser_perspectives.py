"""The "What practitioners say" page in a real browser: both charts are named figures, the filter
and highlight live in the URL (chosen with the keyboard, kept on reload), axe-core stays clean.
(No foreign host, presenter type size: tests/browser/test_browser.py checks those for every page.)"""

from __future__ import annotations

from playwright.sync_api import expect

from browser_helpers import SHOTS, axe_violations, draw_charts, no_exception, open_app_page, url_param, wait_ready


def test_deep_link_filtered_and_highlighted(page, app_server):
    open_app_page(page, app_server.url, "perspectives", "?condition=space-to-heal&person=audrey-hope")
    no_exception(page)
    assert url_param(page, "condition") == "space-to-heal" and url_param(page, "person") == "audrey-hope"
    draw_charts(page)
    figures = page.locator('[role="figure"]')
    expect(figures).to_have_count(2)
    for i in range(2):
        assert figures.nth(i).get_attribute("aria-label")
    expect(page.locator(".st-key-perspective_carrie-mead")).to_be_visible()
    expect(page.locator(".st-key-perspective_audrey-hope")).to_have_count(0)  # filtered out, and the page says so
    expect(page.locator("body")).to_contain_text("Audrey Hope does not name this condition", use_inner_text=True)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "perspectives-filtered.png"), full_page=True)
    assert axe_violations(page) == []


def test_choose_condition_with_keyboard_then_reload(page, app_server):
    open_app_page(page, app_server.url, "perspectives")
    box = page.locator(".st-key-perspectives_condition input")
    box.click()
    page.keyboard.type("Willingness to forgive")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('condition=forgiveness')", timeout=30_000)
    wait_ready(page)
    expect(page.locator('[class*="st-key-perspective_"]')).to_have_count(1)  # only Carrie Mead names it
    page.reload()
    wait_ready(page)
    assert url_param(page, "condition") == "forgiveness"
    expect(page.locator(".st-key-perspectives_condition input")).to_have_value("Willingness to forgive")
    expect(page.locator(".st-key-perspective_carrie-mead")).to_be_visible()
