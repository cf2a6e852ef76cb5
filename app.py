"""Healthy Bonds: `streamlit run app.py`.

This file has two roles. `streamlit run app.py` first imports it as a module to find `app`, the
server: Streamlit's own, with the safety shell (safety headers, and the quick exit in the first
HTML of every page; components/web.py) around every response. Then Streamlit runs it as the script
of every session (`__name__ == "__main__"`): the whole app shell lives in components/shell.py.
"""

import streamlit as st

if __name__ == "__main__":
    # Import the heavy libraries first, whole, before any page: when two sessions start at once on a
    # cold server, Plotly's lazy import of pandas from two script threads can otherwise meet a
    # half-initialised pandas module.
    import pandas  # noqa: F401
    import plotly.graph_objects  # noqa: F401

    from components.shell import run_app

    run_app()
else:
    from pathlib import Path

    from starlette.middleware import Middleware

    from components.text_edition.serve import routes
    from components.web import SafetyShell

    app = st.App(Path(__file__).resolve(), routes=routes(), middleware=[Middleware(SafetyShell)])
