"""The Streamlit side of "The cycle of abuse" (components/cycle.py holds the logic and the URL
parameters): the page's five sections, in page order.

    version = cycle_ui.the_cycle(content, url, presenting)     # on pages/cycle.py
    cycle_ui.over_time(content, url, version, presenting)
    cycle_ui.sandbox(content, url, presenting); cycle_ui.stages(content, url, presenting); cycle_ui.ending(content)

Steps and settings live in the URL; the person's guess stays in session state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components import cycle as logic
from components.charts.cycle_steps import STAGES_MIN_WIDTH, cycle_figure, stages_figure
from components.charts.cycle_weeks import over_time_figure, sandbox_figure
from components.next_step import next_step, read_on
from components.page_kit import card_grid
from components.presenter import chart_scale
from components.routing import page_target
from components.stepper import stepper
from components.text import callout, caption, md, note, sources_line
from components.url_state import PageUrl
from components.visual import cached_figure, show_chart

if TYPE_CHECKING:
    from components.content.registry import Content


# ------------------------------------------------------------------ 1. the cycle
def the_cycle(content: Content, url: PageUrl, presenting: bool):
    """The phases step by step; returns the version (Walker's three or the common four) picked."""
    ui, labels, cy = content.ui, content.ui.labels, content.cycle
    sec = cy.cycle
    st.header(sec.heading, anchor="the-cycle")

    version_ids = [v.id for v in sec.versions]
    names = {v.id: v.name for v in sec.versions}

    # Previous / Next first, right under the heading, so on a phone Next is on the first screen;
    # the choice of version sits under the card and the circle, next to the words about the version it picks.
    steps_slot = st.container()
    # The phase's words first, then the circle: on a phone (columns stack) the text a tap on Next changes
    # sits right under the buttons and the circle right under it, full width.
    card_col, chart_col = st.columns([2, 3], gap="medium")
    model = url.widget(
        st.radio,
        logic.MODEL,
        labels["cycle_model"],
        version_ids,
        key="cycle_model_choice",
        format_func=names.__getitem__,
        horizontal=True,
    )
    version = sec.versions[logic.version_index(cy, model)]
    with steps_slot:
        phase_step = stepper(
            url, logic.PHASE, labels=[p.title for p in version.phases], ui=ui, jump_label=labels["cycle_phase_picker"]
        )
    phase = version.phases[phase_step]
    with card_col, st.container(border=True, key="cycle_phase_card"):
        st.subheader(f"{phase_step + 1}. {phase.title}", anchor=False)
        md(f"**{labels['cycle_what_happens']}:** {phase.what_happens}")
        md(f"**{labels['cycle_feels_like']}:** {phase.feels_like}")
        md(f"**{labels['cycle_why_it_holds']}:** {phase.why_it_holds}")
        sources_line(content, phase.sources)
    with chart_col:
        alt, summary, rows = logic.cycle_words(cy, version, phase_step, labels)
        fig = cached_figure(
            cycle_figure, tuple(p.short for p in version.phases), phase_step, 600 if presenting else 380, chart_scale()
        )
        show_chart(fig, alt=alt, summary=summary, rows=rows, ui=ui, key="cycle_chart")
    if not presenting:
        md(sec.intro)
    md(version.intro)

    with st.container(border=True, key="cycle_caveats"):
        st.subheader(sec.caveats_heading, anchor=False)
        md("\n".join(f"- **{cav.title}.** {cav.body}" for cav in sec.caveats))  # one list, not one per caveat
        sources_line(content, sorted({s for cav in sec.caveats for s in cav.sources}))
    return version


# ------------------------------------------------------------------ 2. over time
def over_time(content: Content, url: PageUrl, version, presenting: bool) -> None:
    ui, labels, cy = content.ui, content.ui.labels, content.cycle
    ot = cy.over_time
    st.header(ot.heading, anchor="over-time")
    md(ot.intro)
    callout("info", ot.illustration_note)

    week = url.widget(st.slider, logic.WEEK, labels["cycle_week_slider"], 1, ot.weeks, key="cycle_week_slider")
    alt, summary, rows = logic.over_time_words(cy, version, week, labels)
    fig = cached_figure(
        over_time_figure,
        tuple(p.title for p in version.phases),
        tuple(p.share_start for p in version.phases),
        tuple(p.share_end for p in version.phases),
        week,
        ot.weeks,
        labels["cycle_share_axis"],
        labels["cycle_week"],
        560 if presenting else 420,
        chart_scale(),
    )
    show_chart(fig, alt=alt, summary=summary, rows=rows, ui=ui, key="cycle_over_time")
    sources_line(content, ot.sources)


# ------------------------------------------------------------------ 3. the sandbox
def _reveal() -> None:
    st.session_state["cycle_revealed"] = True


def _guess_again() -> None:
    st.session_state["cycle_revealed"] = False
    st.session_state["cycle_prediction"] = None


def sandbox(content: Content, url: PageUrl, presenting: bool) -> None:
    """The highs-and-lows sandbox (guess first, then see), and why the lows do not break the bond."""
    ui, labels, cy = content.ui, content.ui.labels, content.cycle
    sb = cy.sandbox
    st.header(sb.heading, anchor="highs-and-lows")
    md(sb.intro)
    callout("info", sb.not_measurement)

    helps = {"kindness": sb.kindness_help, "unpredictability": sb.unpredictability_help, "power": sb.power_help}
    settings = {
        name: url.widget(col.slider, name, labels[f"cycle_{name}"], 0, 10, key=f"cycle_{name}", help=helps[name])
        for col, name in zip(st.columns(3, gap="medium"), logic.SANDBOX_PARAMS)
    }

    options = {o.id: o for o in sb.options}
    guess = st.radio(
        sb.predict_question,
        list(options),
        index=None,
        key="cycle_prediction",
        format_func=lambda oid: options[oid].label,
    )
    if guess is None or not st.session_state.get("cycle_revealed"):  # not revealed yet
        st.button(
            labels["cycle_reveal"],
            key="cycle_reveal",
            type="primary",
            icon=":material/visibility:",
            disabled=guess is None,
            on_click=_reveal,
        )
        caption(sb.predict_first)
    else:
        alt, summary, rows, direction = logic.sandbox_words(cy, settings, labels)
        fig = cached_figure(
            sandbox_figure,
            settings["kindness"],
            settings["unpredictability"],
            settings["power"],
            (labels["cycle_attachment"], labels["cycle_wellbeing"], labels["cycle_mood"]),
            labels["cycle_level_axis"],
            labels["cycle_week"],
            580 if presenting else 440,
            chart_scale(),
        )
        show_chart(fig, alt=alt, summary=summary, rows=rows, ui=ui, key="cycle_sandbox")
        with st.container(border=True, key="cycle_outcome"):
            md(f"**{labels['cycle_your_guess']}:** {options[guess].label}")
            md(sb.outcomes[direction])
            md(sb.matched if options[guess].direction == direction else sb.differed)
        md(sb.explanation)
        st.button(
            labels["cycle_predict_again"], key="cycle_guess_again", icon=":material/replay:", on_click=_guess_again
        )
    sources_line(content, sb.sources)

    hl = cy.highs_lows
    st.subheader(hl.heading, anchor="why-the-lows-do-not-break-the-bond")
    md(hl.intro)
    md("\n".join(f"- **{point.title}.** {point.body}" for point in hl.points))  # one list, not one list per point
    sources_line(content, hl.sources)


# ------------------------------------------------------------------ 4. the seven stages and the research view
def stages(content: Content, url: PageUrl, presenting: bool) -> None:
    ui, labels, cy = content.ui, content.ui.labels, content.cycle
    stg = cy.stages
    st.header(stg.heading, anchor="seven-stages")
    note(stg.popular_model_note)  # a caveat, not an alert
    md(stg.intro)
    stage_step = stepper(
        url,
        logic.STAGE,
        labels=[s.title for s in stg.stages],
        ui=ui,
        shortcuts=False,
        jump_label=labels["cycle_stage_picker"],
    )
    stage = stg.stages[stage_step]
    alt, summary, rows = logic.stage_words(cy, stage_step, labels)
    fig = cached_figure(
        stages_figure, tuple(s.short for s in stg.stages), stage_step, 380 if presenting else 280, chart_scale()
    )
    show_chart(fig, alt=alt, summary=summary, rows=rows, ui=ui, key="cycle_stages", min_width=STAGES_MIN_WIDTH)
    with st.container(border=True, key="cycle_stage_card"):
        st.subheader(f"{stage_step + 1}. {stage.title}", anchor=False)
        st.badge(labels["cycle_popular_model"], icon=":material/info:", color="gray")
        md(stage.body)
        md(f"**{labels['cycle_feels_like']}:** {stage.feels_like}")
        sources_line(content, stage.sources)

    rv = cy.research
    st.subheader(rv.heading, anchor="research-view")
    md(rv.intro)
    card_grid(rv.conditions, len(rv.conditions), key="cycle_condition")
    callout("success", rv.takeaway)
    sources_line(content, rv.sources)


# ------------------------------------------------------------------ 5. when it ends
def ending(content: Content) -> None:
    """How it ends, the six reasons leaving is hard, the safe-leaving link, then what next."""
    labels, cy = content.ui.labels, content.cycle
    end = cy.ending
    st.header(end.heading, anchor="when-it-ends")
    callout("info", end.personal_account_note)
    md(end.intro)
    for point in end.points:
        md(f"**{point.title}.** {point.body}")
    sources_line(content, end.sources)
    md(end.safety_note)
    st.page_link(page_target("get-help", content), label=labels["leaving_safely_link"], icon=":material/shield:")

    rs = cy.reasons
    st.subheader(rs.heading, anchor="six-reasons")
    md(rs.intro)
    caption(rs.caution)
    card_grid(rs.reasons, 3, per_row_presenting=2, key="cycle", content=content)
    st.page_link(page_target("get-help", content), label=labels["leaving_safely_link"], icon=":material/shield:")
    read_on(content, rs.link_intro, ("healthy-vs-toxic", "healing", "therapies"))
    next_step(content)  # a reader who recognised their own life is not left here: what next, and the lines
