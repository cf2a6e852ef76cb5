"""The Streamlit side of "What could you say?" (components/practice.py): one section a page calls.

    practice_ui.section(content)                   # on pages/worried-about-someone.py

One scene at a time, through the shared stepper (the `scene` parameter; in presenter mode the
arrow keys and a clicker step too). The reader picks one of three replies and presses "See how it
may land": the choice goes in the URL (`reply`), so a link or a reload shows the same feedback.
The feedback is said in words and an icon (never colour alone), and a screen reader hears it
through the stepper's polite live region. While presenting, the facilitator chooses the reply the
room picked and the other two replies' feedback is open too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components import practice as logic
from components.page_kit import card
from components.presenter import is_presenting
from components.stepper import _announce, stepper  # _announce: the stepper's polite live region
from components.text import callout, caption, md, sources_line
from components.url_state import PageUrl

if TYPE_CHECKING:
    from components.content.registry import Content

KEY = "practice"  # the section's container: browser tests and the page select on .st-key-practice


def _apply(url: PageUrl, view: logic.View) -> None:
    url.set("scene", view.scene)
    url.set("reply", view.reply)


def _choose(url: PageUrl, scenes, view: logic.View, scene_id: str) -> None:
    _apply(url, logic.choose(view, scenes, st.session_state.get(logic.pick_key(scene_id))))


def _move(url: PageUrl, view: logic.View, step, scenes) -> None:
    _apply(url, step(view, scenes))


def _feedback(scene, reply, labels, *, chosen: bool) -> None:
    """One reply's outcome, in words and an icon, then why (and what tends to help instead)."""
    index = [r.id for r in scene.replies].index(reply.id)
    head = logic.outcome_label(reply.outcome, labels)
    if chosen:
        md(f"**{labels['practice_your_reply']}:** {logic.reply_label(index, reply)}")
    else:
        md(f"**{logic.reply_label(index, reply)}**")
    with st.container(border=True, key=f"practice_feedback_{reply.id}"):
        md(f"**{head}**")
        for text in logic.feedback_lines(reply, labels):
            md(text)


def section(content: Content) -> None:
    """The whole practice: a heading, one scene with its three replies, and the feedback. Its URL
    parameters are practice.URL_PARAMS (the page's PageSpec declares the same tuple)."""
    labels, practice = content.ui.labels, content.practice
    scenes = practice.scenes
    url = PageUrl(logic.URL_PARAMS, content)
    presenting = is_presenting()
    with st.container(key=KEY):
        st.header(labels["practice_heading"], anchor="what-could-you-say")
        md(practice.facilitator_intro if presenting else practice.intro)
        if not presenting:
            caption(labels["practice_private"])
        index = stepper(
            url,
            "scene",
            labels=[s.title for s in scenes],
            ui=content.ui,
            shortcuts=presenting,
            jump_label=labels["practice_scene_picker"],
        )
        view = logic.normalise(logic.View(index, url.get("reply")), scenes)
        url.set("reply", view.reply)  # a reply of another scene leaves the URL
        scene = scenes[view.scene]
        chosen = logic.reply_of(scene, view.reply)
        logic.seed_pick(st.session_state, view, scene.id)
        with card("practice_scene", scene.title, scene.scene, heading=True):
            if presenting and chosen is None:
                callout("info", labels["practice_room_discuss"])
            by_id = {r.id: logic.reply_label(i, r) for i, r in enumerate(scene.replies)}
            st.radio(
                labels["practice_pick"], list(by_id), index=None, key=logic.pick_key(scene.id), format_func=by_id.get
            )
            st.button(
                labels["practice_see_why"],
                key="practice_choose",
                type="primary",
                icon=":material/forum:",
                disabled=st.session_state.get(logic.pick_key(scene.id)) is None,
                on_click=_choose,
                args=(url, scenes, view, scene.id),
            )
            if chosen is not None:
                _feedback(scene, chosen, labels, chosen=True)
                with st.expander(labels["practice_other_replies"], expanded=presenting, icon=":material/forum:"):
                    for other in scene.replies:
                        if other.id != chosen.id:
                            _feedback(scene, other, labels, chosen=False)
                last = view.scene == len(scenes) - 1
                st.button(
                    labels["practice_start_again" if last else "practice_next"],
                    key="practice_next",
                    icon=":material/restart_alt:" if last else ":material/arrow_forward:",
                    on_click=_move,
                    args=(url, view, logic.reset if last else logic.next_scene, scenes),
                )
            sources_line(content, scene.sources)
        _announce("practice_live", f"{view.scene}:{view.reply}", len(scenes), logic.announcement(scene, chosen, labels))
