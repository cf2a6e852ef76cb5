"""Charts wait until they are seen, in a real browser on a phone-sized screen: the first load sends
no Plotly bundle, a placeholder as tall as the chart stands in its place with the chart's name, and
the chart draws when the reader scrolls to it; from then on charts draw at once, on every page.
(The AppTest side, one same-size placeholder per chart on every chart page, is in test_visual.py.)"""

from __future__ import annotations

from browser_helpers import SHOTS, axe_violations, no_exception, open_app_page, wait_ready

FIGURE = '[role="figure"]'
WAITING = '[data-testid="chart-waiting"]'


def test_chart_draws_when_scrolled_to_and_stays_drawn(browser, app_server, content):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    p = context.new_page()
    scripts: list[str] = []
    p.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    try:
        open_app_page(p, app_server.url, "therapies")  # its one chart, the map, is far down
        no_exception(p)
        placeholder = p.locator(WAITING)
        assert placeholder.count() == 1 and p.locator(FIGURE).count() == 0
        map_alt = content.therapies.map_alt
        assert map_alt in placeholder.inner_text() and content.ui.chart_waiting in placeholder.inner_text()
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
        SHOTS.mkdir(exist_ok=True)
        p.screenshot(path=str(SHOTS / "chart-drawn-phone.png"))

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
    # a desktop tab: the perspectives spectrum is in view at once and wakes the charts, so open the
    # therapies page, whose map is far down, and check the waiting state there
    open_app_page(page, app_server.url, "therapies")
    placeholder = page.locator(WAITING)
    assert placeholder.count() == 1 and page.locator(FIGURE).count() == 0
    assert placeholder.evaluate("e => getComputedStyle(e).borderStyle") == "dashed"
    assert axe_violations(page) == []
