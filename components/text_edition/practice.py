"""The text edition of "What could you say?" (content/practice.yaml): every scene in order, its three
replies, and how each may land behind a disclosure, as the sorter's text page keeps its answers
behind one. The worried page's text renderer calls it where the app shows the section:

    from components.text_edition.practice import practice_text
    practice_text(content, doc)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from components import practice as logic
from components.text_edition.doc import Doc, sub

if TYPE_CHECKING:
    from components.content.registry import Content


def _how_it_lands(content: Content, doc: Doc, scene, level: int) -> None:
    labels = content.ui.labels
    for i, reply in enumerate(scene.replies):
        doc.h(level, logic.reply_label(i, reply))
        doc.p(f"**{logic.outcome_label(reply.outcome, labels)}**")
        for text in logic.feedback_lines(reply, labels):
            doc.md(text)


def practice_text(content: Content, doc: Doc, *, level: int = 2) -> None:
    """The section as the app opens it for a reader on their own, every scene shown: its heading at
    `level` (the scenes one below), the intro, then each scene, its replies and how each may land."""
    labels, practice = content.ui.labels, content.practice
    scenes = practice.scenes
    with doc.section("what-could-you-say"):
        doc.h(level, labels["practice_heading"]).md(practice.intro)
        doc.term(labels["practice_with_group"], practice.facilitator_intro)
        for n, scene in enumerate(scenes, 1):
            doc.h(
                level + 1,
                f"{labels['practice_scene_of'].format(n=n, total=len(scenes))}: {scene.title}",
                id=f"scene-{scene.id}",
            )
            doc.md(scene.scene)
            doc.p(f"**{labels['practice_text_replies']}**")
            doc.items(logic.reply_label(i, r) for i, r in enumerate(scene.replies))
            doc.details(labels["practice_text_why"], sub(lambda d, s=scene: _how_it_lands(content, d, s, level + 2)))
            doc.sources(content, scene.sources)
