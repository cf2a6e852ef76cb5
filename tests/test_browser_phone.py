"""The app in the hand: a 390x844 touch phone (issue 20, points 2, 4 and 5).

- Get help's first view is short: the reader's emergency number, every other one, and their region's
  first helpline are within two screens, with at most one warning box above them.
- Every control a finger uses is at least 44x44 px on every page, the side panel's links too.
- The healthy / unhealthy / abusive comparison shows one dimension's three levels on one screen.
"""

from __future__ import annotations

import pytest

from browser_helpers import SHOTS, axe_violations, open_app_page
from components.navigation import PAGES

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCREEN = 844


@pytest.fixture
def phone(browser, app_server):
    """A fresh phone tab (British English, so Get help opens on the UK)."""
    context = browser.new_context(**PHONE, locale="en-GB")
    yield context.new_page()
    context.close()


def _top(p, selector: str) -> float:
    """Where an element starts, in px from the top of the page (the page has not scrolled)."""
    return p.locator(selector).first.bounding_box()["y"]


# --------------------------------------------------------------------------- Get help's first view (20.2)

ALERTS_ABOVE = """(limit) => [...document.querySelectorAll('[data-testid="stAlert"]')]
    .filter((a) => a.offsetParent !== null && a.getBoundingClientRect().top < limit).length"""


@pytest.mark.parametrize(("locale", "first_line"), [
    ("en-GB", "uk-national-da-helpline"), ("en-US", "us-ndvh"), ("fr-FR", "us-ndvh")])  # fr-FR: every region
def test_get_help_first_view_is_short_on_a_phone(browser, app_server, content, locale, first_line):
    context = browser.new_context(**PHONE, locale=locale)
    p = context.new_page()
    try:
        open_app_page(p, app_server.url, "get-help")
        line_top = _top(p, f".st-key-line_{first_line}")
        numbers = p.locator(".st-key-help_numbers").bounding_box()
        # every emergency number can be tapped (the short list), and the region's first line begins,
        # within two phone screens of the top of the page
        assert numbers["y"] + numbers["height"] < 2 * SCREEN, numbers
        assert line_top < 2 * SCREEN, line_top
        shown = p.locator('.st-key-help_numbers a[href^="tel:"]:visible').count()
        assert shown >= len(content.help.immediate_danger.numbers)
        assert p.evaluate(ALERTS_ABOVE, line_top) <= 1  # no wall of warning boxes before the lines
        assert p.locator('[data-testid="stAlert"]:visible').count() <= 1  # flags are quiet text in each entry
        if locale == "en-GB":  # the reader's own number first, in full (the Silent Solution note)
            first = p.locator(".st-key-help_numbers li").first.inner_text()
            assert first.startswith("United Kingdom: 999") and "55" in first
            SHOTS.mkdir(exist_ok=True)
            p.screenshot(path=str(SHOTS / "get-help-phone-first-view.png"))
    finally:
        context.close()
