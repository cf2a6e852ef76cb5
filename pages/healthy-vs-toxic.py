"""Healthy vs toxic: the spectrum side by side, the power-and-control / equality wheel, the forms of
abuse and less overt signs, a scenario sorter, and "can it heal?". URL parameters are described in
components/comparison.py; sorter answers live only in session state."""

import streamlit as st

from components import comparison as logic
from components.charts.comparison import spectrum_figure, wheel_figure
from components.charts.common import LEVELS
from components.models.comparison import LEVEL_ORDER
from components.presenter import is_presenting
from components.routing import page_content, page_target
from components.stepper import current_step, stepper
from components.text import callout, caption, md, sources_line
from components.url_state import for_page
from components.visual import cached_figure, show_chart

content = page_content()
ui, comp, scen = content.ui, content.comparison, content.scenarios
labels = ui.labels
presenting = is_presenting()
url = for_page("healthy-vs-toxic", content)

LEVEL_TITLE = {s.level: s.title for s in comp.spectrum}
BADGE_COLOUR = {"healthy": "green", "unhealthy": "orange", "abusive": "red"}


def level_name(level: str) -> str:
    return f"{LEVELS[level]['icon']} {LEVEL_TITLE[level]}"


def level_badge(level: str) -> None:
    st.badge(level_name(level), color=BADGE_COLOUR[level])


st.title(ui.pages["healthy-vs-toxic"].title)
if not presenting:  # on a projector the facilitator introduces the page; the visuals move up
    md(comp.intro)

# --------------------------------------------------------------------------- which part
part = url.widget(st.segmented_control, "part", labels["hvt_part_label"], logic.PARTS, key="hvt_part", required=True,
                  format_func=lambda p: labels[f"hvt_part_{p}"], value=logic.part_from_params(url.raw()))


# --------------------------------------------------------------------------- side by side
def show_compare() -> None:
    st.header(labels["hvt_spectrum_heading"])
    cols = st.columns(3)
    for col, level in zip(cols, comp.spectrum):
        with col, st.container(border=True, key=f"hvt_level_{level.level}"):
            level_badge(level.level)
            md(level.summary)
    callout("info", f"**{comp.spectrum_note.title}.** {comp.spectrum_note.body}")
    sources_line(content, sorted({s for lv in comp.spectrum for s in lv.sources} | set(comp.spectrum_note.sources)))

    st.header(labels["hvt_compare_heading"])
    ids = [d.id for d in comp.dimensions]
    titles = {logic.ALL: labels["hvt_dimension_all"], **{d.id: d.title for d in comp.dimensions}}
    with st.container(horizontal=True, vertical_alignment="bottom", key="hvt_compare_controls"):
        dim = url.widget(st.selectbox, "dimension", labels["hvt_dimension"], [logic.ALL, *ids], key="hvt_dimension",
                         format_func=titles.get, width=320)
        reveal = url.widget(st.segmented_control, "reveal", labels["hvt_reveal"], [1, 2, 3], key="hvt_reveal",
                            required=True, format_func=lambda n: labels[f"hvt_reveal_{n}"])
        st.button(labels["hvt_reveal_next"], key="hvt_reveal_more", icon=":material/visibility:",
                  disabled=reveal >= len(LEVEL_ORDER), on_click=url.set, args=("reveal", min(3, reveal + 1)))
    shown = logic.visible_levels(reveal)
    chosen = comp.dimensions if dim == logic.ALL else [d for d in comp.dimensions if d.id == dim]
    for d in chosen:
        with st.container(border=True, key=f"hvt_dim_{d.id}"):
            st.subheader(d.title, anchor=d.id)
            caption(d.question)
            cols = st.columns(3)
            for col, level in zip(cols, LEVEL_ORDER):
                with col:
                    level_badge(level)
                    if level in shown:
                        md(getattr(d, level))
                    else:
                        caption(labels["hvt_not_revealed"])
            sources_line(content, d.sources)


