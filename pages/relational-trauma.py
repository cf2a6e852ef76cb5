"""Relational trauma: what it is, family closeness (?closeness=), childhood and adulthood, complex
PTSD next to acute trauma, effects, early experience -> belief -> adult pattern (?pattern=N), how
common it is, and PTSD vs relational trauma."""

import streamlit as st

from components.charts.trauma_healing import PATTERNS_MIN_WIDTH, closeness_figure, patterns_figure
from components.page_kit import card_grid, page_start
from components.presenter import chart_scale, is_presenting
from components.routing import page_content, page_target
from components.stepper import stepper
from components.text import callout, caption, md, sources_line
from components.trauma_healing import CLOSENESS_PARAM, PATTERN_PARAM, closeness_chart, pattern_paths, pattern_rows
from components.url_state import for_page
from components.visual import cached_figure, show_chart

content = page_content()
ui, rt = content.ui, content.relational_trauma
labels = ui.labels
presenting = is_presenting()
scale = chart_scale()
url = for_page("relational-trauma", content)

# the takeaway and the family-closeness picture on the first screen; what relational trauma is and
# the inner dialogue follow the picture
page_start(content, "relational-trauma", rt.intro, takeaway=rt.takeaway)

# --------------------------------------------------------------------------- family closeness
st.header(rt.closeness_heading, anchor="closeness")
styles = {c.id: c for c in rt.closeness}
chosen = url.widget(
    st.segmented_control,
    CLOSENESS_PARAM,
    labels["trauma_closeness_pick"],
    list(styles),
    key="closeness_pick",
    format_func=lambda i: ("✓ " if styles[i].protective else "") + styles[i].title,
    required=True,
)
style = styles[chosen]
picture, words = st.columns([3, 2] if not presenting else [1, 1], gap="large")
with picture:
    show_chart(
        cached_figure(closeness_figure, closeness_chart(rt, labels, chosen), scale),
        alt=style.alt,
        summary=style.picture,
        ui=ui,
        key=f"closeness_chart_{chosen}",
    )
with words:
    st.subheader(style.title, anchor=False)
    caption(style.tagline)
    md(f"**{labels['trauma_closeness_what']}.** {style.what_it_is}")
    md(f"**{labels['trauma_closeness_child']}.** {style.what_a_child_may_learn}")
    md(f"**{labels['trauma_closeness_later']}.** {style.later_on}")
    if style.protective:
        callout("success", f"**{labels['trauma_closeness_protective']}**")
    sources_line(content, style.sources)
md(rt.closeness_intro)  # after the picture: the first screen is the takeaway and the family

left, right = st.columns(2, gap="large")
for column, item in ((left, rt.what_it_is), (right, rt.inner_dialogue)):
    with column:
        st.subheader(item.title, anchor=item.id)
        md(item.body)
        sources_line(content, item.sources)

# --------------------------------------------------------------------------- childhood and adulthood
left, right = st.columns(2, gap="large")
with left:
    st.header(rt.childhood.title, anchor=rt.childhood.id)
    md(rt.childhood.body)
    with st.container(border=True, key="childhood_causes"):
        md(f"**{rt.childhood_causes.title}**")
        md(rt.childhood_causes.intro)
        md("\n".join(f"- {c}" for c in rt.childhood_causes.items))
    sources_line(
        content, rt.childhood.sources + [s for s in rt.childhood_causes.sources if s not in rt.childhood.sources]
    )
with right:
    st.header(rt.adulthood.title, anchor=rt.adulthood.id)
    md(rt.adulthood.body)
    sources_line(content, rt.adulthood.sources)

st.subheader(rt.cptsd.title, anchor=rt.cptsd.id)
md(rt.cptsd.intro)
st.table(
    [
        {labels["trauma_aspect"]: r.aspect, rt.cptsd.left_heading: r.left, rt.cptsd.right_heading: r.right}
        for r in rt.cptsd.rows
    ],
    hide_index=True,
)
if rt.cptsd.note:
    caption(rt.cptsd.note)
sources_line(content, rt.cptsd.sources)

# --------------------------------------------------------------------------- effects
st.header(rt.effects_heading, anchor="effects")


def effects_list(group) -> None:
    md("\n".join(f"- {item}" for item in group.items))
    if group.note:
        md(group.note)


card_grid(
    rt.effects,
    len(rt.effects),
    key="effects",
    heading=True,
    anchor=lambda g: g.id,
    body="intro",
    extra=effects_list,
    content=content,
    gap="large",
)

# --------------------------------------------------------------------------- early experience -> adult pattern
st.header(rt.patterns_heading, anchor="patterns")
md(rt.patterns_intro)
patterns = rt.patterns
index = stepper(url, PATTERN_PARAM, labels=[p.early for p in patterns], ui=ui, jump_label=labels["trauma_pattern_pick"])
current = patterns[index]
headings = (labels["trauma_pattern_early"], labels["trauma_pattern_belief"], labels["trauma_pattern_adult"])
with st.container(border=True, key="pattern_card"):
    title = labels["trauma_pattern_selected"].format(n=index + 1)
    if current.protective:
        title += f" · ✓ {labels['trauma_pattern_protective']}"
    st.subheader(title, anchor=False)
    md(f"**{headings[0]}:** {current.early} → **{headings[1]}:** {current.belief} → **{headings[2]}:** {current.adult}")
    md(current.explanation)
    sources_line(content, current.sources)
# the pattern's words right under the controls, then the picture (on a phone a tap on Next changes what
# is on screen, not something a screen further down)
show_chart(
    cached_figure(patterns_figure, pattern_paths(patterns), headings, index, scale),
    alt=rt.patterns_alt,
    summary=labels["trauma_pattern_highlighted"].format(n=index + 1),
    rows=pattern_rows(patterns, headings),
    ui=ui,
    key=f"patterns_chart_{index}",
    min_width=PATTERNS_MIN_WIDTH,
)
callout("info", rt.patterns_caveat)

# --------------------------------------------------------------------------- how common, PTSD, hope
left, right = st.columns(2, gap="large")
with left:
    st.subheader(rt.prevalence.title, anchor=rt.prevalence.id)
    st.metric(rt.prevalence.title, rt.prevalence.headline, label_visibility="collapsed")
    md(rt.prevalence.body)
    sources_line(content, rt.prevalence.sources)
with right:
    st.subheader(rt.ptsd_vs_relational.title, anchor=rt.ptsd_vs_relational.id)
    md(rt.ptsd_vs_relational.body)
    sources_line(content, rt.ptsd_vs_relational.sources)

with st.container(border=True, key="hope"):
    st.subheader(rt.hope.title, anchor=rt.hope.id)
    md(rt.hope.body)
    sources_line(content, rt.hope.sources)
    with st.container(horizontal=True):
        st.page_link(page_target("healing", content), icon=":material/self_improvement:")
        st.page_link(page_target("get-help", content), icon=":material/support:")
