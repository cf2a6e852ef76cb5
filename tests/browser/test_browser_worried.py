"""Worried about someone in a real browser: on a 390x844 touch phone in British
English and on a 1920x1080 projector in presenter mode. The content note is passed, axe-core finds
nothing serious, the console has no error, and the lines at the end are links a phone calls when
tapped, each at least 44x44 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import SHOTS, axe_violations, no_exception, open_app_page, pass_content_note, wait_ready
from components.help import call_links
from components.helping import lines_for

PAGE = "worried-about-someone"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _errors(p) -> list[str]:
    found: list[str] = []
    p.on("console", lambda m: m.type == "error" and found.append(m.text))
    p.on("pageerror", lambda e: found.append(str(e)))
    return found


@pytest.fixture
def phone(browser, app_server):
    context = browser.new_context(**PHONE, locale="en-GB")
    yield context.new_page()
    context.close()


def test_on_a_phone_the_lines_are_tappable(phone, app_server, content):
    errors = _errors(phone)
    phone.goto(f"{app_server.url}/{PAGE}")
    # a heavy page: its content note comes first, and going on shows the page
    phone.wait_for_selector(".st-key-content_note_go_on button", timeout=60_000)
    assert phone.locator("h1", has_text=content.ui.pages[PAGE].title).count() == 0
    pass_content_note(phone)
    wait_ready(phone)
    no_exception(phone)
    expect(phone.locator("h1", has_text=content.ui.pages[PAGE].title)).to_have_count(1)
    # every section, the practice section's place and the lines are there, in order
    ids = [s.id for s in content.helping.sections] + ["lines", "next"]
    tops = [phone.locator(f'[id="{i}"]').first.bounding_box()["y"] for i in ids]
    assert tops == sorted(tops)

    found = lines_for(content.help, "uk")
    expect(phone.locator(".st-key-worried_region input")).to_have_value(re.compile("United Kingdom"))  # from en-GB
    expected = {t for n in found.numbers for t in re.findall(r"\((tel:[^)]+)\)", call_links(n.number))}
    expected |= {
        t
        for line in found.lines()
        for c in line.channels
        if c.kind == "phone"
        for t in re.findall(r"\((tel:[^)]+)\)", call_links(c.value))
    }
    assert expected
    for t in expected:  # drawn before they are counted
        expect(
            phone.locator(f'.st-key-help_numbers a[href="{t}"], [class*="st-key-line_"] a[href="{t}"]').first
        ).to_be_attached()
    links = phone.locator('.st-key-help_numbers a[href^="tel:"], [class*="st-key-line_"] a[href^="tel:"]')
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert expected <= hrefs
    for i in range(links.count()):  # a finger can hit each one
        box = links.nth(i).bounding_box()
        assert box["width"] >= 43.5 and box["height"] >= 43.5, (links.nth(i).get_attribute("href"), box)

    phone.locator('[id="lines"]').first.scroll_into_view_if_needed()
    phone.wait_for_timeout(500)
    SHOTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(SHOTS / "worried-phone-lines.png"))
    assert axe_violations(phone) == []
    assert errors == []


def test_presenter_mode_on_a_projector(projector, app_server, content):
    errors = _errors(projector)
    open_app_page(projector, app_server.url, PAGE, "?present=1")
    no_exception(projector)
    assert "present=1" in projector.url
    assert projector.locator('[data-testid="stSidebar"]:visible').count() == 0  # the bar, not the side panel
    safety = projector.locator('[id="safety"]').first
    safety.scroll_into_view_if_needed()
    projector.wait_for_timeout(800)
    # the disagreement about calling the police is on screen in words, not only as a box
    police = next(p for p in content.helping.all_points() if p.id == "safety-police")
    expect(projector.get_by_text(police.body, exact=False).first).to_be_attached()
    # type for the back of a room: body text at least 28 px
    size = projector.evaluate("""() => parseFloat(getComputedStyle(document.querySelector(
        '.st-key-point_safety-police [data-testid="stMarkdownContainer"] p')).fontSize)""")
    assert size >= 27.5
    SHOTS.mkdir(exist_ok=True)
    projector.screenshot(path=str(SHOTS / "worried-present-safety.png"))
    assert axe_violations(projector) == []
    assert errors == []
