"""The first view and stepping, in Chromium: stepping on a phone keeps the step next to its controls, hints
match the device, Next shows one arrow; each subject page opens with its takeaway and its main
visual on the first laptop screen (second phone screen); "Read about it" takes the reader to the card."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import open_app_page, wait_param, wait_ready

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LAPTOP = {"viewport": {"width": 1366, "height": 900}}

# Each subject page's main visual: the element whose top must be on the first screen.
MAIN_VISUAL = {
    "cycle": '[class*="st-key-cycle_chart"]',
    "healthy-vs-toxic": '[class*="st-key-hvt_level_"]',
    "relational-trauma": '[class*="st-key-closeness_chart_"]',
    "healing": ".st-key-stepper_step",
    "therapies": '[class*="st-key-th_map"]',
    "perspectives": '[class*="st-key-perspectives_spectrum"]',
}


@pytest.fixture
def phone(browser, app_server):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def laptop(browser, app_server):
    context = browser.new_context(**LAPTOP)
    yield context.new_page()
    context.close()


def _top(p, selector: str) -> float:
    return p.locator(selector).first.bounding_box()["y"]


def _available_width(p) -> float:
    """The width the page's content gets: the main column without its padding."""
    return p.evaluate("""() => { const m = document.querySelector('[data-testid="stMainBlockContainer"]');
        const s = getComputedStyle(m); return m.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); }""")


# (page, stepper name, the step's card title, the visual, the query that opens it)
# (the visual is the chart or, until charts wake, its placeholder of the same size: components/visual.py)
STEPPED = [
    ("cycle", "phase", ".st-key-cycle_phase_card h3", '[class*="st-key-cycle_chart"]', ""),
    ("relational-trauma", "pattern", ".st-key-pattern_card h3", '[class*="st-key-patterns_chart_"]', ""),
]


@pytest.mark.parametrize("page_id, name, title, visual, query", STEPPED, ids=[s[0] for s in STEPPED])
def test_phone_step_sits_next_to_its_controls(phone, app_server, page_id, name, title, visual, query):
    p = phone
    open_app_page(p, app_server.url, page_id, query)
    next_button = p.locator(f".st-key-{name}_next button")
    next_button.scroll_into_view_if_needed()
    next_button.tap()
    wait_param(p, name, "2")
    button_y = next_button.bounding_box()["y"]
    assert 0 <= button_y < 844
    # the words a tap changes sit right under the buttons (half a screen), the visual within one screen
    for what, most in ((title, 844 / 2), (visual, 844)):
        gap = _top(p, what) - button_y
        assert 0 < gap < most, f"{what} is {gap:.0f} px below Next (at most {most:.0f})"
    available = _available_width(p)
    assert p.locator(visual).first.bounding_box()["width"] >= 0.8 * available
    if page_id == "cycle":  # the circle itself uses the width, not a small circle in an empty box
        p.locator(visual).first.scroll_into_view_if_needed()
        p.locator(".st-key-cycle_chart .scatterlayer .trace").first.wait_for(timeout=60_000)
        ring = p.locator(".st-key-cycle_chart .scatterlayer .trace").first.bounding_box()
        assert ring["width"] >= 0.7 * available, f"circle {ring['width']:.0f} px of {available:.0f}"


HINT = re.compile("arrow key|keyboard", re.IGNORECASE)


@pytest.mark.parametrize("page_id", ["cycle", "healing"])
def test_keyboard_hints_only_where_there_is_a_keyboard(browser, app_server, page_id):
    for device, shown in ((PHONE, False), (LAPTOP, True)):
        context = browser.new_context(**device)
        p = context.new_page()
        try:
            open_app_page(p, app_server.url, page_id)
            main = expect(p.locator('[data-testid="stMain"]'))  # innerText: only what is shown
            if shown:
                main.to_contain_text(HINT, use_inner_text=True)
            else:
                # the tip is drawn (app.css hides it here): its absence is not a page still drawing
                p.locator("[class*='st-key-stepper_keys_']").first.wait_for(state="attached", timeout=30_000)
                main.not_to_contain_text(HINT, use_inner_text=True)
        finally:
            context.close()


def test_next_shows_one_arrow(laptop, app_server):
    open_app_page(laptop, app_server.url, "cycle")
    button = laptop.locator(".st-key-phase_next button")
    assert "→" not in button.inner_text()  # the icon is the one arrow; Streamlit's shortcut badge is hidden
    expect(button.locator('[data-testid="stIconMaterial"]')).to_have_count(1)


@pytest.mark.parametrize("page_id", list(MAIN_VISUAL))
def test_first_view_takeaway_and_main_visual(browser, app_server, page_id):
    for device, fold in ((LAPTOP, 900), (PHONE, 2 * 844)):
        context = browser.new_context(**device)
        p = context.new_page()
        try:
            open_app_page(p, app_server.url, page_id)
            takeaway = p.locator(".st-key-takeaway").bounding_box()
            assert takeaway and takeaway["y"] + takeaway["height"] <= fold
            visual = _top(p, MAIN_VISUAL[page_id])
            assert visual < (900 if device is LAPTOP else fold), f"{device['viewport']}: main visual at {visual:.0f}"
        finally:
            context.close()


@pytest.mark.parametrize("device", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_read_about_it_brings_the_card_into_view(browser, app_server, device):
    context = browser.new_context(**device)
    p = context.new_page()
    try:
        open_app_page(p, app_server.url, "therapies")
        items = p.locator('[class*="st-key-th_open_"] button:visible')
        button = items.nth(items.count() - 2)  # far down the list: on a phone the card is below all of it
        button.scroll_into_view_if_needed()
        button.tap() if device is PHONE else button.click()
        p.wait_for_function("() => new URLSearchParams(location.search).get('approach')", timeout=60_000)
        wait_ready(p)
        height = device["viewport"]["height"]
        p.wait_for_function(
            f"""() => {{ const c = document.querySelector('.st-key-th_card');
            if (!c) return false; const y = c.getBoundingClientRect().top; return y >= -2 && y < {height} / 2; }}""",
            timeout=30_000,
        )
        assert p.evaluate("() => document.activeElement.closest('.st-key-th_card') !== null")
    finally:
        context.close()
