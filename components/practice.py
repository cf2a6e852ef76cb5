"""Pure logic of "What could you say?" (content/practice.yaml): its URL parameters, the view they
describe, the transitions between views, and the words of a reply's feedback. No streamlit import,
so all of it is unit-tested; components/practice_ui.py draws it, the text edition
(components/text_edition/practice.py) and the live room (components/room_questions.py) read the
same scenes.

URL parameters (links and the worried page's PageSpec use these; keep the names):
  scene  1-based scene (the shared stepper's parameter)
  reply  the id of the reply chosen for that scene; a reply of another scene reads as none

The view is the URL and nothing else, so a link or a reload shows the same scene and feedback.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from components.url_params import Choice, Param, Step

if TYPE_CHECKING:
    from components.content.registry import Content

LETTERS = "ABC"  # a reply's letter: on the projector, on the phone and in the room's counts


def _reply_ids(content: Content) -> list[str]:
    return [r.id for s in content.practice.scenes for r in s.replies]


URL_PARAMS = (
    Param("scene", Step(lambda c: len(c.practice.scenes)), keep_default=True),
    Param("reply", Choice(_reply_ids, default=None)),
)


@dataclass(frozen=True)
class View:
    """What the section shows: a scene (0-based) and the reply chosen for it, if any."""

    scene: int = 0
    reply: str | None = None


def normalise(view: View, scenes) -> View:
    """The scene clamped to the scenes there are; a reply that is not one of that scene's, none."""
    index = max(0, min(len(scenes) - 1, view.scene))
    ids = {r.id for r in scenes[index].replies}
    return View(index, view.reply if view.reply in ids else None)


def choose(view: View, scenes, reply_id: str | None) -> View:
    """Choose a reply of the scene shown (nothing changes for an unknown one, or none)."""
    if reply_id is None or reply_id not in {r.id for r in scenes[view.scene].replies}:
        return view
    return replace(view, reply=reply_id)


def next_scene(view: View, scenes) -> View:
    """The next scene, nothing chosen yet; the last scene stays where it is."""
    return View(view.scene + 1) if view.scene < len(scenes) - 1 else view


def previous_scene(view: View, scenes) -> View:
    """The scene before, nothing chosen yet; the first stays where it is."""
    return View(view.scene - 1) if view.scene > 0 else view


def reset(view: View, scenes) -> View:
    """Start again: the first scene, nothing chosen."""
    return View()


def to_params(view: View, content: Content) -> dict[str, str | None]:
    """The URL parameters of a view (None: left out of the URL)."""
    scene, reply = URL_PARAMS
    return {"scene": scene.url_value(view.scene, content), "reply": reply.url_value(view.reply, content)}


def from_params(params: Mapping[str, str], content: Content) -> View:
    """The view a URL describes (unreadable values read as the nearest valid ones)."""
    scene, reply = URL_PARAMS
    return normalise(
        View(scene.parse(params.get("scene"), content), reply.parse(params.get("reply"), content)),
        content.practice.scenes,
    )


# --------------------------------------------------------------------------- the choice widget
# The radio a reader picks from lives in session state (one per scene) and reveals nothing until
# "See how it may land" puts the choice in the URL. A view that arrives from the URL (a link, a
# reload, Back) sets the radio to its reply; the radio is otherwise left as the reader moved it.
SEEN = "practice_seen"


def pick_key(scene_id: str) -> str:
    return f"practice_pick_{scene_id}"


def seed_pick(state: MutableMapping, view: View, scene_id: str) -> None:
    """Set the scene's radio to the URL's reply when the URL's view is new to this session."""
    if state.get(SEEN) != (view.scene, view.reply):
        state[SEEN] = (view.scene, view.reply)
        if view.reply is not None:
            state[pick_key(scene_id)] = view.reply


# --------------------------------------------------------------------------- words
def letter(index: int) -> str:
    return LETTERS[index]


def reply_label(index: int, reply) -> str:
    """ "A. What you might say": the letter keeps a reply findable on the projector and in the counts."""
    return f"{letter(index)}. {reply.text}"


def outcome_label(outcome: str, labels: Mapping[str, str]) -> str:
    """The outcome in words with its symbol ("✓ This tends to help"): never colour alone."""
    return labels[f"practice_outcome_{outcome}"]


def feedback_lines(reply, labels: Mapping[str, str]) -> list[str]:
    """A reply's feedback below its outcome, one Markdown block each: a reply that may make things
    harder first says that people who care say it, then why, then what tends to help instead."""
    if reply.outcome == "helps":
        return [f"**{labels['practice_why']}.** {reply.why}"]
    return [
        labels["practice_caring"],
        f"**{labels['practice_why']}.** {reply.why}",
        f"**{labels['practice_instead']}.** {reply.instead}",
    ]


def announcement(scene, reply, labels: Mapping[str, str]) -> str:
    """What a screen reader hears once a reply is chosen: the outcome and why, as plain words."""
    if reply is None:
        return ""
    index = [r.id for r in scene.replies].index(reply.id)
    text = f"{labels['practice_your_reply']} {letter(index)}. {outcome_label(reply.outcome, labels)}. {reply.why}"
    return text.replace("*", "")


def reply_of(scene, reply_id: str | None):
    return next((r for r in scene.replies if r.id == reply_id), None)
