"""Day and night: the app follows the reader's light or dark setting, from one set of
colours (.streamlit/config.toml), and every pair of colours the app sets keeps WCAG AA contrast in
both themes. Browser checks (axe in the dark theme): tests/browser/test_browser_dark.py."""

from __future__ import annotations

import re
import tomllib

import pytest

from components import theme
from components.presenter import _CONTRAST_CSS, _PRESENT_CSS
from components.text_edition.page import STYLE as TEXT_STYLE
from components.web import APP_STYLE
from conftest import ROOT


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _blocks(css: str) -> tuple[dict[str, str], dict[str, str]]:
    """The custom properties a stylesheet sets as `light-dark(day, night)`: ({var: day}, {var: night})."""
    pairs = re.findall(r"(--[\w-]+):\s*light-dark\((#[0-9a-fA-F]{6}),\s*(#[0-9a-fA-F]{6})\)", css)
    return {var: day for var, day, _ in pairs}, {var: night for var, _, night in pairs}


def test_streamlit_follows_the_device():
    """No fixed base theme: with both [theme.light] and [theme.dark], Streamlit follows the device."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["theme"]
    assert "base" not in config
    assert set(config["light"]) >= {"backgroundColor", "textColor", "linkColor", "primaryColor"}
    assert set(config["dark"]) >= {"backgroundColor", "textColor", "linkColor", "primaryColor"}
    assert _luminance(config["dark"]["backgroundColor"]) < 0.05 < _luminance(config["light"]["backgroundColor"])


@pytest.mark.parametrize("kind", theme.KINDS)
def test_streamlit_palette_contrast(kind):
    colours = theme.palettes()[kind]
    for surface in ("backgroundColor", "secondaryBackgroundColor"):
        assert contrast(colours["textColor"], colours[surface]) >= 7, (kind, surface)
        assert contrast(colours["linkColor"], colours[surface]) >= 4.5, (kind, surface)
        # a control's edge and a focus ring: 3:1 against what is next to it
        assert contrast(colours["primaryColor"], colours[surface]) >= 4.5, (kind, surface)  # also text
    # a primary button's words: Streamlit's white by day, the page's own dark colour at night (app.css)
    words = "#ffffff" if kind == "light" else colours["backgroundColor"]
    assert contrast(words, colours["primaryColor"]) >= 4.5, kind


def test_first_html_variables_are_the_streamlit_theme():
    """The app's own colours (first HTML) are config.toml's, for day and night alike."""
    day, night = _blocks(APP_STYLE)
    for kind, got in (("light", day), ("dark", night)):
        colours = theme.palettes()[kind]
        for var, option in theme.VARIABLES.items():
            assert got[var] == colours[option], (kind, var)


def test_app_follows_the_theme_streamlit_shows():
    """The variables are light-dark() pairs on a root that allows both schemes: inside the app they
    follow the `color-scheme` Streamlit sets for the theme it shows (also one picked in its menu)."""
    assert re.search(r":root \{ color-scheme: light dark;", APP_STYLE)
    day, night = _blocks(APP_STYLE)
    assert set(day) == set(night) == set(theme.VARIABLES)
    assert "color-scheme: light" in APP_STYLE.split("@media print")[1]  # paper is white


def test_focus_ring_contrast_both_themes():
    for kind in theme.KINDS:
        colours = theme.palettes()[kind]
        ring = colours[theme.VARIABLES["--hb-ring"]]
        for surface in ("backgroundColor", "secondaryBackgroundColor"):
            assert contrast(ring, colours[surface]) >= 3, kind


def test_no_fixed_light_colour_in_what_follows_the_theme():
    """What sits on the page's own background takes the variables, not a light colour of its own."""
    app_css = (ROOT / "components" / "assets" / "app.css").read_text()
    assert not re.search(r"(?<!-)color:\s*#0b5cad|outline:[^;]*#0b5cad|background:\s*#ffffff", app_css)
    assert not re.search(r"#[0-9a-fA-F]{6}", _PRESENT_CSS)
    assert "var(--hb-ink)" in _PRESENT_CSS and "var(--hb-paper)" in _PRESENT_CSS


def test_text_edition_contrast_both_themes():
    """The text edition: the app's variables, and its own two greys, at AA on both surfaces."""
    day, night = _blocks(TEXT_STYLE)
    for got in (day, night):
        for surface in ("--hb-paper", "--hb-panel"):
            assert contrast(got["--hb-ink"], got[surface]) >= 7
            assert contrast(got["--hb-link"], got[surface]) >= 4.5
            assert contrast(got["--muted"], got[surface]) >= 4.5
        assert contrast(got["--rule"], got["--hb-paper"]) >= 1.4  # a hairline, not a meaning
    sheet = (ROOT / "components" / "text_edition" / "text.css").read_text().split("@media print")[0]
    assert not re.search(r"#ffffff|#1a1a1a|#0b5cad|#f1f4f8", sheet), "a fixed light colour in text.css"


def test_high_contrast_both_themes():
    """High contrast runs black on white by day and white on black by night, links at 7:1."""
    day, night = _blocks(_CONTRAST_CSS)
    for got in (day, night):
        assert contrast(got["--hc-ink"], got["--hc-paper"]) == pytest.approx(21)
        assert contrast(got["--hc-link"], got["--hc-paper"]) >= 7
        assert contrast(got["--hc-off-ink"], got["--hc-off"]) >= 7
    assert day["--hc-paper"] != night["--hc-paper"]


def test_quick_exit_unmistakable_both_themes():
    """The exit keeps its red and white in both themes; its hint is readable on each."""
    css = (ROOT / "components" / "quick_exit" / "quick_exit.css").read_text()
    button = re.search(r"\.hb-exit-button, \.hb-exit-button:visited \{[^}]*\}", css).group(0)
    assert "background: #b00020" in button and "color: #ffffff" in button and "border: 2px solid #ffffff" in button
    assert contrast("#ffffff", "#b00020") >= 4.5
    night = css.split("prefers-color-scheme: dark")[1]
    hint = re.search(r"\.hb-exit-hint \{ color: (#\w+); background: rgba\((\d+),(\d+),(\d+)", night)
    assert hint, "the exit's hint has no night colours"
    background = "#" + "".join(f"{int(v):02x}" for v in hint.groups()[1:])
    assert contrast(hint.group(1), background) >= 4.5
    overlay = re.search(r"\.hb-exit-overlay \{ background: (#\w+); color: (#\w+)", night)
    assert overlay and _luminance(overlay.group(1)) < 0.05 and contrast(overlay.group(2), overlay.group(1)) >= 7
