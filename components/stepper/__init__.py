"""Step-through controls used by every step-by-step visual: Previous / Next buttons (with arrow-key
and presentation-clicker shortcuts), a "go to" picker, and the step kept in the URL so a facilitator
can bookmark or share a step and a reload keeps it.

    step = stepper(url, "phase", labels=[p.title for p in phases], ui=content.ui)   # 0-based index

`url` is the page's url_state.PageUrl: the step is its declared parameter (1-based in the URL,
readable to people), with the number of steps taken from `labels`.

Only one stepper per page should take the keyboard (`shortcuts=True`, the default for the first).

The component is this folder: this module; announce.js (says each step, keeps focus); clicker.css
(added at run time); stepper.css (in the first HTML of every page with the app's stylesheet,
components/web.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import streamlit as st

from components import presenter, url_state
from components.url_params import Param, Step

HERE = Path(__file__).resolve().parent


def step_param(url: url_state.PageUrl, name: str, count: int) -> Param:
    """The page's declared step parameter, with the number of steps this view has."""
    return dataclasses.replace(url.params[name], kind=Step(count))


def current_step(url: url_state.PageUrl, name: str, count: int) -> int:
    """The 0-based step in the URL; clamped to the `count` steps."""
    return url_state.read(step_param(url, name, count), url.content)


def _count(param: Param) -> int:
    """How many steps a stepper's parameter has (step_param made it: a Step of a whole count)."""
    return cast(int, cast(Step, param.kind).count)


def _move(url: url_state.PageUrl, param: Param, delta: int) -> None:
    index = url_state.read(param, url.content) + delta
    url_state.write(param, max(0, min(_count(param) - 1, index)), url.content)


def stepper(
    url: url_state.PageUrl,
    name: str,
    *,
    labels: Sequence[str],
    ui,
    shortcuts: bool = True,
    jump_label: str | None = None,
) -> int:
    """Render the controls and return the current 0-based step."""
    param = step_param(url, name, len(labels))
    count = len(labels)
    with st.container(horizontal=True, vertical_alignment="bottom", key=f"stepper_{name}"):
        index = url_state.read(param, url.content)
        st.button(
            ui.previous,
            key=f"{name}_prev",
            icon=":material/arrow_back:",
            disabled=index == 0,
            on_click=_move,
            args=(url, param, -1),
            shortcut="Left" if shortcuts else None,
        )
        st.button(
            ui.next,
            key=f"{name}_next",
            icon=":material/arrow_forward:",
            icon_position="right",
            type="primary",
            disabled=index == count - 1,
            on_click=_move,
            args=(url, param, 1),
            shortcut="Right" if shortcuts else None,
        )
        # the picker always shows the step in the URL
        url_state.bind(
            st.selectbox,
            param,
            url.content,
            jump_label or ui.labels["go_to"],
            range(count),
            key=f"{name}_jump",
            format_func=lambda i: f"{i + 1}. {labels[i]}",
            width=440,
        )
    if shortcuts:
        _clicker_buttons(url, param, index, ui)
    st.caption(ui.labels["step_of"].format(n=index + 1, total=count))
    _announce(name, index, count, ui.labels["step_announce"].format(n=index + 1, total=count, title=labels[index]))
    if shortcuts and not presenter.is_presenting():  # the room needs no tip about the presenter's keys
        _keys_hint(name, ui)
    return index


# Stepping must be heard, and must not lose the keyboard. After each step this script
# - says the step ("Step 3 of 5: <title>") in a polite live region: one visually hidden element made
#   once per page and kept (a region created with its text is not read; one whose text changes is).
#   Nothing is said when a page opens, only when the step changes;
# - keeps focus on a control that still exists, never one that walks back: pressing Next onto the
#   last step disables Next, and the browser drops focus to the page; focus goes to the "go to"
#   picker (Enter there opens the list of steps; on Previous, Enter again would go 3, 2, 1), and the
#   announcement says "Step 3 of 3". Pressing Previous onto the first step puts focus on Next.
# Text arrives as data and is set with textContent, never as HTML.
_ANNOUNCE_JS = (HERE / "announce.js").read_text(encoding="utf-8")
_announcer = st.components.v2.component("healthy_bonds.step_announcer", js=_ANNOUNCE_JS, isolate_styles=False)


def _announce(name: str, index: int | str, count: int, text: str) -> None:
    _announcer(key=f"{name}_announce", data={"name": name, "index": index, "count": count, "text": text})


def _keys_hint(name: str, ui) -> None:
    """The arrow-key tip, in its own keyed container: stepper.css shows it only where there is
    a keyboard-like pointer, so a phone is never told to press keys it does not have. (Streamlit's
    own shortcut badge on the buttons is hidden there too: beside the arrow icon it read "Next → →".)"""
    with st.container(key=f"stepper_keys_{name}"):
        st.caption(ui.labels["stepper_keys_hint"])


# Presentation clickers send Page Up / Page Down, and a Streamlit button takes one shortcut, so a
# second pair of buttons carries those keys. They are not displayed at all: Streamlit's shortcut
# still clicks them, but they are no tab stop and a screen reader does not read a second "Next"
# (Previous / Next, with Left / Right, are the keyboard's way). test_browser_a11y checks both.
_CLICKER_CSS = "<style>" + (HERE / "clicker.css").read_text(encoding="utf-8") + "</style>"


def _clicker_buttons(url: url_state.PageUrl, param: Param, index: int, ui) -> None:
    st.html(_CLICKER_CSS)
    with st.container(horizontal=True, key=f"clicker_{param.name}"):
        st.button(
            ui.labels["facilitate_clicker_previous"],
            key=f"{param.name}_pgup",
            disabled=index == 0,
            on_click=_move,
            args=(url, param, -1),
            shortcut="PageUp",
        )
        st.button(
            ui.labels["facilitate_clicker_next"],
            key=f"{param.name}_pgdn",
            disabled=index == _count(param) - 1,
            on_click=_move,
            args=(url, param, 1),
            shortcut="PageDown",
        )
