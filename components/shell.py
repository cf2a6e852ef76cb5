"""The app shell that wraps every page: page config, quick exit, safety note, presenter mode,
content notes for heavy pages, the navigation, and the error screen for broken content.

`run_app()` is the whole app; app.py calls it. Every page script starts with `page_content()`,
which also covers Streamlit's legacy router: before any session has called st.navigation, a URL
that matches a `pages/` file runs that file directly, skipping app.py. `page_content()` notices
that the shell is not running and runs the whole app instead, so the quick exit is always there.
"""

from __future__ import annotations

import threading
from pathlib import Path

import streamlit as st

from components import presenter
from components.content import Content, Loaded, content_dir, load_cached, load_one
from components.navigation import PAGES, SECTION_ORDER, PageSpec, page_spec
from components import quick_exit
from components.text import caption, escape_html, md

ICON = Path(__file__).resolve().parent / "assets" / "icon.png"

# Set while run_app() runs a page in this script thread (each session's runs have one thread).
_shell = threading.local()


def get_content() -> Content:
    """The validated content for this run (parsed once per process, again when a file changes)."""
    loaded = load_cached(content_dir())
    if loaded.content is None:  # run_app shows the error screen before any page can ask
        raise RuntimeError("content failed to load")
    return loaded.content


def page_content() -> Content:
    """First line of every page: the content, after making sure the app shell wraps the page."""
    if not getattr(_shell, "active", False):
        run_app()  # a legacy direct run: st.navigation picks this same page by its URL path
        st.stop()
    return get_content()


def run_app() -> None:
    # A local icon: a Material or emoji icon would be fetched from a font/CDN host, and the app makes
    # no request to any host but its own.
    st.set_page_config(page_title="Healthy Bonds", page_icon=str(ICON), layout="wide",
                       initial_sidebar_state="auto")
    loaded = load_cached(content_dir())
    if loaded.content is None:
        _error_screen(loaded)
        return
    content = loaded.content
    ui = content.ui
    st.set_page_config(page_title=ui.app_title)
    quick_exit.fallback(quick_exit.settings(ui, content.help))
    presenting = presenter.sync_from_url()
    presenter.apply_style(presenting)

    _shell.pages = {}  # this run's st.Page objects, reused by every link (see page_target)
    pages = _st_pages(content)
    # Our own navigation list (below), not Streamlit's: its sectioned sidebar menu nests <li> in
    # <div> inside <ul>, which axe-core reports as a serious WCAG failure.
    current = st.navigation(pages, position="hidden")
    _chrome(content, presenting)
    spec = _spec_by_url.get(current.url_path, PAGES[0])
    if content.ui.pages[spec.id].heavy and not _content_note(content, spec):
        return
    _shell.active = True
    try:
        current.run()
    finally:
        _shell.active = False


_spec_by_url = {spec.id: spec for spec in PAGES}


def _st_pages(content: Content) -> dict[str, list[st.Page]]:
    grouped: dict[str, list[st.Page]] = {}
    for spec in PAGES:
        grouped.setdefault(content.ui.sections[spec.section], []).append(page_target(spec.id, content))
    order = [content.ui.sections[s] for s in SECTION_ORDER if s in content.ui.sections]
    return {name: grouped[name] for name in order if name in grouped}


def page_target(page_id: str, content: Content | None = None) -> st.Page:
    """The st.Page for one of our pages: what st.page_link and st.switch_page take.

    Built once per run and reused: every page shows a dozen links, and building st.Page objects
    was a measurable share of a page run (bench/profile_page.py)."""
    built: dict[str, st.Page] = getattr(_shell, "pages", None) or {}
    if page_id not in built:
        text = (content or get_content()).ui.pages[page_id]
        built[page_id] = st.Page(page_spec(page_id).path, title=text.title, icon=text.icon, url_path=page_id,
                                 default=(page_id == PAGES[0].id))
        _shell.pages = built
    return built[page_id]


def _chrome(content: Content, presenting: bool) -> None:
    """The safety line under the quick exit, and the presenter toggles."""
    ui = content.ui
    with st.container(key="safety_bar", horizontal=True, vertical_alignment="center"):
        caption(ui.safety_note)
        st.page_link(page_target("get-help", content), label=ui.safety_link, icon=":material/support:")
    if presenting:  # the sidebar is hidden while presenting: pages and switches move into a bar
        with st.container(key="presenter_bar", horizontal=True, vertical_alignment="center"):
            with st.popover(ui.labels["pages_menu"], icon=":material/menu:"):
                _nav_links(content)
            presenter.toggles(ui, "bar")
    else:
        with st.sidebar:
            with st.container(key="site_nav"):
                _nav_links(content)
            st.divider()
            presenter.toggles(ui, "side")


def _nav_links(content: Content) -> None:
    """The list of pages by section: the one navigation, in the sidebar or the presenter menu."""
    by_section: dict[str, list[PageSpec]] = {}
    for spec in PAGES:
        by_section.setdefault(spec.section, []).append(spec)
    for section in SECTION_ORDER:
        if section not in by_section:
            continue
        st.markdown(f"**{escape_html(content.ui.sections[section])}**")
        for spec in by_section[section]:
            st.page_link(page_target(spec.id, content))


def _content_note(content: Content, spec: PageSpec) -> bool:
    """A content note the first time a session opens a heavy page. True when the page may show."""
    seen: set[str] = st.session_state.setdefault("content_notes_seen", set())
    if spec.id in seen:
        return True
    note = content.ui.content_note
    with st.container(border=True, key="content_note"):
        st.subheader(note.title)
        md(note.body)
        left, right = st.columns(2)
        if left.button(note.go_on, type="primary", key="content_note_go_on"):
            seen.add(spec.id)
            st.rerun()
        if right.button(note.go_elsewhere, key="content_note_elsewhere"):
            st.switch_page(page_target("get-help", content))
    return False


def _error_screen(loaded: Loaded) -> None:
    """Broken content: one clear screen naming each file, line and problem. Never a traceback."""
    ui, help_model = load_one("ui"), load_one("help")
    quick_exit.fallback(quick_exit.settings(ui, help_model))
    title = ui.error_screen.title if ui else "The app's content has problems"
    intro = ui.error_screen.intro if ui else (
        "The text of this app lives in YAML files, and some of them could not be read. "
        "Each problem below names the file, the line and what is wrong.")
    how = ui.error_screen.how_to_fix if ui else (
        "Open each file at the line shown, fix what the message says, save, and reload this page. "
        "To check a folder without the app: `python -m components.content check --content DIR`.")
    st.title(title)
    md(intro)
    st.error(escape_html(f"{len(loaded.problems)} problem(s) in {content_dir()}"))
    st.code("\n".join(str(p) for p in loaded.problems), language=None, wrap_lines=True)
    md(how)
    if help_model is not None:  # help still works: the emergency numbers from help.yaml
        md(help_model.immediate_danger.intro)
        md("\n".join(f"- **{n.region}: {n.number}**" for n in help_model.immediate_danger.numbers))
    else:
        st.info("If you need help now: in an emergency call your local emergency number "
                "(for example 911, 999, 112, 000 or 111).", icon=":material/emergency:")
