"""The text page of Healing (/text/healing): every step in order, moving forward, trust, communication,
the signs cards, the self-concept areas as questions to think over on paper, and grounding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from components.text_edition.doc import Doc, esc
from components.wording import small, union_sources

if TYPE_CHECKING:
    from components.content.registry import Content


def render(content: Content, doc: Doc) -> None:
    ui, labels, heal = content.ui, content.ui.labels, content.healing
    words = ui.text_edition
    doc.takeaway(content, heal.takeaway).md(heal.intro)
    doc.raw(f'<p><a href="get-help#leaving-safely">{esc(labels["leaving_safely_link"])}</a></p>')
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

    doc.h(2, heal.communication_heading, id="communication").md(heal.communication_intro).note(
        heal.communication_caution
    )
    for tip in heal.communication:
        doc.h(3, tip.title).md(tip.body)
        if tip.instead_of and tip.try_saying:
            doc.md(
                f"✕ **{labels['healing_instead_of']}:** {tip.instead_of}  \n"
                f"✓ **{labels['healing_try_saying']}:** {tip.try_saying}"
            )
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
    doc.raw(f'<p><a href="get-help">{esc(ui.pages["get-help"].title)}</a></p>')
