"""Charts follow the reader's theme in a real browser: on a phone set to dark they draw
on the dark palette's paper, and when the browser switches between light and dark while the page is
open they redraw in the new palette without a click. (Needs the app's [theme.light] and [theme.dark]
in .streamlit/config.toml, so that Streamlit follows the browser. The palettes' contrast is checked
without a browser in test_chart_palette.py.)"""

from __future__ import annotations

from browser_helpers import SHOTS, draw_charts, no_exception, open_app_page
from components.charts.common import DARK, LIGHT

PAPERS = (
    "() => [...document.querySelectorAll('.js-plotly-plot .main-svg')]"
    ".map((svg) => svg.style.background).filter(Boolean)"
)


def _rgb(hex_colour: str) -> str:
    h = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(h[i : i + 2], 16) for i in (0, 2, 4)))


def _wait_papers(p, colour: str) -> None:
    p.wait_for_function(
        f"(want) => {{ const all = ({PAPERS})(); return all.length && all.every((c) => c === want); }}",
        arg=_rgb(colour),
        timeout=30_000,
    )


def test_charts_draw_dark_at_night_and_follow_a_switch(browser, app_server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, color_scheme="dark"
    )
    p = context.new_page()
    try:
        open_app_page(p, app_server.url, "cycle")
        draw_charts(p)
        _wait_papers(p, DARK.paper)
        assert set(p.evaluate(PAPERS)) == {_rgb(DARK.paper)}
        # each chart's watcher is there, and takes no room on the page
        watchers = p.evaluate(
            "() => [...document.querySelectorAll('[class*=\"st-key-chart_scheme_of_\"]')]"
            ".map((el) => el.getBoundingClientRect().height)"
        )
        assert watchers and all(h == 0 for h in watchers), watchers
        p.screenshot(path=str(SHOTS / "chart-theme-dark-phone.png"))

        p.emulate_media(color_scheme="light")  # the phone's evening ends: no click, the charts follow
        _wait_papers(p, LIGHT.paper)
        p.emulate_media(color_scheme="dark")
        _wait_papers(p, DARK.paper)
        no_exception(p)
    finally:
        context.close()
