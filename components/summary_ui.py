"""The live room's before and after, and its session summary, on Run a session (room_ui.room_panel
calls `summary_section` once). Pure work is in components/room_summary.py.

- While a plan's `after` question is live, the projector shows the two rows of totals (before,
  after), each side only at MIN_ANSWERS answers or more, the after once the counts are shown.
- The facilitator can download the summary (PDF) and the totals (CSV) at any time, and after
  closing the room: this tab remembers the last room's code (`summary_code`) until it closes.
  The files are made when the button is pressed (deferred download), from the store's kept totals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components import presenter
from components import room_summary as rs
from components.charts.room_shift import room_shift_figure
from components.live_room import MIN_ANSWERS, LiveRooms
from components.room_totals import keep_totals, kept_totals
from components.store import StoreUnavailable
from components.store_open import get_store
from components.text import callout, caption, md
from components.visual import cached_figure, show_chart

if TYPE_CHECKING:
    from components.content.registry import Content
    from components.models.workshops import WorkshopFile

LAST = "summary_code"
POLL_SECONDS = 1


def _summary(content: Content, plan: WorkshopFile | None, store, code: str) -> rs.Summary:
    keep_totals(store, code)  # the live question's totals so far, if the room is open
    result = LiveRooms(store).join(code)
    return rs.build(content, plan, kept_totals(store, code), result.room.opened if result.room else None)


def _live_shift(content: Content, plan: WorkshopFile | None, store, code: str) -> rs.Shift | None:
    """The pair whose `after` is the live question, with its before kept from an earlier round."""
    result = LiveRooms(store).tally(code)
    room, tally = result.room, result.tally
    if not result.ok or room is None or room.question is None or tally is None or plan is None:
        return None
    earlier = [r for r in kept_totals(store, code) if r.round < room.round]
    for pair, before, _ in rs.match_pairs(plan.room_pairs, earlier):
        if pair.after == room.question.id and before is not None:
            choices, prompt = rs.choices_and_prompt(content, pair.after, dict.fromkeys(room.question.choices, 0))
            enough = tally.total >= MIN_ANSWERS
            hidden = content.ui.labels["summary_not_shown"] if enough and tally.counts is None else ""
            return rs.Shift(prompt, choices, rs.shown(before.counts), tally.counts, True, enough, hidden)
    return None


def _shift(content: Content, plan: WorkshopFile | None, store, code: str) -> None:
    labels = content.ui.labels
    try:
        shift = _live_shift(content, plan, store, code)
    except StoreUnavailable:
        return
    if shift is None:
        return
    with st.container(key="room_shift"):
        st.subheader(labels["summary_shift_heading"])
        md(f"**{shift.prompt}**")
        fig = cached_figure(room_shift_figure, *rs.shift_chart_args(labels, shift), presenter.chart_scale())
        show_chart(
            fig,
            alt=labels["summary_shift_alt"],
            summary=rs.shift_words(labels, shift),
            rows=rs.shift_table(labels, shift),
            ui=content.ui,
            key="room_shift_chart",
        )
        if shift.after is None:
            callout("info", labels["summary_shift_hidden"].format(min=MIN_ANSWERS))


def summary_section(content: Content, plan_id: str | None, code: str | None) -> None:
    """Before/after on the projector while the room is open; the summary's downloads, open or closed."""
    labels = content.ui.labels
    plan = content.workshops.get(plan_id) if plan_id else None
    open_now = bool(code)
    if code:
        st.session_state[LAST] = code
        rs.warm_up()
    else:
        code = st.session_state.get(LAST)
        if not code:
            return
    try:
        store = get_store()
    except StoreUnavailable:
        return
    if open_now:
        st.fragment(run_every=POLL_SECONDS)(_shift)(content, plan, store, code)
    with st.container(key="room_summary"):
        with st.expander(labels["summary_heading"], expanded=not open_now, icon=":material/summarize:"):
            if plan is not None and plan.room_pairs:
                names = ", ".join(f"“{rs.choices_and_prompt(content, p.before, {})[1]}”" for p in plan.room_pairs)
                md(labels["summary_pairs_hint"].format(questions=names))
            caption(labels["summary_what"])
            caption(labels["summary_downloads_note"])

            def pdf() -> bytes:  # made when the button is pressed, from the store's kept totals
                return rs.pdf_bytes(content, _summary(content, plan, store, code))

            def table() -> str:
                return rs.csv_text(labels, _summary(content, plan, store, code))

            with st.container(horizontal=True, key="room_summary_downloads"):
                st.download_button(
                    labels["summary_download_pdf"],
                    pdf,
                    file_name=rs.file_name(plan_id, "pdf"),
                    mime="application/pdf",
                    on_click="ignore",
                    icon=":material/picture_as_pdf:",
                    key="room_summary_pdf",
                )
                st.download_button(
                    labels["summary_download_csv"],
                    table,
                    file_name=rs.file_name(plan_id, "csv"),
                    mime="text/csv",
                    on_click="ignore",
                    icon=":material/table:",
                    key="room_summary_csv",
                )
