"""Run a session: pick a workshop plan, step through its segments with a countdown, open each
segment's page in presenter mode, pair a second device for notes, download the handouts.

URL: ?plan=<id>&segment=<n> (projector), ?view=notes&pair=<shown code> (notes device: fills the form),
?plan=<id>&segment=<n>&view=agreement&present=1 (the projected opening screen: group agreement and
content note).
"""

import streamlit as st

from components import facilitate, facilitator_ui as fui, handouts, pairing, pairing_ui as pui, presenter, room_bar, room_questions, room_ui
from components.help import region_for_locale
from components.address import app_address, is_local
from components.navigation import PAGES
from components.routing import page_content
from components.stepper import stepper
from components.text import callout, caption, md
from components.url_state import for_page

content = page_content()
ui = content.ui
L = ui.labels
plans = content.workshops
url = for_page("run-session", content)

DEVICES = ("projector", "notes")  # what the view picker offers; "agreement" is a projected screen


def _bullets(items) -> None:
    md("\n".join(f"- {item}" for item in items))


def _segment_body(plan, session, seg, *, notes_open: bool) -> None:
    """What a segment asks of the group; the facilitator's notes (first on the notes device, closed
    on the projector, which the group can see)."""
    if notes_open:
        st.subheader(L["facilitate_notes_heading"])
        md(seg.notes)
    if seg.kind == "opening":
        st.subheader(L["facilitate_safeguarding_heading"])
        guard = plan.safeguarding
        md(f"**{L['facilitate_safeguarding_confidentiality']}.** {guard.confidentiality}")
        md(f"**{L['facilitate_safeguarding_lead']}.** {guard.lead}")
        md(f"**{L['facilitate_safeguarding_disclosure']}:**")
        md("\n".join(f"{i}. {step}" for i, step in enumerate(guard.if_someone_discloses, 1)))
        st.subheader(L["facilitate_agreement_heading"])
        _bullets(plan.group_agreement)
        st.subheader(L["facilitate_care_heading"])
        care = (("no_disclosure", plan.care.no_disclosure), ("breaks", plan.care.breaks),
                ("during", plan.care.support_during), ("after", plan.care.support_after))
        # no sentence twice on one screen (the agreement often says "no one has to share" too)
        shown = [guard.confidentiality, *plan.group_agreement]
        for line in facilitate.labelled_without_repeats(shown, [(L["facilitate_care_" + k], t) for k, t in care]):
            if line:
                md(line)
    st.subheader(L["facilitate_questions_heading"])
    _bullets(seg.questions)
    st.subheader(L["facilitate_activity_heading"])
    md(seg.activity)
    asked = content.room.question(seg.room_question) if seg.room_question else None
    if asked is not None:  # asked as the segment opens, when a room is open (room_ui.ask_for_segment)
        caption(L["room_segment_question"].format(prompt=room_questions.prompt(content, asked)))
    if not notes_open:
        with st.expander(L["facilitate_notes_heading"], icon=":material/sticky_note_2:"):
            md(seg.notes)


# --------------------------------------------------------------------------- notes view (second device)


def notes_view() -> None:
    confirmed = pui.confirmed_device(content, url)  # else: the code form, or why it controls nothing
    if confirmed is None:
        return
    code, token, first = confirmed
    ticking = isinstance(first.timer, facilitate.Timer) and first.timer.running

    @st.fragment(run_every=1 if ticking else 3)  # follow the projector when it moves; the clock while it runs
    def follow() -> None:
        p = pairing.STORE.device_state(code, token)[1]
        if p is None and not pairing.STORE.unavailable:
            st.rerun(scope="app")  # unpaired or ended: the page says why
        if p is None or p.plan not in plans:
            callout("warning", L["facilitate_pair_unavailable" if pairing.STORE.unavailable else "facilitate_code_unknown"])
            return
        plan = plans[p.plan]
        segments = plan.segments()
        index = facilitate.clamp(p.segment, len(segments))
        session, seg = segments[index]
        caption(L["facilitate_paired_to"].format(plan=plan.title))
        with st.container(horizontal=True, vertical_alignment="center", key="notes_controls"):
            st.button(ui.previous, key="notes_prev", icon=":material/arrow_back:", disabled=index == 0,
                      on_click=fui.notes_move, args=(content, code, -1, len(segments)), shortcut="Left")
            st.button(ui.next, key="notes_next", icon=":material/arrow_forward:", icon_position="right",
                      type="primary", disabled=index == len(segments) - 1,
                      on_click=fui.notes_move, args=(content, code, 1, len(segments)), shortcut="Right")
            caption(L["facilitate_segment_of"].format(n=index + 1, total=len(segments)))
        fui.notes_controls(content, p, plan, index)
        room_bar.notes_room(content, p, plan, index)  # the live room, through the laptop
        running = isinstance(p.timer, facilitate.Timer) and p.timer.running
        if running != ticking:  # the countdown started or stopped: follow it every second, or not
            st.rerun(scope="app")
        st.header(seg.title)
        caption(f"{session.title} · {L['facilitate_minutes'].format(minutes=seg.minutes)}")
        _segment_body(plan, session, seg, notes_open=True)
        if index + 1 < len(segments):
            caption(f"{ui.next}: {segments[index + 1][1].title}")

    follow()
    st.button(L["facilitate_disconnect"], key="notes_disconnect", on_click=pui.forget_notes)


