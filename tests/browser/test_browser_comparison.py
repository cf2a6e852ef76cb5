"""Healthy vs toxic in a real browser: each part renders, axe-core finds no serious or critical issue,
the wheel steps by keyboard and flips, the sorter reveals after an answer, and screenshots for review."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser_helpers import SHOTS, axe_violations, no_exception, open_app_page, wait_ready

PAGE = "healthy-vs-toxic"


def settle(p) -> None:
    p.wait_for_timeout(400)
    wait_ready(p)


@pytest.mark.parametrize(
    "query",
    [
        "?part=compare&dimension=trust&reveal=1",
        "?part=wheel&spoke=2&flipped=1",
        "?part=signs",
        "?part=sorter",
        "?part=heal",
        "?scenario=2",
    ],
)
def test_part_renders_and_is_accessible(page, app_server, query):
    page.set_viewport_size({"width": 1280, "height": 2400})  # Streamlit scrolls inside the page: show it all
    open_app_page(page, app_server.url, PAGE, query)
    no_exception(page)
    charts = page.locator('[data-testid="stPlotlyChart"]')
    if charts.count():
        charts.first.wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(1000)
    name = re.sub(r"[^a-z0-9]+", "-", query.lower()).strip("-")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{PAGE}-{name}.png"), full_page=True)
    assert axe_violations(page) == []


def test_wheel_keyboard_stepper_and_flip(page, app_server):
    open_app_page(page, app_server.url, PAGE, "?spoke=2")
    page.locator('[data-testid="stPlotlyChart"]').first.wait_for(state="visible", timeout=30_000)
    page.locator("h1").first.click()
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"spoke=3"), timeout=15_000)
    settle(page)
    page.locator(".st-key-hvt_flip button").click()
    page.wait_for_url(re.compile(r"flipped=1"), timeout=15_000)
    settle(page)
    no_exception(page)
    expect(page.locator(".st-key-hvt_spoke_detail")).to_contain_text("✓", use_inner_text=True)


def test_sorter_answer_then_reveal(page, app_server):
    page.set_viewport_size({"width": 1280, "height": 2400})
    open_app_page(page, app_server.url, PAGE, "?part=sorter")
    detail = page.locator(".st-key-hvt_scene")
    assert "Why" not in detail.inner_text()
    detail.get_by_text("Unhealthy").click()
    settle(page)
    page.locator(".st-key-hvt_place button").click()
    settle(page)
    expect(page.locator(".st-key-hvt_scene")).to_contain_text("Where reasonable people differ", use_inner_text=True)
    assert "unhealthy" not in page.url.lower()  # the answer never goes into the URL
    page.screenshot(path=str(SHOTS / f"{PAGE}-sorter-revealed.png"), full_page=True)
    assert axe_violations(page) == []


def test_wheel_in_presenter_mode(projector, app_server):
    open_app_page(projector, app_server.url, PAGE, "?part=wheel&spoke=4&present=1")
    no_exception(projector)
    projector.locator('[data-testid="stPlotlyChart"]').first.wait_for(state="visible", timeout=30_000)
    projector.wait_for_timeout(500)
    projector.screenshot(path=str(SHOTS / f"{PAGE}-wheel-present.png"))
    wheel = projector.locator('[data-testid="stPlotlyChart"]').first.bounding_box()
    # readable from the back of the room: the wheel is large and starts within the first screen
    assert wheel and wheel["height"] >= 500 and wheel["y"] < 1080
