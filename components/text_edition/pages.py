"""What each text page says, in the app page's order, from the same models and the same helpers
(the charts' words, the helplines' lines) as pages/*.py. One function per page: `render(content, doc)`.

Where the app steps through something, every step is here in order; where it draws a chart, its
name, its words and its table are here; where it hides an answer until asked, a <details> holds it.
"""

from __future__ import annotations

from collections.abc import Callable

from components import comparison as hvt_logic
from components import cycle as cycle_logic
from components import trauma_healing as th_logic
from components.models.comparison import LEVEL_ORDER
from components.navigation import PAGES, pages_citing
from components.page_kit import union_sources
from components.text import small, source_lines
from components.text_edition.get_help import render as get_help
from components.text_edition.heal import perspectives, therapies, without as _without
from components.text_edition.worried import render as worried_about_someone
from components.text_edition.next_step import read_on as next_step_read_on
from components.text_edition.next_step import render as next_step_render
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
    ui = content.ui
    cited_on = pages_citing(content)
    doc.md(ui.pages["sources"].description)
    for src in content.sources.sources:
        doc.h(2, src.title, id=src.id)
        for line in source_lines(content, src, cited_on.get(src.id)):
            doc.md(line)
        if src.caution:
            doc.note(src.caution)


def cycle(content, doc: Doc) -> None:
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
    doc.raw(f'<p><a href="get-help#leaving-safely">{_esc(labels["leaving_safely_link"])}</a></p>')
    rs = cy.reasons
    doc.h(3, rs.heading, id="six-reasons").md(rs.intro).p(small(rs.caution))
    for reason in rs.reasons:
        doc.h(4, reason.title).md(reason.body).sources(content, reason.sources)
    next_step_read_on(content, doc, rs.link_intro, ("healthy-vs-toxic", "healing", "therapies"))
    next_step_render(content, doc)  # as the app: what next, and where the lines are


def healthy_vs_toxic(content, doc: Doc) -> None:
    """The app shows one part at a time (a picker); here every part in the picker's order, each a section."""
    ui, labels, comp, scen = content.ui, content.ui.labels, content.comparison, content.scenarios
    words = ui.text_edition
    names = hvt_logic.level_names(comp.spectrum)  # "✓ Healthy": never the colour alone
    titles = {s.level: s.title for s in comp.spectrum}
    doc.takeaway(content, comp.takeaway)
    doc.md(comp.intro)
    doc.raw(f'<nav aria-label="{_esc(labels["hvt_part_label"])}"><ul>'
            + "".join(f'<li><a href="#{p}">{_esc(labels[f"hvt_part_{p}"])}</a></li>' for p in hvt_logic.PARTS)
            + "</ul></nav>")

    with doc.section("compare"):
        doc.h(2, labels["hvt_spectrum_heading"])
        doc.items(f"**{names[level.level]}.** {level.summary}" for level in comp.spectrum)
        doc.note(f"**{comp.spectrum_note.title}.** {comp.spectrum_note.body}")
        doc.sources(content, union_sources([*comp.spectrum, comp.spectrum_note]))
        doc.h(2, labels["hvt_compare_heading"])
        for d in comp.dimensions:  # every dimension, all three columns revealed
            doc.h(3, d.title, id=d.id).p(small(d.question))
            doc.items(f"**{names[level]}.** {getattr(d, level)}" for level in LEVEL_ORDER)
            doc.sources(content, d.sources)

    with doc.section("wheel"):
        wheel, spokes = comp.wheel, comp.wheel.spokes
        doc.h(2, labels["hvt_wheel_heading"]).md(wheel.intro)
        alt, summary, rows = hvt_logic.wheel_words(wheel, 0, False, names, labels)  # as the app opens: none flipped
        doc.chart(alt, summary, _without(rows, labels["hvt_col_shown"]))  # what the app's drawing shows now
        for n, spoke in enumerate(spokes, 1):  # each spoke, its control side, then flipped to equality
            doc.h(3, words.step.format(n=n, total=len(spokes), title=spoke.control))
            control, equality = hvt_logic.spoke_lines(spoke, False, labels), hvt_logic.spoke_lines(spoke, True, labels)
            doc.h(4, f"✕ {labels['hvt_side_control']}: {spoke.control}")  # the marks of wheel_words' table
            for text in control[:-1]:
                doc.md(text)
            doc.h(4, f"✓ {labels['hvt_side_equality']}: {spoke.equality}")
            for text in equality[:-1]:
                doc.md(text)
            doc.md(control[-1]).sources(content, spoke.sources)  # the question to discuss, once
        doc.h(3, labels["hvt_credit_heading"]).md(wheel.credit).sources(content, wheel.sources)

    with doc.section("signs"):
        doc.h(2, labels["hvt_forms_heading"]).md(comp.forms_intro)
        for form in comp.forms_of_abuse:
            doc.h(3, form.title, id=form.id).md(form.description).items(form.examples)
        doc.sources(content, union_sources(comp.forms_of_abuse))
        for heading, intro, signs in hvt_logic.sign_groups(comp, labels):  # the less overt signs, then teen dating
            doc.h(2, heading).md(intro).items(hvt_logic.sign_items(signs)).sources(content, union_sources(signs))

    with doc.section("sorter"):
        doc.h(2, labels["hvt_sorter_heading"]).md(scen.intro)
        doc.term(labels["hvt_mode_room"], scen.facilitator_intro)
        scenes = scen.scenarios

        def where(d: Doc, s) -> None:  # what the app reveals once a scene is placed
            placements, reasons = hvt_logic.reveal_lines(s, None, names, labels)
            for text in placements:
                d.md(text)
            d.chart(*hvt_logic.spectrum_words(hvt_logic.spectrum_marks(None, s.level, labels), titles, labels))
            for text in reasons:
                d.md(text)
            d.sources(content, s.sources)

        for n, s in enumerate(scenes, 1):
            doc.h(3, f"{labels['hvt_scene_of'].format(n=n, total=len(scenes))}: {s.title}", id=f"scene-{s.id}")
            doc.md(s.vignette)
            doc.details(words.sorter_where, sub(lambda d, s=s: where(d, s)))

    with doc.section("heal"):
        repair = comp.repair
        doc.h(2, labels["hvt_heal_heading"]).md(repair.intro).note(repair.not_a_verdict)
        doc.h(3, labels["hvt_views_heading"])
        for view in repair.views:
            doc.h(4, view.title).md(view.body).sources(content, view.sources)
        doc.h(3, labels["hvt_conditions_heading"])
        for cond in repair.conditions:  # the app shows the chosen one; here every one
            doc.h(4, cond.title, id=cond.id)
            for text in hvt_logic.condition_lines(cond, labels):
                doc.md(text)
            doc.sources(content, cond.sources)
        doc.note(f"**{repair.not_staying.title}.** {repair.not_staying.body}")
        doc.sources(content, repair.not_staying.sources)
        doc.note(repair.safety)  # always the last thing: safety, and the way to help
        doc.raw(f'<p><a href="get-help">{_esc(labels["hvt_get_help"])}</a></p>')
    next_step_render(content, doc)  # as the app's side by side, forms and signs, and sorter end


