"""The session's opening screen, projected: the plan's group agreement in large type and the content
note, with Go on and a way to Get help instead. Shown once per session, at its start (and for an
opening segment); a paired notes device can go on past it too. The run-session page shows it at
?plan=<id>&segment=<n>&view=agreement&present=1 (`agreement_view`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components.facilitate import pairing, running, tab, workshop
from components.routing import page_target
from components.text import caption, md

if TYPE_CHECKING:
    from components.content.registry import Content
    from components.models.workshops import WorkshopFile
    from components.url_state import PageUrl


def pass_opening() -> None:
    """The session's opening screen was passed on this tab (its own Go on)."""
    st.session_state[tab.OPENED] = True
    st.session_state[tab.SHOWING] = False
    code = st.session_state.get(tab.PAIR)
    if code:
        p = pairing.STORE.set_opening(code, False, who=running.laptop_key())
        if p is not None:
            st.session_state[tab.PAIR_SEEN] = p.version


def _showing_opening() -> None:
    """This tab shows the opening screen: a paired notes device offers to go on past it."""
    st.session_state[tab.SHOWING] = True
    code = st.session_state.get(tab.PAIR)
    if code:
        p = pairing.STORE.set_opening(code, True, who=running.laptop_key())
        if p is not None:
            st.session_state[tab.PAIR_SEEN] = p.version


def opening_screen(content: Content, plan: WorkshopFile | None, on_go_on) -> None:
    """The session's opening screen, projected: the plan's group agreement in large type (when a plan
    runs) and the content note, with Go on (`on_go_on()`) and a way to Get help instead. A paired
    notes device can go on past it too (it polls)."""
    ui = content.ui
    note = ui.content_note
    _showing_opening()
    with st.container(border=True, key="content_note"):
        if plan is not None:
            with st.container(key="group_agreement"):
                st.title(ui.labels["facilitate_agreement_heading"])
                md("\n".join(f"- {item}" for item in plan.group_agreement))
        st.subheader(note.title)
        md(note.session_body)  # the whole session's note, said once at its start
        left, right = st.columns(2)
        go_on = left.button(note.go_on, type="primary", key="content_note_go_on")
        # a presentation clicker's Page Down goes on too: a second button with that shortcut, out of
        # sight until focused (app.css), as the stepper's clicker buttons are
        with st.container(key="clicker_opening"):
            go_on = st.button(note.go_on, key="opening_pgdn", shortcut="PageDown") or go_on
        if go_on:
            pass_opening()
            on_go_on()
        if right.button(note.go_elsewhere, key="content_note_elsewhere"):
            st.switch_page(page_target("get-help", content))
    if st.session_state.get(tab.PAIR):
        running.watch_notes_device(content)


def session_opening(content: Content) -> bool:
    """Presenter mode's content note: once per session, at its start, with the running plan's group
    agreement (the shell calls this before a heavy page). True when the page may show."""
    if st.session_state.get(tab.OPENED):
        return True
    current = running.active(content)
    opening_screen(content, current[0] if current else None, on_go_on=st.rerun)
    return False


def agreement_query(plan: WorkshopFile, index: int) -> dict[str, str]:
    """The Run a session URL of a plan's projected opening screen (group agreement, content note)."""
    return {"plan": plan.id, "segment": str(index + 1), "view": "agreement", "present": "1"}


def agreement_link(content: Content, plan: WorkshopFile, index: int) -> None:
    """The way back to the group agreement screen."""
    st.page_link(
        page_target(tab.RUN_PAGE, content),
        label=content.ui.labels["facilitate_agreement_show"],
        icon=":material/handshake:",
        query_params=agreement_query(plan, index),
    )


def back_to_session_link(content: Content, plan: WorkshopFile, index: int) -> None:
    """From the opening screen back to the facilitator's Run a session view, at the same segment."""
    st.page_link(
        page_target(tab.RUN_PAGE, content),
        label=content.ui.labels["facilitate_back_to_session"],
        icon=":material/co_present:",
        query_params={"plan": plan.id, "segment": str(index + 1)},
    )


def show(content: Content, plan: WorkshopFile, index: int) -> None:
    """Show on the projector: the session's opening screen first (until it was passed, and for an
    opening segment), then the segment's page."""
    seg = plan.segments()[workshop.clamp(index, len(plan.segments()))][1]
    if seg.kind == "opening" or not st.session_state.get(tab.OPENED):
        running.set_active(plan, index, content)
        st.switch_page(page_target(tab.RUN_PAGE, content), query_params=agreement_query(plan, index))
    running.open_segment(content, plan, index)


def agreement_view(content: Content, url: PageUrl) -> None:
    """The session's first projected screen: the plan's group agreement, large, and the content
    note. Go on (here or on the paired notes device) opens the segment's page."""
    plan = content.workshops[url.get("plan")]
    index = workshop.clamp(url.get("segment"), len(plan.segments()))
    current = running.active(content)
    if current is None or current[0].id != plan.id:
        running.set_active(plan, index, content)
    moved, passed = running.remote_update(content)
    if moved:
        pass_opening()
        running.open_segment(content, *moved)
    plan, index = running.active(content)
    if passed:
        running.open_segment(content, plan, index)
    caption(plan.title)
    opening_screen(content, plan, on_go_on=lambda: running.open_segment(content, plan, index))
    back_to_session_link(content, plan, index)
