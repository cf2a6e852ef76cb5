"""Healthy Bonds: `streamlit run app.py`. The whole app shell lives in components/shell.py."""

# Import the heavy libraries first, whole, before any page: when two sessions start at once on a
# cold server, Plotly's lazy import of pandas from two script threads can otherwise meet a
# half-initialised pandas module.
import pandas  # noqa: F401
import plotly.graph_objects  # noqa: F401

from components.shell import run_app

run_app()
