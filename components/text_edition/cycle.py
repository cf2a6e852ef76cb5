"""The text page of the cycle (/text/cycle): each model of the cycle with every phase in order, the
over-time and highs-and-lows charts in words at their default settings, the seven stages, the
research view, why it is hard to leave, then the next step (as the app ends the page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from components import cycle as cycle_logic
from components.text_edition.doc import Doc, esc
from components.text_edition.next_step import read_on as next_step_read_on
from components.text_edition.next_step import render as next_step_render
from components.wording import small, union_sources

if TYPE_CHECKING:
    from components.content.registry import Content


def render(content: Content, doc: Doc) -> None:
    ui, labels, cy = content.ui, content.ui.labels, content.cycle
    words = ui.text_edition
    doc.takeaway(content, cy.takeaway).md(cy.intro)
    sec = cy.cycle
    doc.h(2, sec.heading, id="the-cycle").md(sec.intro)
    for version in sec.versions:
        doc.h(3, version.name, id=f"model-{version.id}").md(version.intro)
        alt, summary, rows = cycle_logic.cycle_words(cy, version, 0, labels)
        doc.chart(alt, summary, rows)
        for n, phase in enumerate(version.phases, 1):
            doc.h(4, words.step.format(n=n, total=len(version.phases), title=phase.title))
            doc.term(labels["cycle_what_happens"], phase.what_happens)
            doc.term(labels["cycle_feels_like"], phase.feels_like)
            doc.term(labels["cycle_why_it_holds"], phase.why_it_holds)
            doc.sources(content, phase.sources)
    doc.h(3, sec.caveats_heading).items(f"**{c.title}.** {c.body}" for c in sec.caveats)
    doc.sources(content, union_sources(sec.caveats))

    ot = cy.over_time
    doc.h(2, ot.heading, id="over-time").md(ot.intro).note(ot.illustration_note)
    version = sec.versions[0]
    for week in (1, ot.weeks):
        doc.chart(*cycle_logic.over_time_words(cy, version, week, labels))
    doc.sources(content, ot.sources)

    sb = cy.sandbox
    doc.h(2, sb.heading, id="highs-and-lows").md(sb.intro).note(sb.not_measurement)
    doc.p(words.not_in_text)
    alt, summary, rows, direction = cycle_logic.sandbox_words(cy, cycle_logic.SANDBOX_DEFAULTS, labels)
    doc.chart(alt, summary, rows)
    doc.md(sb.outcomes[direction]).md(sb.explanation).sources(content, sb.sources)
    hl = cy.highs_lows
    doc.h(3, hl.heading, id="why-the-lows-do-not-break-the-bond").md(hl.intro)
    doc.items(f"**{p.title}.** {p.body}" for p in hl.points).sources(content, hl.sources)

    stg = cy.stages
    doc.h(2, stg.heading, id="seven-stages").note(stg.popular_model_note).md(stg.intro)
    doc.chart(*cycle_logic.stage_words(cy, 0, labels))
    for n, stage in enumerate(stg.stages, 1):
        doc.h(3, words.step.format(n=n, total=len(stg.stages), title=stage.title)).md(stage.body)
        doc.term(labels["cycle_feels_like"], stage.feels_like).sources(content, stage.sources)
    rv = cy.research
    doc.h(3, rv.heading, id="research-view").md(rv.intro)
    for cond in rv.conditions:
        doc.h(4, cond.title).md(cond.body)
    doc.note(rv.takeaway).sources(content, rv.sources)

    end = cy.ending
    doc.h(2, end.heading, id="when-it-ends").note(end.personal_account_note).md(end.intro)
    for point in end.points:
        doc.term(point.title, point.body)
    doc.sources(content, end.sources).md(end.safety_note)
    doc.raw(f'<p><a href="get-help#leaving-safely">{esc(labels["leaving_safely_link"])}</a></p>')
    rs = cy.reasons
    doc.h(3, rs.heading, id="six-reasons").md(rs.intro).p(small(rs.caution))
    for reason in rs.reasons:
        doc.h(4, reason.title).md(reason.body).sources(content, reason.sources)
    next_step_read_on(content, doc, rs.link_intro, ("healthy-vs-toxic", "healing", "therapies"))
    next_step_render(content, doc)  # as the app: what next, and where the lines are
