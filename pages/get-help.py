"""Get help: immediate danger, helplines by region (each saying where it was published and whether a
person has confirmed it on the live site, with any flag the research raised), leaving safely (why
separating can raise the risk; safety plans), finding a therapist, and what the Exit button does.

Short first view (issue 20.2): on a phone, the reader's emergency number and their region's lines
come in the first two screens. The region is chosen once, at the top, for both; every other
emergency number is one line (details a tap away), flags are quiet text in each entry rather than
a warning box each, and the longer sections follow the lines."""

import streamlit as st

from components.help import (helpline_text, helplines_in, number_line, number_short, numbers_first,
                             region_for_locale)
from components.page_kit import card, page_start
from components.routing import page_content
from components.text import caption, md, sources_line

content = page_content()
ui, help_ = content.ui, content.help
labels = ui.labels
published = help_.published_on.isoformat()

page_start(content, "get-help")

st.header(labels["help_immediate_heading"])
md(help_.immediate_danger.intro)
regions = {"all": labels["help_all_regions"], **{r.id: r.name for r in help_.regions}}
# Opens on the reader's own region where the browser's language names a country we cover
# (st.context.locale is navigator.language); every other region is one choice away.
region = st.selectbox(labels["help_region"], list(regions), format_func=regions.get, key="help_region",
                      index=list(regions).index(region_for_locale(help_, st.context.locale)))
first, others = numbers_first(help_, region)
with st.container(key="help_numbers"):
    if first:  # the reader's own number in full: its note (a silent call, say) matters now
        md("\n".join(number_line(n, labels, published) for n in first))
        md(f"**{labels['help_numbers_other']}**")
    md("\n".join(number_short(n) for n in others))  # every number one tap away, one line each
    with st.expander(labels["help_numbers_details"], icon=":material/info:"):
        md("\n".join(number_line(n, labels, published) for n in others))

st.header(labels["help_lines_heading"])
for line in helplines_in(help_, region):
    # One text block per helpline, its flag and live status quiet lines inside it: this is the page
    # someone in trouble opens on a phone, so it is kept as quick to draw as the shortest page.
    with card(f"line_{line.id}", line.name, helpline_text(line, labels, published), heading=True, anchor=False):
        pass
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
