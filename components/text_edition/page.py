"""A whole text-edition document: the quick exit first (the same button, Shift x3 and script as the
app, components/quick_exit/), a skip link, the safety line, the page, and links to the other text
pages and to the interactive page. No Streamlit, no Plotly, one inline stylesheet, one script."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from components import quick_exit, theme
from components.text_edition.doc import esc, markdown_inline

if TYPE_CHECKING:
    from components.content.registry import Content

STYLE = theme.root_css() + (Path(__file__).resolve().parent / "text.css").read_text(encoding="utf-8")


def document(
    content: Content,
    *,
    title: str,
    body: str,
    settings: quick_exit.ExitSettings,
    app_href: str | None,
    index_href: str,
    help_href: str | None,
    languages: str = "",
) -> str:
    """`languages`: the row of links to the same page in the other editions (editions.language_row)."""
    ui, words = content.ui, content.ui.text_edition
    links = [f'<li><a href="{esc(index_href)}">{esc(words.to_text_index)}</a></li>']
    if app_href:
        links.append(f'<li><a href="{esc(app_href)}">{esc(words.to_app_page)}</a></li>')
    safety = markdown_inline(ui.safety_note)
    if help_href:
        safety += f' <a href="{esc(help_href)}">{esc(ui.safety_link)}</a>'
    # A young person and someone thinking of suicide: one tap to their lines, from every text page.
    quick = "".join(
        f'<li><a href="{esc(help_href or "")}#{anchor}">{esc(ui.labels[label])}</a></li>'
        for anchor, label in (("under-18", "safety_youth_link"), ("crisis", "safety_crisis_link"))
    )
    return (
        f'<!doctype html>\n<html lang="{esc(ui.language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{quick_exit.head_html(settings)}"
        f"<title>{esc(title)}</title><style>{STYLE}</style></head>\n<body>"
        f"{quick_exit.body_html(settings)}"
        f'<a class="skip" href="#main">{esc(words.skip_link)}</a>'
        f'<div class="wrap"><header><p class="safety">{safety}</p>'
        f'<nav class="quick-help" aria-label="{esc(ui.labels["safety_help_nav"])}"><ul>{quick}</ul></nav>'
        f'<nav class="pages" aria-label="{esc(words.pages_heading)}"><ul>{"".join(links)}</ul></nav>{languages}</header>\n'
        f'<main id="main">\n{body}\n</main></div></body></html>\n'
    )
