"""At night: on a phone set to dark, every app page and every text page is dark from the
first frame, axe-clean (colour contrast included), and the exit keeps its red and white. Presenter
mode and high contrast follow too, and a theme picked in the app's menu wins over the device's."""

from __future__ import annotations

import pytest

from browser_helpers import axe_violations, draw_charts, open_app_page, wait_ready
from components import theme
from components.navigation import PAGES
from components.text_edition import TEXT_PAGES

PHONE = dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
NIGHT, DAY = theme.palettes()["dark"], theme.palettes()["light"]


def rgb(hex_colour: str) -> str:
    h = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(h[i : i + 2], 16) for i in (0, 2, 4)))


@pytest.fixture
def night_phone(browser):
    context = browser.new_context(color_scheme="dark", **PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture
def night_projector(browser):
    context = browser.new_context(color_scheme="dark", viewport={"width": 1920, "height": 1080})
    yield context.new_page()
    context.close()


def background(p, selector: str) -> str:
    return p.locator(selector).first.evaluate("e => getComputedStyle(e).backgroundColor")


def draw_any_charts(p) -> None:
    if p.locator('[data-testid="chart-waiting"], [role="figure"]').count():
        draw_charts(p)


@pytest.mark.parametrize("page_id", [spec.id for spec in PAGES])
def test_every_page_is_dark_and_axe_clean_at_night(night_phone, app_server, page_id):
    p = night_phone
    open_app_page(p, app_server.url, page_id)
    draw_any_charts(p)
    assert background(p, ".stApp") == rgb(NIGHT["backgroundColor"])
    # what the app colours itself follows too: the safety line's text-version link
    link = p.locator('[data-testid="text-version-link"]')
    if link.count():
        assert link.first.evaluate("e => getComputedStyle(e).color") == rgb(NIGHT["linkColor"])
    assert axe_violations(p) == []


def test_first_frame_is_dark_before_the_app_draws(browser, app_server):
    """Before Streamlit's script has drawn anything (here: never, scripts off), the page is dark and
    its own no-JavaScript block readable: no white flash at night."""
    context = browser.new_context(color_scheme="dark", java_script_enabled=False, **PHONE)
    p = context.new_page()
    p.goto(f"{app_server.url}/get-help")
    assert background(p, "body") == rgb(NIGHT["backgroundColor"])
    block = p.locator("#hb-noscript")
    assert block.is_visible()
    # (axe needs scripts: the block's colours are read instead)
    assert block.evaluate("e => getComputedStyle(e).color") == rgb(NIGHT["textColor"])
    assert block.locator("a").first.evaluate("e => getComputedStyle(e).color") == rgb(NIGHT["linkColor"])
    context.close()


@pytest.mark.parametrize("page_id", ["", *TEXT_PAGES])
def test_every_text_page_is_dark_and_axe_clean_at_night(night_phone, app_server, page_id):
    p = night_phone
    p.goto(f"{app_server.url}/text/{page_id}")
    p.wait_for_selector("h1")
    assert background(p, "html") == rgb(NIGHT["backgroundColor"])
    assert p.locator("main a, .wrap a").first.evaluate("e => getComputedStyle(e).color") == rgb(NIGHT["linkColor"])
    assert axe_violations(p) == []


def test_exit_keeps_red_and_white_at_night(night_phone, app_server):
    p = night_phone
    open_app_page(p, app_server.url, "get-help")
    button = p.locator("#hb-exit .hb-exit-button")
    colours = button.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]")
    assert colours == [rgb("#b00020"), rgb("#ffffff")]


def test_presenter_and_high_contrast_at_night(night_projector, app_server):
    """Projected from a laptop set to dark: captions at full strength in the night ink, axe-clean;
    with high contrast, pure white on pure black."""
    p = night_projector
    open_app_page(p, app_server.url, "cycle", "?present=1")
    draw_any_charts(p)
    caption = p.locator('[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"]').first
    assert caption.evaluate("e => getComputedStyle(e).color") == rgb(NIGHT["textColor"])
    assert axe_violations(p) == []
    open_app_page(p, app_server.url, "cycle", "?present=1&contrast=high")
    draw_any_charts(p)
    assert background(p, ".stApp") == rgb("#000000")
    heading = p.locator('[data-testid="stMainBlockContainer"] h1').first
    assert heading.evaluate("e => getComputedStyle(e).color") == rgb("#ffffff")
    assert axe_violations(p) == []


def test_a_theme_picked_in_the_menu_wins_over_the_device(night_phone, app_server):
    """A reader on a dark device who picks Light in the app's menu: the app and its own colours turn
    light at once (no rerun needed), and stay readable."""
    p = night_phone
    open_app_page(p, app_server.url, "welcome")
    p.locator('[data-testid="stMainMenuButton"]').click()
    p.locator('[data-testid="stMainMenuItem-theme-Light"]').click()
    p.wait_for_function(
        f"() => getComputedStyle(document.querySelector('.stApp')).backgroundColor === '{rgb(DAY['backgroundColor'])}'"
    )
    wait_ready(p)
    link = p.locator('[data-testid="text-version-link"]').first
    assert link.evaluate("e => getComputedStyle(e).color") == rgb(DAY["linkColor"])
    assert axe_violations(p) == []
