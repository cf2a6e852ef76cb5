"""Healthy Bonds: `streamlit run app.py`. The whole app shell lives in components/shell.py."""

from components.shell import run_app

run_app()
