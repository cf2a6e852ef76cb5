"""Healthy vs toxic: the spectrum side by side, the power-and-control / equality wheel, the forms of
abuse and less overt signs, a scenario sorter, and "can it heal?". The parts are drawn by
components/comparison_ui.py; URL parameters are described in components/comparison.py, with the
sorter's transitions; sorter answers live only in session state."""

import streamlit as st

from components import comparison as logic
from components.comparison_ui import Parts
from components.next_step import next_step
from components.page_kit import page_start
from components.presenter import is_presenting
from components.routing import page_content
from components.url_state import for_page

content = page_content()
comp, labels = content.comparison, content.ui.labels
presenting = is_presenting()
url = for_page("healthy-vs-toxic", content)
parts = Parts(content, url, presenting)

# on a projector the facilitator introduces the page; the visuals move up
page_start(content, "healthy-vs-toxic", None if presenting else comp.intro, takeaway=comp.takeaway)
part = url.widget(
    st.segmented_control,
    "part",
    labels["hvt_part_label"],
    logic.PARTS,
    key="hvt_part",
    required=True,
    format_func=lambda p: labels[f"hvt_part_{p}"],
    value=logic.part_from_params(url.raw()),
)
parts.by_name()[part]()
if part in logic.NEXT_STEP_PARTS:  # a reader who recognised their own life is not left at a sources line
    next_step(content)
