"""What practitioners say: can a toxic relationship heal? A card per voice, their stances on a
spectrum, the conditions they name, and where they differ. `?condition=<id>` filters the cards,
`?person=<id>` highlights one voice; both survive a reload or a shared link."""

import streamlit as st

from components import perspectives as logic
from components.charts.perspectives import CONDITIONS_MIN_WIDTH, SPECTRUM_MIN_WIDTH, conditions_bar, stance_spectrum
from components.page_kit import card_grid, page_start, read_more
from components.presenter import chart_scale, is_presenting
from components.routing import page_content, page_target
from components.text import callout, md
from components.url_state import for_page
from components.visual import cached_figure, show_chart
from components.wording import small, sources_small

content = page_content()
ui, data = content.ui, content.perspectives
labels = ui.labels
presenting, scale = is_presenting(), chart_scale()
url = for_page("perspectives", content)

# the takeaway (opinions, not clinical advice, is in it) and the spectrum on the first screen; the intro
# and what these sources are sit behind "Read more"
page_start(content, "perspectives", takeaway=data.takeaway)
with read_more(content):
    md(data.intro)
    callout("info", data.about_sources)

# ---------------------------------------------------------------- filters (state lives in the URL)
condition_names = {c.id: c.label for c in data.conditions}
person_names = {p.id: p.display_name for p in data.perspectives}
with st.container(horizontal=True, key="perspectives_filters"):
    condition = (
        url.widget(
            st.selectbox,
            logic.CONDITION_PARAM,
            labels["perspectives_filter_condition"],
            ["", *condition_names],
            key="perspectives_condition",
            width=380,
            format_func=lambda c: condition_names.get(c, labels["perspectives_filter_all"]),
        )
        or None
    )
    person = (
        url.widget(
            st.selectbox,
            logic.PERSON_PARAM,
            labels["perspectives_highlight"],
            ["", *person_names],
            key="perspectives_person",
            width=380,
            format_func=lambda p: person_names.get(p, labels["perspectives_highlight_none"]),
        )
        or None
    )

if condition:
    shown = [p for p in data.perspectives if logic.names_condition(p, condition)]
    with st.container(horizontal=True, vertical_alignment="center", key="perspectives_filter_state"):
        md(
            labels["perspectives_shown"].format(
                shown=len(shown), total=len(data.perspectives), condition=condition_names[condition]
            )
        )
        st.button(
            labels["perspectives_clear_filter"],
            key="perspectives_clear",
            icon=":material/filter_alt_off:",
            on_click=url.set,
            args=(logic.CONDITION_PARAM, None),
        )
    hidden = logic.highlight_hidden(data, condition, person)
    if hidden is not None:
        callout(
            "info",
            labels["perspectives_highlight_hidden"].format(
                who=hidden.display_name, all=labels["perspectives_filter_all"]
            ),
        )

# ---------------------------------------------------------------- the spectrum
st.header(labels["perspectives_spectrum_heading"], anchor="spectrum")
show_chart(
    cached_figure(stance_spectrum, logic.spectrum_chart(data, labels, condition, person), scale),
    alt=labels["perspectives_spectrum_alt"].format(n=len(data.perspectives) - len(logic.off_spectrum(data))),
    summary=logic.spectrum_summary(data, labels),
    rows=logic.spectrum_rows(data, labels),
    ui=ui,
    key="perspectives_spectrum",
    min_width=SPECTRUM_MIN_WIDTH,
)

# ---------------------------------------------------------------- where they differ
st.header(labels["perspectives_differ_heading"], anchor="differ")
md(labels["perspectives_differ_intro"])


def sides(diff) -> str:
    return "\n".join(
        f"- {side.view} ("
        + "; ".join(("★ " if pid == person else "") + person_names[pid] for pid in side.perspectives)
        + ")"
        for side in diff.sides
    )


card_grid(
    data.differences,
    2,
    per_row_presenting=1,
    key="difference",
    heading=True,
    anchor=lambda d: d.id,
    title="question",
    body=sides,
    content=content,
    gap="small",
)

# ---------------------------------------------------------------- the conditions
st.header(labels["perspectives_conditions_heading"], anchor="conditions")
show_chart(
    cached_figure(conditions_bar, logic.conditions_chart(data, labels, condition), scale),
    alt=labels["perspectives_conditions_alt"].format(n=len(data.conditions), total=len(logic.practitioners(data))),
    summary=logic.conditions_summary(data),
    rows=logic.conditions_rows(data, labels),
    ui=ui,
    key="perspectives_conditions",
    min_width=CONDITIONS_MIN_WIDTH,
)
st.page_link(page_target("get-help", content), label=ui.safety_link, icon=":material/support:")
callout("warning", data.safety_note)


# ---------------------------------------------------------------- the cards
def card_text(p) -> str:
    stance = logic.stance_of(data, p)
    who = " · ".join(x for x in (labels[f"perspectives_kind_{p.kind}"], p.credentials, p.role, p.organisation) if x)
    if p.conditions:
        named = "\n".join(
            f"- **▶ {condition_names[c]}**" if c == condition else f"- {condition_names[c]}" for c in p.conditions
        )
    else:
        named = labels["perspectives_no_conditions"]
    # One text block per card (plus a note where needed): fourteen cards stay quick to draw.
    parts = [f"**★ {labels['perspectives_highlighted']}**"] if p.id == person else []
    parts += [
        small(who),
        f"**{labels['perspectives_stance']}: {stance.label if stance else labels['perspectives_no_stance']}**",
        p.stance_summary,
        f"**{labels['perspectives_conditions_named']}**",
        named,
        f"**{labels['perspectives_key_advice']}**",
        "\n".join(f"- {a}" for a in p.key_advice),
        sources_small(content, p.sources),
    ]
    return "\n\n".join(parts)


def card_notes(p) -> None:
    if logic.needs_couples_caveat(p):
        callout("warning", data.couples_caveat)
    if p.framing_note:
        callout("info", f"{p.framing_note}\n\n{data.framing_rule}")


def cards(items) -> None:
    if not items:
        md(labels["perspectives_none_shown"])
        return
    card_grid(
        items,
        2,
        per_row_presenting=1,
        key="perspective",
        heading=True,
        anchor=lambda p: p.id,
        title="display_name",
        body=card_text,
        extra=card_notes,
        gap="small",
    )


st.header(labels["perspectives_cards_heading"], anchor="practitioners")
cards(logic.filter_and_order(logic.practitioners(data), condition, person))
st.header(labels["perspectives_others_heading"], anchor="other-articles")
cards(logic.filter_and_order(logic.other_voices(data), condition, person))
