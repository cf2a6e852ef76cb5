"""Which page runs and with what content: what every page imports first. No app imports (not the
shell, not the presenter), so pages depend on this module and not on the shell that runs them.

Every page script starts with `content = page_content()`. That also covers Streamlit's legacy
router: before any session has called st.navigation, a URL that matches a `pages/` file runs that
file directly, skipping app.py. `page_content()` notices that the shell is not running the page and
runs the app's entry script instead (st.navigation then picks this same page by its URL path), so
the quick exit is always there.
"""

from __future__ import annotations

import contextlib
import runpy
import threading
from collections.abc import Iterator
from pathlib import Path

import streamlit as st

from components import editions_served, language_ui
from components.content import Content
from components.navigation import PAGES, page_spec

APP = Path(__file__).resolve().parent.parent / "app.py"

# Set while the shell runs a page in this script thread (each session's runs have one thread).
_run = threading.local()


def get_content() -> Content:
    """The validated content for this run, in its edition (parsed once per process, again when a file
    changes)."""
    loaded = editions_served.edition(language_ui.run_locale())
    if loaded.content is None:  # the shell shows the error screen before any page can ask
        raise RuntimeError("content failed to load")
    return loaded.content


def page_content() -> Content:
    """First line of every page: the content, after making sure the app shell wraps the page."""
    if not getattr(_run, "active", False):
        runpy.run_path(str(APP), run_name="__main__")  # a legacy direct run: the whole app instead
        st.stop()
    return get_content()


@contextlib.contextmanager
def running_page() -> Iterator[None]:
    """The shell runs the current page inside this (page_content then knows the shell is there)."""
    _run.active = True
    try:
        yield
    finally:
        _run.active = False


def new_run() -> None:
    """Forget the last run's st.Page objects (the shell calls this once per run)."""
    _run.pages = {}


def page_target(page_id: str, content: Content | None = None) -> st.Page:
    """The st.Page for one of our pages: what st.page_link and st.switch_page take.

    Built once per run and reused: every page shows a dozen links, and building st.Page objects
    was a measurable share of a page run (bench/profile_page.py)."""
    built: dict[str, st.Page] = getattr(_run, "pages", None) or {}
    if page_id not in built:
        text = (content or get_content()).ui.pages[page_id]
        built[page_id] = st.Page(
            page_spec(page_id).path,
            title=text.title,
            icon=text.icon,
            url_path=page_id,
            default=(page_id == PAGES[0].id),
        )
        _run.pages = built
    return built[page_id]
