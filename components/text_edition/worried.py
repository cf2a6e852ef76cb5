"""The text page of Worried about someone (/text/worried-about-someone): every point of
content/helping.yaml in order with its sources, each disagreement between sources in a note of its
own, the link to Get help's Leaving safely, the practice scenes (What could you say?, from
components/text_edition/practice.py), then the lines for every region (a text page has no browser
language to pick one: each region is one tap away), and the next step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from components.help import helpline_text, number_line
from components.helping import regions_with_lines
from components.text_edition.doc import Doc, esc
from components.text_edition.practice import practice_text

if TYPE_CHECKING:
    from components.content.registry import Content


def render(content: Content, doc: Doc) -> None:
    ui, helping, help_ = content.ui, content.helping, content.help
    labels, published = ui.labels, help_.published_on.isoformat()
    doc.takeaway(content, helping.takeaway).md(helping.intro)
    for section in helping.sections:
        doc.h(2, section.heading, id=section.id).md(section.intro)
        for point in section.points:
            doc.h(3, point.title, id=point.id).md(point.body).note(point.sources_differ)
            doc.sources(content, point.sources)
        if section.id == "safety":
            doc.raw(f'<p><a href="get-help#leaving-safely">{esc(labels["leaving_safely_link"])}</a></p>')
    practice_text(content, doc)  # What could you say? (where the app shows it: before the lines)

    lines = helping.lines
    doc.h(2, lines.heading, id="lines").md(lines.intro)
    found = regions_with_lines(help_)
    names = {r.id: r.name for r in help_.regions}
    doc.raw(
        f'<nav aria-label="{esc(labels["help_region"])}"><ul>'
        + "".join(f'<li><a href="#lines-{f.region}">{esc(names[f.region])}</a></li>' for f in found)
        + "</ul></nav>"
    )
    for f in found:
        doc.h(3, names[f.region], id=f"lines-{f.region}")
        if f.numbers:
            doc.h(4, labels["help_immediate_heading"])
            doc.md("\n".join(number_line(n, labels, published) for n in f.numbers))
        for kind, line in (("crisis", f.crisis), ("youth", f.youth)):
            if line is not None:
                doc.h(4, labels[f"help_kind_{kind}"]).h(5, line.name).md(helpline_text(line, labels, published))
        if f.crisis is None:
            doc.md(help_.crisis_step)
        doc.h(4, lines.friends_heading)
        for line in f.friends:
            doc.h(5, line.name).md(helpline_text(line, labels, published))
        if not f.friends:
            doc.md(labels["worried_no_friends_line"])

    doc.h(2, helping.next_step.heading, id="next").md(helping.next_step.body)
    doc.raw(
        "<ul>"
        + "".join(
            f'<li><a href="{pid}">{esc(ui.pages[pid].title)}</a></li>' for pid in ("get-help", "healthy-vs-toxic")
        )
        + "</ul>"
    )
