"""Therapy approaches in a real browser: a fully opened view (path, filters, card, compare) renders,
is axe-clean and local; the map has an accessible name; choosing a filter updates the address bar;
presenter mode keeps the map large and readable."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from browser_helpers import SHOTS, axe_violations, draw_charts, no_exception, open_app_page, wait_ready

FULL = "?path=child&for=children,families&approach=play-therapy&compare=cbt,emdr,eft"


def test_full_view_renders_accessible_and_local(page, app_server, content):
    open_app_page(page, app_server.url, "therapies", FULL)
    no_exception(page)
    card = page.locator(".st-key-th_card")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Play therapy", use_inner_text=True)
    # the map is below the paths, the filters and (here) an open path: it draws when scrolled to
    page.locator(".st-key-th_map_place").scroll_into_view_if_needed()
    draw_charts(page)
    chart = page.locator('[role="figure"]').first
    assert chart.get_attribute("aria-label") == content.therapies.map_alt
    expect(page.locator(".st-key-th_compare_table table")).to_have_count(1)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "therapies-full.png"), full_page=False)
    assert axe_violations(page) == []


def test_filter_choice_updates_address(page, app_server):
    open_app_page(page, app_server.url, "therapies")
    page.locator(".st-key-th_open_emdr button").first.click()
    page.wait_for_function("() => location.search.includes('approach=emdr')", timeout=30_000)
    wait_ready(page)
    expect(page.locator(".st-key-th_card")).to_contain_text("Eye movement", use_inner_text=True)
    params = parse_qs(urlparse(page.url).query)
    assert params["approach"] == ["emdr"]
    # reload: the same card is open
    page.reload()
    wait_ready(page)
    expect(page.locator(".st-key-th_card")).to_be_visible()


def test_presenter_mode_map_is_large(projector, app_server):
    open_app_page(projector, app_server.url, "therapies", "?present=1&approach=cbt&compare=cbt,emdr")
    no_exception(projector)
    chart = projector.locator(".stPlotlyChart").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box and box["height"] >= 650
    projector.screenshot(path=str(SHOTS / "therapies-present-map.png"))
