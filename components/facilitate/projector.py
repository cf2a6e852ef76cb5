"""The run-session page on the projector's laptop: pick a workshop plan, step through its segments
with a countdown, show each segment's page, pair a notes device, download the handouts, and the
live room's panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components import address, room_ui
from components.facilitate import countdown_ui, handouts, opening, pairing_ui, running, workshop
from components.facilitate.segment_view import segment_body
from components.help import region_for_locale
from components.navigation import PAGES
from components.stepper import stepper
from components.text import callout, caption, md

if TYPE_CHECKING:
    from components.content.registry import Content
    from components.models.workshops import WorkshopFile
    from components.url_state import PageUrl


def projector_view(content: Content, url: PageUrl) -> None:
    ui = content.ui
    L = ui.labels
    plans = content.workshops
    md(L["facilitate_intro"])
    current = running.active(content)
    asked = url.raw()
    plan_id = url.get("plan") if asked.get("plan") or not current else current[0].id
    if "segment" not in asked and current and current[0].id == plan_id:
        url.set("segment", current[1])  # back from a segment's page: same place
    url.widget(
        st.selectbox,
        "plan",
        L["facilitate_plan"],
        list(plans),
        key="run_plan",
        on_change=url.set,
        args_for_change=("segment", 0),
        format_func=lambda i: plans[i].title,
        value=plan_id,
    )
    plan = plans[plan_id]
    segments = plan.segments()
    caption(L["facilitate_plan_summary"].format(minutes=plan.minutes, segments=len(segments), audience=plan.audience))

    moved = running.remote_move(content)  # the notes device moved: show that segment's page
    if moved:
        running.open_segment(content, *moved)

    labels = [workshop.segment_label(plan, s, g, L["facilitate_segment_label"]) for s, g in segments]
    index = stepper(url, "segment", labels=labels, ui=ui, jump_label=L["facilitate_segment"])
    running.set_active(plan, index, content)
    session, seg = segments[index]

    main, side = st.columns([3, 2], gap="large")
    with main:
        st.header(seg.title)
        caption(f"{session.title} · {L['facilitate_minutes'].format(minutes=seg.minutes)}")
        known = {p.id for p in PAGES}
        with st.container(horizontal=True, vertical_alignment="center", key="segment_actions"):
            if st.button(
                L["facilitate_show"],
                key="show_segment",
                type="primary",
                icon=":material/slideshow:",
                help=L["facilitate_show_help"],
                disabled=seg.page not in known,
            ):
                opening.show(content, plan, index)
            countdown_ui.timer_buttons(ui)
        if seg.page not in known:
            callout("info", L["facilitate_page_missing"])
        countdown_ui.clock(ui)
        segment_body(content, plan, seg, notes_open=False)

    with side:
        st.subheader(L["facilitate_agenda_heading"])
        md(workshop.agenda(plan, index, L["facilitate_segment_label"], L["facilitate_minutes"]))
        st.subheader(L["facilitate_pair_heading"])
        pairing_ui.pair_box(content, plan, index)
        st.subheader(L["facilitate_handouts_heading"])
        _handouts(content, plan)

    room_ui.room_panel(content, plan.id, seg.room_question)


def _handouts(content: Content, plan: WorkshopFile) -> None:
    """The handouts list one region's helplines: the reader's own where the browser's language names
    a country we cover (as Get help opens), else the first; every region one choice away."""
    L = content.ui.labels
    regions = {r.id: r.name for r in content.help.regions}
    local = region_for_locale(content.help, st.context.locale)
    region = st.selectbox(
        L["facilitate_handout_region"],
        list(regions),
        format_func=lambda r: regions[r],
        key="handout_region",
        index=list(regions).index(local if local in regions else handouts.default_region(content.help)),
    )
    opened_at = address.app_address(st.context.url)
    if address.is_local(opened_at):  # as the live room says: no phone in the room can open this address
        callout("warning", L["facilitate_handout_local_address"].format(address=opened_at))
    st.download_button(
        L["facilitate_handout_participant"],
        key="dl_participant",
        icon=":material/download:",
        data=lambda: handouts.participant_handout(content, plan, region, opened_at),
        file_name=handouts.file_name(content, plan, "participant"),
        mime="application/pdf",
        on_click="ignore",
    )
    st.download_button(
        L["facilitate_handout_guide"],
        key="dl_guide",
        icon=":material/download:",
        data=lambda: handouts.facilitator_guide(content, plan, region, opened_at),
        file_name=handouts.file_name(content, plan, "guide"),
        mime="application/pdf",
        on_click="ignore",
    )
