"""Therapy approaches: guided paths (for a child / for me as a teenager / for me as an adult), browse and
filter, an approach card, a map in sync with the filters, a side-by-side comparison and practical
questions. The sections are drawn by components/therapies_ui.py.

Filters, the open card, the comparison and the path live in the URL (see components/therapies.py
for the parameters), so a facilitator can share or bookmark any view."""

import streamlit as st

from components.page_kit import page_start
from components.presenter import is_presenting
from components.routing import page_content, page_target
from components.therapies_ui import Therapies
from components.url_state import for_page

content = page_content()
data, labels = content.therapies, content.ui.labels
url = for_page("therapies", content)
view = Therapies(content, url, is_presenting())  # reads the open card and the comparison from the URL

# the takeaway, then the guided paths and the filters ("for me, an adult" on the first screens),
# then the map, which follows the filters
page_start(content, "therapies", data.intro, takeaway=data.takeaway)
st.page_link(page_target("get-help", content), label=labels["therapies_get_help"], icon=":material/support:")
st.page_link(page_target("get-help", content), label=labels["leaving_safely_link"], icon=":material/shield:")
view.paths()
view.browse()
view.compare()
view.questions()
st.page_link(page_target("get-help", content), label=labels["therapies_get_help"], icon=":material/support:")
