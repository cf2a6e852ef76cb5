"""The text page of Healthy vs toxic (/text/healthy-vs-toxic): every part of the app's picker in its
order, each a section (compare, the wheel, the signs, the sorter, healing together), then the next step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from components import comparison as hvt_logic
from components.models.comparison import LEVEL_ORDER
from components.text_edition.doc import Doc, esc, sub
from components.text_edition.heal import without
from components.text_edition.next_step import render as next_step_render
from components.wording import small, union_sources

if TYPE_CHECKING:
    from components.content.registry import Content


def render(content: Content, doc: Doc) -> None:
    """The app shows one part at a time (a picker); here every part in the picker's order, each a section."""
    ui, labels, comp, scen = content.ui, content.ui.labels, content.comparison, content.scenarios
    words = ui.text_edition
    names = hvt_logic.level_names(comp.spectrum)  # "✓ Healthy": never the colour alone
    titles: dict[str, str] = {s.level: s.title for s in comp.spectrum}
    doc.takeaway(content, comp.takeaway)
    doc.md(comp.intro)
    doc.raw(
        f'<nav aria-label="{esc(labels["hvt_part_label"])}"><ul>'
        + "".join(f'<li><a href="#{p}">{esc(labels[f"hvt_part_{p}"])}</a></li>' for p in hvt_logic.PARTS)
        + "</ul></nav>"
    )

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
        doc.chart(alt, summary, without(rows, labels["hvt_col_shown"]))  # what the app's drawing shows now
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
        doc.raw(f'<p><a href="get-help">{esc(labels["hvt_get_help"])}</a></p>')
    next_step_render(content, doc)  # as the app's side by side, forms and signs, and sorter end
