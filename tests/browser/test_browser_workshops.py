"""Browser checks of facilitator mode: presentation clickers (Page Up / Page Down) move the step and
the URL, high contrast really is high contrast, and a paired notes device drives the projector."""

from __future__ import annotations

import base64

from playwright.sync_api import expect

from browser_helpers import SHOTS, axe_violations, no_exception, open_app_page, url_param, wait_param, wait_ready


def test_clicker_keys_move_the_step_and_url(page, app_server):
    open_app_page(page, app_server.url, "run-session", "?plan=classroom-45&segment=1&present=1")
    page.locator("h1").first.click()
    page.keyboard.press("PageDown")
    wait_param(page, "segment", "2")
    page.keyboard.press("PageDown")
    wait_param(page, "segment", "3")
    page.keyboard.press("PageUp")
    wait_param(page, "segment", "2")
    page.keyboard.press("ArrowRight")
    wait_param(page, "segment", "3")
    no_exception(page)
    # the clicker buttons are not displayed: no tab stop, no second "Next" read (test_browser_a11y)
    assert not page.locator(".st-key-clicker_segment").is_visible()


_CONTRAST_JS = """(sel) => {
  const lum = (c) => { const v = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(x => x / 255)
      .map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const bg = (el) => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor;
      const a = c.match(/[\\d.]+/g); if (a && (a.length < 4 || Number(a[3]) > 0.5)) return c; }
    return 'rgb(255, 255, 255)'; };
  return [...document.querySelectorAll(sel)].filter(e => e.offsetParent && e.innerText.trim()).slice(0, 30)
    .map(e => { const s = getComputedStyle(e); const a = lum(s.color), b = lum(bg(e));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      return [e.tagName + ' ' + e.innerText.trim().slice(0, 30), Math.round(ratio * 10) / 10, Number(s.opacity)]; });
}"""


def test_high_contrast_reaches_aaa_for_a_projector(projector, app_server):
    open_app_page(projector, app_server.url, "run-session", "?plan=workshop-90&segment=2&present=1&contrast=high")
    no_exception(projector)
    sel = (
        '[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li, '
        '[data-testid="stMainBlockContainer"] h1, [data-testid="stMainBlockContainer"] h2, '
        '[data-testid="stMainBlockContainer"] h3, [data-testid="stCaptionContainer"] p, '
        '[data-testid="stMainBlockContainer"] button p, [data-testid="stMainBlockContainer"] a span'
    )
    rows = projector.evaluate(_CONTRAST_JS, sel)
    assert len(rows) >= 10
    low = [r for r in rows if r[1] < 7 or r[2] < 1]
    assert not low, low  # WCAG AAA (7:1) everywhere, no faded text
    assert axe_violations(projector) == []
    projector.screenshot(path=str(SHOTS / "run-session-present-contrast.png"))


def _svg_path(svg: str) -> str:
    import re

    return re.search(r'class="qrline"[^>]* d="([^"]+)"', svg).group(1)