# --------------------------------------------------------------------------- the wheel
def show_wheel() -> None:
    wheel = comp.wheel
    st.header(labels["hvt_wheel_heading"])
    if not presenting:
        md(wheel.intro)
    spokes = wheel.spokes
    n = len(spokes)
    index = current_step(url, "spoke", n)
    # Stepping to another spoke starts it on its control side. A link that sets `flipped` itself
    # (a shared link, or the facilitator page) keeps what it says.
    last = st.session_state.get("hvt_last_wheel")
    flipped = url.get("flipped")
    if last is not None and last[0] != index and flipped == last[1]:
        flipped = False
    url.set("flipped", flipped)
    left, right = st.columns([1, 1] if presenting else [3, 2])
    with right:
        index = stepper(url, "spoke", labels=[s.control for s in spokes], ui=ui, jump_label=labels["hvt_spoke_picker"])
        st.button(labels["hvt_unflip"] if flipped else labels["hvt_flip"], key="hvt_flip", type="primary",
                  icon=":material/flip:", on_click=url.set, args=("flipped", not flipped))
    st.session_state["hvt_last_wheel"] = (index, flipped)
    states = logic.wheel_states(n, index, flipped)
    centre = logic.wheel_centre(states, wheel.control_centre, wheel.equality_centre)
    spoke = spokes[index]
    shown_name = spoke.equality if flipped else spoke.control
    with left:
        fig = cached_figure(wheel_figure, tuple((s.control, s.equality) for s in spokes), states, index, centre,
                            540, 17 if presenting else 14)
        rows = [{labels["hvt_col_spoke"]: str(i + 1), labels["hvt_side_control"]: f"✕ {s.control}",
                 labels["hvt_side_equality"]: f"✓ {s.equality}",
                 labels["hvt_col_shown"]: level_name("healthy" if states[i] else "abusive")}
                for i, s in enumerate(spokes)]
        show_chart(fig, alt=labels["hvt_wheel_alt"].format(n=n, centre=centre, current=index + 1, name=shown_name,
                                                            flipped=sum(states)),
                   summary=labels["hvt_wheel_summary"].format(current=index + 1, n=n), rows=rows,
                   ui=ui, key="hvt_wheel_chart")
    with right, st.container(border=True, key="hvt_spoke_detail"):
        side = "healthy" if flipped else "abusive"
        level_badge(side)
        st.subheader(f"{index + 1}. {shown_name}")
        caption(labels["hvt_side_equality"] if flipped else labels["hvt_side_control"])
        md(spoke.equality_text if flipped else spoke.control_text)
        md(f"**{labels['hvt_examples']}**")
        md("\n".join(f"- {e}" for e in (spoke.equality_examples if flipped else spoke.control_examples)))
        md(f"**{labels['hvt_discuss']}:** {spoke.question}")
        sources_line(content, spoke.sources)
    with st.expander(labels["hvt_credit_heading"], expanded=presenting, icon=":material/info:"):
        md(wheel.credit)
        sources_line(content, wheel.sources)


# --------------------------------------------------------------------------- forms and signs
def show_signs() -> None:
    st.header(labels["hvt_forms_heading"])
    md(comp.forms_intro)
    cols = st.columns(2 if presenting else 3)
    for i, form in enumerate(comp.forms_of_abuse):
        with cols[i % len(cols)], st.container(border=True, key=f"hvt_form_{form.id}"):
            st.subheader(form.title)
            md(form.description)
            md("\n".join(f"- {e}" for e in form.examples))
    sources_line(content, sorted({s for f in comp.forms_of_abuse for s in f.sources}))
    st.header(labels["hvt_signs_heading"])
    md(comp.signs_intro)
    md("\n".join(f"- **{s.title}.** {s.description}" for s in comp.less_overt_signs))
    sources_line(content, sorted({s for x in comp.less_overt_signs for s in x.sources}))


# --------------------------------------------------------------------------- the sorter
def spectrum_chart(marks: list[tuple[str, str, str]], key: str) -> None:
    fig = cached_figure(spectrum_figure, tuple((lv, LEVEL_TITLE[lv]) for lv in LEVEL_ORDER), tuple(marks))
    words = "; ".join(f"{label}: {LEVEL_TITLE[lv]}" for lv, label, _ in marks)
    show_chart(fig, alt=labels["hvt_spectrum_alt"].format(marks=words),
               summary=labels["hvt_spectrum_summary"].format(marks=words), ui=ui, key=key)


def reveal_scene(s, answer: str | None) -> None:
    marks = []
    if answer is not None:
        marks.append((answer, labels["hvt_mark_you"], LEVELS[answer]["symbol"]))
    marks.append((s.level, labels["hvt_mark_us"], "star"))
    if answer is not None:
        md(f"**{labels['hvt_your_placement']}:** {level_name(answer)}")
    md(f"**{labels['hvt_our_placement']}:** {level_name(s.level)}")
    if answer is not None:
        kind = logic.feedback(answer, s.level)
        callout("success" if kind == "same" else "info", labels[f"hvt_feedback_{kind}"])
    spectrum_chart(marks, key=f"hvt_spectrum_{s.id}")
    md(f"**{labels['hvt_why']}.** {s.why}")
    md(f"**{labels['hvt_differ']}.** {s.differ}")
    sources_line(content, s.sources)


def _place(scenario_id: str) -> None:
    choice = st.session_state.get(f"hvt_choice_{scenario_id}")
    if choice is not None:
        answers = st.session_state.get("hvt_answers", {})
        st.session_state["hvt_answers"] = logic.record_answer(answers, scenario_id, choice)


def _go_to_scene(i: int) -> None:
    st.session_state["hvt_current"] = i


def _start_again() -> None:
    st.session_state["hvt_answers"] = {}
    st.session_state["hvt_current"] = 0
    for s in scen.scenarios:
        st.session_state.pop(f"hvt_choice_{s.id}", None)