def relational_trauma(content, doc: Doc) -> None:
    ui, labels, rt = content.ui, content.ui.labels, content.relational_trauma
    words = ui.text_edition
    doc.takeaway(content, rt.takeaway).md(rt.intro)
    for item in (rt.what_it_is, rt.inner_dialogue):  # subheaders straight under the title: h2 here
        doc.h(2, item.title, id=item.id).md(item.body).sources(content, item.sources)

    doc.h(2, rt.closeness_heading, id="closeness").md(rt.closeness_intro)
    for style in rt.closeness:  # the app draws the chosen style; here each, with its picture in words
        pic = th_logic.closeness_chart(rt, labels, style.id)
        doc.h(3, ("✓ " if style.protective else "") + style.title, id=f"closeness-{style.id}").p(small(style.tagline))
        doc.chart(style.alt, f"{style.picture}\n\n**{pic.boundaries_label}:** {pic.boundaries}. {pic.verdict}.")
        doc.term(labels["trauma_closeness_what"], style.what_it_is)
        doc.term(labels["trauma_closeness_child"], style.what_a_child_may_learn)
        doc.term(labels["trauma_closeness_later"], style.later_on)
        if style.protective:
            doc.note(f"**{labels['trauma_closeness_protective']}**")
        doc.sources(content, style.sources)

    ch, causes = rt.childhood, rt.childhood_causes
    doc.h(2, ch.title, id=ch.id).md(ch.body)
    doc.h(3, causes.title).md(causes.intro).items(causes.items)
    doc.sources(content, ch.sources + [s for s in causes.sources if s not in ch.sources])
    doc.h(2, rt.adulthood.title, id=rt.adulthood.id).md(rt.adulthood.body).sources(content, rt.adulthood.sources)
    cp = rt.cptsd
    doc.h(3, cp.title, id=cp.id).md(cp.intro)
    doc.table([{labels["trauma_aspect"]: r.aspect, cp.left_heading: r.left, cp.right_heading: r.right} for r in cp.rows])
    if cp.note:
        doc.p(small(cp.note))
    doc.sources(content, cp.sources)

    doc.h(2, rt.effects_heading, id="effects")
    for group in rt.effects:
        doc.h(3, group.title, id=group.id).md(group.intro).items(group.items).md(group.note)
        doc.sources(content, group.sources)

    doc.h(2, rt.patterns_heading, id="patterns").md(rt.patterns_intro)
    patterns = rt.patterns
    headings = (labels["trauma_pattern_early"], labels["trauma_pattern_belief"], labels["trauma_pattern_adult"])
    doc.chart(rt.patterns_alt, labels["trauma_pattern_highlighted"].format(n=1), th_logic.pattern_rows(patterns, headings))
    for n, path in enumerate(patterns, 1):  # every path in order (the app steps through them)
        title = labels["trauma_pattern_selected"].format(n=n) + (
            f" · ✓ {labels['trauma_pattern_protective']}" if path.protective else "")
        doc.h(3, words.step.format(n=n, total=len(patterns), title=title))
        doc.md(f"**{headings[0]}:** {path.early} → **{headings[1]}:** {path.belief} → **{headings[2]}:** {path.adult}")
        doc.md(path.explanation).sources(content, path.sources)
    doc.note(rt.patterns_caveat)

    pv = rt.prevalence
    doc.h(3, pv.title, id=pv.id).p(f"**{pv.headline}**").md(pv.body).sources(content, pv.sources)
    for item in (rt.ptsd_vs_relational, rt.hope):
        doc.h(3, item.title, id=item.id).md(item.body).sources(content, item.sources)
    doc.raw("<ul>" + "".join(f'<li><a href="{pid}">{_esc(ui.pages[pid].title)}</a></li>'
                             for pid in ("healing", "get-help")) + "</ul>")


