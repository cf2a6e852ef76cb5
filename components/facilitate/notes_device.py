"""The notes device (a facilitator's phone or tablet, paired with the projector's laptop): the
run-session page's notes view, with everything the projector's buttons do: previous / next
segment, go on past the opening screen, the countdown and the step within the segment. Every
action carries this device's token (the pairing checks it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components import room_bar
from components.facilitate import pairing, pairing_ui, running, tab, workshop
from components.facilitate.countdown import Timer
from components.facilitate.countdown_ui import timer_text
from components.facilitate.segment_view import segment_body
from components.text import callout, caption, md

if TYPE_CHECKING:
    from components.content.registry import Content
    from components.models.workshops import WorkshopFile
    from components.url_state import PageUrl


def _retimer(content: Content):
    def retime(timer, plan_id: str, segment: int):
        return workshop.timer_for(
            timer if isinstance(timer, Timer) else None, content.workshops[plan_id], segment, tab.now()
        )

    return retime


def notes_move(content: Content, code: str, delta: int, count: int, who: str | None = None) -> None:
    """Previous / next segment from the notes device, with its token (`who`, else this tab's)."""
    pairing.STORE.move(code, delta, count, retime=_retimer(content), who=who or running.device_token())


def notes_press(
    content: Content, code: str, plan: WorkshopFile, index: int, button: str, who: str | None = None
) -> None:
    """A countdown button on the notes device (the projector takes the countdown over)."""

    def press(timer):
        if not (isinstance(timer, Timer) and timer.plan == plan.id and timer.segment == index):
            timer = workshop.timer_for(None, plan, index, tab.now())
        return timer.press(button, tab.now())

    pairing.STORE.press_timer(code, press, who=who or running.device_token())


def _notes_go_on(code: str) -> None:
    pairing.STORE.set_opening(code, False, who=running.device_token())


def _notes_step(code: str, delta: int, start: int, count: int) -> None:
    pairing.STORE.move_step(code, delta, start, count, who=running.device_token())


def notes_controls(content: Content, p, plan: WorkshopFile, index: int) -> None:
    """Everything the projector's buttons do, on the notes device: go on past the opening screen,
    the countdown (shown and started / paused / reset), the step within the segment, and (in the
    caller) the previous / next segment."""
    ui = content.ui
    labels = ui.labels
    code = p.code
    if p.opening:
        st.button(
            labels["facilitate_notes_go_on"],
            key="notes_go_on",
            type="primary",
            icon=":material/play_arrow:",
            on_click=_notes_go_on,
            args=(code,),
        )
    timer = (
        p.timer
        if isinstance(p.timer, Timer) and p.timer.segment == index and p.timer.plan == plan.id
        else workshop.timer_for(None, plan, index, tab.now())
    )
    with st.container(horizontal=True, vertical_alignment="center", key="notes_timer"):
        md(f"**{timer_text(ui, timer)}**")
        if timer.running:
            st.button(
                labels["facilitate_timer_pause"],
                key="notes_timer_pause",
                icon=":material/pause:",
                on_click=notes_press,
                args=(content, code, plan, index, "pause"),
            )
        else:
            st.button(
                labels["facilitate_timer_start"],
                key="notes_timer_start",
                icon=":material/timer:",
                on_click=notes_press,
                args=(content, code, plan, index, "start"),
            )
        st.button(
            labels["facilitate_timer_reset"],
            key="notes_timer_reset",
            icon=":material/restart_alt:",
            on_click=notes_press,
            args=(content, code, plan, index, "reset"),
        )
    step = workshop.segment_step(plan.segments()[index][1], content)
    if step is not None:
        at = step.start if p.step is None else p.step
        with st.container(horizontal=True, vertical_alignment="center", key="notes_step"):
            st.button(
                labels["facilitate_step_previous"],
                key="notes_step_prev",
                icon=":material/chevron_left:",
                disabled=at == 0,
                on_click=_notes_step,
                args=(code, -1, step.start, step.count),
            )
            st.button(
                labels["facilitate_step_next"],
                key="notes_step_next",
                icon=":material/chevron_right:",
                icon_position="right",
                disabled=at >= step.count - 1,
                on_click=_notes_step,
                args=(code, 1, step.start, step.count),
            )
            caption(labels["step_of"].format(n=at + 1, total=step.count))


def notes_view(content: Content, url: PageUrl) -> None:
    """The run-session page on the notes device: the code form until it is the confirmed device,
    then the session as the projector runs it, with its controls and the facilitator's notes."""
    ui = content.ui
    L = ui.labels
    plans = content.workshops
    confirmed = pairing_ui.confirmed_device(content, url)  # else: the code form, or why it controls nothing
    if confirmed is None:
        return
    code, token, first = confirmed
    ticking = isinstance(first.timer, Timer) and first.timer.running

    @st.fragment(run_every=1 if ticking else 3)  # follow the projector when it moves; the clock while it runs
    def follow() -> None:
        p = pairing.STORE.device_state(code, token)[1]
        if p is None and not pairing.STORE.unavailable:
            st.rerun(scope="app")  # unpaired or ended: the page says why
        if p is None or p.plan not in plans:
            callout(
                "warning", L["facilitate_pair_unavailable" if pairing.STORE.unavailable else "facilitate_code_unknown"]
            )
            return
        plan = plans[p.plan]
        segments = plan.segments()
        index = workshop.clamp(p.segment, len(segments))
        session, seg = segments[index]
        caption(L["facilitate_paired_to"].format(plan=plan.title))
        with st.container(horizontal=True, vertical_alignment="center", key="notes_controls"):
            st.button(
                ui.previous,
                key="notes_prev",
                icon=":material/arrow_back:",
                disabled=index == 0,
                on_click=notes_move,
                args=(content, code, -1, len(segments)),
                shortcut="Left",
            )
            st.button(
                ui.next,
                key="notes_next",
                icon=":material/arrow_forward:",
                icon_position="right",
                type="primary",
                disabled=index == len(segments) - 1,
                on_click=notes_move,
                args=(content, code, 1, len(segments)),
                shortcut="Right",
            )
            caption(L["facilitate_segment_of"].format(n=index + 1, total=len(segments)))
        notes_controls(content, p, plan, index)
        room_bar.notes_room(content, p, plan, index)  # the live room, through the laptop
        runs = isinstance(p.timer, Timer) and p.timer.running
        if runs != ticking:  # the countdown started or stopped: follow it every second, or not
            st.rerun(scope="app")
        st.header(seg.title)
        caption(f"{session.title} · {L['facilitate_minutes'].format(minutes=seg.minutes)}")
        segment_body(content, plan, seg, notes_open=True)
        if index + 1 < len(segments):
            caption(f"{ui.next}: {segments[index + 1][1].title}")

    follow()
    st.button(L["facilitate_disconnect"], key="notes_disconnect", on_click=pairing_ui.forget_notes)
