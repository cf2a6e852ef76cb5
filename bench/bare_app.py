"""The second yardstick for bench/lighthouse.sh: a bare Streamlit page (a title and a paragraph, no
chart, no sidebar) at default settings.

Its first-load score is what Streamlit's own front end costs before any app content: the best a
Streamlit 1.67 page can reach in the same run. The app's pages are compared with it in the README.
Do not tune it.
"""

import streamlit as st

st.title("Bare Streamlit")
st.write("One paragraph of text and nothing else: what the Streamlit front end itself costs on first load.")
