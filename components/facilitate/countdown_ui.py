"""The segment's countdown on the projector: in words, its Start / Pause and Reset buttons, and the
clock redrawn every second while it runs. A paired notes device shows the same countdown.
"""

from __future__ import annotations

import streamlit as st

from components.facilitate import pairing, running, tab, workshop
from components.facilitate.countdown import Timer
from components.text import md


def timer_text(ui, timer: Timer, short: bool = False) -> str:
    """The countdown in words; `short` for the presenter bar, which must stay on one line."""
    left = timer.remaining(tab.now())
    if left < 0:
        return ui.labels["facilitate_time_over"].format(time=workshop.clock(left))
    if not timer.running and timer.elapsed == 0:
        key = "facilitate_time_ready_short" if short else "facilitate_time_ready"
        return ui.labels[key].format(minutes=timer.minutes)
    key = "facilitate_time_left" if timer.running else "facilitate_time_paused"
    return ui.labels[key].format(time=workshop.clock(left), minutes=timer.minutes)


def _press(button: str) -> None:
    st.session_state[tab.TIMER] = st.session_state[tab.TIMER].press(button, tab.now())
    code = st.session_state.get(tab.PAIR)
    if code:  # the notes device shows the same countdown
        p = pairing.STORE.set_timer(code, st.session_state[tab.TIMER], who=running.laptop_key())
        if p is not None:
            st.session_state[tab.PAIR_SEEN] = p.version


def timer_buttons(ui) -> None:
    """Start (or Pause, while it runs) and Reset for the current segment's countdown."""
    labels = ui.labels
    if st.session_state[tab.TIMER].running:
        st.button(
            labels["facilitate_timer_pause"],
            key="timer_pause",
            icon=":material/pause:",
            on_click=_press,
            args=("pause",),
        )
    else:
        st.button(
            labels["facilitate_timer_start"],
            key="timer_start",
            icon=":material/timer:",
            on_click=_press,
            args=("start",),
        )
    st.button(
        labels["facilitate_timer_reset"],
        key="timer_reset",
        icon=":material/restart_alt:",
        on_click=_press,
        args=("reset",),
    )


def clock(ui) -> None:
    """The countdown in words, redrawn every second while it runs."""
    timer = st.session_state[tab.TIMER]

    @st.fragment(run_every=1 if timer.running else None)
    def tick() -> None:
        t = st.session_state.get(tab.TIMER)
        if t is not None:
            with st.container(key="session_clock"):
                md(f"**{timer_text(ui, t)}**")

    tick()
