"""Step-through controls used by every step-by-step visual: Previous / Next buttons (with arrow-key
and presentation-clicker shortcuts), a "go to" picker, and the step kept in the URL so a facilitator
can bookmark or share a step and a reload keeps it.

    step = stepper(url, "phase", labels=[p.title for p in phases], ui=content.ui)   # 0-based index

`url` is the page's url_state.PageUrl: the step is its declared parameter (1-based in the URL,
readable to people), with the number of steps taken from `labels`.

Only one stepper per page should take the keyboard (`shortcuts=True`, the default for the first).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import streamlit as st

from components import presenter, url_state
from components.url_params import Param, Step


def step_param(url: url_state.PageUrl, name: str, count: int) -> Param:
    """The page's declared step parameter, with the number of steps this view has."""
    return dataclasses.replace(url.params[name], kind=Step(count))


def current_step(url: url_state.PageUrl, name: str, count: int) -> int:
    """The 0-based step in the URL; clamped to the `count` steps."""
    return url_state.read(step_param(url, name, count), url.content)


def _move(url: url_state.PageUrl, param: Param, delta: int) -> None:
    index = url_state.read(param, url.content) + delta
    url_state.write(param, max(0, min(param.kind.count - 1, index)), url.content)


def stepper(url: url_state.PageUrl, name: str, *, labels: Sequence[str], ui, shortcuts: bool = True,
            jump_label: str | None = None) -> int:
    """Render the controls and return the current 0-based step."""
    param = step_param(url, name, len(labels))
    count = len(labels)
    with st.container(horizontal=True, vertical_alignment="bottom", key=f"stepper_{name}"):
        index = url_state.read(param, url.content)
        st.button(ui.previous, key=f"{name}_prev", icon=":material/arrow_back:", disabled=index == 0,
                  on_click=_move, args=(url, param, -1), shortcut="Left" if shortcuts else None)
        st.button(ui.next, key=f"{name}_next", icon=":material/arrow_forward:", icon_position="right",
                  type="primary", disabled=index == count - 1, on_click=_move, args=(url, param, 1),
                  shortcut="Right" if shortcuts else None)
        # the picker always shows the step in the URL
        url_state.bind(st.selectbox, param, url.content, jump_label or ui.labels["go_to"], range(count),
                       key=f"{name}_jump", format_func=lambda i: f"{i + 1}. {labels[i]}", width=440)
    if shortcuts:
        _clicker_buttons(url, param, index, ui)
    st.caption(ui.labels["step_of"].format(n=index + 1, total=count))
    if shortcuts and not presenter.is_presenting():  # the room needs no tip about the presenter's keys
        _keys_hint(name, ui)
    return index


def _keys_hint(name: str, ui) -> None:
    """The arrow-key tip, in its own keyed container: app.css ("Layout") shows it only where there is
    a keyboard-like pointer, so a phone is never told to press keys it does not have. (Streamlit's
    own shortcut badge on the buttons is hidden there too: beside the arrow icon it read "Next → →".)"""
    with st.container(key=f"stepper_keys_{name}"):
        st.caption(ui.labels["stepper_keys_hint"])


# Presentation clickers send Page Up / Page Down, and a Streamlit button takes one shortcut, so a
# second pair of buttons carries those keys. They are visually hidden (still in the page, so the
# shortcut works) and appear when focused, so a keyboard user never tabs onto something invisible.
_CLICKER_CSS = """
<style>
div[class*="st-key-clicker_"] { position: absolute !important; width: 1px !important; height: 1px !important;
  min-width: 0 !important; max-width: 1px !important; padding: 0 !important; margin: -1px !important;
  border: 0 !important; overflow: hidden !important; clip-path: inset(50%) !important; white-space: nowrap; }
div[class*="st-key-clicker_"]:focus-within { position: static !important; width: auto !important;
  height: auto !important; max-width: none !important; margin: 0 !important; overflow: visible !important;
  clip-path: none !important; }
</style>
"""


def _clicker_buttons(url: url_state.PageUrl, param: Param, index: int, ui) -> None:
    st.html(_CLICKER_CSS)
    with st.container(horizontal=True, key=f"clicker_{param.name}"):
        st.button(ui.labels["facilitate_clicker_previous"], key=f"{param.name}_pgup", disabled=index == 0,
                  on_click=_move, args=(url, param, -1), shortcut="PageUp")
        st.button(ui.labels["facilitate_clicker_next"], key=f"{param.name}_pgdn",
                  disabled=index == param.kind.count - 1, on_click=_move, args=(url, param, 1), shortcut="PageDown")
