"""Get help: immediate danger, leaving safely (why separating can raise the risk; safety plans), helplines by region (each saying where it was published and whether a
person has confirmed it on the live site, with any flag the research raised), finding a therapist,
and what the Exit button does."""

import streamlit as st

from components.help import helpline_text, helplines_in, number_line, region_for_locale
from components.page_kit import card, page_start
from components.routing import page_content
from components.text import callout, caption, md, sources_line

content = page_content()
ui, help_ = content.ui, content.help
labels = ui.labels
published = help_.published_on.isoformat()

page_start(content, "get-help")

st.header(labels["help_immediate_heading"])
md(help_.immediate_danger.intro)
md("\n".join(number_line(n, labels, published) for n in help_.immediate_danger.numbers))

leaving = help_.leaving_safely
st.header(leaving.heading, anchor="leaving-safely")
md(leaving.intro)
for point in leaving.points:
    md(f"**{point.title}.** {point.body}")
    sources_line(content, point.sources)

st.header(labels["help_lines_heading"])
md(help_.check_local_note)
callout("warning", help_.not_yet_listed)
caption(help_.published_how)
regions = {"all": labels["help_all_regions"], **{r.id: r.name for r in help_.regions}}
# Opens on the reader's own region where the browser's language names a country we cover
# (st.context.locale is navigator.language); every other region is one choice away.
region = st.selectbox(labels["help_region"], list(regions), format_func=regions.get, key="help_region",
                      index=list(regions).index(region_for_locale(help_, st.context.locale)))
for line in helplines_in(help_, region):
    # One text block per helpline (plus a flag where needed): this is the page someone in trouble
    # opens on a phone, so it is kept as quick to draw as the shortest page.
    with card(f"line_{line.id}", line.name, helpline_text(line, labels, published), heading=True, anchor=False):
        if line.status != "seen" or line.status_note:
            callout("warning", f"**{labels['help_flag']}** ({labels['status_' + line.status]}). {line.status_note or ''}")

st.header(labels["help_therapist_heading"])
md(help_.finding_a_therapist.intro)
for step in help_.finding_a_therapist.steps:
    md(f"**{step.title}**\n\n{step.body}")
    sources_line(content, step.sources)
st.subheader(labels["help_questions_heading"])
md("\n".join(f"- {q}" for q in help_.finding_a_therapist.questions_to_ask))

st.header(labels["help_exit_heading"])
md(help_.after_exit_note)
md(getattr(help_.quick_exit.back_note, help_.quick_exit.history))  # true for this deployment's setting
