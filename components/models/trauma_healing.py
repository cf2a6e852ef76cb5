"""Models of content/relational_trauma.yaml and content/healing.yaml (the "Relational trauma" and
"The healing path" pages). Every factual item is `Sourced`; headings and interface words are plain
fields so an edition can reword them without touching code."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from components.models.base import Markdown, Sourced, SourcedList, SourcedText, Strict, Takeaway

# --------------------------------------------------------------------------- relational_trauma.yaml

ClosenessId = Literal["abandonment", "enmeshment", "cohesion"]


class ClosenessStyle(Sourced):
    """One way a family can hold closeness; drawn as a family diagram on the page."""

    id: ClosenessId
    title: str
    tagline: str = Field(description="one short line shown under the picker")
    boundaries: str = Field(description="what the boundaries between people are like, a few words")
    what_it_is: Markdown
    what_a_child_may_learn: Markdown
    later_on: Markdown
    protective: bool = False
    alt: str = Field(description="accessible name of the diagram")
    picture: Markdown = Field(description="the diagram described in words (its text alternative)")


class Causes(Sourced):
    title: str
    intro: Markdown
    items: list[str] = Field(min_length=1)


class Comparison(Sourced):
    """A side-by-side of two things (complex PTSD next to acute trauma)."""

    title: str
    intro: Markdown
    left_heading: str
    right_heading: str
    rows: list[ComparisonRow] = Field(min_length=1)
    note: Markdown | None = None


class ComparisonRow(Strict):
    aspect: str
    left: Markdown
    right: Markdown


class Pattern(Sourced):
    """One path from an early experience, through the belief it can teach, to an adult pattern."""

    early: str = Field(description="short label of the early experience (a Sankey node)")
    belief: str = Field(description="the learned belief, in the first person (a Sankey node)")
    adult: str = Field(description="short label of the adult pattern (a Sankey node)")
    explanation: Markdown
    protective: bool = False


class Prevalence(Sourced):
    title: str
    headline: str
    body: Markdown


class RelationalTraumaFile(Strict):
    takeaway: Takeaway = Field(description="the page's one-line takeaway, first under its title")
    intro: Markdown
    what_it_is: SourcedText
    inner_dialogue: SourcedText
    closeness_heading: str
    closeness_intro: Markdown
    closeness: list[ClosenessStyle] = Field(min_length=3, max_length=3)
    childhood: SourcedText
    childhood_causes: Causes
    adulthood: SourcedText
    cptsd: Comparison
    effects_heading: str
    effects: list[SourcedList] = Field(min_length=2)
    patterns_heading: str
    patterns_intro: Markdown
    patterns_caveat: Markdown
    patterns: list[Pattern] = Field(min_length=3)
    patterns_alt: str
    prevalence: Prevalence
    ptsd_vs_relational: SourcedText
    hope: SourcedText

    @model_validator(mode="after")
    def _one_of_each_closeness(self) -> RelationalTraumaFile:
        ids = [c.id for c in self.closeness]
        if sorted(ids) != sorted(["abandonment", "enmeshment", "cohesion"]):
            raise ValueError(f"closeness must list abandonment, enmeshment and cohesion once each (found {ids})")
        return self


# --------------------------------------------------------------------------- healing.yaml


class HealingStep(Sourced):
    title: str
    summary: str = Field(description="one line: the step in a nutshell")
    body: Markdown
    try_this: list[str] = Field(min_length=1, description="small, gentle things to try")
    remember: Markdown | None = None


class CommunicationTip(Sourced):
    title: str
    body: Markdown
    instead_of: str | None = None
    try_saying: str | None = None


class SelfConceptArea(Sourced):
    name: str
    short: str = Field(description="a one- or two-word label for the radar chart")
    covers: Markdown
    prompt: str = Field(description="a question to reflect on while rating")


class SelfConcept(Sourced):
    title: str
    intro: Markdown
    open_label: str = Field(
        description="label of the switch that shows the reflection: it runs only when the reader chooses"
    )
    disclaimer: Markdown
    privacy: Markdown
    scale_min: int = 0
    scale_max: int = 10
    scale_low: str
    scale_high: str
    default: int
    areas: list[SelfConceptArea] = Field(min_length=6, max_length=6)
    alt: str
    after: Markdown

    @model_validator(mode="after")
    def _scale(self) -> SelfConcept:
        if not self.scale_min < self.scale_max:
            raise ValueError("scale_min must be below scale_max")
        if not self.scale_min <= self.default <= self.scale_max:
            raise ValueError("default must lie on the scale")
        return self


class GroundingStep(Strict):
    title: str
    body: Markdown


class Grounding(Sourced):
    title: str
    intro: Markdown
    steps: list[GroundingStep] = Field(min_length=3)
    closing: Markdown


class HealingFile(Strict):
    takeaway: Takeaway = Field(description="the page's one-line takeaway, first under its title")
    intro: Markdown
    not_quick: SourcedText
    steps_heading: str
    steps_intro: Markdown
    steps: list[HealingStep] = Field(min_length=5, max_length=5)
    moving_forward_heading: str
    moving_forward_intro: Markdown
    moving_forward: list[SourcedText] = Field(min_length=1)
    trust_heading: str
    trust: list[SourcedText] = Field(min_length=1)
    communication_heading: str
    communication_intro: Markdown
    communication_caution: Markdown
    communication: list[CommunicationTip] = Field(min_length=1)
    trauma_signs: SourcedList
    codependency: SourcedList
    self_concept: SelfConcept
    grounding: Grounding


Comparison.model_rebuild()
