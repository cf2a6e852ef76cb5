"""Step-through controls used by every step-by-step visual: Previous / Next buttons (with arrow-key
and presentation-clicker shortcuts), a "go to" picker, and the step kept in the URL so a facilitator
can bookmark or share a step and a reload keeps it.

    step = stepper("phase", labels=[p.title for p in phases], ui=content.ui)   # 0-based index

Only one stepper per page should take the keyboard (`shortcuts=True`, the default for the first).
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st


def current_step(param: str, count: int) -> int:
    """The 0-based step from `?param=N` (1-based in the URL, readable to people); clamped."""
    raw = st.query_params.get(param)
    try:
        n = int(raw) - 1 if raw is not None else 0
    except ValueError:
        n = 0
    return max(0, min(count - 1, n))


def set_step(param: str, index: int) -> None:
    st.query_params[param] = str(index + 1)


def _move(param: str, count: int, delta: int) -> None:
    set_step(param, max(0, min(count - 1, current_step(param, count) + delta)))


def _jump(param: str, widget_key: str) -> None:
    set_step(param, st.session_state[widget_key])


def stepper(param: str, *, labels: Sequence[str], ui, shortcuts: bool = True, jump_label: str | None = None) -> int:
    """Render the controls and return the current 0-based step."""
    count = len(labels)
    index = current_step(param, count)
    jump_key = f"{param}_jump"
    st.session_state[jump_key] = index  # the picker always shows the step in the URL
    with st.container(horizontal=True, vertical_alignment="bottom", key=f"stepper_{param}"):
        st.button(ui.previous, key=f"{param}_prev", icon=":material/arrow_back:", disabled=index == 0,
                  on_click=_move, args=(param, count, -1), shortcut="Left" if shortcuts else None)
        st.button(ui.next, key=f"{param}_next", icon=":material/arrow_forward:", icon_position="right",
                  type="primary", disabled=index == count - 1, on_click=_move, args=(param, count, 1),
                  shortcut="Right" if shortcuts else None)
        st.selectbox(jump_label or ui.labels["go_to"], range(count), key=jump_key,
                     format_func=lambda i: f"{i + 1}. {labels[i]}", on_change=_jump, args=(param, jump_key),
                     width=440)
    if shortcuts:
        _clicker_buttons(param, count, index, ui)
    st.caption(ui.labels["step_of"].format(n=index + 1, total=count))
    return index


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


def _clicker_buttons(param: str, count: int, index: int, ui) -> None:
    st.html(_CLICKER_CSS)
    with st.container(horizontal=True, key=f"clicker_{param}"):
        st.button(ui.labels["facilitate_clicker_previous"], key=f"{param}_pgup", disabled=index == 0,
                  on_click=_move, args=(param, count, -1), shortcut="PageUp")
        st.button(ui.labels["facilitate_clicker_next"], key=f"{param}_pgdn", disabled=index == count - 1,
                  on_click=_move, args=(param, count, 1), shortcut="PageDown")
