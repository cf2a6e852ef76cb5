"""Worried about someone: for a friend, a family member, the parent of a teenager, a classmate or a
colleague. Published guidance from specialist services, point by point and
sourced (content/helping.yaml), in eight sections: what you might notice, starting the conversation,
what helps, what to avoid, safety, if they stay or go back, a child or teenager, looking after
yourself. Where the sources disagree, the point says so in a box of its own. Then the lines that
serve friends and family for the reader's region (components/helping.py), and a next step."""

import streamlit as st

from components import practice_ui
from components.help import number_line, number_short, region_for_locale
from components.helping import lines_for
from components.page_kit import card_grid, helpline_cards, page_start
from components.routing import page_content, page_target
from components.text import md, note

content = page_content()
ui, helping, help_ = content.ui, content.helping, content.help
labels = ui.labels
published = help_.published_on.isoformat()

page_start(content, "worried-about-someone", helping.intro, takeaway=helping.takeaway)


def sources_differ(point) -> None:
    if point.sources_differ:  # a conflict between sources, said plainly (never a side picked silently)
        note(point.sources_differ, icon=":material/balance:")


for section in helping.sections:
    st.header(section.heading, anchor=section.id)
    if section.intro:
        md(section.intro)
    card_grid(section.points, 2, key="point", extra=sources_differ, content=content)
    if section.id == "safety":  # separation risk: how a safety plan helps, on Get help
        st.page_link(page_target("get-help", content), label=labels["leaving_safely_link"], icon=":material/shield:")

practice_ui.section(content)  # What could you say? (scenes to practise a reply)

# --------------------------------------------------------------------------- the lines
st.header(helping.lines.heading, anchor="lines")
md(helping.lines.intro)
regions = {"all": labels["help_all_regions"], **{r.id: r.name for r in help_.regions}}
# the reader's own region where the browser's language names one we cover, as on Get help
region = st.selectbox(
    labels["help_region"],
    list(regions),
    format_func=regions.get,
    key="worried_region",
    index=list(regions).index(region_for_locale(help_, st.context.locale)),
)
found = lines_for(help_, region)
with st.container(key="help_numbers"):  # the key Get help uses: the same 44 px call links (app.css)
    st.subheader(labels["help_immediate_heading"], anchor=False)
    if found.numbers:
        md("\n".join(number_line(n, labels, published) for n in found.numbers))
    else:
        md("\n".join(number_short(n) for n in found.other_numbers))
for kind, line in (("crisis", found.crisis), ("youth", found.youth)):
    if line is not None:
        st.subheader(labels[f"help_kind_{kind}"], anchor=False)
        helpline_cards(content, [line])
if found.crisis is None:  # no crisis line of the region's own: what to do right now
    md(help_.crisis_step)
st.subheader(helping.lines.friends_heading, anchor=False)
if found.friends:
    helpline_cards(content, found.friends)
else:
    md(labels["worried_no_friends_line"])

# --------------------------------------------------------------------------- a next step, never a dead end
st.header(helping.next_step.heading, anchor="next")
md(helping.next_step.body)
with st.container(horizontal=True):
    for page_id, icon in (("get-help", ":material/support:"), ("healthy-vs-toxic", ":material/compare_arrows:")):
        st.page_link(page_target(page_id, content), icon=icon)