def sorter_self() -> None:
    md(scen.intro)
    caption(labels["hvt_private"])
    scenes = scen.scenarios
    ids = [s.id for s in scenes]
    answers: dict[str, str] = st.session_state.setdefault("hvt_answers", {})
    done, total = logic.progress(answers, ids)
    st.progress(done / total, text=labels["hvt_progress"].format(done=done, total=total))
    current = st.session_state.setdefault("hvt_current", 0)
    if current < total:
        s = scenes[current]
        with st.container(border=True, key="hvt_scene"):
            caption(labels["hvt_scene_of"].format(n=current + 1, total=total))
            st.subheader(s.title)
            md(s.vignette)
            answer = answers.get(s.id)
            if answer is None:
                st.radio(labels["hvt_place_prompt"], LEVEL_ORDER, index=None, key=f"hvt_choice_{s.id}",
                         format_func=level_name, horizontal=True)
                st.button(labels["hvt_place_button"], key="hvt_place", type="primary",
                          disabled=st.session_state.get(f"hvt_choice_{s.id}") is None, on_click=_place, args=(s.id,))
            else:
                reveal_scene(s, answer)
                following = logic.next_unanswered(answers, ids)
                if following is not None:
                    st.button(labels["hvt_next_scene"], key="hvt_next", type="primary",
                              icon=":material/arrow_forward:", on_click=_go_to_scene, args=(following,))
                else:
                    st.button(labels["hvt_see_summary"], key="hvt_next", type="primary",
                              icon=":material/checklist:", on_click=_go_to_scene, args=(total,))
    else:
        callout("success", labels["hvt_done"])
    if answers:
        st.subheader(labels["hvt_summary_heading"])
        counts = logic.summary(answers, {s.id: s.level for s in scenes})
        md(labels["hvt_summary_counts"].format(**counts))
        st.table([{labels["hvt_col_scene"]: s.title, labels["hvt_your_placement"]: level_name(answers[s.id]),
                   labels["hvt_our_placement"]: level_name(s.level)} for s in scenes if s.id in answers],
                 hide_index=True)
        st.button(labels["hvt_start_again"], key="hvt_start_again", icon=":material/restart_alt:",
                  on_click=_start_again)


def sorter_room() -> None:
    md(scen.facilitator_intro)
    scenes = scen.scenarios
    index = stepper(url, "scenario", labels=[s.title for s in scenes], ui=ui, shortcuts=False,
                    jump_label=labels["hvt_scene_picker"])
    s = scenes[index]
    with st.container(border=True, key="hvt_room_scene"):
        st.subheader(s.title)
        md(s.vignette)
        callout("info", labels["hvt_room_discuss"])
        if st.toggle(labels["hvt_room_reveal"], key=f"hvt_room_reveal_{s.id}"):
            reveal_scene(s, None)


def show_sorter() -> None:
    st.header(labels["hvt_sorter_heading"])
    mode = url.widget(st.segmented_control, "sorter", labels["hvt_mode"], logic.SORTER_MODES, key="hvt_mode",
                      required=True, format_func=lambda m: labels[f"hvt_mode_{m}"], value=logic.sorter_mode(url.raw()))
    if mode == "room":
        sorter_room()
    else:
        url.set("scenario", None)
        sorter_self()


# --------------------------------------------------------------------------- can it heal?
def show_heal() -> None:
    repair = comp.repair
    st.header(labels["hvt_heal_heading"])
    md(repair.intro)
    callout("info", repair.not_a_verdict)
    st.subheader(labels["hvt_views_heading"])
    cols = st.columns(len(repair.views))
    for col, view in zip(cols, repair.views):
        with col, st.container(border=True, key=f"hvt_{view.id}"):
            md(f"**{view.title}**")
            md(view.body)
            sources_line(content, view.sources)
    st.subheader(labels["hvt_conditions_heading"])
    ids = [c.id for c in repair.conditions]
    titles = {c.id: c.title for c in repair.conditions}
    chosen = url.widget(st.pills, "condition", labels["hvt_condition"], ids, key="hvt_condition", required=True,
                        format_func=titles.get)
    cond = next(c for c in repair.conditions if c.id == chosen)
    with st.container(border=True, key="hvt_condition_detail"):
        st.subheader(cond.title)
        md(f"**{labels['hvt_what']}.** {cond.what}")
        md(f"**{labels['hvt_who_says']}.** {cond.who_says}")
        if cond.other_view:
            md(f"**{labels['hvt_other_view']}.** {cond.other_view}")
        md(f"**{labels['hvt_think']}:** {cond.to_think_about}")
        sources_line(content, cond.sources)
    callout("success", f"**{repair.not_staying.title}.** {repair.not_staying.body}")
    sources_line(content, repair.not_staying.sources)
    # Always the last thing in this part: safety, and the way to help.
    with st.container(border=True, key="hvt_safety"):
        callout("warning", repair.safety)
        st.page_link(page_target("get-help", content), label=labels["hvt_get_help"], icon=":material/support:")


{"compare": show_compare, "wheel": show_wheel, "signs": show_signs, "sorter": show_sorter, "heal": show_heal}[part]()
