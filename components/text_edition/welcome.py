"""The text page of Welcome (/text/welcome): the tagline and intro, the ways in (each a list of links
to the text pages of the pages it names), who the app is for, and what it keeps and where its words
come from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from components.navigation import PAGES
from components.text_edition.doc import Doc, esc

if TYPE_CHECKING:
    from components.content.registry import Content


def render(content: Content, doc: Doc) -> None:
    ui, w = content.ui, content.welcome
    doc.md(ui.tagline).md(w.intro).note(w.not_diagnosis)
    doc.h(2, ui.labels["welcome_ways_heading"])
    known = {p.id for p in PAGES if p.text}  # the pages that have a text page
    for way in w.ways_in:
        doc.h(3, way.title).md(way.body)
        doc.raw(
            "<ul>"
            + "".join(f'<li><a href="{pid}">{esc(ui.pages[pid].title)}</a></li>' for pid in way.pages if pid in known)
            + "</ul>"
        )
    doc.h(2, ui.labels["welcome_audience_heading"])
    for audience in w.audiences:
        doc.h(3, audience.title).md(audience.body)
    doc.md(w.privacy).md(w.about_sources)
