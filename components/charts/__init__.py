"""Pure Plotly figure builders: content models in, go.Figure out. Nothing here imports streamlit,
so every builder is unit-tested alone. One module per subject; shared styling in common.py."""
