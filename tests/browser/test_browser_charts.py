"""Charts wait until they are seen, in a real browser on a phone-sized screen: the first load sends
no Plotly bundle, a placeholder as tall as the chart stands in its place with the chart's name, and
the chart draws when the reader scrolls to it; from then on charts draw at once, on every page.
(The AppTest side, one same-size placeholder per chart on every chart page, is in test_visual.py.)"""

from __future__ import annotations

from playwright.sync_api import expect

from browser_helpers import SHOTS, axe_violations, csp_violations, no_exception, open_app_page, wait_ready
from components.charts.therapies import MAP_MIN_WIDTH
from conftest import CSP_WATCH

FIGURE = '[role="figure"]'
WAITING = '[data-testid="chart-waiting"]'


def _touch_cancelled(p, target) -> bool:
    """Put a finger on `target` and move it up a little, as a thumb scrolling the page does. True if
    the page cancelled the touch (preventDefault): then a phone does not scroll."""
    box = target.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    p.evaluate(
        "window.__cancelled = []; for (const kind of ['touchstart', 'touchmove'])"
        " window.addEventListener(kind, (e) => window.__cancelled.push(e.defaultPrevented));"
    )
    cdp = p.context.new_cdp_session(p)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - 40}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()
    seen = p.evaluate("window.__cancelled")
    assert len(seen) == 2, f"the touch did not reach the page: {seen}"
    return any(seen)


def test_chart_draws_when_scrolled_to_and_stays_drawn(browser, app_server, content):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    context.add_init_script(CSP_WATCH)
    p = context.new_page()
    scripts: list[str] = []
    p.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    try:
        open_app_page(p, app_server.url, "therapies")  # its one chart, the map, is far down
        no_exception(p)
        placeholder = p.locator(WAITING)
        expect(placeholder).to_have_count(1)
        assert p.locator(FIGURE).count() == 0
        map_alt = content.therapies.map_alt
        expect(placeholder).to_contain_text(map_alt, use_inner_text=True)
        expect(placeholder).to_contain_text(content.ui.chart_waiting, use_inner_text=True)
        assert not [u for u in scripts if "Plotly" in u], "the Plotly bundle loaded before any chart was in view"
        assert axe_violations(p) == []
        waiting_box = placeholder.bounding_box()

        placeholder.scroll_into_view_if_needed()
        p.wait_for_selector(FIGURE, timeout=60_000)
        wait_ready(p)
        assert p.locator(WAITING).count() == 0
        figure = p.locator(FIGURE)
        assert figure.get_attribute("aria-label") == map_alt
        # the chart takes the placeholder's place and size: nothing below it jumps
        assert abs(figure.bounding_box()["height"] - waiting_box["height"]) <= 4
        assert [u for u in scripts if "Plotly" in u]
        assert csp_violations(p) == []  # Plotly draws under the app's Content-Security-Policy
        SHOTS.mkdir(exist_ok=True)
        p.screenshot(path=str(SHOTS / "chart-drawn-phone.png"))

        # the map is too wide for a phone: it keeps its width in a box that scrolls sideways, under
        # a hint; the box is a named region the keyboard can scroll
        hint, box = p.locator(".st-key-th_map_hint"), p.locator(".st-key-th_map_box")
        expect(hint).to_be_visible()
        expect(hint).to_contain_text(content.ui.chart_scroll_hint, use_inner_text=True)
        assert abs(figure.bounding_box()["width"] - MAP_MIN_WIDTH) <= 2
        assert box.evaluate("e => e.scrollWidth > e.clientWidth")
        assert (box.get_attribute("role"), box.get_attribute("tabindex"), box.get_attribute("aria-label")) == (
            "region",
            "0",
            map_alt,
        )
        box.focus()
        p.keyboard.press("ArrowRight")
        p.wait_for_function("() => document.querySelector('.st-key-th_map_box').scrollLeft > 0", timeout=5_000)
        # a finger on the chart scrolls the page: Plotly does not cancel the touch
        assert not _touch_cancelled(p, figure)
        assert axe_violations(p) == []
        # on paper nothing scrolls: the whole chart prints, without the hint
        p.emulate_media(media="print")
        assert box.evaluate("e => getComputedStyle(e).overflowX") == "visible" and not hint.is_visible()
        p.emulate_media(media="screen")

        # awake for the rest of the session: the next chart page draws without waiting
        p.locator('[data-testid="stExpandSidebarButton"]').click()
        p.locator('[data-testid="stSidebar"] a[href="perspectives"]').click()
        p.wait_for_url("**/perspectives")
        wait_ready(p)
        p.wait_for_function(f"() => document.querySelectorAll('{FIGURE}').length === 2", timeout=60_000)
        assert p.locator(WAITING).count() == 0
    finally:
        context.close()


def test_waiting_placeholder_on_a_desktop_is_axe_clean(page, app_server):
    # a desktop-wide window, short (a laptop with the window half height): the therapies map is on a
    # laptop's first screen, so only a short window keeps it out of view, waiting
    page.set_viewport_size({"width": 1366, "height": 420})
    open_app_page(page, app_server.url, "therapies")
    placeholder = page.locator(WAITING)
    expect(placeholder).to_have_count(1)
    assert page.locator(FIGURE).count() == 0
    assert placeholder.evaluate("e => getComputedStyle(e).borderStyle") == "dashed"
    # wide enough for the map: no sideways hint, and its box is no tab stop
    assert not page.locator(".st-key-th_map_hint").is_visible()
    assert page.locator(".st-key-th_map_box").get_attribute("tabindex") is None
    assert axe_violations(page) == []
