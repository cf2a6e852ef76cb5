"""The "Does this sound familiar?" step on the text pages (the app's is components/next_step.py), from
the same words (help.yaml `next_step:`) and helpers (components/next_step_lines.py). A text page
cannot know where its reader is: it names every emergency number briefly, each a tel: link, and
links Get help's sections for the lines (crisis, under 18) and the page for friends and family.

- `render(content, doc)`: the step, last on the cycle and Healthy vs toxic pages.
- `read_on(content, doc, intro, page_ids)`: an introduction and a link to each of those text pages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from components import next_step_lines as lines
from components.text_edition.doc import Doc, esc, markdown_inline
from components.wording import union_sources

if TYPE_CHECKING:
    from components.content.registry import Content

ANCHOR = "next-step"  # the same id as the app's heading (components/next_step.py)


def _link(href: str, text: str) -> str:
    return f'<a href="{esc(href)}">{esc(text)}</a>'


def render(content: Content, doc: Doc) -> None:
    help_, labels = content.help, content.ui.labels
    words = help_.next_step
    with doc.section(ANCHOR):
        doc.h(2, words.heading).md(words.intro)
        doc.md(lines.steps_text(help_)).sources(content, union_sources(words.steps))
        entries = []
        for row in lines.rows(help_, "all", labels):  # 'all': every number; each kind of line on Get help
            if row.section is None:
                entries.append(markdown_inline(row.text))
            else:  # the name of Get help's section that lists that kind of line, as a link to it
                href = "get-help" + (f"#{row.anchor}" if row.anchor else "")
                entries.append(_link(href, labels[row.section]))
        doc.raw("<ul>" + "".join(f"<li>{e}</li>" for e in entries) + "</ul>")
        doc.raw(f"<p>{_link('get-help', words.get_help)}</p>")
        doc.raw(f"<p>{_link('worried-about-someone', words.friends)}</p>")


def read_on(content: Content, doc: Doc, intro: str, page_ids: Sequence[str]) -> None:
    doc.md(intro)
    doc.raw("<ul>" + "".join(f"<li>{_link(pid, content.ui.pages[pid].title)}</li>" for pid in page_ids) + "</ul>")
