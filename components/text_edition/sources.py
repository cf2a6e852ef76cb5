"""The text page of Sources (/text/sources): every source as the app's Sources page lists it
(components.wording.source_lines), with the pages that cite it and any caution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from components.navigation import pages_citing
from components.text_edition.doc import Doc
from components.wording import source_lines

if TYPE_CHECKING:
    from components.content.registry import Content


def render(content: Content, doc: Doc) -> None:
    ui = content.ui
    cited_on = pages_citing(content)
    doc.md(ui.pages["sources"].description)
    for src in content.sources.sources:
        doc.h(2, src.title, id=src.id)
        for line in source_lines(content, src, cited_on.get(src.id)):
            doc.md(line)
        if src.caution:
            doc.note(src.caution)
