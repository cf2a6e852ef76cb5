"""Day and night: the app's two palettes, read from one place, `.streamlit/config.toml`'s
`[theme.light]` and `[theme.dark]` (Streamlit draws its own elements from them).

What the app colours itself (focus rings, the text-version link, presenter mode's captions and the
live room's overlay, the no-JavaScript block, the text edition) takes CSS variables (`--hb-paper`,
`--hb-ink`, ...), set by `root_css()` in the first HTML of every page (components/web.py,
components/text_edition/page.py), so a phone set to dark never flashes white. Each is
`light-dark(day, night)`: it resolves by the colour scheme of the element that uses it. Streamlit
sets `color-scheme` on its app to the theme it shows, so inside the app the variables follow that
theme, also when a reader picks Light or Dark in the app's menu against their device's setting;
outside it (the exit, the text edition) they follow the device.
Pure: no Streamlit.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
KINDS = ("light", "dark")

# CSS variable -> the Streamlit theme option it copies. The focus ring is the link colour: the one
# blue that keeps 3:1 against the page in both themes (the dark theme's primary does not).
VARIABLES = {
    "--hb-paper": "backgroundColor",
    "--hb-panel": "secondaryBackgroundColor",
    "--hb-ink": "textColor",
    "--hb-link": "linkColor",
    "--hb-ring": "linkColor",
}


@cache
def palettes() -> dict[str, dict[str, str]]:
    """{"light": {option: colour}, "dark": {...}} from config.toml."""
    with CONFIG.open("rb") as f:
        theme = tomllib.load(f)["theme"]
    return {kind: dict(theme[kind]) for kind in KINDS}


def root_css() -> str:
    """The variables, ahead of the app's and the text edition's stylesheets; light on paper (a
    printed page has no dark background)."""
    light, dark = (palettes()[kind] for kind in KINDS)
    pairs = " ".join(f"{var}: light-dark({light[option]}, {dark[option]});" for var, option in VARIABLES.items())
    return f":root {{ color-scheme: light dark; {pairs} }} @media print {{ :root {{ color-scheme: light; }} }} "
