"""The text edition's Get help: the emergency numbers (the reader's own first), then every region's lines
by kind, the reader's region first (`doc.reader_region`, from the request's Accept-Language; see
serve.py), so #crisis and #under-18, the safety line's links, go to that region's crisis and youth
lines; then leaving safely, finding a therapist and what the exit does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from components.help import KIND_ANCHORS, LINE_KINDS, helpline_text, number_line, numbers_first, serves
from components.text_edition.doc import Doc, esc, markdown
from components.wording import small

if TYPE_CHECKING:
    from components.content.registry import Content


def render(content: Content, doc: Doc) -> None:
    ui, h = content.ui, content.help
    labels, published = ui.labels, h.published_on.isoformat()
    regions = [r for r in h.regions if any(serves(line, r.id) for line in h.helplines)]
    # The reader's own region first (from the browser's language, read by the server), its numbers at the top.
    regions.sort(key=lambda r: r.id != doc.reader_region)
    first, others = numbers_first(h, doc.reader_region or "all")
    doc.h(2, labels["help_immediate_heading"], id="immediate-danger").md(h.immediate_danger.intro)
    doc.md("\n".join(number_line(n, labels, published) for n in [*first, *others]))
    doc.h(2, labels["help_lines_heading"], id="helplines")
    # Every region one tap away, before the long list.
    doc.raw(
        f'<nav aria-label="{esc(labels["help_region"])}"><ul>'
        + "".join(f'<li><a href="#region-{r.id}">{esc(r.name)}</a></li>' for r in regions)
        + "</ul></nav>"
    )
    intros = {"crisis": h.crisis_intro, "youth": h.youth_intro}
    anchored: set[str] = set()  # #crisis and #under-18 (the safety line's links) go to the first region's
    for region in regions:
        doc.h(3, region.name, id=f"region-{region.id}")
        for kind in LINE_KINDS:
            lines = [x for x in h.helplines if x.kind == kind and serves(x, region.id)]
            if not lines:
                continue
            anchor = KIND_ANCHORS[kind]
            doc.h(4, labels[f"help_kind_{kind}"], id=anchor if anchor not in anchored else f"{region.id}-{anchor}")
            anchored.add(anchor)
            if kind in intros:
                doc.md(intros.pop(kind))  # said once, at its first section
            for line in lines:
                doc.h(5, line.name).md(helpline_text(line, labels, published))
                if line.status != "seen" or line.status_note:
                    doc.p(f"**{labels['help_flag']}** ({labels['status_' + line.status]}). {line.status_note or ''}")
    doc.md(h.check_local_note).md(h.crisis_step).p(small(h.published_how))
    leaving = h.leaving_safely
    doc.h(2, leaving.heading, id="leaving-safely").md(leaving.intro)
    for point in leaving.points:
        doc.term(point.title, point.body).sources(content, point.sources)
    doc.h(2, labels["help_therapist_heading"]).md(h.finding_a_therapist.intro)
    for step in h.finding_a_therapist.steps:
        doc.h(3, step.title).md(step.body).sources(content, step.sources)
    doc.h(3, labels["help_questions_heading"]).items(h.finding_a_therapist.questions_to_ask)
    doc.h(2, labels["help_exit_heading"]).md(h.quick_exit.why).md(h.after_exit_note)
    # What Back does: the setting's note where the exit's script runs; where JavaScript is off the exit is a
    # plain link and Back comes back here, so that case's note instead (quick_exit.NO_SCRIPT_STYLE hides .hb-js-only then).
    notes = h.quick_exit.back_note
    doc.raw(f'<div class="hb-js-only">{markdown(getattr(notes, h.quick_exit.history))}</div>')
    doc.raw(f'<noscript><div class="hb-no-js">{markdown(notes.no_script)}</div></noscript>')
