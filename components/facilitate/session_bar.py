"""The session bar, in the presenter bar of every page while this tab runs a session: where we are,
the time left, previous / next segment and a way back to the session; and the way back to the
group agreement in the Pages menu. Follows a paired notes device.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components.facilitate import opening, running, tab
from components.facilitate.countdown_ui import timer_text
from components.routing import page_target
from components.text import md

if TYPE_CHECKING:
    from components.content.registry import Content


def session_bar(content: Content) -> None:
    """In the presenter bar of every page while this tab runs a session: where we are, the time
    left, previous / next segment and a way back to the session (the group agreement is in the
    Pages menu: session_menu). Follows a paired notes device."""
    current = running.active(content)
    if current is None or running.on_run_page():
        return
    moved = running.remote_move(content)
    if moved:
        running.open_segment(content, *moved)
    plan, index = current
    ui = content.ui
    count = len(plan.segments())
    with st.container(horizontal=True, vertical_alignment="center", key="session_bar"):
        st.page_link(
            page_target(tab.RUN_PAGE, content),
            label=ui.labels["facilitate_back_to_session"],
            icon=":material/co_present:",
            query_params={"plan": plan.id, "segment": str(index + 1), "present": "1"},
        )
        if st.button(
            ui.labels["facilitate_previous_segment"],
            key="bar_prev_segment",
            icon=":material/skip_previous:",
            disabled=index == 0,
        ):
            running.open_segment(content, plan, index - 1)
        if st.button(
            ui.labels["facilitate_next_segment"],
            key="bar_next_segment",
            icon=":material/skip_next:",
            disabled=index == count - 1,
        ):
            running.open_segment(content, plan, index + 1)
        _live_status(content)


def _live_status(content: Content) -> None:
    timer = st.session_state.get(tab.TIMER)
    polling = bool(st.session_state.get(tab.PAIR))
    every = 1 if timer is not None and timer.running else (tab.POLL_SECONDS if polling else None)

    def status() -> None:
        if polling and running.pending():
            st.rerun(scope="app")
        current = running.active(content)
        if current is None:
            return
        plan, index = current
        label = content.ui.labels["facilitate_segment_of"].format(n=index + 1, total=len(plan.segments()))
        t = st.session_state.get(tab.TIMER)
        md(f"**{label}** · {timer_text(content.ui, t, short=True)}" if t else f"**{label}**")

    st.fragment(status, run_every=every)()


def session_menu(content: Content) -> None:
    """In the presenter bar's Pages menu while this tab runs a session: the way back to the group
    agreement screen (in the menu, so the bar itself stays on one line at 1080p)."""
    current = running.active(content)
    if current is not None and not running.on_run_page():
        opening.agreement_link(content, *current)
