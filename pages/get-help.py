"""Get help: immediate danger, helplines by region (each saying where it was published and whether a
person has confirmed it on the live site, with any flag the research raised), leaving safely (why
separating can raise the risk; safety plans), finding a therapist, and what the Exit button does.

Short first view: right under the title, the reader's emergency number, main domestic-abuse line, crisis
line and youth line, each one tap; then the region's numbers and its lines by kind (`?show=` puts the
section a link asked for first, as the safety line's "Under 18" and "Suicide or self-harm" do). The region is chosen once, at the top, for both; every other
emergency number is one line (details a tap away), flags are quiet text in each entry rather than
a warning box each, and the longer sections follow the lines."""

import streamlit as st

from components.help import (
    KIND_ANCHORS,
    helplines_in,
    kinds_in_order,
    number_line,
    number_short,
    numbers_first,
    region_for_locale,
)
from components.next_step_lines import first_steps
from components.page_kit import bring_into_view, helpline_cards, page_start
from components.routing import page_content
from components.text import caption, md, sources_line
from components.url_state import for_page

content = page_content()
ui, help_ = content.ui, content.help
labels = ui.labels
published = help_.published_on.isoformat()
show = for_page("get-help", content).get("show")  # the safety line's "Under 18" / "Suicide or self-harm"

page_start(content, "get-help")
# The reader's region: their choice below once made, else the browser's language (st.context.locale is
# navigator.language: "en-GB" -> the UK); nothing is stored beyond this session.
region = st.session_state.get("help_region") or region_for_locale(help_, st.context.locale)
with st.container(key="help_first"):  # right under the title: the number to call now, each one tap
    md(first_steps(help_, region, labels))

st.header(labels["help_immediate_heading"])
md(help_.immediate_danger.intro)
regions = {"all": labels["help_all_regions"], **{r.id: r.name for r in help_.regions}}
region = st.selectbox(
    labels["help_region"], list(regions), format_func=regions.get, key="help_region", index=list(regions).index(region)
)
first, others = numbers_first(help_, region)
with st.container(key="help_numbers"):
    if first:  # the reader's own number in full: its note (a silent call, say) matters now
        md("\n".join(number_line(n, labels, published) for n in first))
        md(f"**{labels['help_numbers_other']}**")
    md("\n".join(number_short(n) for n in others))  # every number one tap away, one line each
    with st.expander(labels["help_numbers_details"], icon=":material/info:"):
        md("\n".join(number_line(n, labels, published) for n in others))

intros = {"crisis": help_.crisis_intro, "youth": help_.youth_intro}
for kind in kinds_in_order(show):  # domestic abuse, crisis, young people, ... (or the one a link asked for first)
    lines = helplines_in(help_, region, kind)
    if not lines and kind not in intros:
        continue
    with st.container(key=f"help_kind_{kind}"):
        st.header(labels[f"help_kind_{kind}"], anchor=KIND_ANCHORS[kind])
        if kind in intros:
            md(intros[kind])
        if not lines:  # no line of this kind where the reader is: never a dead end
            md(help_.crisis_step)
        # One text block per helpline, its flag and live status quiet lines inside it: this is the page
        # someone in trouble opens on a phone, so it is kept as quick to draw as the shortest page.
        helpline_cards(content, lines)
if show:  # arrived from "Under 18" or "Suicide or self-harm": that section, its heading focused
    bring_into_view(f"help_kind_{kinds_in_order(show)[0]}", 0)
st.subheader(labels["help_about_lines"], anchor=False)
md(help_.crisis_step)
md(help_.check_local_note)
caption(help_.published_how)

leaving = help_.leaving_safely
st.header(leaving.heading, anchor="leaving-safely")
md(leaving.intro)
for point in leaving.points:
    md(f"**{point.title}.** {point.body}")
    sources_line(content, point.sources)

st.header(labels["help_therapist_heading"])
md(help_.finding_a_therapist.intro)
with st.expander(labels["help_therapist_more"], icon=":material/search:"):
    for step in help_.finding_a_therapist.steps:
        md(f"**{step.title}**\n\n{step.body}")
        sources_line(content, step.sources)
    st.subheader(labels["help_questions_heading"], anchor=False)
    md("\n".join(f"- {q}" for q in help_.finding_a_therapist.questions_to_ask))

st.header(labels["help_exit_heading"])
md(help_.after_exit_note)
md(getattr(help_.quick_exit.back_note, help_.quick_exit.history))  # true for this deployment's setting
