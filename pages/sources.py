"""Sources: every source, its kind, which articles cite it, and which pages of the app cite it."""

import streamlit as st

from components.navigation import pages_citing
from components.page_kit import page_start
from components.routing import page_content
from components.text import callout, md
from components.wording import source_lines

content = page_content()
ui = content.ui
labels = ui.labels

page_start(content, "sources", ui.pages["sources"].description)
kinds = ["all", *sorted({s.kind for s in content.sources.sources})]
chosen = st.selectbox(
    labels["sources_filter"],
    kinds,
    key="sources_kind",
    format_func=lambda k: labels["sources_filter_all"] if k == "all" else labels[f"source_kind_{k}"],
)
cited_on = pages_citing(content)
st.header(labels["sources_all"], divider="gray")
for src in content.sources.sources:
    if chosen != "all" and src.kind != chosen:
        continue
    # A heading, one text block and an optional caution per source: few elements, quick runs.
    st.subheader(src.title, anchor=src.id)
    md("\n\n".join(source_lines(content, src, cited_on.get(src.id))))
    if src.caution:
        callout("warning", src.caution)
