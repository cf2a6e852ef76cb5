"""Glossary: every term a newcomer could stumble on, searchable. The search is never stored."""

import streamlit as st

from components.page_kit import page_start
from components.routing import page_content
from components.search import sort_key, text_matches
from components.text import md
from components.wording import sources_small

content = page_content()
ui = content.ui

page_start(content, "glossary", ui.pages["glossary"].description)
query = st.text_input(ui.search_label, placeholder=ui.search_placeholder, key="glossary_search")
terms = sorted(content.glossary.terms, key=lambda t: sort_key(t.term))
shown = [t for t in terms if text_matches(query, t.term, t.definition)]
st.caption(ui.labels["glossary_count"].format(shown=len(shown), total=len(terms)))
if not shown:
    st.warning(ui.no_matches, icon=":material/search_off:")
by_id = {t.id: t for t in terms}
st.header(ui.labels["glossary_a_to_z"], divider="gray")
# Two elements per term (heading + one text block): the glossary is the longest page, and
# Streamlit's cost per run grows with the number of elements (see README, Settings).
for term in shown:
    st.subheader(term.term, anchor=term.id)
    parts = [term.definition]
    if term.see_also:
        parts.append(
            f"{ui.labels['glossary_see_also']}: " + ", ".join(f"[{by_id[s].term}](#{s})" for s in term.see_also)
        )
    parts.append(sources_small(content, term.sources))
    md("\n\n".join(parts))