def test_notes_device_drives_the_projector(browser, app_server):
    """Pairing by QR code: the phone joins by the QR code's link (shown on the laptop's Run a session view,
    never on a projected screen), and every projector button works from it: go on past the opening
    screen (group agreement and content note), next segment, next step within the segment, the timer."""
    import segno

    from components.content import load_content
    from conftest import CONTENT

    plan = load_content(CONTENT).workshops["classroom-45"]
    plan_labels = load_content(CONTENT).ui.labels
    projector = browser.new_context(viewport={"width": 1920, "height": 1080})
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pp, np_ = projector.new_page(), phone.new_page()
    try:
        open_app_page(pp, app_server.url, "run-session", "?plan=classroom-45&segment=1&present=1")
        pp.locator(".st-key-pair_start button").click()
        pp.wait_for_selector(".st-key-pair_code_box h2", timeout=20_000)
        code = pp.locator(".st-key-pair_code_box h2").inner_text().strip()
        assert len(code) == 6
        # the QR code holds exactly the link shown under it: this app's own address, notes view, code
        link = f"{app_server.url}/run-session?view=notes&pair={code}"
        expect(pp.locator(".st-key-pair_qr a")).to_have_text(link, use_inner_text=True)
        qr = pp.locator(".st-key-pair_qr img")
        expect(qr).to_be_visible()
        assert qr.get_attribute("alt") and qr.is_visible() and qr.bounding_box()["width"] >= 200
        src = qr.get_attribute("src")
        assert src.startswith("data:image/svg+xml;base64,")  # drawn here: no request to any host
        drawn = _svg_path(base64.b64decode(src.split(",", 1)[1]).decode())
        assert drawn == _svg_path(segno.make(link, error="m").svg_inline())
        assert drawn != _svg_path(segno.make(link.replace(code, "ABCDEF"), error="m").svg_inline())
        assert axe_violations(pp) == []
        pp.screenshot(path=str(SHOTS / "run-session-paired.png"))

        np_.goto(link)  # what scanning the code opens: the code filled in; Connect, then the laptop allows
        np_.get_by_role("button", name=plan_labels["facilitate_code_connect"]).click(timeout=60_000)
        pp.locator(".st-key-pair_allow button").click(timeout=30_000)
        np_.wait_for_selector(".st-key-notes_next button", timeout=60_000)
        assert url_param(np_, "pair") is None  # the code left the address
        pp.locator(".st-key-pair_paired").wait_for(timeout=30_000)
        expect(pp.locator(".st-key-pair_code_box, .st-key-pair_qr")).to_have_count(0)  # hidden once paired

        # Show on the projector: the session opens on its group agreement, with the content note
        wait_ready(pp)
        pp.get_by_role("button", name=plan_labels["facilitate_show"]).click()
        pp.wait_for_selector(".st-key-group_agreement h1", timeout=30_000)
        assert url_param(pp, "view") == "agreement"
        for item in plan.group_agreement:
            expect(pp.locator(".st-key-group_agreement")).to_contain_text(item, use_inner_text=True)
        assert pp.locator(".st-key-pair_qr, img[src^='data:image/svg']").count() == 0  # no QR projected
        size = pp.locator(".st-key-group_agreement li").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 28, size  # large type for the back of a room
        assert axe_violations(pp) == []
        pp.screenshot(path=str(SHOTS / "run-session-agreement.png"))

        np_.locator(".st-key-notes_go_on button").click()  # the phone goes on past it
        pp.wait_for_url("**/get-help?**", timeout=30_000)
        np_.wait_for_selector(".st-key-notes_go_on", state="detached", timeout=30_000)

        np_.locator(".st-key-notes_next button").click()  # next segment
        pp.wait_for_url("**/healthy-vs-toxic?**", timeout=30_000)
        assert url_param(pp, "present") == "1"
        second = plan.segments()[1][1]
        for key, value in second.query.items():
            assert url_param(pp, key) == str(value), key
        assert pp.locator(".st-key-content_note_go_on").count() == 0  # no second note on the projector

        np_.wait_for_selector(".st-key-notes_step_next button", timeout=30_000)
        np_.locator(".st-key-notes_step_next button").click()  # the next column of the comparison
        wait_param(pp, "reveal", "2", timeout=30_000)

        np_.locator(".st-key-notes_timer_start button").click()  # the countdown, on both devices
        pp.wait_for_function(
            "() => /left of/.test(document.querySelector('.st-key-session_bar')?.innerText || '')", timeout=30_000
        )
        np_.wait_for_selector(".st-key-notes_timer_pause button", timeout=30_000)
        expect(np_.locator(".st-key-notes_timer")).to_contain_text("left of", use_inner_text=True)
        assert axe_violations(np_) == []
        np_.screenshot(path=str(SHOTS / "run-session-notes.png"), full_page=True)
        pp.wait_for_selector(".st-key-session_bar", timeout=30_000)
        no_exception(pp)
        no_exception(np_)
        assert pp.locator('[data-testid="quick-exit"]').is_visible()
        assert pp.locator(".st-key-pair_qr, img[src^='data:image/svg']").count() == 0
        pp.screenshot(path=str(SHOTS / "run-session-projector-segment.png"))
    finally:
        projector.close()
        phone.close()


def test_run_session_warns_that_a_local_address_reaches_no_phone(page, app_server):
    """The test server is on 127.0.0.1: next to the handout downloads, Run a session says the
    handouts cannot print that address (no phone in the room could open it), and the warning
    passes axe. (A network address is not warned about: test_workshops, through AppTest.)"""
    from components.content import load_content
    from conftest import CONTENT

    labels = load_content(CONTENT).ui.labels
    open_app_page(page, app_server.url, "run-session", "?plan=classroom-45&segment=2")
    no_exception(page)
    warning = page.locator('[data-testid="stAlert"]').filter(has_text=labels["facilitate_handout_local_address"][:40])
    warning.first.wait_for(timeout=15000)
    expect(warning.first).to_contain_text("127.0.0.1", use_inner_text=True)
    assert page.get_by_text(labels["facilitate_handout_participant"]).first.is_visible()
    assert axe_violations(page) == []
