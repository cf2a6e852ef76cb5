"""The Streamlit side of "Therapy approaches" (components/therapies.py holds the logic and the URL
parameters): the guided paths, browse and filter with the approach card, the map in sync with the
filters, the side-by-side comparison and the practical questions.

    view = therapies_ui.Therapies(content, url, presenting)    # on pages/therapies.py
    view.paths(); view.browse(); view.compare(); view.questions()
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from components import therapies as th
from components.charts.therapies import MAP_MIN_WIDTH, therapy_map
from components.page_kit import bring_into_view, help_section_link
from components.presenter import chart_scale
from components.text import callout, caption, md, sources_line
from components.url_state import PageUrl
from components.visual import cached_figure, show_chart

if TYPE_CHECKING:
    from components.content.registry import Content

BRING, BRING_RUNS = "th_bring", "th_bring_runs"  # session state: the box to bring into view; how often


def bring(key: str) -> None:
    st.session_state[BRING] = key
    st.session_state[BRING_RUNS] = st.session_state.get(BRING_RUNS, 0) + 1


class Therapies:
    """The page's sections, in page order. Made before any widget: the open card and the comparison
    are read from the URL as the run starts."""

    def __init__(self, content: Content, url: PageUrl, presenting: bool) -> None:
        self.content, self.url, self.presenting = content, url, presenting
        self.ui, self.data, self.labels = content.ui, content.therapies, content.ui.labels
        self.facet = th.facet_labels(self.data)
        self.by_id = th.approach_by_id(self.data)
        self.selected = self.by_id.get(url.get(th.P_APPROACH))
        self.compare_ids = tuple(url.get(th.P_COMPARE))

    def on_clear(self) -> None:
        for name in th.FILTER_PARAMS:
            self.url.set(name, None)
        st.session_state["th_q"] = ""

    def open_approach(self, approach_id: str | None) -> None:
        self.url.set(th.P_APPROACH, approach_id)
        if approach_id:  # "Read about it": take the reader to the card (on a phone it is below the whole list)
            bring("th_card")

    # ------------------------------------------------------------------ guided paths
    def paths(self) -> None:
        content, url, labels, data = self.content, self.url, self.labels, self.data
        st.header(labels["therapies_path_heading"])
        paths = {p.id: p for p in data.paths}
        path_id = url.widget(
            st.segmented_control,
            th.P_PATH,
            labels["therapies_path_label"],
            options=list(th.PATHS),
            format_func=lambda p: paths[p].label,
            key="th_path",
        )
        path = th.guided_path(data, path_id)
        if not path:
            return
        with st.container(border=True, key="th_path_box"):
            st.subheader(path.title)
            md(path.intro)
            for a in th.path_approaches(data, path.id):
                text_col, button_col = st.columns([4, 1], vertical_alignment="center")
                with text_col:
                    md(f"**{a.name}**: {a.summary}")
                with button_col:
                    st.button(
                        labels["therapies_open"],
                        key=f"th_path_open_{a.id}",
                        on_click=self.open_approach,
                        args=(a.id,),
                        icon=":material/arrow_downward:",
                        help=a.name,
                    )
            if path.note:
                callout("info" if path.id == "child" else "warning", path.note.text)
            if path.help_section and path.help_label:  # the teen path: the lines for young people, one tap
                help_section_link(content, path.help_section, path.help_label)
            sources_line(content, list(dict.fromkeys([*path.sources, *(path.note.sources if path.note else [])])))

    # ------------------------------------------------------------------ the card
    def card(self, a) -> None:
        labels, facet = self.labels, self.facet
        with st.container(border=True, key="th_card"):
            st.subheader(a.name, anchor=f"approach-{a.id}")
            # the way back to where the reader was in the list (on a phone, thousands of px up)
            st.button(
                labels["therapies_back_to_list"],
                key="th_back",
                on_click=bring,
                args=(f"th_item_{a.id}",),
                icon=":material/arrow_upward:",
                type="tertiary",
            )
            md(a.summary)
            caption(f"{labels['therapies_card_origin']}: {a.named_in}")
            facts = [f"**{labels['therapies_card_for']}:** {', '.join(facet[x] for x in a.audiences)}"]
            if a.age_note:
                facts.append(f"**{labels['therapies_card_ages']}:** {a.age_note}")
            facts.append(f"**{labels['therapies_card_format']}:** {', '.join(facet[x] for x in a.formats)}")
            facts.append(f"**{labels['therapies_card_focus']}:** {', '.join(facet[x] for x in a.focus)}")
            md("\n".join(f"- {f}" for f in facts))
            for c in a.cautions:  # safety first: cautions come before the description
                callout("warning", c.text)
            for key, text in (
                ("therapies_card_what", a.what_it_is),
                ("therapies_card_how", a.how_it_works),
                ("therapies_card_session", a.session),
                ("therapies_card_suits", a.suits),
            ):
                md(f"**{labels[key]}**")
                md(text)
            md(f"**{labels['therapies_card_length']}**")
            md(a.length.text if a.length else labels["therapies_card_no_length"])
            md(f"**{labels['therapies_card_evidence']}**")
            md(f"**{facet[a.evidence.level]}.** {a.evidence.text}")
            sources_line(self.content, th.all_sources(a))
            st.button(
                labels["therapies_close"],
                key="th_close",
                on_click=self.open_approach,
                args=(None,),
                icon=":material/close:",
            )

    # ------------------------------------------------------------------ browse, the card and the map
    def filters(self) -> th.Filters:
        url, labels, data, facet = self.url, self.labels, self.data, self.facet
        counts = {name: th.facet_counts(data, name) for name in ("audiences", "formats", "focus", "evidence")}

        def facet_format(name: str):
            return lambda v: f"{facet[v]} ({counts[name][v]})"

        with st.container(key="th_filters"):
            cols = st.columns(5) if not self.presenting else st.columns(2)  # on a laptop the search shares the row
            specs: tuple[tuple[str, str, str, Sequence, str], ...] = (
                (th.P_FOR, "th_for", "therapies_filter_for", data.audiences, "audiences"),
                (th.P_FORMAT, "th_format", "therapies_filter_format", data.formats, "formats"),
                (th.P_FOCUS, "th_focus", "therapies_filter_focus", data.focuses, "focus"),
                (th.P_EVIDENCE, "th_evidence", "therapies_filter_evidence", data.evidence_levels, "evidence"),
            )
            chosen = {}
            for i, (param, key, label, values, name) in enumerate(specs):
                with cols[i % len(cols)]:
                    chosen[param] = url.widget(
                        st.multiselect,
                        param,
                        labels[label],
                        [v.id for v in values],
                        key=key,
                        format_func=facet_format(name),
                        placeholder=labels["therapies_filter_placeholder"],
                    )
            with cols[4] if len(cols) == 5 else st.container():  # the typed search is not in the URL: this session
                query = st.text_input(
                    labels["therapies_search"],
                    key="th_q",
                    placeholder=labels["therapies_search_placeholder"],
                    max_chars=100,
                )
            return th.Filters(
                audiences=tuple(chosen[th.P_FOR]),
                formats=tuple(chosen[th.P_FORMAT]),
                focus=tuple(chosen[th.P_FOCUS]),
                evidence=tuple(chosen[th.P_EVIDENCE]),
                query=(query or "").strip()[:100],
            )

    def browse(self) -> None:
        """The filters, then the map (which follows them, drawn last into its place), the list and the card."""
        url, labels, data, facet, by_id, selected = (
            self.url,
            self.labels,
            self.data,
            self.facet,
            self.by_id,
            self.selected,
        )
        st.header(labels["therapies_browse_heading"])
        filters = self.filters()
        shown = th.filter_approaches(data, filters)
        map_place = st.container(key="th_map_place")  # the map: after the filters it follows
        callout("info", data.not_advice)
        with st.container(horizontal=True, vertical_alignment="center"):  # how many the list shows; show them all
            caption(labels["therapies_count"].format(shown=len(shown), total=len(data.approaches)))
            st.button(
                labels["therapies_clear"],
                key="th_clear",
                on_click=self.on_clear,
                icon=":material/filter_alt_off:",
                disabled=not filters.active,
            )
        if not shown:
            st.warning(self.ui.no_matches, icon=":material/search_off:")

        url.widget(
            st.selectbox,
            th.P_APPROACH,
            labels["therapies_open_label"],
            list(by_id),
            key="th_approach",
            format_func=lambda i: by_id[i].name,
            placeholder=labels["therapies_open_placeholder"],
        )

        left, right = st.columns([2, 3])
        with left:
            for a in shown:
                with st.container(border=True, key=f"th_item_{a.id}"):
                    md(f"**{a.name}**")
                    md(a.summary)
                    caption(" · ".join([", ".join(facet[x] for x in a.audiences), facet[a.evidence.level]]))
                    st.button(
                        labels["therapies_open"],
                        key=f"th_open_{a.id}",
                        on_click=self.open_approach,
                        args=(a.id,),
                        type="primary" if selected and selected.id == a.id else "secondary",
                        help=a.name,
                        icon=":material/arrow_forward:",
                    )
        with right:
            if selected:
                self.card(selected)
            else:
                callout("info", labels["therapies_card_hint"])
        if BRING in st.session_state:  # after "Read about it" (the card) or "Back to the list" (the reader's item)
            bring_into_view(st.session_state.pop(BRING), st.session_state[BRING_RUNS])
        with map_place:
            self.map(tuple(a.id for a in shown))

    def map(self, shown_ids: tuple[str, ...]) -> None:
        labels, data, selected = self.labels, self.data, self.selected
        st.header(labels["therapies_map_heading"])
        fig = cached_figure(
            therapy_map, th.map_chart(data, labels), shown_ids, selected.id if selected else None, chart_scale()
        )
        show_chart(
            fig,
            alt=data.map_alt,
            summary=data.map_summary,
            rows=th.map_rows(data, shown_ids, labels),
            ui=self.ui,
            key="th_map",
            min_width=MAP_MIN_WIDTH,
        )

    # ------------------------------------------------------------------ compare
    def compare(self) -> None:
        url, labels, by_id, compare_ids = self.url, self.labels, self.by_id, self.compare_ids
        st.header(labels["therapies_compare_heading"])
        url.widget(
            st.multiselect,
            th.P_COMPARE,
            labels["therapies_compare_pick"],
            list(by_id),
            key="th_compare",
            max_selections=th.COMPARE_MAX,
            format_func=lambda i: by_id[i].name,
            placeholder=labels["therapies_open_placeholder"],
        )
        if len(compare_ids) < th.COMPARE_MIN:
            callout("info", labels["therapies_compare_hint"])
            return
        chosen = [by_id[i] for i in compare_ids]
        with st.container(key="th_compare_table"):
            md(th.compare_table(self.data, compare_ids, labels))
            sources_line(self.content, list(dict.fromkeys(s for a in chosen for s in th.all_sources(a))))

    # ------------------------------------------------------------------ practical questions
    def questions(self) -> None:
        st.header(self.labels["therapies_questions_heading"])
        for q in self.data.questions:
            st.subheader(q.question, anchor=f"q-{q.id}")
            md(q.answer)
            if q.show_help_questions:
                md("\n".join(f"- {x}" for x in self.content.help.finding_a_therapist.questions_to_ask))
            sources_line(self.content, q.sources)
