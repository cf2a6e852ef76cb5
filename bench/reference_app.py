"""The reference for bench/run.py: a bare Streamlit page with one Plotly chart, default settings.

bench/run.py serves it from an empty working directory, so no project config applies (only
`browser.gatherUsageStats=false`, which changes nothing on the server). Do not tune it: it is the
yardstick the app's figures are divided by.
"""

import plotly.graph_objects as go
import streamlit as st

st.title("Reference")
x = list(range(50))
fig = go.Figure(go.Scatter(x=x, y=[(i * 7) % 23 for i in x], mode="lines+markers", name="series"))
fig.update_layout(title="One Plotly chart")
st.plotly_chart(fig)
