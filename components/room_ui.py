"""The Streamlit side of the live room (components/live_room.py): the facilitator's panel on Run a
session (`room_panel`) and the session keys both sides share; a participant's page is
components/room_join.py.

A participant's answer token is made by the tab itself and kept in the tab's sessionStorage
(components/tab_storage.py), so a reload or another replica answers as the same phone (its answer
replaced, its rate limit kept) and closing the tab forgets it; `room_token` holds it for this
session once the tab has said it. The facilitator's control of a room is the room's secret key
(components/live_room.py), kept the same way in the laptop tab as "<code>:<key>", so a reload or
a replica change brings back the same room, question and count (`restore_room`); `room_code` and
`room_key` hold them for this session (None: no room, and the tab forgets it). `room_sent` (round
-> the status of this tab's last answer) is this session's only. The participant's room code is in the join page's URL (`?code=`), so a reload or the QR
code opens the same room. A store that is down is caught here and said in plain words; the rest of
the page carries on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlparse, urlunparse

import streamlit as st

from components import language_ui, practice, presenter, tab_storage
from components import room_questions as rq
from components.address import is_local
from components.charts.room import room_counts_figure
from components.editions_served import LANG
from components.live_room import MIN_ANSWERS, LiveRooms, Status
from components.qr import qr_svg
from components.store import StoreUnavailable
from components.store_open import get_store
from components.summary_ui import summary_section
from components.text import callout, caption, md
from components.visual import cached_figure, show_chart

if TYPE_CHECKING:
    from components.content.registry import Content

TOKEN = "room_token"
CODE = "room_code"
KEY = "room_key"
ROOM_STORAGE = "room-key"  # "<code>:<key>" of the room this tab runs, in its sessionStorage
SENT = "room_sent"
JOIN_INPUT = "join_code_input"
JOIN_PROBLEM = "join_problem"
DOWN = "room_down"  # the store did not answer the last action: said once, then forgotten
OVERLAY = "room_overlay"  # what the projected page puts up over itself: "join" (code, QR) or "counts"
JOIN_PAGE = "join"
PARTICIPANT_POLL_SECONDS = 2
PROJECTOR_POLL_SECONDS = 1


def rooms() -> LiveRooms:
    return LiveRooms(get_store())


# --------------------------------------------------------------------------- the facilitator


def join_address(code: str) -> str:
    """The join page's address on this app's own host (what the browser used), with the code, and the
    edition this session asked for (`?lang=`): a phone that scans it opens in the projector's language
    and can switch to its own (counts are kept by choice id, so one room can hold every language)."""
    try:
        here = urlparse(st.context.url or "")
    except Exception:  # noqa: BLE001 - no URL (AppTest)
        here = urlparse("")
    base = here.path.rstrip("/").rsplit("/", 1)[0]  # this page's folder: the app's own root
    return urlunparse(
        (
            here.scheme,
            here.netloc,
            f"{base}/{JOIN_PAGE}",
            "",
            urlencode({"code": code} | ({LANG: lang} if (lang := language_ui.asked()) else {})),
            "",
        )
    )


def restore_room() -> None:
    """Keep the tab's note of the room this tab runs in step with this session: write it when a
    room was opened or closed here; in a new session (a reload, another replica), take the room
    back from it when its key still runs a live room, else forget it. In the main script."""
    code = st.session_state.get(CODE)
    write = None
    if CODE in st.session_state:
        write = f"{code}:{st.session_state.get(KEY) or ''}" if code else ""
    value = tab_storage.read(ROOM_STORAGE, write=write)
    if CODE in st.session_state or not value:
        return
    code, _, key = value.partition(":")
    try:
        result = rooms().control(code, key)
    except StoreUnavailable:
        return  # the store may come back: keep the tab's note, try again on the next run
    if result.status in (Status.OK, Status.NO_QUESTION) and result.room is not None:
        st.session_state[CODE], st.session_state[KEY] = result.room.code, key
    else:  # closed, expired, gone, or not this key's: the tab forgets it
        st.session_state[CODE] = st.session_state[KEY] = None


def open_room(content: Content | None = None, question: str | None = None) -> None:
    """Open a room run by this tab; ask `question` at once when given (a segment's own question)."""
    try:
        room = rooms().open()
        st.session_state[CODE], st.session_state[KEY] = room.code, room.key
    except StoreUnavailable:
        st.session_state[CODE] = st.session_state[KEY] = None
        st.session_state[DOWN] = True
        return
    if content is not None and question:
        ask(content, question)


def close_room() -> None:
    code, key = st.session_state.get(CODE), st.session_state.get(KEY)
    st.session_state[CODE] = st.session_state[KEY] = None
    st.session_state.pop(OVERLAY, None)
    if code:
        try:
            rooms().close(code, key)
        except StoreUnavailable:
            pass


def ask(content: Content, question_id: str) -> None:
    """Ask a question (content/room.yaml id) in the room this tab runs: a new round."""
    code, q = st.session_state.get(CODE), content.room.question(question_id or "")
    if not code or q is None:
        return
    try:
        rooms().ask(code, st.session_state.get(KEY), q.id, [c.id for c in rq.choices(content, q)])
    except StoreUnavailable:
        st.session_state[DOWN] = True


def ask_picked(content: Content, pick_key: str) -> None:
    ask(content, st.session_state.get(pick_key) or "")


def reveal() -> None:
    try:
        rooms().reveal(st.session_state.get(CODE) or "", st.session_state.get(KEY))
    except StoreUnavailable:
        st.session_state[DOWN] = True


def asked_now(code: str | None) -> str | None:
    """The id of the question the room asks now (None: none, or no room)."""
    if not code:
        return None
    try:
        result = rooms().join(code)
    except StoreUnavailable:
        return None
    room = result.room
    return room.question.id if result.status is Status.OK and room is not None and room.question is not None else None


def ask_for_segment(content: Content, segment) -> None:
    """A segment that names its room question asks it as it opens, when this tab runs a room and
    the room does not ask it already (so a return to the same segment keeps its answers)."""
    qid = getattr(segment, "room_question", None)
    code = st.session_state.get(CODE)
    if qid and code and asked_now(code) != qid:
        ask(content, qid)


def room_down_notice(labels) -> None:
    if st.session_state.pop(DOWN, False):
        callout("warning", labels["room_unavailable"])


def _practice_replies(content: Content, scene, *, revealed: bool, key: str = "room_practice") -> None:
    """A practice scene on the projector: the scene and its replies by letter; once the counts are
    shown, how each reply may land (its outcome in words and symbol, and why)."""
    labels = content.ui.labels
    with st.container(key=key):
        md(scene.scene)
        st.subheader(labels["room_practice_how"] if revealed else labels["room_practice_replies"])
        for i, reply in enumerate(scene.replies):
            md(f"**{practice.reply_label(i, reply)}**")
            if revealed:
                md(f"**{practice.outcome_label(reply.outcome, labels)}.** {reply.why}")
                if reply.instead:
                    md(f"**{labels['practice_instead']}.** {reply.instead}")


def room_panel(content: Content, plan_id: str | None, segment_question: str | None = None) -> None:
    """Run a session's live room: open one (code, join address, QR code; the running segment's own
    question asked at once), choose the live question, and the counts, hidden until MIN_ANSWERS
    have answered and the facilitator reveals them."""
    labels = content.ui.labels
    if not presenter.is_presenting():  # while presenting, the shell has done it (room_bar.py)
        restore_room()
    with st.container(key="room_panel"):
        st.subheader(labels["room_heading"])
        code = st.session_state.get(CODE)
        summary_section(content, plan_id, code)  # before/after and the session summary
        if not code:
            md(content.room.intro)
            caption(labels["room_small_group"].format(min=MIN_ANSWERS))
            st.button(
                labels["room_open"],
                key="room_open",
                icon=":material/how_to_vote:",
                on_click=open_room,
                args=(content, segment_question),
            )
            room_down_notice(labels)
            return
        _open_panel(content, plan_id, code)


def _open_panel(content: Content, plan_id: str | None, code: str) -> None:
    labels = content.ui.labels
    address = join_address(code)
    qr, about = st.columns([1, 3], gap="large")
    with qr:
        alt = labels["room_qr_alt"].format(code=code)
        st.image(qr_svg(address, alt), alt=alt, width=260)
    with about:
        caption(labels["room_code"])
        with st.container(key="room_code_box"):
            md(f"# {code}")
        md(labels["room_join_at"].format(url=address, code=code))
        if is_local(address):
            callout("info", labels["room_local_address"])
        questions = rq.questions_for(content, plan_id)
        by_id = {q.id: q for q in questions}
        key = "room_question_pick"
        st.selectbox(labels["room_question"], list(by_id), key=key, format_func=lambda i: rq.prompt(content, by_id[i]))
        with st.container(horizontal=True, key="room_actions"):
            st.button(
                labels["room_ask"],
                key="room_ask",
                type="primary",
                icon=":material/campaign:",
                on_click=ask_picked,
                args=(content, key),
            )
            st.button(labels["room_close"], key="room_close", icon=":material/close:", on_click=close_room)
    room_down_notice(labels)
    st.fragment(lambda: counts_view(content, code), run_every=PROJECTOR_POLL_SECONDS)()


def counts_view(content: Content, code: str, *, where: str = "panel") -> None:
    """The room's live question and its answers: how many so far; the counts (chart and its text)
    once MIN_ANSWERS have answered and the facilitator showed them. Poll it in a fragment. `where`
    keeps the keys of a second copy (the projected overlay) apart."""
    labels = content.ui.labels

    def k(base: str) -> str:
        return base if where == "panel" else f"{base}_{where}"

    try:
        result = rooms().tally(code)
    except StoreUnavailable:
        callout("warning", labels["room_unavailable"])
        return
    if result.status in (Status.UNKNOWN, Status.EXPIRED, Status.CLOSED):
        callout("info", labels["room_ended"])
        return
    if result.status is Status.NO_QUESTION:
        md(labels["room_none_asked"])
        return
    room, tally = result.room, result.tally
    if room is None or room.question is None or tally is None:  # never with OK: a room, its question, its tally
        return
    question = content.room.question(room.question.id)
    if question is None:
        return
    md(labels["room_asking"].format(prompt=rq.prompt(content, question)))
    with st.container(key=k("room_count")):
        md(f"**{labels['room_answers_so_far'].format(n=tally.total)}**")
    practice_scene = rq.practice_scene(content, question)
    if practice_scene is not None and tally.counts is None:
        _practice_replies(content, practice_scene, revealed=False, key=k("room_practice"))
    if tally.counts is None:
        callout("info", labels["room_hidden"].format(min=MIN_ANSWERS))
        st.button(
            labels["room_reveal"],
            key=k("room_reveal"),
            icon=":material/visibility:",
            type="primary",
            disabled=not tally.can_reveal,
            on_click=reveal,
        )
        return
    choices = [c for c in rq.choices(content, question) if c.id in room.question.choices]
    fig = cached_figure(
        room_counts_figure,
        tuple((c.id, c.bar) for c in choices),
        tuple(tally.counts[c.id] for c in choices),
        "",
        presenter.chart_scale(),
    )
    summary, rows = rq.counts_text(content.ui, choices, tally.counts, tally.total)
    show_chart(
        fig,
        alt=labels["room_counts_title"],
        summary=summary,
        rows=rows,
        ui=content.ui,
        key=f"room_chart_{where}_{room.round}",
    )
    scene = rq.scenario(content, question)
    if scene is not None:
        titles = {s.level: s.title for s in content.comparison.spectrum}
        st.subheader(labels["room_where_it_sits"])
        md(f"**{titles[scene.level]}.** {scene.why}")
        md(f"**{labels['room_differ']}.** {scene.differ}")
    if practice_scene is not None:
        _practice_replies(content, practice_scene, revealed=True, key=k("room_practice"))
