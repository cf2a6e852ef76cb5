"""The people who act first, on a 390x844 touch phone: for readers in the UK, the
US and Australia, Get help's crisis number can be tapped within its first two screens, and the lines
for young people and for a person in crisis are one tap from any page, in the app and in the text
edition."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import SHOTS, axe_violations, open_app_page, pass_content_note, wait_ready
from components.help import dial_address, first_line, region_for_locale

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SCREEN = 844
LOCALES = ["en-GB", "en-US", "en-AU"]


@pytest.fixture
def phone_in(browser):
    contexts = []

    def open_phone(locale: str):
        context = browser.new_context(**PHONE, locale=locale)
        contexts.append(context)
        return context.new_page()

    yield open_phone
    for context in contexts:
        context.close()


def _dial(line) -> str:
    """The start of the address a tap on the line's first number opens (tel:..., or sms: for a text line)."""
    channel = next(c for c in line.channels if c.kind in ("phone", "text"))
    return dial_address(channel.value) if channel.kind == "phone" else "sms:"


@pytest.mark.parametrize("locale", LOCALES)
def test_the_crisis_number_can_be_tapped_within_two_screens_of_get_help(phone_in, app_server, content, locale):
    p = phone_in(locale)
    open_app_page(p, app_server.url, "get-help")
    region = region_for_locale(content.help, locale)
    for kind in ("crisis", "youth"):
        line = first_line(content.help, region, kind)
        link = p.locator(f'.st-key-help_first a[href^="{_dial(line)}"]').first
        box = link.bounding_box()
        assert box and box["y"] + box["height"] < 2 * SCREEN, (kind, box)
        assert link.is_visible()
    emergency = p.locator('.st-key-help_first a[href^="tel:"]').first.bounding_box()
    assert emergency["y"] < SCREEN  # the emergency number on the first screen
    if locale == "en-GB":
        SHOTS.mkdir(exist_ok=True)
        p.screenshot(path=str(SHOTS / "get-help-phone-first-steps.png"))


@pytest.mark.parametrize(("locale", "start"), [("en-GB", "cycle"), ("en-US", "therapies"), ("en-AU", "welcome")])
@pytest.mark.parametrize(("label", "kind"), [("safety_youth_link", "youth"), ("safety_crisis_link", "crisis")])
def test_youth_and_crisis_lines_are_one_tap_from_any_page(phone_in, app_server, content, locale, start, label, kind):
    p = phone_in(locale)
    p.goto(f"{app_server.url}/{'' if start == 'welcome' else start}")
    p.wait_for_selector('[data-testid="quick-exit"]', state="visible", timeout=60_000)
    p.get_by_role("link", name=content.ui.labels[label]).first.click()  # one tap, even before a content note
    p.wait_for_url("**/get-help?show=*", timeout=60_000)
    pass_content_note(p)
    wait_ready(p)
    heading = p.locator(f".st-key-help_kind_{kind} h2").first
    heading.wait_for(state="visible", timeout=30_000)
    # the scroll to the section runs after the page has drawn: wait for it to land
    p.wait_for_function(
        f"""() => {{ const h = document.querySelector('.st-key-help_kind_{kind} h2');
        const y = h && h.getBoundingClientRect().top; return h && y >= 0 && y < {SCREEN / 2}; }}""",
        timeout=30_000,
    )
    box = heading.bounding_box()
    assert 0 <= box["y"] < SCREEN / 2, box  # in view, below the top bar, not scrolled past
    line = first_line(content.help, region_for_locale(content.help, locale), kind)
    call = p.locator(f'.st-key-line_{line.id} a[href^="{_dial(line)}"]').first
    assert call.bounding_box()["y"] < 2 * SCREEN
    assert axe_violations(p) == []


@pytest.mark.parametrize(("locale", "anchor", "kind"), [("en-GB", "crisis", "crisis"), ("en-AU", "under-18", "youth")])
def test_text_edition_links_to_the_readers_crisis_and_youth_lines(phone_in, app_server, content, locale, anchor, kind):
    p = phone_in(locale)
    p.goto(f"{app_server.url}/text/cycle")
    p.locator(f'header nav.quick-help a[href="get-help#{anchor}"]').click()
    p.wait_for_url(f"**/text/get-help#{anchor}")
    heading = p.locator(f"#{anchor}")
    box = heading.bounding_box()
    assert 0 <= box["y"] < SCREEN / 2, box
    region = region_for_locale(content.help, locale)
    assert (
        heading.evaluate(
            "(h) => { let e = h; while (e && !(e.id || '').startsWith('region-')) "
            "{ e = e.previousElementSibling; } return e && e.id; }"
        )
        == f"region-{region}"
    )
    line = first_line(content.help, region, kind)
    expect(p.locator(f'a[href^="{_dial(line)}"]').first).to_be_attached()


def test_on_a_phone_the_safety_line_is_one_short_sentence_and_on_a_laptop_the_whole_note(browser, app_server, content):
    for device, short in ((PHONE, True), ({"viewport": {"width": 1366, "height": 900}}, False)):
        context = browser.new_context(**device)
        p = context.new_page()
        try:
            open_app_page(p, app_server.url, "get-help")
            full_note = p.locator(".st-key-safety_note_full")
            short_note = p.locator(".st-key-safety_note_short")
            expect(short_note if short else full_note).to_be_visible()
            expect(full_note if short else short_note).to_be_hidden()
            shown = short_note if short else full_note
            box = shown.bounding_box()
            if short:  # one line of text at most two lines tall, the full width of the phone
                assert box["height"] < 50 and box["width"] > 300, box
                # the rest of what the exit does, on Get help, one tap away
                expect(p.locator('.st-key-safety_bar a[href$="/get-help"]')).to_have_count(1)
        finally:
            context.close()
