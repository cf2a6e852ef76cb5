"""The text edition in a real browser: readable with JavaScript off, the same quick exit, axe-clean,
strict headers, only the page itself fetched; the app's pages link to it in the same tab; and
Streamlit's static bundles arrive compressed from the app's own process."""

from __future__ import annotations

import gzip
import urllib.request
from urllib.parse import urlparse

import pytest

from browser_helpers import axe_violations, open_app_page
from components.text_edition import TEXT_PAGES
from conftest import CSP_WATCH

SAFETY = {"referrer-policy": "no-referrer", "x-content-type-options": "nosniff", "x-frame-options": "DENY"}


def _get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request) as r:
        return {k.lower(): v for k, v in r.headers.items()}, r.read()


def _exit_visits(landing) -> list[tuple[str, str | None]]:
    return [r for r in landing.requests if r[0] == "/weather"]


def test_text_pages_need_no_javascript_and_fetch_nothing_else(browser, app_server, exit_landing):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    p = context.new_page()
    fetched: list[str] = []
    p.on("request", lambda r: fetched.append(r.url))
    try:
        for page_id in TEXT_PAGES:
            fetched.clear()
            p.goto(f"{app_server.url}/text/{page_id}")
            assert p.locator("h1").count() == 1, page_id
            assert p.locator("main h2, main p").count() > 2, page_id
            # One request: the page (no script, stylesheet, font or image from anywhere).
            assert [urlparse(u).path for u in fetched if not u.startswith("data:")] == [f"/text/{page_id}"], fetched
        p.goto(f"{app_server.url}/text/get-help")
        # Every emergency number can be tapped to call.
        assert p.locator('main a[href^="tel:"]').count() >= 5
        # The exit is the first thing a keyboard reaches, and leaves as a plain link.
        p.keyboard.press("Tab")
        assert p.evaluate("document.activeElement.id") == "hb-exit-button"
        exit_landing.requests.clear()
        p.get_by_role("button", name="Exit this page").click()
        p.wait_for_url(exit_landing.url, timeout=15_000)
        assert _exit_visits(exit_landing)[-1] == ("/weather", None)
    finally:
        context.close()


@pytest.mark.parametrize("page_id", ["", *TEXT_PAGES])
def test_text_page_is_accessible_with_its_exit_working(browser, app_server, exit_landing, page_id):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(CSP_WATCH)
    p = context.new_page()
    errors: list[str] = []
    p.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        p.goto(f"{app_server.url}/text/{page_id}")
        assert p.evaluate("document.documentElement.lang") == "en"
        assert axe_violations(p) == []
        # On a phone too: nothing wider than the screen (tables wrap), axe clean.
        p.set_viewport_size({"width": 390, "height": 844})
        assert p.evaluate("document.documentElement.scrollWidth") <= 390
        assert axe_violations(p) == []
        assert p.locator("[tabindex]").count() == 0  # no extra tab stops
        p.set_viewport_size({"width": 1366, "height": 900})
        assert p.evaluate("window.__cspViolations") == [] and errors == []
        # Skip link to the main content.
        assert p.locator('a.skip[href="#main"]').count() == 1 and p.locator("main#main").count() == 1
        exit_landing.requests.clear()
        for _ in range(3):
            p.keyboard.press("Shift")
        p.wait_for_url(exit_landing.url, timeout=15_000)
        assert _exit_visits(exit_landing)[-1] == ("/weather", None)
        # The exit replaced the page: Back does not return to it.
        p.go_back()
        assert "/text/" not in p.url
    finally:
        context.close()


def test_text_pages_carry_the_safety_headers_and_a_strict_policy(app_server):
    for path in ("/text/", "/text/get-help"):
        headers, body = _get(app_server.url + path, **{"Accept-Encoding": "gzip"})
        for name, value in SAFETY.items():
            assert headers[name] == value, (path, name)
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "'unsafe-eval'" not in csp and "blob:" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers.get("content-encoding") == "gzip"
        assert b"Exit this page" in gzip.decompress(body)


def test_every_app_page_links_to_its_text_version_in_the_same_tab(page, app_server):
    open_app_page(page, app_server.url, "cycle")
    link = page.get_by_test_id("text-version-link")
    assert link.get_attribute("target") is None
    link.click()
    page.wait_for_url(f"{app_server.url}/text/cycle")
    assert len(page.context.pages) == 1
    # ... and the text page links back to the interactive page.
    page.get_by_role("link", name="Open the interactive version of this page").click()
    page.wait_for_url(f"{app_server.url}/cycle")


def test_static_bundles_arrive_compressed_from_the_apps_own_process(app_server):
    _, index = _get(app_server.url + "/")
    script = next(
        part.split('"')[0]
        for part in index.decode().split('src="')[1:]
        if part.startswith("./static/js/") or part.startswith("static/js/") or part.startswith("/static/js/")
    )
    url = app_server.url + "/" + script.lstrip("./").lstrip("/")
    plain_headers, plain = _get(url)
    zipped_headers, zipped = _get(url, **{"Accept-Encoding": "gzip, deflate, br"})
    assert "content-encoding" not in plain_headers
    assert zipped_headers["content-encoding"] == "gzip" and "accept-encoding" in zipped_headers["vary"].lower()
    assert gzip.decompress(zipped) == plain
    assert len(zipped) < len(plain) / 2
    assert zipped_headers["x-content-type-options"] == "nosniff"
    again_headers, again = _get(url, **{"Accept-Encoding": "gzip"})  # from memory, the same bytes
    assert again == zipped and again_headers["cache-control"] == zipped_headers["cache-control"]


def test_a_text_page_in_the_pseudo_locale_fits_a_phone(browser, app_server):
    """The longest words (the pseudo-locale's, about 35% longer, accented) still fit a phone's width and
    pass axe, in the edition's language, and the page links within its edition."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    p = context.new_page()
    try:
        p.goto(f"{app_server.url}/text/xx/cycle")
        assert p.evaluate("document.documentElement.lang") == "xx"
        assert p.locator("h1").inner_text().startswith("«")
        assert p.evaluate("document.documentElement.scrollWidth") <= 390
        # `xx` is made up on purpose, so it is no valid language tag (html-lang-valid); every other rule
        # passes. A real edition's tag (`es`) passes that one too.
        assert [v for v in axe_violations(p) if not v.startswith("html-lang-valid:")] == []
        links = p.eval_on_selector_all("nav.pages a", "(links) => links.map((a) => a.href)")
        assert links == [f"{app_server.url}/text/xx/", f"{app_server.url}/cycle?lang=xx"]
    finally:
        context.close()
