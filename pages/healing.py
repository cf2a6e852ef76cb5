"""The healing path: five steps (?step=N, keyboard stepper), moving forward, rebuilding trust,
communication advice, signs of relationship trauma and codependency, an opt-in private
self-concept reflection (ratings live in session state only, never in the URL), and a grounding
exercise."""

import streamlit as st

from components.charts.trauma_healing import self_concept_radar
from components.page_kit import card, card_grid, page_start, sources_of
from components.presenter import chart_scale, is_presenting
from components.routing import page_content, page_target
from components.stepper import stepper
from components.text import callout, caption, md, sources_line
from components.trauma_healing import (
    REFLECTION_KEY,
    STEP_PARAM,
    clear_ratings,
    radar_rows,
    rating_key,
    ratings,
)
from components.url_state import for_page
from components.visual import cached_figure, show_chart

content = page_content()
ui, heal = content.ui, content.healing
labels = ui.labels
presenting = is_presenting()

# the takeaway (safety first is in it) and the five steps on the first screen
page_start(content, "healing", heal.intro, takeaway=heal.takeaway)
st.page_link(page_target("get-help", content), label=ui.labels["leaving_safely_link"], icon=":material/shield:")

# --------------------------------------------------------------------------- five steps
st.header(heal.steps_heading, anchor="steps")
index = stepper(for_page("healing", content), STEP_PARAM, labels=[s.title for s in heal.steps], ui=ui)
step = heal.steps[index]
# the whole path at a glance; the current step is marked with an arrow and bold, not colour alone
md(
    " → ".join(
        f"**▶ {i + 1}\\. {s.title}**" if i == index else f"{i + 1}\\. {s.title}" for i, s in enumerate(heal.steps)
    )
)
with card(
    "healing_step",
    f"{index + 1}. {step.title}",
    f"**{step.summary}**",
    heading=True,
    anchor=False,
    sources=step.sources,
    content=content,
):
    text, tries = st.columns([3, 2], gap="large")
    with text:
        md(step.body)
        if step.remember:
            callout("info", f"**{labels['healing_step_remember']}:** {step.remember}")
    with tries:
        md(f"**{labels['healing_step_try']}**")
        md("\n".join(f"- {t}" for t in step.try_this))
md(heal.steps_intro)
with card("not_quick", sources=heal.not_quick.sources, content=content):
    md(f"**{heal.not_quick.title}.** {heal.not_quick.body}")

# --------------------------------------------------------------------------- moving forward, trust
st.header(heal.moving_forward_heading, anchor="moving-forward")
md(heal.moving_forward_intro)
card_grid(heal.moving_forward, 4, per_row_presenting=2, key="forward")
sources_of(content, heal.moving_forward)

st.header(heal.trust_heading, anchor="trust")
card_grid(heal.trust, 1, key="trust", content=content)

# --------------------------------------------------------------------------- communication
st.header(heal.communication_heading, anchor="communication")
md(heal.communication_intro)
callout("warning", heal.communication_caution)


def _instead(tip) -> None:
    if tip.instead_of and tip.try_saying:
        md(
            f"✕ **{labels['healing_instead_of']}:** {tip.instead_of}  \n✓ **{labels['healing_try_saying']}:** {tip.try_saying}"
        )


card_grid(heal.communication, 3, per_row_presenting=2, key="tip", extra=_instead)
sources_of(content, heal.communication)

# --------------------------------------------------------------------------- signs
left, right = st.columns(2, gap="large")
for column, signs in ((left, heal.trauma_signs), (right, heal.codependency)):
    with card(
        f"signs_{signs.id}",
        signs.title,
        signs.intro,
        heading=True,
        anchor=signs.id,
        sources=signs.sources,
        content=content,
        where=column,
    ):
        md("\n".join(f"- {s}" for s in signs.items))
        if signs.note:
            caption(signs.note)

# --------------------------------------------------------------------------- self-concept reflection
sc = heal.self_concept
st.header(sc.title, anchor="self-concept")
md(sc.intro)
# Opt-in: the sliders and the radar run only once the reader turns the reflection on (a reflection is
# offered, never pressed on anyone; and a phone's first view of this long page renders lighter). A
# switch, not an expander: the chart in words inside is an expander already. A facilitator presenting
# finds it on.
if st.toggle(sc.open_label, value=presenting, key=REFLECTION_KEY):
    with st.container(border=True, key="self_concept_reflection"):
        callout("info", sc.disclaimer)
        md(sc.privacy)
        caption(f"{sc.scale_low} · {sc.scale_high}")
        area_ids = [a.id for a in sc.areas]
        sliders, chart = st.columns([2, 3] if not presenting else [1, 1], gap="large")
        with sliders:
            for a in sc.areas:
                # What each area covers is shown, not hidden in a tooltip: a phone has no hover. Each
                # slider starts at the middle through `value=`, not by writing session state first:
                # that raced with the radar's first-seen rerun on a busy server and reset the
                # slider to 0 under the reader's hand. Clearing gives the sliders new keys.
                st.slider(
                    labels["healing_area_rating"].format(area=a.name),
                    sc.scale_min,
                    sc.scale_max,
                    value=sc.default,
                    step=1,
                    key=rating_key(a.id, st.session_state),
                )
                caption(f"{a.covers} {a.prompt}")
            st.button(
                labels["healing_clear_ratings"],
                key="healing_clear",
                icon=":material/restart_alt:",
                on_click=clear_ratings,
                args=(st.session_state,),
            )
        values = ratings(st.session_state, area_ids, sc.default, sc.scale_min, sc.scale_max)
        with chart:
            names = tuple(a.short for a in sc.areas)
            fig = cached_figure(
                self_concept_radar,
                names,
                values,
                sc.scale_min,
                sc.scale_max,
                labels["healing_radar_name"],
                chart_scale(),
            )
            summary = labels["healing_radar_summary"].format(low=sc.scale_min, high=sc.scale_max)
            show_chart(
                fig,
                alt=sc.alt,
                summary=summary,
                rows=radar_rows(
                    [a.name for a in sc.areas], values, labels["healing_radar_area"], labels["healing_radar_rating"]
                ),
                ui=ui,
                key="self_concept_radar",
            )
            md(sc.after)
else:  # hidden, whether switched off or never shown: no rating outlives it (the privacy note says so)
    clear_ratings(st.session_state)
sources_line(content, sc.sources)

# --------------------------------------------------------------------------- grounding
g = heal.grounding
with card("grounding", g.title, g.intro, heading=True, anchor=g.id):
    md("\n".join(f"{i}. **{s.title}.** {s.body}" for i, s in enumerate(g.steps, start=1)))
    md(g.closing)
    sources_line(content, g.sources)
    st.page_link(page_target("get-help", content), icon=":material/support:")
