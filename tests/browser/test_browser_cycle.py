"""The cycle page in a real browser: the arrow keys step the cycle and the URL follows, a shared
link opens at its step, the sandbox reveal is accessible, and screenshots for a human look
(full page, presenter mode, a phone)."""

from __future__ import annotations

from playwright.sync_api import expect

from browser_helpers import SHOTS, axe_violations, no_exception, open_app_page

FIGURE = '[role="figure"]'  # st.plotly_chart(alt=...) gives the chart this role and an accessible name


def _wait_figure_named(p, words: str) -> None:
    """Wait until a chart whose accessible name has `words` (in any case) is drawn."""
    p.wait_for_function(
        f"(w) => [...document.querySelectorAll('{FIGURE}')]"
        ".some(e => (e.getAttribute('aria-label') || '').toLowerCase().includes(w))",
        arg=words.lower(),
        timeout=60_000,
    )


def _figure_names(p) -> list[str]:
    p.wait_for_selector(FIGURE, timeout=30_000)
    return p.evaluate(f"() => [...document.querySelectorAll('{FIGURE}')].map(e => e.getAttribute('aria-label'))")


def _wait_card(p, key: str, prefix: str) -> None:
    """Wait until the card's heading shows the step (Streamlit reruns after the URL changes)."""
    p.wait_for_function(
        f"() => {{ const h = document.querySelector('.st-key-{key} h3'); return h && h.innerText.startsWith('{prefix}'); }}",
        timeout=60_000,
    )
    p.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    p.wait_for_timeout(300)


def test_arrow_keys_step_the_cycle_and_the_url(page, app_server):
    open_app_page(page, app_server.url, "cycle", "?model=four-phase")
    no_exception(page)
    assert "phase=" not in page.url
    page.locator("h1").first.click()  # focus the page, not a widget
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**phase=2**", timeout=60_000)
    _wait_card(page, "cycle_phase_card", "2.")
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**phase=3**", timeout=60_000)
    _wait_card(page, "cycle_phase_card", "3.")
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**phase=2**", timeout=60_000)
    _wait_card(page, "cycle_phase_card", "2.")
    assert "model=four-phase" in page.url


def test_shared_link_opens_at_its_step_and_is_accessible(page, app_server):
    open_app_page(page, app_server.url, "cycle", "?model=walker&phase=3&week=40&stage=5")
    no_exception(page)
    _wait_card(page, "cycle_phase_card", "3.")
    _wait_card(page, "cycle_stage_card", "5.")
    _wait_figure_named(page, "week 40")
    names = _figure_names(page)
    assert any("week 40" in n for n in names), names
    assert all(names), names  # every chart has an accessible name
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "cycle-link.png"))
    assert axe_violations(page) == []
    assert page.hosts_seen <= {"127.0.0.1"}, page.hosts_seen


def test_sandbox_reveal_in_the_browser(page, app_server):
    open_app_page(page, app_server.url, "cycle", "?kindness=8&unpredictability=8&power=8")
    charts_before = len(_figure_names(page))
    reveal = page.locator(".st-key-cycle_reveal button")
    assert reveal.is_disabled()
    page.locator(".st-key-cycle_prediction label").filter(has_text="grows stronger").first.click()
    page.wait_for_function("() => !document.querySelector('.st-key-cycle_reveal button').disabled", timeout=30_000)
    reveal.click()
    page.wait_for_selector(".st-key-cycle_sandbox", timeout=60_000)
    page.wait_for_selector(".st-key-cycle_outcome", timeout=60_000)
    page.wait_for_function(f"() => document.querySelectorAll('{FIGURE}').length > {charts_before}", timeout=60_000)
    _wait_figure_named(page, "felt attachment")
    assert any("felt attachment" in n.lower() for n in _figure_names(page))
    page.locator(".st-key-cycle_sandbox").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "cycle-sandbox.png"))
    assert axe_violations(page) == []


def test_presenter_and_phone_screenshots(browser, app_server):
    for name, viewport, query in (
        ("cycle-present-phase2", {"width": 1920, "height": 1080}, "?present=1&phase=2"),
        ("cycle-phone", {"width": 390, "height": 844}, "?phase=2"),
    ):
        context = browser.new_context(viewport=viewport)
        p = context.new_page()
        try:
            open_app_page(p, app_server.url, "cycle", query)
            no_exception(p)
            p.screenshot(path=str(SHOTS / f"{name}.png"))
            expect(p.locator(".st-key-cycle_phase_card")).to_be_visible()
        finally:
            context.close()
