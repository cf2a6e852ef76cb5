"""Browser checks of facilitator mode: presentation clickers (Page Up / Page Down) move the step and
the URL, high contrast really is high contrast, and a paired notes device drives the projector."""

from __future__ import annotations

from browser_helpers import SHOTS, axe_violations, no_exception, open_app_page, url_param, wait_param


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
    sel = ('[data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li, '
           '[data-testid="stMainBlockContainer"] h1, [data-testid="stMainBlockContainer"] h2, '
           '[data-testid="stMainBlockContainer"] h3, [data-testid="stCaptionContainer"] p, '
           '[data-testid="stMainBlockContainer"] button p, [data-testid="stMainBlockContainer"] a span')
    rows = projector.evaluate(_CONTRAST_JS, sel)
    assert len(rows) >= 10
    low = [r for r in rows if r[1] < 7 or r[2] < 1]
    assert not low, low  # WCAG AAA (7:1) everywhere, no faded text
    assert axe_violations(projector) == []
    projector.screenshot(path=str(SHOTS / "run-session-present-contrast.png"))


def test_notes_device_drives_the_projector(browser, app_server):
    projector = browser.new_context(viewport={"width": 1920, "height": 1080})
    phone = browser.new_context(viewport={"width": 390, "height": 844})
    pp, np_ = projector.new_page(), phone.new_page()
    try:
        open_app_page(pp, app_server.url, "run-session", "?plan=classroom-45&segment=1&present=1")
        pp.locator(".st-key-pair_start button").click()
        pp.wait_for_selector(".st-key-pair_code_box h2", timeout=20_000)
        code = pp.locator(".st-key-pair_code_box h2").inner_text().strip()
        assert len(code) == 6
        pp.screenshot(path=str(SHOTS / "run-session-paired.png"))

        open_app_page(np_, app_server.url, "run-session", "?view=notes")
        np_.get_by_label("Pairing code shown on the projector").fill(code.lower())
        np_.get_by_role("button", name="Connect").click()
        np_.wait_for_selector(".st-key-notes_next button", timeout=20_000)
        assert url_param(np_, "pair") == code
        np_.locator(".st-key-notes_next button").click()
        # the projector follows within a few seconds: segment 2's page at its step, presenting
        pp.wait_for_url("**/healthy-vs-toxic?**", timeout=30_000)
        assert url_param(pp, "present") == "1"
        from components.content import load_content
        from conftest import CONTENT

        second = load_content(CONTENT).workshops["classroom-45"].sessions[0].segments[1]
        for key, value in second.query.items():
            assert url_param(pp, key) == str(value), key
        np_.screenshot(path=str(SHOTS / "run-session-notes.png"), full_page=True)
        pp.wait_for_selector(".st-key-session_bar", timeout=30_000)
        no_exception(pp)
        assert pp.locator('[data-testid="quick-exit"]').is_visible()
        pp.screenshot(path=str(SHOTS / "run-session-projector-segment.png"))
    finally:
        projector.close()
        phone.close()
