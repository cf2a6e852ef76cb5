"""A text-edition page being built: plain, semantic HTML from content, with everything escaped.

Content is Markdown. It is rendered by markdown-it-py with raw HTML switched off, so a tag typed
into a YAML file shows as text (the same rule as the app: content never becomes live HTML).
Every other string is escaped here. Pages are built by calling methods in reading order:

    doc = Doc()
    doc.h(2, "Over time", id="over-time")
    doc.md(section.intro)
    doc.chart(alt, summary, rows)
    doc.sources(content, section.sources)
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt

from components.wording import sources_text

if TYPE_CHECKING:
    from components.content.registry import Content

# commonmark + tables; html=False: raw HTML in content is text; no typographer (keep the words as written)
_MD = MarkdownIt("commonmark", {"html": False}).enable("table")


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


# The app's small-text directive (components.wording.small) reaches Markdown as `:small[...]`; its
# inside is already escaped text by the time this matches the rendered HTML.
_SMALL = re.compile(r":small\[([^\]]*)\]")


def _finish(rendered: str) -> str:
    return _SMALL.sub(r"<small>\1</small>", rendered).strip()


def markdown(text: str) -> str:
    """Block HTML of a piece of content Markdown."""
    return _finish(_MD.render(text or ""))


def markdown_inline(text: str) -> str:
    """Inline HTML (no <p>) of a short piece of content Markdown, for a heading or a list item."""
    return _finish(_MD.renderInline(text or ""))


class Doc:
    def __init__(self, reader_region: str | None = None) -> None:
        self.parts: list[str] = []
        # The region the reader's browser language names (from the request's Accept-Language), for the
        # pages that put it first (Get help); None: the content's order. Never stored.
        self.reader_region = reader_region

    def raw(self, markup: str) -> Doc:
        """Markup this module built (never content)."""
        self.parts.append(markup)
        return self

    def h(self, level: int, text: str, id: str | None = None) -> Doc:
        attr = f' id="{esc(id)}"' if id else ""
        return self.raw(f"<h{level}{attr}>{markdown_inline(text)}</h{level}>")

    def md(self, text: str | None) -> Doc:
        return self.raw(markdown(text)) if text else self

    def p(self, text: str, cls: str | None = None) -> Doc:
        attr = f' class="{esc(cls)}"' if cls else ""
        return self.raw(f"<p{attr}>{markdown_inline(text)}</p>")

    def note(self, text: str | None) -> Doc:
        """A boxed note (the app's callouts): a paragraph with a border, never an alert."""
        return self.raw(f'<div class="note">{markdown(text)}</div>') if text else self

    def items(self, entries: Iterable[str]) -> Doc:
        """A bulleted list of Markdown entries (one list; a single entry is a paragraph)."""
        entries = [e for e in entries if e]
        if len(entries) == 1:
            return self.md(entries[0])
        if entries:
            self.raw("<ul>" + "".join(f"<li>{markdown_inline(e)}</li>" for e in entries) + "</ul>")
        return self

    def term(self, title: str, body: str | None) -> Doc:
        """A bold lead-in and its text: "**Title.** body"."""
        return self.md(f"**{title.rstrip('.')}.** {body or ''}")

    def takeaway(self, content: Content, item) -> Doc:
        """A subject page's one-line takeaway (models.base.Takeaway), first under the title as in
        the app (page_kit.takeaway): "In short: ...", with its sources."""
        line = f"**{content.ui.labels['takeaway_label']}:** {item.text}"
        self.raw(f'<div class="takeaway">{markdown(line)}</div>')
        return self.sources(content, item.sources)

    def sources(self, content: Content, source_ids: Sequence[str]) -> Doc:
        text = sources_text(content, list(source_ids))
        return self.raw(f'<p class="sources">{esc(text)}</p>') if text else self

    def table(self, rows: Sequence[Mapping[str, Any]], caption: str | None = None) -> Doc:
        if not rows:
            return self
        heads = list(rows[0])
        # No scrolling box (it would be one more tab stop on every table): cells wrap, long words
        # included, so a table fits a phone's width (text.css; a browser test checks it at 390 px).
        out = ["<table>"]
        if caption:
            out.append(f"<caption>{markdown_inline(caption)}</caption>")
        out.append("<thead><tr>" + "".join(f'<th scope="col">{esc(h)}</th>' for h in heads) + "</tr></thead><tbody>")
        for row in rows:
            cells = [markdown_inline(str(row.get(h, ""))) for h in heads]
            out.append(
                "<tr>" + f'<th scope="row">{cells[0]}</th>' + "".join(f"<td>{c}</td>" for c in cells[1:]) + "</tr>"
            )
        out.append("</tbody></table>")
        return self.raw("".join(out))

    def chart(self, alt: str, summary: str, rows: Sequence[Mapping[str, Any]] | None = None) -> Doc:
        """Where the app draws a chart: its name, the chart in words and its table."""
        self.raw(f'<figure class="chart"><figcaption>{esc(alt)}</figcaption>')
        self.md(summary)
        if rows:
            self.table(rows)
        return self.raw("</figure>")

    def details(self, summary: str, body: str) -> Doc:
        """A disclosure (what the app reveals on request); `body` is markup built by a Doc."""
        return self.raw(f"<details><summary>{markdown_inline(summary)}</summary>{body}</details>")

    def section(self, key: str | None = None) -> _Section:
        return _Section(self, key)

    def html(self) -> str:
        return "\n".join(self.parts)


class _Section:
    def __init__(self, doc: Doc, key: str | None) -> None:
        self.doc, self.key = doc, key

    def __enter__(self) -> Doc:
        attr = f' id="{esc(self.key)}"' if self.key else ""
        self.doc.raw(f"<section{attr}>")
        return self.doc

    def __exit__(self, *exc) -> None:
        self.doc.raw("</section>")


def sub(render) -> str:
    """The markup of a nested block: `sub(lambda d: d.md(...))`."""
    d = Doc()
    render(d)
    return d.html()
