"""The Streamlit side of "Healthy vs toxic" (components/comparison.py holds the logic): the five
parts a page shows, one at a time.

    view = comparison_ui.Parts(content, url, presenting)
    {"compare": view.compare, "wheel": view.wheel, ...}[part]()      # on pages/healthy-vs-toxic.py

URL parameters are described in components/comparison.py, with the sorter's transitions; sorter
answers live only in session state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, cast

import streamlit as st

from components import comparison as logic
from components.charts.comparison import spectrum_figure, wheel_figure
from components.models.comparison import LEVEL_ORDER
from components.page_kit import card, card_grid, sources_of
from components.presenter import chart_scale
from components.routing import page_target
from components.stepper import current_step, stepper
from components.text import callout, caption, md, sources_line
from components.url_state import PageUrl
from components.visual import cached_figure, show_chart

if TYPE_CHECKING:
    from components.content.registry import Content


class Parts:
    """The page's parts; each method draws one."""

    def __init__(self, content: Content, url: PageUrl, presenting: bool) -> None:
        self.content, self.url, self.presenting = content, url, presenting
        self.ui, self.comp, self.scen, self.labels = (
            content.ui,
            content.comparison,
            content.scenarios,
            content.ui.labels,
        )
        self.level_title: dict[str, str] = {s.level: s.title for s in self.comp.spectrum}
        self.level_name = logic.level_names(self.comp.spectrum)

    def by_name(self) -> dict:
        return {
            "compare": self.compare,
            "wheel": self.wheel,
            "signs": self.signs,
            "sorter": self.sorter,
            "heal": self.heal,
        }

    def level_badge(self, level: str) -> None:
        colour = cast(Literal["green", "orange", "red"], logic.BADGE_COLOUR[level])
        st.badge(self.level_name[level], color=colour)

    def compare(self) -> None:
        content, url, labels, comp = self.content, self.url, self.labels, self.comp
        st.header(labels["hvt_spectrum_heading"])
        for col, spec in zip(st.columns(3), comp.spectrum):
            with card(f"hvt_level_{spec.level}", where=col):
                self.level_badge(spec.level)
                md(spec.summary)
        callout("info", f"**{comp.spectrum_note.title}.** {comp.spectrum_note.body}")
        sources_of(content, [*comp.spectrum, comp.spectrum_note])
        st.header(labels["hvt_compare_heading"])
        titles = {logic.ALL: labels["hvt_dimension_all"], **{d.id: d.title for d in comp.dimensions}}
        with st.container(horizontal=True, vertical_alignment="bottom", key="hvt_compare_controls"):
            dim = url.widget(
                st.selectbox,
                "dimension",
                labels["hvt_dimension"],
                list(titles),
                key="hvt_dimension",
                format_func=titles.get,
                width=320,
            )
            reveal = url.widget(
                st.segmented_control,
                "reveal",
                labels["hvt_reveal"],
                [1, 2, 3],
                key="hvt_reveal",
                required=True,
                format_func=lambda n: labels[f"hvt_reveal_{n}"],
            )
            more = logic.next_reveal(reveal)
            st.button(
                labels["hvt_reveal_next"],
                key="hvt_reveal_more",
                icon=":material/visibility:",
                disabled=more is None,
                on_click=url.set,
                args=("reveal", more),
            )
        shown = logic.visible_levels(reveal)
        for d in logic.chosen_dimensions(comp.dimensions, dim):
            with card(f"hvt_dim_{d.id}", d.title, heading=True, anchor=d.id, sources=d.sources, content=content):
                caption(d.question)
                # on a phone the three levels stay in one row that a finger swipes (app.css, Phone section)
                row = st.container(key=f"hvt_levels_{d.id}")
                for col, level in zip(row.columns(3), LEVEL_ORDER):
                    with col:
                        self.level_badge(level)
                        if level in shown:
                            md(getattr(d, level))
                        else:
                            caption(labels["hvt_not_revealed"])

    def wheel(self) -> None:
        content, url, labels, ui, presenting = self.content, self.url, self.labels, self.ui, self.presenting
        wheel, spokes = self.comp.wheel, self.comp.wheel.spokes
        st.header(labels["hvt_wheel_heading"])
        if not presenting:
            md(wheel.intro)
        flipped = logic.wheel_flipped(st.session_state, current_step(url, "spoke", len(spokes)), url.get("flipped"))
        url.set("flipped", flipped)
        left, right = st.columns([1, 1] if presenting else [3, 2])
        with right:
            index = stepper(
                url, "spoke", labels=[s.control for s in spokes], ui=ui, jump_label=labels["hvt_spoke_picker"]
            )
            st.button(
                labels["hvt_unflip"] if flipped else labels["hvt_flip"],
                key="hvt_flip",
                type="primary",
                icon=":material/flip:",
                on_click=url.set,
                args=("flipped", not flipped),
            )
        logic.remember_wheel(st.session_state, index, flipped)
        spoke = spokes[index]
        with left:
            fig = cached_figure(wheel_figure, *logic.wheel_figure_args(wheel, index, flipped), chart_scale())
            alt, summary, rows = logic.wheel_words(wheel, index, flipped, self.level_name, labels)
            show_chart(fig, alt=alt, summary=summary, rows=rows, ui=ui, key="hvt_wheel_chart")
        with right, card("hvt_spoke_detail", sources=spoke.sources, content=content):
            self.level_badge("healthy" if flipped else "abusive")
            st.subheader(f"{index + 1}. {spoke.equality if flipped else spoke.control}")
            caption(labels["hvt_side_equality"] if flipped else labels["hvt_side_control"])
            md("\n\n".join(logic.spoke_lines(spoke, flipped, labels)))
        with st.expander(labels["hvt_credit_heading"], expanded=presenting, icon=":material/info:"):
            md(wheel.credit)
            sources_line(content, wheel.sources)

    def signs(self) -> None:
        content, labels, comp = self.content, self.labels, self.comp
        st.header(labels["hvt_forms_heading"])
        md(comp.forms_intro)
        card_grid(
            comp.forms_of_abuse,
            3,
            per_row_presenting=2,
            key="hvt_form",
            heading=True,
            body="description",
            extra=lambda form: md("\n".join(f"- {e}" for e in form.examples)),
            gap="small",
        )
        sources_of(content, comp.forms_of_abuse)
        for heading, intro, signs in logic.sign_groups(comp, labels):  # the less overt signs, then teen dating
            st.header(heading)
            md(intro)
            md("\n".join(f"- {text}" for text in logic.sign_items(signs)))
            sources_of(content, signs)

    def reveal_scene(self, s, answer: str | None) -> None:
        labels = self.labels
        placements, reasons = logic.reveal_lines(s, answer, self.level_name, labels)
        md("\n\n".join(placements))
        if answer is not None:
            callout(*logic.feedback_callout(answer, s.level, labels))
        marks = logic.spectrum_marks(answer, s.level, labels)
        alt, summary = logic.spectrum_words(marks, self.level_title, labels)
        fig = cached_figure(spectrum_figure, tuple(self.level_title.items()), tuple(marks))
        show_chart(fig, alt=alt, summary=summary, ui=self.ui, key=f"hvt_spectrum_{s.id}")
        md("\n\n".join(reasons))
        sources_line(self.content, s.sources)

    def sorter_self(self) -> None:
        labels, scen = self.labels, self.scen
        md(scen.intro)
        caption(labels["hvt_private"])
        scenes, state = scen.scenarios, st.session_state
        view = logic.sorter_view(state, scenes)
        st.progress(view.fraction, text=labels["hvt_progress"].format(done=view.done, total=view.total))
        if view.finished:
            callout("success", labels["hvt_done"])
        else:
            s = scenes[view.current]
            with st.container(border=True, key="hvt_scene"):
                caption(labels["hvt_scene_of"].format(n=view.current + 1, total=view.total))
                st.subheader(s.title)
                md(s.vignette)
                if view.answer is None:
                    st.radio(
                        labels["hvt_place_prompt"],
                        LEVEL_ORDER,
                        index=None,
                        key=logic.choice_key(s.id),
                        format_func=self.level_name.get,
                        horizontal=True,
                    )
                    st.button(
                        labels["hvt_place_button"],
                        key="hvt_place",
                        type="primary",
                        disabled=state.get(logic.choice_key(s.id)) is None,
                        on_click=logic.place,
                        args=(state, s.id),
                    )
                else:
                    self.reveal_scene(s, view.answer)
                    last = view.following == view.total
                    st.button(
                        labels["hvt_see_summary" if last else "hvt_next_scene"],
                        key="hvt_next",
                        type="primary",
                        icon=":material/checklist:" if last else ":material/arrow_forward:",
                        on_click=logic.go_to,
                        args=(state, view.following),
                    )
        if view.answers:
            st.subheader(labels["hvt_summary_heading"])
            md(labels["hvt_summary_counts"].format(**view.counts))
            st.table(logic.summary_rows(scenes, view.answers, self.level_name, labels), hide_index=True)
            st.button(
                labels["hvt_start_again"],
                key="hvt_start_again",
                icon=":material/restart_alt:",
                on_click=logic.start_again,
                args=(state, scenes),
            )

    def sorter(self) -> None:
        url, labels, scen = self.url, self.labels, self.scen
        st.header(labels["hvt_sorter_heading"])
        mode = url.widget(
            st.segmented_control,
            "sorter",
            labels["hvt_mode"],
            logic.SORTER_MODES,
            key="hvt_mode",
            required=True,
            format_func=lambda m: labels[f"hvt_mode_{m}"],
            value=logic.sorter_mode(url.raw()),
        )
        if mode != "room":
            url.set("scenario", None)
            return self.sorter_self()
        md(scen.facilitator_intro)  # the group version: a facilitator steps through, the room discusses
        index = stepper(
            url,
            "scenario",
            labels=[s.title for s in scen.scenarios],
            ui=self.ui,
            shortcuts=False,
            jump_label=labels["hvt_scene_picker"],
        )
        s = scen.scenarios[index]
        with card("hvt_room_scene", s.title, s.vignette, heading=True):
            callout("info", labels["hvt_room_discuss"])
            if st.toggle(labels["hvt_room_reveal"], key=f"hvt_room_reveal_{s.id}"):
                self.reveal_scene(s, None)

    def heal(self) -> None:
        content, url, labels = self.content, self.url, self.labels
        repair = self.comp.repair
        st.header(labels["hvt_heal_heading"])
        md(repair.intro)
        callout("info", repair.not_a_verdict)
        st.subheader(labels["hvt_views_heading"])
        card_grid(repair.views, len(repair.views), key="hvt", content=content, gap="small")
        st.subheader(labels["hvt_conditions_heading"])
        titles = {c.id: c.title for c in repair.conditions}
        chosen = url.widget(
            st.pills,
            "condition",
            labels["hvt_condition"],
            list(titles),
            key="hvt_condition",
            required=True,
            format_func=titles.get,
        )
        cond = next(c for c in repair.conditions if c.id == chosen)
        with card("hvt_condition_detail", cond.title, heading=True, sources=cond.sources, content=content):
            md("\n\n".join(logic.condition_lines(cond, labels)))
        callout("success", f"**{repair.not_staying.title}.** {repair.not_staying.body}")
        sources_line(content, repair.not_staying.sources)
        # Always the last thing in this part: safety, and the way to help.
        with card("hvt_safety"):
            callout("warning", repair.safety)
            st.page_link(page_target("get-help", content), label=labels["hvt_get_help"], icon=":material/support:")
