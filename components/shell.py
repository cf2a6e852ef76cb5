"""The app shell that wraps every page: page config, quick exit, safety note, presenter mode,
content notes for heavy pages, the navigation, and the error screen for broken content.

`run_app()` is the whole app; app.py calls it. Pages never import this module: they take their
content and page links from components/routing.py (which also covers a legacy direct run).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, cast

import streamlit as st

from components import a11y, editions_served, language_ui, presenter, quick_exit, room_bar, room_ui
from components.content import Content, Loaded, content_dir, load_one
from components.facilitate import opening, pairing_ui, running, scroll, session_bar
from components.help import call_links
from components.navigation import PAGES, SECTION_ORDER, PageSpec
from components.page_kit import help_section_link
from components.routing import new_run, page_target, running_page
from components.text import caption, md
from components.wording import escape_html

if TYPE_CHECKING:
    from components.models.help import HelpFile
    from components.models.ui import UiFile

ICON = Path(__file__).resolve().parent / "assets" / "icon.png"


def run_app() -> None:
    # A local icon: a Material or emoji icon would be fetched from a font/CDN host, and the app makes
    # no request to any host but its own.
    st.set_page_config(page_title="Healthy Bonds", page_icon=str(ICON), layout="wide", initial_sidebar_state="auto")
    language_ui.sync_from_url()
    loaded = editions_served.edition(language_ui.run_locale())
    if loaded.content is None:
        _error_screen(loaded)
        return
    content = loaded.content
    ui = content.ui
    st.set_page_config(page_title=ui.app_title)
    quick_exit.fallback(quick_exit.settings(ui, content.help))
    presenting = presenter.sync_from_url()
    presenter.apply_style(presenting)

    new_run()  # this run's st.Page objects, reused by every link (see routing.page_target)
    pages = _st_pages(content)
    # Our own navigation list (below), not Streamlit's: its sectioned sidebar menu nests <li> in
    # <div> inside <ul>, which axe-core reports as a serious WCAG failure.
    current = st.navigation(pages, position="hidden")
    spec = _spec_by_url.get(current.url_path, PAGES[0])
    _chrome(content, presenting, spec)
    # the skip link, and the heading focused after "Go on to the page" (components/a11y.py)
    a11y.page_keys(key="page_keys", skip=ui.text_edition.skip_link, focus=st.session_state.pop("focus_heading", 0))
    language_ui.draft_notice(content, spec.uses)
    if content.ui.pages[spec.id].heavy and not _content_note(content, spec):
        return
    with running_page():
        current.run()


_spec_by_url = {spec.id: spec for spec in PAGES}


def _st_pages(content: Content) -> dict[str, list[st.Page]]:
    grouped: dict[str, list[st.Page]] = {}
    for spec in PAGES:
        grouped.setdefault(content.ui.sections[spec.section], []).append(page_target(spec.id, content))
    order = [content.ui.sections[s] for s in SECTION_ORDER if s in content.ui.sections]
    return {name: grouped[name] for name in order if name in grouped}


def _chrome(content: Content, presenting: bool, spec: PageSpec) -> None:
    """The safety line under the quick exit (with the page's text version), and the presenter toggles."""
    ui = content.ui
    with st.container(key="safety_bar", horizontal=True, vertical_alignment="center"):
        # On a phone one short line (app.css shows one or the other by width); Get help says the rest.
        with st.container(key="safety_note_full"):
            caption(ui.safety_note)
        with st.container(key="safety_note_short"):
            caption(ui.labels["safety_note_short"])
        st.page_link(page_target("get-help", content), label=ui.safety_link, icon=":material/support:")
        # A young person and someone thinking of suicide are one tap from their lines, on every page.
        for show, label in (("under-18", "safety_youth_link"), ("crisis", "safety_crisis_link")):
            help_section_link(content, show, ui.labels[label], icon=":material/arrow_forward:")
        if spec.text and not presenting:
            _text_version_link(
                ui.text_edition.app_link,
                editions_served.text_path(spec.id, ui.language, explicit=language_ui.asked() is not None),
            )
    if presenting:  # the sidebar is hidden while presenting: pages and switches move into a bar
        scroll.scroll_to_segment()  # a workshop segment opens at its step
        # after a reload, on whatever page: the pairing and the room this tab runs (keys from the tab)
        pairing_ui.laptop_identity()
        room_ui.restore_room()
        room_bar.serve_request(content)  # what the paired notes device asked of the room
        with st.container(key="presenter_bar", horizontal=True, vertical_alignment="center"):
            # the switches sit in the menu, so the bar keeps one line at 1080p with the room on it
            with st.popover(ui.labels["pages_menu"], icon=":material/menu:"):
                presenter.toggles(ui, "bar")
                language_ui.switch(content, "bar")
                session_bar.session_menu(content)  # the group agreement, while a session runs
                _nav_links(content)
            session_bar.session_bar(content)  # while presenting a workshop plan: segment, time, next
            room_bar.bar(content, running.active(content))  # the live room, from any page
        if not running.on_run_page():  # Run a session shows the room in its own panel
            room_bar.overlay(content)
    else:
        with st.sidebar:
            with st.container(key="site_nav"):
                _nav_links(content)
            st.divider()
            presenter.toggles(ui, "side")
            language_ui.switch(content, "side")


def _text_version_link(label: str, path: str) -> None:
    """A plain link to this page's text version (components/text_edition), in the same tab: a
    Markdown link would open a second tab, which the quick exit would leave behind. Relative, so
    it follows the app's base path. The label is escaped; the markup is the app's own."""
    st.html(
        f'<a class="hb-text-link" data-testid="text-version-link" href="{html.escape(path, quote=True)}">{html.escape(label)}</a>'
    )


def _nav_links(content: Content) -> None:
    """The list of pages by section: the one navigation, in the sidebar or the presenter menu. A
    named navigation landmark (components/a11y.py), each section's name a heading (styled small
    in app.css), so a screen reader can jump to it and by section."""
    by_section: dict[str, list[PageSpec]] = {}
    for spec in PAGES:
        by_section.setdefault(spec.section, []).append(spec)
    with st.container(key="nav_links"):
        a11y.landmark(
            key="nav_links_landmark", label=content.ui.labels["site_nav_label"], container=".st-key-nav_links"
        )
        for section in SECTION_ORDER:
            if section not in by_section:
                continue
            st.header(escape_html(content.ui.sections[section]), anchor=False)
            for spec in by_section[section]:
                st.page_link(page_target(spec.id, content))


def _content_note(content: Content, spec: PageSpec) -> bool:
    """A content note the first time a session opens a heavy page. True when the page may show.

    In presenter mode the note belongs to the session: shown once, at its start, with the running
    plan's group agreement (facilitate.opening.session_opening), and a paired notes device can pass it.
    Outside presenter mode, a person alone sees it before each heavy page."""
    if presenter.is_presenting():
        return opening.session_opening(content)
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
            st.session_state["focus_heading"] = len(seen)  # a new number each time: focus the page's h1
            st.rerun()
        if right.button(note.go_elsewhere, key="content_note_elsewhere"):
            st.switch_page(page_target("get-help", content))
    return False


def _error_screen(loaded: Loaded) -> None:
    """Broken content: one clear screen naming each file, line and problem. Never a traceback."""
    ui, help_model = cast("UiFile | None", load_one("ui")), cast("HelpFile | None", load_one("help"))
    quick_exit.fallback(quick_exit.settings(ui, help_model))
    title = ui.error_screen.title if ui else "The app's content has problems"
    intro = (
        ui.error_screen.intro
        if ui
        else (
            "The text of this app lives in YAML files, and some of them could not be read. "
            "Each problem below names the file, the line and what is wrong."
        )
    )
    how = (
        ui.error_screen.how_to_fix
        if ui
        else (
            "Open each file at the line shown, fix what the message says, save, and reload this page. "
            "To check a folder without the app: `python -m components.content check --content DIR`."
        )
    )
    st.title(title)
    md(intro)
    st.error(escape_html(f"{len(loaded.problems)} problem(s) in {content_dir()}"))
    st.code("\n".join(str(p) for p in loaded.problems), language=None, wrap_lines=True)
    md(how)
    if help_model is not None:  # help still works: the emergency numbers from help.yaml
        md(help_model.immediate_danger.intro)
        md("\n".join(f"- **{n.region}: {call_links(n.number)}**" for n in help_model.immediate_danger.numbers))
    else:
        st.info(
            call_links(
                "If you need help now: in an emergency call your local emergency number "
                "(for example 911, 999, 112, 000 or 111)."
            ),
            icon=":material/emergency:",
        )
