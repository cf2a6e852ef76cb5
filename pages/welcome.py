"""Welcome: what this is, who it is for, three ways in, and "education, not diagnosis"."""

import streamlit as st

from components.navigation import PAGES
from components.page_kit import card_grid
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


def _page_links(way) -> None:
    for page_id in way.pages:
        if page_id in known:  # ways in may name pages an edition leaves out
            st.page_link(page_target(page_id, content))


card_grid(welcome.ways_in, len(welcome.ways_in), key="way", heading=True, extra=_page_links, gap="small")

st.header(ui.labels["welcome_audience_heading"])
for column, audience in zip(st.columns(len(welcome.audiences)), welcome.audiences):
    with column:
        md(f"**{audience.title}**")
        md(audience.body)

md(welcome.privacy)
md(welcome.about_sources)
