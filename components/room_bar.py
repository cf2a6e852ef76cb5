"""The live room on any projected page (presenter mode): a Room menu in the presenter bar (open,
ask, show the counts, put the join code or the answers on screen, close), the room's code and
count on the bar, and the overlay that puts the join code and QR code, or the answers, over the
page. The room is the one this tab runs (components/room_ui.py keeps its code and key, and brings
it back after a reload); a paired notes device asks for the same actions through the pairing
(components/facilitate/pairing_room.py `request_room`), carried out here with this tab's key (`serve_request`).

The overlay shows on every projected page but Run a session, whose own room panel shows the same.
What it shows lives in this session only (room_ui.OVERLAY): after a reload it is off, the safe
default for a screen the room can see.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components import room_questions as rq
from components import room_ui
from components.facilitate import pairing, running, tab
from components.live_room import MIN_ANSWERS, Status
from components.qr import qr_svg
from components.store import StoreUnavailable
from components.text import caption, md

if TYPE_CHECKING:
    from components.content.registry import Content
    from components.models.workshops import WorkshopFile

BAR_POLL_SECONDS = 2
OVERLAY_POLL_SECONDS = 1
OVERLAYS = ("join", "counts")
PICK = "room_bar_pick"


def set_overlay(mode: str | None) -> None:
    st.session_state[room_ui.OVERLAY] = mode if mode in OVERLAYS else None


def segment_question(content: Content, current) -> str | None:
    """The room question the running segment names (`current`: (plan, index) or None)."""
    if current is None:
        return None
    plan, index = current
    qid = plan.segments()[index][1].room_question
    return qid if qid and content.room.question(qid) is not None else None


def _tally(code: str):
    try:
        return room_ui.rooms().tally(code)
    except StoreUnavailable:
        return None


def bar(content: Content, current) -> None:
    """In the presenter bar: the Room menu, and while a room runs its code and answer count (kept
    live). `current`: the running session's (plan, index), or None."""
    labels = content.ui.labels
    code = st.session_state.get(room_ui.CODE)
    with st.popover(labels["room_bar_menu"], icon=":material/how_to_vote:", key="room_bar_menu"):
        menu(content, current)
    if code:
        st.fragment(lambda: _bar_count(content, code), run_every=BAR_POLL_SECONDS)()


def _bar_count(content: Content, code: str) -> None:
    labels = content.ui.labels
    result = _tally(code)
    if result is None:
        text = labels["room_bar_unavailable"]
    elif result.status in (Status.UNKNOWN, Status.EXPIRED, Status.CLOSED):
        text = labels["room_bar_ended"]
    elif result.status is Status.NO_QUESTION:
        text = labels["room_bar_no_question"].format(code=code)
    else:
        text = labels["room_bar_count"].format(code=code, n=result.tally.total)
    with st.container(key="room_bar_count"):
        md(f"**{text}**")


