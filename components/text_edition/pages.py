"""What each text page says, in the app page's order, from the same models and the same helpers
(the charts' words, the helplines' lines) as pages/*.py. One function per page: `render(content, doc)`.

Where the app steps through something, every step is here in order; where it draws a chart, its
name, its words and its table are here; where it hides an answer until asked, a <details> holds it.
"""

from __future__ import annotations

from collections.abc import Callable

from components import cycle as cycle_logic
from components.help import helpline_text, number_line
from components.navigation import PAGES, pages_citing
from components.page_kit import union_sources
from components.text import small
from components.text_edition.doc import Doc, sub

Renderer = Callable[[object, Doc], None]


def welcome(content, doc: Doc) -> None:
    ui, w = content.ui, content.welcome
    doc.md(ui.tagline).md(w.intro).note(w.not_diagnosis)
    doc.h(2, ui.labels["welcome_ways_heading"])
    known = {p.id for p in PAGES if p.id in TEXT_PAGES}
    for way in w.ways_in:
        doc.h(3, way.title).md(way.body)
        doc.raw("<ul>" + "".join(f'<li><a href="{pid}">{_esc(ui.pages[pid].title)}</a></li>'
                                 for pid in way.pages if pid in known) + "</ul>")
    doc.h(2, ui.labels["welcome_audience_heading"])
    for audience in w.audiences:
        doc.h(3, audience.title).md(audience.body)
    doc.md(w.privacy).md(w.about_sources)


def get_help(content, doc: Doc) -> None:
    ui, h = content.ui, content.help
    labels, published = ui.labels, h.published_on.isoformat()
    regions = [r for r in h.regions if any(line.region == r.id for line in h.helplines)]
    doc.h(2, labels["help_immediate_heading"], id="immediate-danger").md(h.immediate_danger.intro)
    doc.md("\n".join(number_line(n, labels, published) for n in h.immediate_danger.numbers))
    doc.h(2, labels["help_lines_heading"], id="helplines")
    # Every region one tap away, before the long list.
    doc.raw(f'<nav aria-label="{_esc(labels["help_region"])}"><ul>'
            + "".join(f'<li><a href="#region-{r.id}">{_esc(r.name)}</a></li>' for r in regions) + "</ul></nav>")
    for region in regions:
        doc.h(3, region.name, id=f"region-{region.id}")
        for line in (x for x in h.helplines if x.region == region.id):
            doc.h(4, line.name).md(helpline_text(line, labels, published))
            if line.status != "seen" or line.status_note:
                doc.p(f"**{labels['help_flag']}** ({labels['status_' + line.status]}). {line.status_note or ''}")
    doc.md(h.check_local_note).md(h.not_yet_listed).p(small(h.published_how))
    leaving = h.leaving_safely
    doc.h(2, leaving.heading, id="leaving-safely").md(leaving.intro)
    for point in leaving.points:
        doc.term(point.title, point.body).sources(content, point.sources)
    doc.h(2, labels["help_therapist_heading"]).md(h.finding_a_therapist.intro)
    for step in h.finding_a_therapist.steps:
        doc.h(3, step.title).md(step.body).sources(content, step.sources)
    doc.h(3, labels["help_questions_heading"]).items(h.finding_a_therapist.questions_to_ask)
    doc.h(2, labels["help_exit_heading"]).md(h.quick_exit.why).md(h.after_exit_note)
    doc.md(getattr(h.quick_exit.back_note, h.quick_exit.history))


def glossary(content, doc: Doc) -> None:
    ui = content.ui
    terms = sorted(content.glossary.terms, key=lambda t: t.term.lower())
    by_id = {t.id: t for t in terms}
    doc.md(ui.pages["glossary"].description)
    for term in terms:
        doc.h(2, term.term, id=term.id).md(term.definition)
        if term.see_also:
            doc.raw(f"<p>{_esc(ui.labels['glossary_see_also'])}: "
                    + ", ".join(f'<a href="#{s}">{_esc(by_id[s].term)}</a>' for s in term.see_also) + "</p>")
        doc.sources(content, term.sources)


def sources(content, doc: Doc) -> None:
    ui, labels = content.ui, content.ui.labels
    cited_on = pages_citing(content)
    doc.md(ui.pages["sources"].description)
    for src in content.sources.sources:
        doc.h(2, src.title, id=src.id)
        byline = ", ".join(str(x) for x in (src.author, src.publisher, src.year) if x)
        doc.p(f"**{labels[f'source_kind_{src.kind}']}**" + (f" · {byline}" if byline else ""))
        doc.md(src.summary)
        if src.url:
            doc.p(src.url)
        if src.cited_in:
            doc.p(small(f"{labels['sources_cited_in']}: " + "; ".join(content.sources_by_id[c].title for c in src.cited_in)))
        pages = cited_on.get(src.id)
        doc.p(small(f"{labels['sources_cited_on']}: {', '.join(pages)}" if pages else labels["sources_not_cited"]))
        if src.caution:
            doc.note(src.caution)


def cycle(content, doc: Doc) -> None:
    ui, labels, cy = content.ui, content.ui.labels, content.cycle
    words = ui.text_edition
    doc.md(cy.intro)
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
    doc.raw(f'<p><a href="get-help#leaving-safely">{_esc(labels["leaving_safely_link"])}</a></p>')
    rs = cy.reasons
    doc.h(3, rs.heading, id="six-reasons").md(rs.intro).p(small(rs.caution))
    for reason in rs.reasons:
        doc.h(4, reason.title).md(reason.body).sources(content, reason.sources)
    doc.md(rs.link_intro)
    doc.raw(f'<p><a href="healthy-vs-toxic">{_esc(ui.pages["healthy-vs-toxic"].title)}</a></p>')


def _esc(text: str) -> str:
    from components.text_edition.doc import esc

    return esc(text)


# page id -> renderer; the order of the index. run-session is the facilitator's tool, app only.
TEXT_PAGES: dict[str, Renderer] = {
    "welcome": welcome,
    "cycle": cycle,
    "get-help": get_help,
    "glossary": glossary,
    "sources": sources,
}
