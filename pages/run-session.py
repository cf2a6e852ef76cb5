"""Run a session: pick a workshop plan, step through its segments with a countdown, open each
segment's page in presenter mode, pair a second device for notes, download the handouts
(components/facilitate/).

URL: ?plan=<id>&segment=<n> (projector), ?view=notes&pair=<shown code> (notes device: fills the form),
?plan=<id>&segment=<n>&view=agreement&present=1 (the projected opening screen: group agreement and
content note).
"""

import streamlit as st

from components import presenter
from components.facilitate import notes_device, opening, pairing_ui, projector
from components.routing import page_content
from components.url_state import for_page

content = page_content()
ui = content.ui
url = for_page("run-session", content)

DEVICES = ("projector", "notes")  # what the view picker offers; "agreement" is a projected screen

if not presenter.is_presenting():  # (while presenting, the shell has done it, on every page)
    pairing_ui.laptop_identity()  # after a reload: the pairing this laptop's tab runs, from the tab
if url.get("view") == "agreement" and content.workshops:
    opening.agreement_view(content, url)
else:
    st.title(ui.pages["run-session"].title)
    view = url.widget(
        st.segmented_control,
        "view",
        ui.labels["facilitate_view"],
        DEVICES,
        key="run_view",
        format_func=lambda v: ui.labels[f"facilitate_view_{v}"],
    )
    if view == "notes":
        notes_device.notes_view(content, url)
    else:
        projector.projector_view(content, url)
