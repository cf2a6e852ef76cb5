"""A participant's side of the live room (pages/join.py): join by code, answer, see the thanks.

A participant's answer token is made by the tab itself and kept in the tab's sessionStorage
(components/tab_storage.py), so a reload or another replica answers as the same phone (its answer
replaced, its rate limit kept) and closing the tab forgets it; `room_token` holds it for this
session once the tab has said it. `room_sent` (round -> the status of this tab's last answer) is this
session's only. The room code is in the join page's URL (`?code=`), so a reload or the QR code opens
the same room. The session keys and the shared store are components/room_ui.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components import room_questions as rq
from components import tab_storage
from components.live_room import Status
from components.room_record import TOKEN_BYTES, is_token, normalise
from components.store import StoreUnavailable
from components.text import callout, caption, md

if TYPE_CHECKING:
    from components.content.registry import Content
    from components.url_state import PageUrl
from components.room_ui import JOIN_INPUT, JOIN_PROBLEM, PARTICIPANT_POLL_SECONDS, SENT, TOKEN, rooms

TOKEN_STORAGE = "room-token"  # the name of the participant's token in the tab's sessionStorage


def _token() -> str | None:
    """This tab's answer token, or None while the tab has not said it yet (never a second one)."""
    return st.session_state.get(TOKEN)


def load_token() -> str | None:
    """Read (or have the tab make) the tab's token; in the main script, once per run."""
    if is_token(st.session_state.get(TOKEN)):
        return st.session_state[TOKEN]
    value = tab_storage.read(TOKEN_STORAGE, create=TOKEN_BYTES)
    if is_token(value):
        st.session_state[TOKEN] = value
        return value
    return None


def _problem_text(labels, status: Status) -> str | None:
    return {
        Status.UNKNOWN: labels["join_unknown"],
        Status.EXPIRED: labels["join_expired"],
        Status.CLOSED: labels["join_closed"],
    }.get(status)


# --------------------------------------------------------------------------- a participant


def _join(url: PageUrl) -> None:
    typed = normalise(st.session_state.get(JOIN_INPUT) or "")
    try:
        result = rooms().join(typed)
    except StoreUnavailable:
        st.session_state[JOIN_PROBLEM] = "unavailable"
        return
    if result.status in (Status.OK, Status.NO_QUESTION) and result.room is not None:
        st.session_state[JOIN_PROBLEM] = None
        st.session_state[JOIN_INPUT] = ""
        url.set("code", result.room.code)
    else:
        st.session_state[JOIN_PROBLEM] = result.status.value


def _send(code: str, round_: int, key: str) -> None:
    choice = st.session_state.get(key)
    sent = st.session_state.setdefault(SENT, {})
    if choice is None:
        sent[round_] = "choose"
        return
    token = _token()
    if token is None:  # the tab has not said its token yet: nothing is sent as a stranger
        sent[round_] = "unavailable"
        return
    try:
        sent[round_] = rooms().answer(code, token, round_, choice).status.value
    except StoreUnavailable:
        sent[round_] = "unavailable"


def join_view(content: Content, url: PageUrl) -> None:
    """The participant's page: a code field; then the live question as choices and a send button,
    following the room as the facilitator moves on."""
    labels = content.ui.labels
    load_token()
    caption(labels["join_no_name"])
    code = url.get("code")
    if not code:
        with st.form("join_form", border=False):
            st.text_input(
                labels["join_code_input"],
                key=JOIN_INPUT,
                max_chars=12,
                autocomplete="off",
                help=labels["join_code_help"],
            )
            st.form_submit_button(labels["join_go"], on_click=_join, args=(url,), type="primary")
        problem = st.session_state.get(JOIN_PROBLEM)
        if problem == "unavailable":
            callout("warning", labels["room_unavailable"])
        elif problem and (text := _problem_text(labels, Status(problem))):
            callout("warning", text)
        md(content.room.privacy)
        return

    @st.fragment(run_every=PARTICIPANT_POLL_SECONDS)
    def live() -> None:
        try:
            result = rooms().join(code)
            token = _token()
            mine = rooms().my_answer(code, token) if result.ok and token else None
        except StoreUnavailable:
            callout("warning", labels["room_unavailable"])
            return
        problem = _problem_text(labels, result.status)
        if problem:
            callout("warning", problem)
            return
        caption(f"{labels['room_code']}: {code}")
        if result.status is Status.NO_QUESTION:
            callout("info", labels["join_waiting"])
            return
        room = result.room
        if room is None or room.question is None:  # never with OK: a room with its question
            return
        question = content.room.question(room.question.id)
        if question is None:  # asked from another edition of the content
            callout("info", labels["join_waiting"])
            return
        choices = [c for c in rq.choices(content, question) if c.id in room.question.choices]
        st.subheader(rq.prompt(content, question))
        scene = rq.scenario(content, question)
        if scene is not None:
            md(scene.vignette)
        practice_scene = rq.practice_scene(content, question)
        if practice_scene is not None:
            md(practice_scene.scene)
        key = f"join_choice_{code}_{room.round}"
        if key not in st.session_state and mine is not None:
            st.session_state[key] = mine
        by_id = {c.id: c.label for c in choices}
        st.radio(
            labels["join_your_answer"],
            [c.id for c in choices],
            key=key,
            index=None,
            format_func=lambda i: by_id.get(i, i),
        )
        st.button(
            labels["join_send"],
            key=f"join_send_{room.round}",
            type="primary",
            icon=":material/send:",
            on_click=_send,
            args=(code, room.round, key),
        )
        sent = st.session_state.get(SENT, {}).get(room.round)
        stale = [r for r in st.session_state.get(SENT, {}) if r < room.round]
        if sent == Status.OK.value:
            callout("success", labels["join_sent"])
        elif sent == Status.RATE_LIMITED.value:
            callout("warning", labels["join_rate_limited"])
        elif sent == "choose":
            callout("info", labels["join_choose_first"])
        elif sent == "unavailable":
            callout("warning", labels["room_unavailable"])
        elif sent in (Status.STALE.value, Status.BAD_CHOICE.value) or (sent is None and stale and mine is None):
            callout("info", labels["join_stale"])

    live()
    st.button(labels["join_leave"], key="join_leave", icon=":material/logout:", on_click=url.set, args=("code", None))
    md(content.room.privacy)