def menu(content: Content, current) -> None:
    """The Room menu's content: what the facilitator can do with the room from any page."""
    labels = content.ui.labels
    code = st.session_state.get(room_ui.CODE)
    own = segment_question(content, current)
    if not code:
        caption(labels["room_small_group"].format(min=MIN_ANSWERS))
        if own and (own_q := content.room.question(own)) is not None:
            caption(labels["room_segment_question"].format(prompt=rq.prompt(content, own_q)))
        st.button(
            labels["room_open"],
            key="room_bar_open",
            type="primary",
            icon=":material/how_to_vote:",
            on_click=_open_for_segment,
            args=(content,),
        )
        room_ui.room_down_notice(labels)
        return
    caption(labels["room_code"])
    md(f"**{code}**")
    with st.container(horizontal=True, key="room_bar_show"):
        st.button(
            labels["room_overlay_join"],
            key="room_bar_overlay_join",
            icon=":material/qr_code_2:",
            on_click=set_overlay,
            args=("join",),
        )
        st.button(
            labels["room_overlay_counts"],
            key="room_bar_overlay_counts",
            icon=":material/bar_chart:",
            on_click=set_overlay,
            args=("counts",),
        )
        if st.session_state.get(room_ui.OVERLAY):
            st.button(
                labels["room_overlay_hide"],
                key="room_bar_overlay_hide",
                icon=":material/visibility_off:",
                on_click=set_overlay,
                args=(None,),
            )
    plan_id = current[0].id if current else None
    questions = rq.questions_for(content, plan_id)
    by_id = {q.id: q for q in questions}
    asked = room_ui.asked_now(code)
    if PICK not in st.session_state or st.session_state[PICK] not in by_id:
        st.session_state[PICK] = own or asked or questions[0].id
    st.selectbox(labels["room_question"], list(by_id), key=PICK, format_func=lambda i: rq.prompt(content, by_id[i]))
    result = _tally(code)
    # Enabled while a question's counts are hidden, whatever the count when the menu was drawn (the
    # menu is not polled): under 5 answers nothing is revealed, and the answers put on screen say why.
    can_reveal = bool(result and result.tally and result.tally.counts is None)
    with st.container(horizontal=True, key="room_bar_actions"):
        st.button(
            labels["room_ask"],
            key="room_bar_ask",
            type="primary",
            icon=":material/campaign:",
            on_click=room_ui.ask_picked,
            args=(content, PICK),
        )
        st.button(
            labels["room_reveal"],
            key="room_bar_reveal",
            icon=":material/visibility:",
            disabled=not can_reveal,
            on_click=_reveal_and_show,
        )
        st.button(labels["room_close"], key="room_bar_close", icon=":material/close:", on_click=room_ui.close_room)
    caption(labels["room_small_group"].format(min=MIN_ANSWERS))
    room_ui.room_down_notice(labels)


def _open_for_segment(content: Content) -> None:
    """Open a room asking the running segment's own question (the segment running when pressed)."""
    room_ui.open_room(content, segment_question(content, running.active(content)))


def _reveal_and_show() -> None:
    """Show the counts: revealed in the room, and put up over the page."""
    room_ui.reveal()
    set_overlay("counts")


def overlay(content: Content) -> None:
    """Over the projected page, bottom right: the join code, QR code and address, or the room's
    live question and counts (the same view as Run a session's panel), with a way to take it down."""
    mode, code = st.session_state.get(room_ui.OVERLAY), st.session_state.get(room_ui.CODE)
    if mode not in OVERLAYS or not code:
        return
    labels = content.ui.labels
    with st.container(key="room_overlay", border=True):
        # first, so it is in reach whatever the overlay holds below it
        st.button(
            labels["room_overlay_hide"],
            key="room_overlay_hide",
            icon=":material/visibility_off:",
            on_click=set_overlay,
            args=(None,),
        )
        if mode == "join":
            address = room_ui.join_address(code)
            caption(labels["room_code"])
            with st.container(key="room_overlay_code"):  # large type, not a heading: the page has its own
                md(f"**{code}**")
            alt = labels["room_qr_alt"].format(code=code)
            st.image(qr_svg(address, alt), alt=alt, width=300)
            md(labels["room_join_at"].format(url=address, code=code))
        else:
            st.fragment(lambda: room_ui.counts_view(content, code, where="overlay"), run_every=OVERLAY_POLL_SECONDS)()


# --------------------------------------------------------------------------- the paired notes device


