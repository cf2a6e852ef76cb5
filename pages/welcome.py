"""Welcome: what this is, who it is for, three ways in, and "education, not diagnosis"."""

import streamlit as st

from components.navigation import PAGES
from components.routing import page_content, page_target
from components.text import callout, md

content = page_content()
ui, welcome = content.ui, content.welcome

st.title(ui.app_title)
md(ui.tagline)
md(welcome.intro)
callout("info", welcome.not_diagnosis)

st.header(ui.labels["welcome_ways_heading"])
known = {p.id for p in PAGES}
for column, way in zip(st.columns(len(welcome.ways_in)), welcome.ways_in):
    with column.container(border=True, key=f"way_{way.id}"):
        st.subheader(way.title)
        md(way.body)
        for page_id in way.pages:
            if page_id in known:  # ways in may name pages an edition leaves out
                st.page_link(page_target(page_id, content))

st.header(ui.labels["welcome_audience_heading"])
for column, audience in zip(st.columns(len(welcome.audiences)), welcome.audiences):
    with column:
        md(f"**{audience.title}**")
        md(audience.body)

md(welcome.privacy)
md(welcome.about_sources)
