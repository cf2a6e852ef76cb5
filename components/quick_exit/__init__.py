"""The quick exit, modelled on GOV.UK's "Exit this page".

A red button fixed to the top of every page, and Shift pressed three times. Either blanks the page
and replaces it (`location.replace`) with the neutral site named in content/help.yaml. By default
the app also keeps a single entry in the tab's history (`quick_exit.history: single`), so Back
after an exit never returns to the app, however the person moved around in it.

The exit arrives in the first HTML response (components/web.py puts `head_html` and `body_html`
into every page), so it is named, on screen and listening before any of the app can be read, and
it works as a plain link with JavaScript off. `fallback()` is the safety net the shell mounts on
every run: if a page ever arrives without the early exit, it inserts the same markup and script;
otherwise it does nothing (the script installs its listeners once per page).

The settings and words come from content (help.yaml, ui.yaml), with built-in defaults when those
files cannot be read (the error screen still needs an exit). Words are escaped into the HTML or
set with textContent; never rendered from content as markup.

The component is this folder, as GOV.UK Frontend keeps one: this module (markup and settings),
quick_exit.js (the script), quick_exit.css (its style), fallback.js (the shell's safety net) and
fixtures.py (the tests' stand-in for the exit's site).
"""

from __future__ import annotations

import base64
import hashlib
import html
from dataclasses import asdict, dataclass
from pathlib import Path

from components.content import Loaded, content_dir, load_cached, load_one

HERE = Path(__file__).resolve().parent
SCRIPT = (HERE / "quick_exit.js").read_text(encoding="utf-8")
STYLE = (HERE / "quick_exit.css").read_text(encoding="utf-8")


@dataclass(frozen=True)
class ExitSettings:
    url: str = "https://www.bbc.co.uk/weather"
    label: str = "Exit this page"
    hint: str = "or press Shift three times"
    press_two_more: str = "Shift, press 2 more times to exit."
    press_one_more: str = "Shift, press 1 more time to exit."
    timed_out: str = "Exit this page expired."
    leaving: str = "Loading."
    history: str = "single"

    def script_data(self) -> dict[str, str]:
        """What the script reads from its tag's data-* attributes (camelCase in JavaScript)."""
        return {
            "url": self.url,
            "history": self.history,
            "pressTwoMore": self.press_two_more,
            "pressOneMore": self.press_one_more,
            "timedOut": self.timed_out,
            "leaving": self.leaving,
        }


def settings(ui=None, help_=None) -> ExitSettings:
    """The exit's settings from the ui and help models; defaults for whichever is missing."""
    base = ExitSettings()
    out = asdict(base)
    if help_ is not None:
        out.update(url=help_.quick_exit.url, history=help_.quick_exit.history)
    if ui is not None:
        words = ui.quick_exit_announce
        out.update(
            label=ui.quick_exit_label,
            hint=ui.quick_exit_hint,
            press_two_more=words.press_two_more,
            press_one_more=words.press_one_more,
            timed_out=words.timed_out,
            leaving=words.leaving,
        )
    return ExitSettings(**out)


def current_settings(loaded: Loaded | None = None) -> ExitSettings:
    """The settings for the content the app serves now; with broken content, from whichever of
    ui.yaml and help.yaml still reads."""
    loaded = loaded or load_cached(content_dir())
    if loaded.content is not None:
        return settings(loaded.content.ui, loaded.content.help)
    return settings(load_one("ui"), load_one("help"))


def _data_attributes(s: ExitSettings) -> str:
    kebab = {"pressTwoMore": "press-two-more", "pressOneMore": "press-one-more", "timedOut": "timed-out"}
    return " ".join(f'data-{kebab.get(k, k)}="{html.escape(v, quote=True)}"' for k, v in s.script_data().items())


def head_html(s: ExitSettings) -> str:
    """For the top of <head>: no referrer to any other site, the exit's style, and its script
    (inline, so it runs before anything else; its hash is in the Content-Security-Policy)."""
    return (
        f'<meta name="referrer" content="no-referrer"><style id="hb-exit-style">{STYLE}</style>'
        f'<script id="hb-exit-script" {_data_attributes(s)}>{SCRIPT}</script>{NO_SCRIPT_STYLE}'
    )


# Where JavaScript is off the exit is a plain link: Shift x3 does nothing and Back comes back to the page.
# So what holds only with the script (its hint, and any `.hb-js-only` words, such as Get help's note on
# what Back does) is not shown; the words for that case stand in a <noscript> (components/noscript.py).
NO_SCRIPT_STYLE = "<noscript><style>.hb-exit-hint,.hb-js-only{display:none!important}</style></noscript>"


def body_html(s: ExitSettings) -> str:
    """For the top of <body>: the first thing a keyboard reaches. A link (it leaves even with
    JavaScript off), with role="button" as GOV.UK's is; a status line for screen readers."""
    return (
        '<div id="hb-exit" class="hb-exit">'
        f'<a id="hb-exit-button" class="hb-exit-button" data-testid="quick-exit" role="button" draggable="false" '
        f'href="{html.escape(s.url, quote=True)}" rel="nofollow noreferrer">{html.escape(s.label)}'
        '<span id="hb-exit-lights" class="hb-exit-lights" aria-hidden="true" hidden>'
        "<span></span><span></span><span></span></span></a>"
        f'<span class="hb-exit-hint">{html.escape(s.hint)}</span>'
        '<span id="hb-exit-status" class="hb-visually-hidden" role="status"></span>'
        "</div>"
    )


def csp_hash(script_text: str) -> str:
    """A Content-Security-Policy source for one inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script_text.encode("utf-8")).digest()).decode() + "'"


# The fallback: the same markup and script, put into the page by a v2 component (which runs its
# JavaScript in the page itself, not in an iframe) only when the page lacks the early exit.
_FALLBACK_JS = SCRIPT + "\n" + (HERE / "fallback.js").read_text(encoding="utf-8")

_fallback = None


def fallback(s: ExitSettings) -> None:
    """Mount the safety net (once per run, from the shell); a no-op where the early exit is there.
    Registered on first use: the server imports this module before Streamlit's runtime exists."""
    global _fallback
    import streamlit as st

    if _fallback is None:
        _fallback = st.components.v2.component("healthy_bonds.quick_exit", js=_FALLBACK_JS)
    _fallback(key="quick_exit", data={"markup": body_html(s), "style": STYLE, "settings": s.script_data()}, height=0)
