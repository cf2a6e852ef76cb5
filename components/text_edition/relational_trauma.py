"""The text page of Relational trauma (/text/relational-trauma): what it is, every closeness style with
its picture in words, childhood and adulthood, every pattern path in order, prevalence and hope."""

from __future__ import annotations

from typing import TYPE_CHECKING

from components import trauma_healing as th_logic
from components.text_edition.doc import Doc, esc
from components.wording import small

if TYPE_CHECKING:
    from components.content.registry import Content


def render(content: Content, doc: Doc) -> None:
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
    doc.table(
        [{labels["trauma_aspect"]: r.aspect, cp.left_heading: r.left, cp.right_heading: r.right} for r in cp.rows]
    )
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
    doc.chart(
        rt.patterns_alt, labels["trauma_pattern_highlighted"].format(n=1), th_logic.pattern_rows(patterns, headings)
    )
    for n, path in enumerate(patterns, 1):  # every path in order (the app steps through them)
        title = labels["trauma_pattern_selected"].format(n=n) + (
            f" · ✓ {labels['trauma_pattern_protective']}" if path.protective else ""
        )
        doc.h(3, words.step.format(n=n, total=len(patterns), title=title))
        doc.md(f"**{headings[0]}:** {path.early} → **{headings[1]}:** {path.belief} → **{headings[2]}:** {path.adult}")
        doc.md(path.explanation).sources(content, path.sources)
    doc.note(rt.patterns_caveat)

    pv = rt.prevalence
    doc.h(3, pv.title, id=pv.id).p(f"**{pv.headline}**").md(pv.body).sources(content, pv.sources)
    for item in (rt.ptsd_vs_relational, rt.hope):
        doc.h(3, item.title, id=item.id).md(item.body).sources(content, item.sources)
    doc.raw(
        "<ul>"
        + "".join(f'<li><a href="{pid}">{esc(ui.pages[pid].title)}</a></li>' for pid in ("healing", "get-help"))
        + "</ul>"
    )
