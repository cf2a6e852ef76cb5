"""Keyboard and screen reader, second round, in Chromium at 1366x900: focus lands on
the page's heading after "Go on to the page"; the skip link takes the reader past the side menu to
the page's first control in a few Tab presses; the main area is no Tab stop; the stepper never walks
backwards; on the cycle the step announcer is the only live region of the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import no_exception, open_app_page, wait_param, wait_ready

ACTIVE_JS = """() => { const e = document.activeElement;
  return {tag: e.tagName, testid: (e.closest('[data-testid]') || e).getAttribute('data-testid') || '',
          key: [...((e.closest('[class*="st-key-"]') || e).classList)].find(c => c.startsWith('st-key-')) || '',
          text: (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 60)}; }"""


@pytest.fixture
def laptop(browser, app_server):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    yield context.new_page()
    context.close()


def _active(p) -> dict:
    return p.evaluate(ACTIVE_JS)


def _open_note(p, base: str, page_id: str) -> None:
    """A heavy page, opened fresh: its content note, drawn and settled."""
    p.goto(f"{base}/{page_id}")
    p.wait_for_selector(".st-key-content_note_go_on button", state="visible", timeout=60_000)
    p.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    p.wait_for_timeout(300)


def _tabs_until(p, match, limit: int = 60) -> int:
    """Tab presses from where the page is (just loaded: nothing focused yet) until `match(active)` holds."""
    for presses in range(1, limit + 1):
        p.keyboard.press("Tab")
        if match(_active(p)):
            return presses
    raise AssertionError(f"not reached in {limit} Tab presses")


def _skip(p) -> None:
    """From the top of the page: Tab to the skip link (the second stop, after the quick exit), Enter."""
    assert _tabs_until(p, lambda a: a["testid"] == "stSkipToContent", limit=2) == 2
    p.keyboard.press("Enter")


def test_go_on_puts_focus_on_the_pages_heading(laptop, app_server):
    _open_note(laptop, app_server.url, "cycle")
    laptop.locator(".st-key-content_note_go_on button").focus()
    laptop.keyboard.press("Enter")
    wait_ready(laptop)
    laptop.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H1'")
    heading = laptop.evaluate(
        "() => document.activeElement.closest('[data-testid=\"stMain\"]') !== null && document.activeElement.innerText"
    )
    assert heading == laptop.locator('[data-testid="stMain"] h1').first.inner_text()
    no_exception(laptop)


def test_skip_link_reaches_go_on_in_two_tabs_and_the_main_area_is_no_stop(laptop, app_server):
    _open_note(laptop, app_server.url, "cycle")
    # without the skip link: past the side menu and the safety line (24 presses when measured)
    without = _tabs_until(laptop, lambda a: a["key"] == "st-key-content_note_go_on")
    assert without > 15
    _open_note(laptop, app_server.url, "cycle")  # loaded again
    # with it: Tab (the quick exit), Tab (the skip link), Enter, and focus is on "Go on to the page"
    _skip(laptop)
    laptop.wait_for_function("() => document.activeElement.closest('.st-key-content_note_go_on') !== null")
    assert _active(laptop)["text"] == laptop.locator(".st-key-content_note_go_on button").inner_text()
    # the next Tab goes on to the note's other button: the skip link left no stop behind it
    laptop.keyboard.press("Tab")
    assert _active(laptop)["key"] == "st-key-content_note_elsewhere"
    # the main area is no Tab stop (Streamlit makes it tabindex 0); it can still be focused by script
    assert laptop.get_attribute('[data-testid="stMain"]', "tabindex") == "-1"
    stops = [a["testid"] for a in (_active(laptop) for _ in _tab_round(laptop))]
    assert "stMain" not in stops, stops


def _tab_round(p, limit: int = 80):
    """Tab once round the whole page (from the quick exit back to it), yielding at each stop."""
    p.focus('[data-testid="quick-exit"]')
    for _ in range(limit):
        p.keyboard.press("Tab")
        if _active(p)["testid"] == "quick-exit":
            return
        yield


def test_skip_link_reaches_get_helps_first_phone_link_in_two_tabs(laptop, app_server):
    open_app_page(laptop, app_server.url, "get-help")
    first_phone = laptop.locator('[data-testid="stMain"] a[href^="tel:"]').first
    phone = first_phone.get_attribute("href")
    # without the skip link it is 23 Tab presses; with it: the exit, the skip link, Enter
    assert (
        _tabs_until(
            laptop,
            lambda a: (
                a["tag"] == "A"
                and a["testid"] != "quick-exit"
                and laptop.evaluate("() => document.activeElement.getAttribute('href')") == phone
            ),
        )
        > 15
    )
    open_app_page(laptop, app_server.url, "get-help")  # loaded again
    _skip(laptop)
    laptop.wait_for_function("(href) => document.activeElement.getAttribute('href') === href", arg=phone)
    no_exception(laptop)


def test_stepper_on_its_last_step_keeps_focus_off_previous(laptop, app_server):
    open_app_page(laptop, app_server.url, "cycle")
    laptop.locator(".st-key-phase_next button").focus()
    laptop.keyboard.press("Enter")
    wait_param(laptop, "phase", "2")
    laptop.keyboard.press("Enter")
    wait_param(laptop, "phase", "3")
    laptop.wait_for_function("() => document.getElementById('hb-step-live').textContent.startsWith('Step 3 of 3: ')")
    # Next is disabled at the last step: focus goes to the step picker, not back to Previous
    laptop.wait_for_function("() => document.activeElement.closest('.st-key-phase_jump') !== null")
    assert laptop.locator(".st-key-phase_next button").is_disabled()
    assert not laptop.evaluate("() => document.activeElement.closest('.st-key-phase_prev')")
    # Enter again does not walk back a step; the picker's arrow opens the list of steps
    laptop.keyboard.press("Enter")
    laptop.keyboard.press("ArrowDown")
    laptop.wait_for_selector('[role="listbox"]', state="visible")
    assert laptop.evaluate("() => document.activeElement.closest('.st-key-phase_jump') !== null")
    assert laptop.evaluate("() => new URLSearchParams(location.search).get('phase')") == "3"
    no_exception(laptop)


def test_on_the_cycle_the_step_announcer_is_the_only_live_region(laptop, app_server):
    open_app_page(laptop, app_server.url, "cycle")
    laptop.locator(".st-key-phase_next button").click()
    wait_param(laptop, "phase", "2")
    expect(laptop.locator('[data-testid="stAlert"]').nth(3)).to_be_attached()  # the (4+) static boxes are still there
    # every live region in the page but the quick exit's own status line (which says "press Shift
    # 2 more times" while someone leaves): only the step announcer
    live = laptop.evaluate("""() => [...document.querySelectorAll(
        '[aria-live], [role=alert], [role=status], [role=log], [role=marquee], [role=timer]')]
        .filter(e => !e.closest('#hb-exit') && getComputedStyle(e).display !== 'none')
        .map(e => e.getAttribute('data-testid') || e.id || e.tagName)""")
    assert live == ["step-announcer"], live


def test_in_presenter_mode_the_skip_link_passes_the_presenter_bar(browser, app_server):
    """Projected, the page starts with the presenter bar (Menu, Room, ...): the skip link passes it
    and the safety line, to the page's own first control (on the cycle, the stepper's Next)."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    p = context.new_page()
    open_app_page(p, app_server.url, "cycle", "?present=1")
    bar_controls = p.locator(".st-key-presenter_bar button:visible, .st-key-presenter_bar a:visible").count()
    assert bar_controls >= 2
    p.focus('[data-testid="quick-exit"]')  # the top of the page: the exit, then the skip link
    p.keyboard.press("Tab")
    assert _active(p)["testid"] == "stSkipToContent"
    p.keyboard.press("Enter")
    p.wait_for_function(
        "() => document.activeElement && document.activeElement.closest('[data-testid=\"stMain\"]')"
        " && !document.activeElement.closest('.st-key-presenter_bar, .st-key-safety_bar')"
    )
    assert "Next" in _active(p)["text"]
    no_exception(p)
    context.close()
