"""Model of content/practice.yaml: "What could you say?", short scenes of something a friend says or
does, each with exactly three replies a caring person might give. A reply either tends to help or
may make things harder (push the friend away, or leave them less safe); every reply says why, and
one that may make things harder also says what tends to help instead. No reply is a "wrong answer".
Scenes can be asked in the live room (room.yaml, `kind: practice`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from components.models.base import Item, Markdown, Sourced, Strict

Outcome = Literal["helps", "harder"]
OUTCOMES: tuple[Outcome, ...] = ("helps", "harder")
REPLIES_PER_SCENE = 3


class Reply(Item):
    """One reply: its words, whether it tends to help, why, and (where it may make things harder)
    what tends to help instead."""

    text: str = Field(max_length=200, description="what you might say or do, in the first person")
    outcome: Outcome
    why: Markdown = Field(description="kindly, why it tends to help or may make things harder")
    instead: Markdown | None = Field(
        default=None, description="what tends to help instead (replies that may make things harder)"
    )

    @model_validator(mode="after")
    def _instead_for_harder(self) -> Reply:
        if (self.outcome == "harder") != (self.instead is not None):
            raise ValueError(f"reply '{self.id}': `instead` is given exactly when the outcome is 'harder'")
        return self


class Scene(Sourced):
    """Something a friend, classmate or relative says or does, and three possible replies."""

    title: str = Field(max_length=60)
    scene: Markdown = Field(description="what happens, in a few sentences")
    replies: list[Reply] = Field(min_length=REPLIES_PER_SCENE, max_length=REPLIES_PER_SCENE)

    @model_validator(mode="after")
    def _both_outcomes(self) -> Scene:
        if "helps" not in {r.outcome for r in self.replies}:
            raise ValueError(f"scene '{self.id}' needs at least one reply that helps")
        return self


class PracticeFile(Strict):
    intro: Markdown = Field(description="above the scenes, for a reader on their own")
    facilitator_intro: Markdown = Field(description="shown instead while presenting")
    scenes: list[Scene] = Field(min_length=6, max_length=8)

    def scene(self, scene_id: str) -> Scene | None:
        return next((s for s in self.scenes if s.id == scene_id), None)
