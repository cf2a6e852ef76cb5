"""The text edition's therapy approaches and practitioners' views (the Heal section's two longer
pages), as the app pages show them; and `without`, a chart table minus one column, shared with
healthy_vs_toxic.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from components import perspectives as persp_logic
from components import therapies as therapy_logic
from components.text_edition.doc import Doc, esc
from components.wording import small

if TYPE_CHECKING:
    from components.content.registry import Content


def therapies(content: Content, doc: Doc) -> None:
    ui, labels, data = content.ui, content.ui.labels, content.therapies
    words = ui.text_edition
    facet = therapy_logic.facet_labels(data)
    doc.takeaway(content, data.takeaway).md(data.intro).note(data.not_advice)
    doc.raw(
        "<ul>"
        + "".join(
            f'<li><a href="{href}">{esc(text)}</a></li>'
            for href, text in (
                ("get-help", labels["therapies_get_help"]),
                ("get-help#leaving-safely", labels["leaving_safely_link"]),
            )
        )
        + "</ul>"
    )

    doc.h(2, labels["therapies_path_heading"], id="paths")
    for path in data.paths:  # the app shows the path chosen; here each, its approaches linked to their cards
        doc.h(3, path.title, id=f"path-{path.id}").p(f"**{labels['therapies_path_label']}:** {path.label}")
        doc.md(path.intro)
        doc.items(
            f"[**{a.name}**](#approach-{a.id}): {a.summary}" for a in therapy_logic.path_approaches(data, path.id)
        )
        if path.note:
            doc.note(path.note.text)
        if path.help_section:
            doc.raw(f'<p><a href="get-help#{path.help_section}">{esc(path.help_label)}</a></p>')
        doc.sources(content, list(dict.fromkeys([*path.sources, *(path.note.sources if path.note else [])])))

    doc.h(2, labels["therapies_browse_heading"], id="approaches").p(words.not_in_text)
    # What the app's filters choose between, as a key to the words on each card.
    for heading, values in (
        (labels["therapies_filter_for"], data.audiences),
        (labels["therapies_filter_format"], data.formats),
        (labels["therapies_filter_focus"], data.focuses),
        (labels["therapies_filter_evidence"], data.evidence_levels),
    ):
        doc.h(3, heading).items(f"**{v.label}.** {v.description}" for v in values)
    for a in data.approaches:  # every approach's card, in file order
        doc.h(3, a.name, id=f"approach-{a.id}").md(a.summary)
        doc.p(small(f"{labels['therapies_card_origin']}: {a.named_in}"))
        facts = [f"**{labels['therapies_card_for']}:** {', '.join(facet[x] for x in a.audiences)}"]
        if a.age_note:
            facts.append(f"**{labels['therapies_card_ages']}:** {a.age_note}")
        facts.append(f"**{labels['therapies_card_format']}:** {', '.join(facet[x] for x in a.formats)}")
        facts.append(f"**{labels['therapies_card_focus']}:** {', '.join(facet[x] for x in a.focus)}")
        doc.items(facts)
        for caution in a.cautions:  # safety first: cautions come before the description
            doc.note(caution.text)
        for key, text in (
            ("therapies_card_what", a.what_it_is),
            ("therapies_card_how", a.how_it_works),
            ("therapies_card_session", a.session),
            ("therapies_card_suits", a.suits),
        ):
            doc.h(4, labels[key]).md(text)
        doc.h(4, labels["therapies_card_length"]).md(a.length.text if a.length else labels["therapies_card_no_length"])
        doc.h(4, labels["therapies_card_evidence"]).md(f"**{facet[a.evidence.level]}.** {a.evidence.text}")
        doc.sources(content, therapy_logic.all_sources(a))

    doc.h(2, labels["therapies_map_heading"], id="map").md(data.map_title)
    every = tuple(a.id for a in data.approaches)  # the map with no filter: every approach shown
    doc.chart(
        data.map_alt,
        data.map_summary,
        without(therapy_logic.map_rows(data, every, labels), labels["therapies_col_shown"]),
    )  # no filters here

    doc.h(2, labels["therapies_questions_heading"], id="questions")
    for q in data.questions:
        doc.h(3, q.question, id=f"q-{q.id}").md(q.answer)
        if q.show_help_questions:
            doc.items(content.help.finding_a_therapist.questions_to_ask)
        doc.sources(content, q.sources)
    doc.raw(f'<p><a href="get-help">{esc(labels["therapies_get_help"])}</a></p>')


def perspectives(content: Content, doc: Doc) -> None:
    ui, labels, data = content.ui, content.ui.labels, content.perspectives
    condition_names = {c.id: c.label for c in data.conditions}
    person_names = {p.id: p.display_name for p in data.perspectives}
    doc.takeaway(content, data.takeaway).md(data.intro).note(data.about_sources)

    doc.h(2, labels["perspectives_spectrum_heading"], id="spectrum")
    doc.chart(
        labels["perspectives_spectrum_alt"].format(n=len(data.perspectives) - len(persp_logic.off_spectrum(data))),
        persp_logic.spectrum_summary(data, labels),
        persp_logic.spectrum_rows(data, labels),
    )

    doc.h(2, labels["perspectives_differ_heading"], id="differ").md(labels["perspectives_differ_intro"])
    for diff in data.differences:
        doc.h(3, diff.question, id=diff.id)
        doc.items(
            f"{side.view} (" + "; ".join(person_names[pid] for pid in side.perspectives) + ")" for side in diff.sides
        )
        doc.sources(content, diff.sources)

    doc.h(2, labels["perspectives_conditions_heading"], id="conditions")
    doc.chart(
        labels["perspectives_conditions_alt"].format(
            n=len(data.conditions), total=len(persp_logic.practitioners(data))
        ),
        persp_logic.conditions_summary(data),
        persp_logic.conditions_rows(data, labels),
    )
    doc.raw(f'<p><a href="get-help">{esc(ui.safety_link)}</a></p>')
    doc.note(data.safety_note)

    def card(p) -> None:
        stance = persp_logic.stance_of(data, p)
        who = " · ".join(x for x in (labels[f"perspectives_kind_{p.kind}"], p.credentials, p.role, p.organisation) if x)
        doc.h(3, p.display_name, id=p.id).p(small(who))
        doc.p(f"**{labels['perspectives_stance']}: {stance.label if stance else labels['perspectives_no_stance']}**")
        doc.md(p.stance_summary)
        doc.p(f"**{labels['perspectives_conditions_named']}**")
        if p.conditions:
            doc.items(condition_names[c] for c in p.conditions)
        else:
            doc.p(labels["perspectives_no_conditions"])
        doc.p(f"**{labels['perspectives_key_advice']}**").items(p.key_advice).sources(content, p.sources)
        if persp_logic.needs_couples_caveat(p):
            doc.note(data.couples_caveat)
        if p.framing_note:
            doc.note(f"{p.framing_note}\n\n{data.framing_rule}")

    doc.h(2, labels["perspectives_cards_heading"], id="practitioners")
    for p in persp_logic.practitioners(data):
        card(p)
    doc.h(2, labels["perspectives_others_heading"], id="other-articles")
    for p in persp_logic.other_voices(data):
        card(p)


def without(rows: list[dict], column: str) -> list[dict]:
    """A chart's table without a column that describes the app's drawing at this moment (what the
    filters or the stepper show now): on a page with neither, it would say the same in every row."""
    return [{k: v for k, v in row.items() if k != column} for row in rows]
