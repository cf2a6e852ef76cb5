"""Without JavaScript, in Chromium with scripts off, on a phone and a wide
screen: an app page shows its own <noscript> block in the YAML's words (not Streamlit's notice), the
exit never covers it, and the text edition's Get help says what Back does when the exit is a plain link."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from components.help import first_line
from components.text_edition.doc import markdown

SCREENS = {
    "phone": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True),
    "wide": dict(viewport={"width": 1920, "height": 1080}),
}


def plain(markup_or_text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup_or_text)).strip()


def words(md: str) -> str:
    import html

    return html.unescape(plain(markdown(md)))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def overlaps(a, b) -> bool:
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def exit_clear_of(p, selector: str) -> None:
    """Every box inside `selector` (headings, lines, links) is on screen apart from the exit's."""
    exit_box = p.locator("#hb-exit").bounding_box()
    assert exit_box and exit_box["height"] >= 44
    boxes = p.locator(f"{selector} :is(h1, h2, p, li, a, strong)").evaluate_all(
        "els => els.flatMap(e => [...e.getClientRects()].map(r => ({x: r.x, y: r.y, width: r.width, height: r.height})))"
    )
    assert boxes
    covered = [b for b in boxes if overlaps(exit_box, b)]
    assert not covered, (exit_box, covered)


@pytest.fixture(params=list(SCREENS))
def no_js(request, browser):
    context = browser.new_context(java_script_enabled=False, locale="en-GB", **SCREENS[request.param])
    yield context.new_page()
    context.close()


def test_get_help_without_javascript_gives_the_readers_numbers(no_js, app_server, content):
    p, h, labels = no_js, content.help, content.ui.labels
    p.goto(f"{app_server.url}/get-help")
    block = p.locator("#hb-noscript")
    assert block.is_visible()
    shown = squash(block.inner_text())
    assert squash(content.ui.pages["get-help"].title) in shown
    assert squash(labels["noscript_intro"]) in shown
    uk = next(r for r in h.regions if "GB" in r.countries)
    for number in (n for n in h.immediate_danger.numbers if uk.id in n.regions):
        assert squash(f"{number.region}: {number.number}") in shown
    line = first_line(h, uk.id, "domestic-abuse")
    assert squash(line.name) in shown
    assert p.locator('#hb-noscript a[href^="tel:"]').count() >= 2
    assert squash(words(h.quick_exit.back_note.no_script)) in shown
    link = p.get_by_role("link", name=labels["noscript_text_link"])
    assert link.get_attribute("href") == "/text/get-help"
    # Streamlit's own notice is gone, and nothing of the exit sits on the block
    body = p.locator("body").inner_text()
    assert "openapi" not in body and "You need to enable" not in body
    exit_clear_of(p, "#hb-noscript")
    # the hint about Shift is not shown where Shift does nothing
    assert not p.locator(".hb-exit-hint").is_visible()
    link.click()
    p.wait_for_url(f"{app_server.url}/text/get-help")


def test_another_app_page_without_javascript_links_its_text_page(no_js, app_server, content):
    p, labels = no_js, content.ui.labels
    p.goto(f"{app_server.url}/cycle")
    block = p.locator("#hb-noscript")
    assert block.is_visible()
    shown = squash(block.inner_text())
    assert squash(content.ui.pages["cycle"].title) in shown and squash(labels["noscript_intro"]) in shown
    assert squash(labels["help_immediate_heading"]) not in shown  # numbers are Get help's
    assert p.get_by_role("link", name=labels["noscript_text_link"]).get_attribute("href") == "/text/cycle"
    exit_clear_of(p, "#hb-noscript")


def test_text_get_help_without_javascript_says_back_returns_here(no_js, app_server, content):
    p, notes = no_js, content.help.quick_exit.back_note
    p.goto(f"{app_server.url}/text/get-help")
    note = p.locator(".hb-no-js")
    note.scroll_into_view_if_needed()
    assert note.is_visible()
    assert squash(note.inner_text()) == squash(words(notes.no_script))
    promise = p.locator(".hb-js-only")
    assert promise.count() == 1 and not promise.is_visible()
    assert squash(words(notes.single)) not in squash(p.locator("body").inner_text())
    exit_clear_of(p, ".hb-no-js")


def test_text_get_help_with_javascript_keeps_the_settings_note(page, app_server, content):
    notes = content.help.quick_exit.back_note
    page.goto(f"{app_server.url}/text/get-help")
    promise = page.locator(".hb-js-only")
    promise.scroll_into_view_if_needed()
    expect(promise).to_be_visible()
    assert squash(promise.inner_text()) == squash(words(getattr(notes, content.help.quick_exit.history)))
    assert squash(words(notes.no_script)) not in squash(page.locator("body").inner_text())
    expect(page.locator(".hb-exit-hint")).to_be_visible()