def serve_request(content: Content) -> None:
    """On the laptop, while presenting (in the main script, after room_ui.restore_room): carry out
    the paired notes device's room request with this tab's key, and keep the pairing's note of the
    room (its public code, the overlay) in step, so the device shows what the projector shows.
    The version this writes is left for facilitate.sync.remote_update to take in, so a segment
    move made at the same time is never skipped."""
    code = st.session_state.get(tab.PAIR)
    p = pairing.STORE.get(code) if code else None
    if p is None:
        return
    request, n = p.room_request, int(p.room_request.get("n", 0))
    if n > p.room_done:
        action, question = request.get("action"), request.get("question") or None
        if action == "open" and not st.session_state.get(room_ui.CODE):
            if question:
                room_ui.open_room(content, question)
            else:
                _open_for_segment(content)
        elif action == "ask" and question:
            room_ui.ask(content, question)
        elif action == "reveal":
            _reveal_and_show()
        elif action in ("join", "counts", "hide"):
            set_overlay(None if action == "hide" else action)
        elif action == "close":
            room_ui.close_room()
    room, shown = st.session_state.get(room_ui.CODE) or "", st.session_state.get(room_ui.OVERLAY) or ""
    if n > p.room_done or (room, shown) != (p.room, p.overlay):
        pairing.STORE.room_served(p.code, n, room, shown, who=running.laptop_key())


def _request(code: str, action: str, question: str | None = None) -> None:
    pairing.STORE.request_room(code, action, question, who=running.device_token())


def _request_picked(code: str) -> None:
    _request(code, "ask", st.session_state.get(NOTES_PICK))


NOTES_PICK = "notes_room_pick"


def notes_room(content: Content, p, plan: WorkshopFile, index: int) -> None:
    """On the paired notes device (inside its polling view): the room as the projector runs it,
    and the same actions as the presenter bar's Room menu, asked of the laptop (`serve_request`)."""
    labels = content.ui.labels
    code = p.code
    with st.container(key="notes_room", border=True):
        st.subheader(labels["room_heading"])
        own = plan.segments()[index][1].room_question
        if int(p.room_request.get("n", 0)) > p.room_done:
            caption(labels["room_notes_sent"])
        if not p.room:
            caption(labels["room_small_group"].format(min=MIN_ANSWERS))
            st.button(
                labels["room_open"],
                key="notes_room_open",
                icon=":material/how_to_vote:",
                on_click=_request,
                args=(code, "open", own),
            )
            return
        result = _tally(p.room)
        total = result.tally.total if result is not None and result.tally is not None else 0
        md(f"**{labels['room_bar_count'].format(code=p.room, n=total)}**")
        asking = content.room.question(result.room.question.id) if result is not None and result.ok else None
        if asking is not None:
            caption(labels["room_asking"].format(prompt=rq.prompt(content, asking)))
        with st.container(horizontal=True, key="notes_room_show"):
            st.button(
                labels["room_overlay_join"],
                key="notes_room_join",
                icon=":material/qr_code_2:",
                on_click=_request,
                args=(code, "join"),
                disabled=p.overlay == "join",
            )
            st.button(
                labels["room_overlay_counts"],
                key="notes_room_counts",
                icon=":material/bar_chart:",
                on_click=_request,
                args=(code, "counts"),
                disabled=p.overlay == "counts",
            )
            st.button(
                labels["room_overlay_hide"],
                key="notes_room_hide",
                icon=":material/visibility_off:",
                on_click=_request,
                args=(code, "hide"),
                disabled=not p.overlay,
            )
        questions = rq.questions_for(content, plan.id)
        by_id = {q.id: q for q in questions}
        if NOTES_PICK not in st.session_state or st.session_state[NOTES_PICK] not in by_id:
            st.session_state[NOTES_PICK] = own if own in by_id else questions[0].id
        st.selectbox(
            labels["room_question"], list(by_id), key=NOTES_PICK, format_func=lambda i: rq.prompt(content, by_id[i])
        )
        can_reveal = bool(result and result.tally and result.tally.can_reveal and result.tally.counts is None)
        with st.container(horizontal=True, key="notes_room_actions"):
            st.button(
                labels["room_ask"],
                key="notes_room_ask",
                type="primary",
                icon=":material/campaign:",
                on_click=_request_picked,
                args=(code,),
            )
            st.button(
                labels["room_reveal"],
                key="notes_room_reveal",
                icon=":material/visibility:",
                disabled=not can_reveal,
                on_click=_request,
                args=(code, "reveal"),
            )
            st.button(
                labels["room_close"],
                key="notes_room_close",
                icon=":material/close:",
                on_click=_request,
                args=(code, "close"),
            )
