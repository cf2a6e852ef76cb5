"""The app in the hand: a 390x844 touch phone.

- Get help's first view is short: the reader's emergency number, every other one, and their region's
  first helpline are within two screens, with at most one warning box above them.
- Every control a finger uses is at least 44x44 px on every page, the side panel's links too.
- The healthy / unhealthy / abusive comparison shows one dimension's three levels on one screen.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import SHOTS, axe_violations, draw_charts, open_app_page, wait_ready
from components.help import dial_address
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


@pytest.mark.parametrize(
    ("locale", "first_line"), [("en-GB", "uk-national-da-helpline"), ("en-US", "us-ndvh"), ("fr-FR", "us-ndvh")]
)  # fr-FR: every region
def test_get_help_first_view_is_short_on_a_phone(browser, app_server, content, locale, first_line):
    context = browser.new_context(**PHONE, locale=locale)
    p = context.new_page()
    try:
        open_app_page(p, app_server.url, "get-help")
        line_top = _top(p, f".st-key-line_{first_line}")
        numbers = p.locator(".st-key-help_numbers").bounding_box()
        # every emergency number can be tapped (the short list) within two phone screens of the top
        assert numbers["y"] + numbers["height"] < 2 * SCREEN, numbers
        line = next(h for h in content.help.helplines if h.id == first_line)
        dial = dial_address(next(c.value for c in line.channels if c.kind == "phone"))
        if locale == "fr-FR":  # no region of ours: the lines follow the numbers, the first within two screens
            assert line_top < 2 * SCREEN, line_top
        else:  # the region's first line can be tapped on the first screen, at the top; its entry follows
            call = p.locator(f'.st-key-help_first a[href="{dial}"]').bounding_box()
            assert call["y"] + call["height"] < SCREEN, call
        expect(
            p.locator('.st-key-help_numbers a[href^="tel:"]:visible').nth(  # one for each number, or more
                len(content.help.immediate_danger.numbers) - 1
            )
        ).to_be_attached()
        assert p.evaluate(ALERTS_ABOVE, line_top) <= 1  # no wall of warning boxes before the lines
        assert p.locator('[data-testid="stAlert"]:visible').count() <= 1  # flags are quiet text in each entry
        if locale == "en-GB":  # the reader's own number first, in full (the Silent Solution note)
            first = expect(p.locator(".st-key-help_numbers li").first)
            first.to_have_text(re.compile(r"^\s*United Kingdom: 999"), use_inner_text=True)
            first.to_contain_text("55", use_inner_text=True)
            SHOTS.mkdir(exist_ok=True)
            p.screenshot(path=str(SHOTS / "get-help-phone-first-view.png"))
    finally:
        context.close()


# --------------------------------------------------------------------------- tap targets (20.4)

# Every control a finger can use, with the box a finger actually has to hit: a radio button's,
# checkbox's or toggle's whole label row; a picker's whole field (its small "Open" chevron is part of
# it); a slider's track (a tap anywhere on it moves the thumb there). Left out, and why:
# - elements no one can see or reach: zero size, off screen (the collapsed side panel slides off to
#   the left), inside a closed expander, fully transparent (a heading's "Link to heading" appears only
#   under a mouse), hidden from everyone;
# - the stepper's visually hidden clicker buttons (components/stepper/: a presentation clicker's
#   keys, not for fingers);
# - links inside a Markdown text block: WCAG 2.5.8's inline exception (a link in a sentence keeps the
#   line's height). Get help's call and text links are not left out: they are made to be tapped.
SMALL_TARGETS = """() => {
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  const sidebarShut = !sidebar || sidebar.getBoundingClientRect().right <= 1;
  const found = [], seen = new Set();
  const controls = 'button, a[href], [role=button], input, select, textarea, summary, [role=tab], '
    + '[role=combobox], [role=slider], [role=switch], [role=radio], [role=checkbox], [role=link]';
  for (const el of document.querySelectorAll(controls)) {
    if (el.closest('[class*="st-key-clicker_"]')) continue;
    if (sidebarShut && el.closest('[data-testid="stSidebar"]')) continue;
    if (el.closest('details:not([open]) > :not(summary)') || el.closest('[aria-hidden="true"]')) continue;
    let box = el;
    if (el.closest('label') && el.matches('input[type=radio], input[type=checkbox], [role=radio], [role=checkbox], [role=switch]'))
      box = el.closest('label');
    box = el.closest('[data-testid=stSelectbox] [role=group], [data-testid=stMultiSelect] [role=group], '
                     + '[data-testid=stSlider] [role=group] > div') || box;
    if (seen.has(box)) continue;
    seen.add(box);
    const r = box.getBoundingClientRect();
    if (!r.width || !r.height || r.right <= 0 || r.left >= innerWidth) continue;
    let clear = false;
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (parseFloat(s.opacity) === 0 || s.visibility === 'hidden') { clear = true; break; }
    }
    if (clear) continue;
    const inText = el.matches('a') && el.closest('[data-testid="stMarkdownContainer"]');
    const tapToCall = el.matches('a[href^="tel:"], a[href^="sms:"]') && el.closest('.st-key-help_numbers, .st-key-help_first, [class*="st-key-line_"]');
    if (inText && !tapToCall) continue;
    if (r.width >= 43.5 && r.height >= 43.5) continue;
    const name = (el.getAttribute('aria-label') || box.textContent || el.getAttribute('data-testid') || el.tagName)
      .replace(/\\s+/g, ' ').trim().slice(0, 40);
    found.push(`${name} (${el.getAttribute('data-testid') || el.tagName.toLowerCase()}): ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return found;
}"""

# Each page as it opens, and the states that show other controls (parts, modes, the reflection).
STATES = [(spec.id, "") for spec in PAGES] + [
    ("healthy-vs-toxic", "?part=wheel"),
    ("healthy-vs-toxic", "?part=signs"),
    ("healthy-vs-toxic", "?part=sorter"),
    ("healthy-vs-toxic", "?part=sorter&sorter=room"),
    ("healthy-vs-toxic", "?part=heal"),
    ("therapies", "?path=teen"),
    ("run-session", "?view=notes"),
]


def _wake(p) -> None:
    """Let every chart (and the widgets drawn with it) come up: components/visual.py waits for a scroll."""
    waiting = p.locator('[data-testid="chart-waiting"]')
    if waiting.count():
        draw_charts(p)


@pytest.mark.parametrize(("page_id", "query"), STATES, ids=[f"{i}{q}" for i, q in STATES])
def test_every_control_a_finger_uses_is_44px_on_a_phone(phone, app_server, page_id, query):
    open_app_page(phone, app_server.url, page_id, query)
    _wake(phone)
    if page_id == "healing":  # the opt-in reflection: a toggle, then six sliders
        phone.locator('[data-testid="stCheckbox"] label, [data-testid="stToggle"] label').last.click()
        phone.wait_for_selector('[data-testid="stSlider"]')
        wait_ready(phone)
    assert phone.evaluate(SMALL_TARGETS) == [], f"{page_id}{query}: controls under 44x44 px"


def test_the_side_panels_links_are_44px_on_a_phone(phone, app_server):
    open_app_page(phone, app_server.url, "glossary")
    phone.locator('[data-testid="stExpandSidebarButton"]').click()
    phone.wait_for_function(  # the panel has slid all the way in
        "() => { const r = document.querySelector('[data-testid=\"stSidebar\"]').getBoundingClientRect();"
        " return r.right > 200 && r.left >= 0; }",
        timeout=30_000,
    )
    links = phone.locator('[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]')
    expect(links.nth(9)).to_be_attached()  # ten or more
    assert all(box["height"] >= 44 for box in (links.nth(i).bounding_box() for i in range(links.count())))
    assert phone.evaluate(SMALL_TARGETS) == []  # its close button and switches too


def test_desktop_keeps_streamlits_sizes(page, app_server):
    """The phone rules stay on the phone: a laptop's Next button and page links keep their size."""
    open_app_page(page, app_server.url, "cycle")
    assert (
        page.locator('[data-testid="stSidebar"] a[data-testid="stPageLink-NavLink"]').first.bounding_box()["height"]
        < 40
    )
    assert page.locator('button[data-testid^="stBaseButton"]').first.bounding_box()["height"] < 44


# --------------------------------------------------------------------------- side by side on a phone (20.5)

ROW = '.st-key-hvt_levels_communication [data-testid="stHorizontalBlock"]'


def test_one_dimensions_three_levels_stay_side_by_side_on_a_phone(phone, app_server):
    """The comparison's three levels of a dimension are one row a finger swipes (not stacked down
    the page): their tops are level, the row scrolls sideways, and a keyboard reaches it."""
    open_app_page(phone, app_server.url, "healthy-vs-toxic", "?dimension=communication")
    columns = phone.locator(f"{ROW} > [data-testid='stColumn']")
    expect(columns).to_have_count(3)
    tops = [columns.nth(i).bounding_box()["y"] for i in range(3)]
    assert max(tops) - min(tops) < SCREEN and max(tops) - min(tops) <= 2, tops  # one row, not stacked
    assert phone.evaluate(
        f"() => {{ const r = document.querySelector('{ROW}');"
        " return r.scrollWidth > r.clientWidth + 100 && getComputedStyle(r).overflowX === 'auto'; }"
    )
    # keyboard: Tab from the last control before the row lands on the row (a focusable scroller)
    # (past the dimension's heading link; the Reveal button is disabled with every column shown)
    phone.locator(".st-key-hvt_reveal button").last.focus()
    reached = []
    for _ in range(3):
        phone.keyboard.press("Tab")
        reached.append(phone.evaluate(f"() => document.activeElement === document.querySelector('{ROW}')"))
    assert any(reached)
    assert phone.evaluate(f"() => document.querySelector('{ROW}').getAttribute('aria-labelledby')") == "communication"
    phone.screenshot(path=str(SHOTS / "healthy-vs-toxic-phone-side-by-side.png"))
    assert axe_violations(phone) == []
