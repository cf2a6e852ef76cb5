"""Real-browser checks against a live `streamlit run`: every page renders in the shell with its quick
exit, axe-core finds no serious or critical WCAG 2.1 A/AA issue, nothing breaks the
Content-Security-Policy, presenter mode enlarges the text, and no request leaves the machine.
(The quick exit itself is tried in test_browser_quick_exit.py.)"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from browser_helpers import (
    SHOTS,
    axe_violations,
    csp_violations,
    no_exception,
    open_app_page,
    pass_content_note,
    scroll_down,
    wait_ready,
)
from components.navigation import PAGES
from conftest import AppServer


@pytest.mark.parametrize("spec", PAGES, ids=[p.id for p in PAGES])
def test_page_renders_accessible_and_local(page, app_server, spec):
    open_app_page(page, app_server.url, spec.id)
    no_exception(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{spec.id}.png"), full_page=False)
    assert page.locator('[data-testid="quick-exit"]').is_visible()
    assert axe_violations(page) == []
    assert page.hosts_seen <= {"127.0.0.1"}, page.hosts_seen
    assert csp_violations(page) == []  # the app runs under its strict policy (components/web.py)
    # No italic or code text on first view: each would make a phone fetch another font file
    # (138 KB italic, 90 KB monospace) while the page loads (README, First load). Use text.small().
    extra = {f for f in page.fonts_seen if "Italic" in f or "SourceCode" in f}
    assert not extra, extra


# The size of the page's body text: the first ordinary paragraph under the page title (not the
# safety line, the presenter bar, widget labels, expander titles, captions or callouts).
BODY_TEXT_SIZE = """() => {
    const ps = [...document.querySelectorAll('[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] p')]
        .filter(p => !p.closest('.st-key-safety_bar, .st-key-presenter_bar, .st-key-session_bar, label, button, summary, [data-testid="stWidgetLabel"], '
            + '[data-testid="stCaptionContainer"], [data-testid="stAlert"], .st-key-content_note'));
    return ps.length ? parseFloat(getComputedStyle(ps[0]).fontSize) : null;  // null: not drawn yet
}"""


@pytest.mark.parametrize("spec", PAGES, ids=[p.id for p in PAGES])
def test_presenter_mode_at_1080p(browser, app_server, spec):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    p = context.new_page()
    try:
        open_app_page(p, app_server.url, spec.id)
        normal = p.wait_for_function(BODY_TEXT_SIZE, timeout=30_000).json_value()
        open_app_page(p, app_server.url, spec.id, "?present=1")
        no_exception(p)
        large = p.wait_for_function(BODY_TEXT_SIZE, timeout=30_000).json_value()
        assert large >= max(28, 1.3 * normal), (normal, large)  # 28 px: read from the back of a room
        assert not p.locator('section[data-testid="stSidebar"]').is_visible()
        assert p.locator('[data-testid="quick-exit"]').is_visible()
        p.screenshot(path=str(SHOTS / f"{spec.id}-present.png"))
    finally:
        context.close()


@pytest.mark.slow
def test_html_in_content_is_shown_as_text(browser, tmp_path, exit_landing):
    import shutil

    import yaml

    from conftest import CONTENT

    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    f = target / "welcome.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    data["intro"] = 'Before <script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> after'
    f.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    server = AppServer(target)
    context = browser.new_context()
    p = context.new_page()
    try:
        open_app_page(p, server.url, "welcome")
        assert p.evaluate("() => window.__pwned === undefined")
        assert "<script>window.__pwned = 1</script>" in p.inner_text("body")
    finally:
        context.close()
        server.stop()


@pytest.mark.slow
def test_broken_content_error_screen_in_browser(browser, tmp_path):
    import shutil

    from conftest import CONTENT

    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    (target / "glossary.yaml").write_bytes(b"terms:\n  - id: caf\xe9\n")
    server = AppServer(target)
    context = browser.new_context()
    p = context.new_page()
    try:
        p.goto(server.url + "/glossary")
        p.wait_for_selector('[data-testid="quick-exit"]', state="visible", timeout=60_000)
        p.wait_for_selector("h1", timeout=60_000)
        # the problem list arrives after the title: wait for it (a busy machine draws it later)
        p.get_by_text("glossary.yaml:2: (file): not valid UTF-8").first.wait_for(timeout=60_000)
        body = p.inner_text("body")
        assert "glossary.yaml:2: (file): not valid UTF-8" in body
        assert "Traceback" not in body
        p.screenshot(path=str(SHOTS / "error-screen.png"))
    finally:
        context.close()
        server.stop()


@pytest.mark.slow
@pytest.mark.parametrize("spec", [s for s in PAGES if s.id != PAGES[0].id][:3], ids=lambda s: s.id)
def test_fresh_server_deep_link_gets_full_shell(browser, browser_content, spec):
    """A workshop arriving by QR code at an inner page of a freshly started server (Streamlit's
    legacy router would run the pages/ file alone): the shell and quick exit must be there."""
    server = AppServer(browser_content)
    context = browser.new_context()
    p = context.new_page()
    try:
        p.goto(f"{server.url}/{spec.id}")
        p.wait_for_selector('[data-testid="quick-exit"]', state="visible", timeout=60_000)
        pass_content_note(p)
        wait_ready(p)
        no_exception(p)
        assert p.locator(".st-key-safety_bar").is_visible()
        assert urlparse(p.url).path == f"/{spec.id}"
    finally:
        context.close()
        server.stop()


def test_phone_width_keeps_exit_and_content_readable(browser, app_server):
    """Someone reading alone at night on a phone: the exit is on screen and nothing overflows sideways."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    p = context.new_page()
    try:
        open_app_page(p, app_server.url, "get-help")
        button = p.locator('[data-testid="quick-exit"]')
        box = button.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] < 80
        assert box["height"] >= 44 and box["width"] >= 44  # a tap target a finger does not miss
        scroll_down(p)
        assert button.is_visible() and button.bounding_box()["y"] < 80
        # every number can be tapped to call or text; a text line's keyword is already in the message
        expect(p.locator('a[href^="tel:"]').nth(7)).to_be_attached()  # eight or more
        expect(p.locator('a[href="sms:88788?&body=START"]').first).to_be_attached()  # at the top, and in its entry
        overflow = p.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1
        p.screenshot(path=str(SHOTS / "get-help-phone.png"))
        assert axe_violations(p) == []
    finally:
        context.close()


@pytest.mark.parametrize(
    ("locale", "region", "shown", "hidden"),
    [
        ("en-GB", "United Kingdom", "line_uk-national-da-helpline", "line_us-ndvh"),
        ("fr-FR", "All regions", "line_us-ndvh", None),
    ],
)
def test_get_help_opens_on_the_readers_region(browser, app_server, content, locale, region, shown, hidden):
    """A phone set to British English opens Get help on the UK's lines; a language naming no country
    we cover shows every region. Every region stays one choice away."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale=locale)
    p = context.new_page()
    try:
        open_app_page(p, app_server.url, "get-help")
        chosen = p.locator(".st-key-help_region input").input_value()
        labels = content.ui.labels
        assert (labels["help_all_regions"] if region == "All regions" else region) in chosen
        expect(p.locator(f".st-key-{shown}")).to_have_count(1)
        if hidden:
            assert p.locator(f".st-key-{hidden}").count() == 0
    finally:
        context.close()
