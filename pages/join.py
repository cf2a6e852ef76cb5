"""Join a room: a participant answers the facilitator's live question from a phone, without a name.

URL: ?code=<room code> (the QR code on the projector opens it).
"""

import streamlit as st

from components import room_join
from components.routing import page_content
from components.url_state import for_page

content = page_content()
st.title(content.ui.pages["join"].title)
room_join.join_view(content, for_page("join", content))