def healing(content, doc: Doc) -> None:
    ui, labels, heal = content.ui, content.ui.labels, content.healing
    words = ui.text_edition
    doc.takeaway(content, heal.takeaway).md(heal.intro)
    doc.raw(f'<p><a href="get-help#leaving-safely">{_esc(labels["leaving_safely_link"])}</a></p>')
    doc.term(heal.not_quick.title, heal.not_quick.body).sources(content, heal.not_quick.sources)

    doc.h(2, heal.steps_heading, id="steps").md(heal.steps_intro)
    for n, step in enumerate(heal.steps, 1):  # every step in order (the app shows one at a time)
        doc.h(3, words.step.format(n=n, total=len(heal.steps), title=step.title)).p(f"**{step.summary}**")
        doc.md(step.body)
        if step.remember:
            doc.note(f"**{labels['healing_step_remember']}:** {step.remember}")
        doc.p(f"**{labels['healing_step_try']}**").items(step.try_this).sources(content, step.sources)

    doc.h(2, heal.moving_forward_heading, id="moving-forward").md(heal.moving_forward_intro)
    for point in heal.moving_forward:
        doc.h(3, point.title).md(point.body)
    doc.sources(content, union_sources(heal.moving_forward))
    doc.h(2, heal.trust_heading, id="trust")
    for point in heal.trust:
        doc.h(3, point.title).md(point.body).sources(content, point.sources)

    doc.h(2, heal.communication_heading, id="communication").md(heal.communication_intro).note(heal.communication_caution)
    for tip in heal.communication:
        doc.h(3, tip.title).md(tip.body)
        if tip.instead_of and tip.try_saying:
            doc.md(f"✕ **{labels['healing_instead_of']}:** {tip.instead_of}  \n"
                   f"✓ **{labels['healing_try_saying']}:** {tip.try_saying}")
    doc.sources(content, union_sources(heal.communication))

    for signs in (heal.trauma_signs, heal.codependency):  # cards with their own anchors: sections here
        doc.h(2, signs.title, id=signs.id).md(signs.intro).items(signs.items)
        if signs.note:
            doc.p(small(signs.note))
        doc.sources(content, signs.sources)

    sc = heal.self_concept
    doc.h(2, sc.title, id="self-concept").md(sc.intro).p(words.not_in_text).note(sc.disclaimer)
    # No sliders and no radar here: the six areas and their questions, to think over on paper.
    doc.p(small(f"{sc.scale_low} · {sc.scale_high}"))
    doc.items(f"**{a.name}.** {a.covers} {a.prompt}" for a in sc.areas)
    doc.md(sc.after).sources(content, sc.sources)

    g = heal.grounding
    doc.h(2, g.title, id=g.id).md(g.intro)
    doc.md("\n".join(f"{i}. **{s.title}.** {s.body}" for i, s in enumerate(g.steps, start=1)))
    doc.md(g.closing).sources(content, g.sources)
    doc.raw(f'<p><a href="get-help">{_esc(ui.pages["get-help"].title)}</a></p>')


def _esc(text: str) -> str:
    from components.text_edition.doc import esc

    return esc(text)


# page id -> renderer; the order of the index. run-session is the facilitator's tool, app only.
TEXT_PAGES: dict[str, Renderer] = {
    "welcome": welcome,
    "cycle": cycle,
    "healthy-vs-toxic": healthy_vs_toxic,
    "relational-trauma": relational_trauma,
    "healing": healing,
    "therapies": therapies,
    "perspectives": perspectives,
    "get-help": get_help,
    "worried-about-someone": worried_about_someone,
    "glossary": glossary,
    "sources": sources,
}
