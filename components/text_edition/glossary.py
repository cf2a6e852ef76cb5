"""The text page of the Glossary (/text/glossary): every term in alphabetical order, each a section
of its own (its id the anchor the "see also" links go to), with its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from components.search import sort_key
from components.text_edition.doc import Doc, esc

if TYPE_CHECKING:
    from components.content.registry import Content


def render(content: Content, doc: Doc) -> None:
    ui = content.ui
    terms = sorted(content.glossary.terms, key=lambda t: sort_key(t.term))
    by_id = {t.id: t for t in terms}
    doc.md(ui.pages["glossary"].description)
    for term in terms:
        doc.h(2, term.term, id=term.id).md(term.definition)
        if term.see_also:
            doc.raw(
                f"<p>{esc(ui.labels['glossary_see_also'])}: "
                + ", ".join(f'<a href="#{s}">{esc(by_id[s].term)}</a>' for s in term.see_also)
                + "</p>"
            )
        doc.sources(content, term.sources)
