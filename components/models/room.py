"""Model of content/room.yaml: the questions a facilitator can put to a live room (components/
live_room.py), and which of them each workshop plan suggests. Choices only: a question is a place
on the healthy / unhealthy / abusive spectrum for one of the sorter's scenarios (scenarios.yaml),
a 1-5 scale, one choice from a short list, or one of the three replies of a practice scene
(practice.yaml). There is no free-text kind, on purpose: nothing a
person types can reach a projector. Scenario, scene and plan ids are checked against the other files
when content loads (components/content/loader.py)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from components.models.base import Item, Markdown, Strict

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class RoomChoice(Item):
    label: str = Field(max_length=80)


class RoomQuestion(Item):
    """One question. `spectrum` names a `scenario`; `scale` has a `prompt` and words for its two
    ends (`low` for 1, `high` for 5); `choice` has a `prompt` and 2-8 `choices`; `practice` names a
    `scene` of "What could you say?" (practice.yaml), whose three replies are the choices."""

    kind: Literal["spectrum", "scale", "choice", "practice"]
    scenario: str | None = Field(default=None, pattern=KEBAB, description="a scenario id in scenarios.yaml")
    scene: str | None = Field(default=None, pattern=KEBAB, description="a practice scene id in practice.yaml")
    prompt: str | None = Field(default=None, max_length=200)
    low: str | None = Field(default=None, max_length=40, description="what 1 means on a scale")
    high: str | None = Field(default=None, max_length=40, description="what 5 means on a scale")
    choices: list[RoomChoice] = Field(default=[], max_length=8)

    @model_validator(mode="after")
    def _fields_of_its_kind(self) -> RoomQuestion:
        wanted = {
            "spectrum": {"scenario"},
            "scale": {"prompt", "low", "high"},
            "choice": {"prompt", "choices"},
            "practice": {"scene"},
        }[self.kind]
        given = {name for name in ("scenario", "scene", "prompt", "low", "high", "choices") if getattr(self, name)}
        if given != wanted:
            raise ValueError(f"question '{self.id}' ({self.kind}) needs exactly {sorted(wanted)}, has {sorted(given)}")
        if self.kind == "choice" and len(self.choices) < 2:
            raise ValueError(f"question '{self.id}' needs at least 2 choices")
        return self


class QuestionSet(Strict):
    plan: str = Field(pattern=KEBAB, description="a workshop plan id (content/workshops/*.yaml)")
    questions: list[str] = Field(min_length=1, description="question ids, in the order to ask them")


class RoomFile(Strict):
    intro: Markdown = Field(description="for the facilitator, above the room panel")
    privacy: Markdown = Field(description="what is kept and for how long; shown to participants and the facilitator")
    questions: list[RoomQuestion] = Field(min_length=3)
    sets: list[QuestionSet] = Field(default=[], description="the questions each plan suggests first")

    @model_validator(mode="after")
    def _sets_name_known_questions(self) -> RoomFile:
        known = {q.id for q in self.questions}
        for s in self.sets:
            missing = [q for q in s.questions if q not in known]
            if missing:
                raise ValueError(f"set for plan '{s.plan}' names unknown questions: {', '.join(missing)}")
        plans = [s.plan for s in self.sets]
        if len(plans) != len(set(plans)):
            raise ValueError("each plan may have one set")
        return self

    def question(self, question_id: str) -> RoomQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)