# --------------------------------------------------------------------------- projector view


def _pick_plan() -> None:
    url.set("segment", 0)


def projector_view() -> None:
    md(L["facilitate_intro"])
    running = fui.active(content)
    asked = url.raw()
    plan_id = url.get("plan") if asked.get("plan") or not running else running[0].id
    if "segment" not in asked and running and running[0].id == plan_id:
        url.set("segment", running[1])  # back from a segment's page: same place
    url.widget(st.selectbox, "plan", L["facilitate_plan"], list(plans), key="run_plan", on_change=_pick_plan,
               format_func=lambda i: plans[i].title, value=plan_id)
    plan = plans[plan_id]
    segments = plan.segments()
    caption(L["facilitate_plan_summary"].format(minutes=plan.minutes, segments=len(segments),
                                                audience=plan.audience))

    moved = fui.remote_move(content)  # the notes device moved: show that segment's page
    if moved:
        fui.open_segment(content, *moved)

    labels = [facilitate.segment_label(plan, s, g, L["facilitate_segment_label"]) for s, g in segments]
    index = stepper(url, "segment", labels=labels, ui=ui, jump_label=L["facilitate_segment"])
    fui.set_active(plan, index, content)
    session, seg = segments[index]

    main, side = st.columns([3, 2], gap="large")
    with main:
        st.header(seg.title)
        caption(f"{session.title} · {L['facilitate_minutes'].format(minutes=seg.minutes)}")
        known = {p.id for p in PAGES}
        with st.container(horizontal=True, vertical_alignment="center", key="segment_actions"):
            if st.button(L["facilitate_show"], key="show_segment", type="primary", icon=":material/slideshow:",
                         help=L["facilitate_show_help"], disabled=seg.page not in known):
                fui.show(content, plan, index)
            fui.timer_buttons(ui)
        if seg.page not in known:
            callout("info", L["facilitate_page_missing"])
        fui.clock(ui)
        _segment_body(plan, session, seg, notes_open=False)

    with side:
        st.subheader(L["facilitate_agenda_heading"])
        md(facilitate.agenda(plan, index, L["facilitate_segment_label"], L["facilitate_minutes"]))
        st.subheader(L["facilitate_pair_heading"])
        pui.pair_box(content, plan, index)

        st.subheader(L["facilitate_handouts_heading"])
        # the handouts list one region's helplines: the reader's own where the browser's language
        # names a country we cover (as Get help opens), else the first; every region one choice away
        regions = {r.id: r.name for r in content.help.regions}
        local = region_for_locale(content.help, st.context.locale)
        region = st.selectbox(L["facilitate_handout_region"], list(regions), format_func=regions.get,
                              key="handout_region",
                              index=list(regions).index(local if local in regions else handouts.default_region(content.help)))
        address = app_address(st.context.url)
        if is_local(address):  # as the live room says: no phone in the room can open this address
            callout("warning", L["facilitate_handout_local_address"].format(address=address))
        st.download_button(L["facilitate_handout_participant"], key="dl_participant", icon=":material/download:",
                           data=lambda: handouts.participant_handout(content, plan, region, address),
                           file_name=f"{plan.id}-participant-handout.pdf", mime="application/pdf", on_click="ignore")
        st.download_button(L["facilitate_handout_guide"], key="dl_guide", icon=":material/download:",
                           data=lambda: handouts.facilitator_guide(content, plan, region, address),
                           file_name=f"{plan.id}-facilitator-guide.pdf", mime="application/pdf", on_click="ignore")

    room_ui.room_panel(content, plan.id, seg.room_question)


# --------------------------------------------------------------------------- the opening screen (projected)


def agreement_view() -> None:
    """The session's first projected screen: the plan's group agreement, large, and the content
    note. Go on (here or on the paired notes device) opens the segment's page."""
    plan = plans[url.get("plan")]
    index = facilitate.clamp(url.get("segment"), len(plan.segments()))
    running = fui.active(content)
    if running is None or running[0].id != plan.id:
        fui.set_active(plan, index, content)
    moved, passed = fui.remote_update(content)
    if moved:
        fui.pass_opening()
        fui.open_segment(content, *moved)
    plan, index = fui.active(content)
    if passed:
        fui.open_segment(content, plan, index)
    caption(plan.title)
    fui.opening_screen(content, plan, on_go_on=lambda: fui.open_segment(content, plan, index))
    fui.back_to_session_link(content, plan, index)


if not presenter.is_presenting():  # (while presenting, the shell has done it, on every page)
    pui.laptop_identity()  # after a reload: the pairing this laptop's tab runs, from the tab
if url.get("view") == "agreement" and plans:
    agreement_view()
else:
    st.title(ui.pages["run-session"].title)
    view = url.widget(st.segmented_control, "view", L["facilitate_view"], DEVICES, key="run_view",
                      format_func=lambda v: L[f"facilitate_view_{v}"])
    if view == "notes":
        notes_view()
    else:
        projector_view()
