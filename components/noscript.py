"""What an app page says where JavaScript is off: a `<noscript>` block in its first HTML.

Streamlit draws every page with JavaScript; without it the page is an empty shell with Streamlit's
own notice (about programs reading the app). components/web.py puts this block in its place, in the
page's own words (content/ui.yaml `labels:`, help.yaml): the page's title, that it needs JavaScript,
a link to the same page in the text edition (`/text/<page-id>`, which needs none), on Get help the
reader's emergency number and main helpline (the region from the request's Accept-Language, as the
text edition picks it), and what Back does after the exit when it is a plain link.

Pure: no streamlit. Content is Markdown rendered with raw HTML off (components/text_edition/doc.py),
every other string escaped; nothing from content becomes live markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from components.editions_served import text_path
from components.help import call_links, first_line, numbers_first, region_for_languages
from components.language import REFERENCE
from components.text_edition import TEXT_PAGES
from components.text_edition.doc import esc, markdown, markdown_inline

if TYPE_CHECKING:
    from components.content.registry import Content


def page_id_for_path(path: str, base: str, page_ids) -> str | None:
    """The app page a request's path opens ("/" -> the first page), or None for any other path."""
    parts = [p for p in path.split("/") if p]
    if base:
        parts = parts[len(base.strip("/").split("/")) :]
    if not parts:
        return "welcome"
    return parts[0] if len(parts) == 1 and parts[0] in page_ids else None


def text_href(page_id: str | None, base: str, locale: str = REFERENCE, explicit: bool = False) -> str:
    """The text edition's page for an app page, in the edition; its index where it has none (the
    facilitator's tools)."""
    root = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    return root + text_path(page_id if page_id in TEXT_PAGES else None, locale, explicit)


def _help_lines(content: Content, region: str) -> str:
    """Get help's first words without JavaScript: the reader's emergency number (every one when the
    browser's language names no region we cover) and the region's main helpline by phone."""
    h, labels = content.help, content.ui.labels
    first, others = numbers_first(h, region)
    numbers = "".join(
        f"<li><strong>{esc(n.region)}: {markdown_inline(call_links(n.number))}</strong>"
        + (f" — {markdown_inline(n.note)}" if n.note else "")
        + "</li>"
        for n in (first or others)
    )
    out = f"<h2>{esc(labels['help_immediate_heading'])}</h2>{markdown(h.immediate_danger.intro)}<ul>{numbers}</ul>"
    line = first_line(h, region, "domestic-abuse")
    if line is not None:
        phones = [c for c in line.channels if c.kind == "phone"]
        ways = "; ".join(markdown_inline(call_links(c.value) + (f" ({c.note})" if c.note else "")) for c in phones)
        out += (
            f"<h2>{esc(labels['noscript_main_line'])}</h2>"
            f"<p><strong>{esc(line.name)}</strong>" + (f": {ways}" if ways else "") + "</p>"
        )
    return out


def block_html(
    content: Content,
    page_id: str | None,
    *,
    base: str = "",
    accept_language: str | None = None,
    lang_asked: bool = False,
) -> str:
    """The whole `<noscript>` block for one app page (`page_id` None: a path that is no page)."""
    ui, labels = content.ui, content.ui.labels
    title = ui.pages[page_id].title if page_id in ui.pages and page_id != "welcome" else ui.app_title
    link = labels["noscript_text_link" if page_id in TEXT_PAGES else "noscript_index_link"]
    body = (
        f"<h1>{esc(title)}</h1><p>{esc(labels['noscript_intro'])}</p>"
        f'<p><a class="hb-noscript-text" href="{esc(text_href(page_id, base, ui.language, lang_asked))}">{esc(link)}</a></p>'
    )
    if page_id == "get-help":
        body += _help_lines(content, region_for_languages(content.help, accept_language))
    body += f'<div class="hb-noscript-back">{markdown(content.help.quick_exit.back_note.no_script)}</div>'
    return f'<noscript><div id="hb-noscript" class="hb-noscript" data-testid="noscript">{body}</div></noscript>'
