"""Helpers for browser tests: open a page of the live app and wait for it, run axe-core."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from components.navigation import PAGES
from conftest import ROOT

SHOTS = ROOT / "tests" / "screenshots"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def wait_ready(p, timeout=60_000) -> None:
    """The page has rendered: the quick exit is mounted and Streamlit has stopped running."""
    p.wait_for_selector('[data-testid="quick-exit"]', state="visible", timeout=timeout)
    p.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)
    p.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=timeout)
    p.wait_for_timeout(300)


def open_app_page(p, base: str, spec_id: str, query: str = "", go_on: bool = True) -> None:
    p.goto(f"{base}/{'' if spec_id == PAGES[0].id else spec_id}{query}")
    p.wait_for_selector('[data-testid="quick-exit"]', state="visible", timeout=60_000)
    if go_on:
        pass_content_note(p)
    wait_ready(p)


def pass_content_note(p, timeout=60_000) -> None:
    """Wait until the page shows either its title or a heavy page's content note; go on past the note.
    (The quick exit mounts before the page body, so checking for the note at once would race it.)"""
    p.wait_for_selector(
        '[data-testid="stMainBlockContainer"] h1, .st-key-content_note_go_on button', state="visible", timeout=timeout
    )
    note = p.locator(".st-key-content_note_go_on button")
    if note.count():
        note.click()


def url_param(p, key: str) -> str | None:
    """One query parameter of the tab's current address (the last, if repeated), or None."""
    values = parse_qs(urlparse(p.url).query).get(key)
    return values[-1] if values else None


def wait_param(p, key: str, value: str, timeout: int = 60_000) -> None:
    """Wait until the address carries key=value and the app has finished the run that wrote it."""
    p.wait_for_function(
        "([k, v]) => new URLSearchParams(location.search).get(k) === v", arg=[key, value], timeout=timeout
    )
    wait_ready(p, timeout)  # the next key press goes to the re-rendered buttons


def shown_text(locator, pattern: str = r"\S") -> str:
    """The element's text once it matches `pattern` (a box is drawn before the words in it)."""
    expect(locator).to_have_text(re.compile(pattern), use_inner_text=True)
    return locator.inner_text().strip()


def wait_answer_in(p, timeout: int = 30_000) -> None:
    """Wait for /join's thank-you after Send; if it never comes, fail with what the page says instead."""
    try:
        p.wait_for_selector('[data-testid="stAlertContentSuccess"]', timeout=timeout)
    except PlaywrightError as err:
        said = p.locator('[data-testid="stAlert"]').all_inner_texts()
        raise AssertionError(f"no thank-you after Send; the page's notes say {said}") from err


def no_exception(p) -> None:
    assert p.locator('[data-testid="stException"]').count() == 0
    assert "Traceback" not in p.inner_text("body")


def csp_violations(p) -> list[str]:
    """Content-Security-Policy violations seen in the page (a tab made with conftest.CSP_WATCH)."""
    return p.evaluate("() => window.__cspViolations || ['CSP_WATCH was not installed in this tab']")


def axe_violations(p) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(p, options={"runOnly": {"type": "tag", "values": WCAG}})
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x) e.g. {v['nodes'][0]['target']}" for v in bad]


def scroll_down(p, pixels: int = 2500) -> None:
    """Scroll the page the way a person does, and check it really moved (Streamlit scrolls an inner pane)."""
    heading = p.locator("h1").first
    before = heading.bounding_box()["y"]
    p.mouse.move(600 if p.viewport_size["width"] > 600 else 200, 400)
    p.mouse.wheel(0, pixels)
    p.wait_for_timeout(500)
    assert heading.bounding_box()["y"] < before - 200, "the page did not scroll"


def draw_charts(p, timeout=60_000) -> None:
    """Scroll to the first chart still waiting (components/visual.py: charts draw once one is in
    view), then wait until every chart on the page has drawn."""
    waiting = p.locator('[data-testid="chart-waiting"]')  # (inside the component's shadow root: a locator sees it)
    if waiting.count():
        try:
            waiting.first.scroll_into_view_if_needed(timeout=15_000)
        except PlaywrightError:  # a chart that started drawing meanwhile took its placeholder away
            if waiting.count():  # (the locator then waits for one that never comes: a timeout)
                raise
    p.wait_for_function(
        "() => !document.querySelector('[data-testid=\"chart-waiting\"]')"
        " && document.querySelector('[role=\"figure\"]')",
        timeout=timeout,
    )
    wait_ready(p, timeout)


def wait_answered(projector, n: int) -> None:
    """Wait until the live room's panel on the projector says `n` have answered."""
    projector.wait_for_function(
        "(n) => (document.querySelector('.st-key-room_count')?.innerText || '').includes(n + ' answered')",
        arg=n,
        timeout=30_000,
    )
