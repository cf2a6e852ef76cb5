"""Models of content/comparison.yaml (healthy, unhealthy and abusive side by side, the wheel, the forms
of abuse, less overt signs, "can it heal?") and content/scenarios.yaml (vignettes for the sorter)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from components.models.base import Item, Markdown, Sourced, SourcedText, Strict, Takeaway

Level = Literal["healthy", "unhealthy", "abusive"]
LEVEL_ORDER: tuple[Level, ...] = ("healthy", "unhealthy", "abusive")


class SpectrumLevel(Sourced):
    """One place on the spectrum: what it means in general."""

    level: Level
    title: str
    summary: Markdown


class Dimension(Sourced):
    """One side of a relationship (communication, trust, ...) at each place on the spectrum."""

    title: str
    question: Markdown = Field(description="the everyday question this dimension answers")
    healthy: Markdown
    unhealthy: Markdown
    abusive: Markdown


class Spoke(Sourced):
    """One spoke of the wheel: a tactic of power and control and its equality counterpart (our words)."""

    control: str = Field(description="short name of the tactic, shown on the wheel")
    control_text: Markdown
    control_examples: list[str] = Field(min_length=1)
    equality: str = Field(description="short name of the counterpart, shown when the spoke flips")
    equality_text: Markdown
    equality_examples: list[str] = Field(min_length=1)
    question: Markdown = Field(description="a discussion question for a group")


class Wheel(Strict):
    intro: Markdown
    credit: Markdown = Field(description="names the Duluth Model's wheels as the origin of the idea")
    control_centre: str
    equality_centre: str
    sources: list[str] = Field(min_length=1)
    spokes: list[Spoke] = Field(min_length=4)


class AbuseForm(Sourced):
    title: str
    description: Markdown
    examples: list[str] = Field(min_length=1)


class Sign(Sourced):
    title: str
    description: Markdown


class RepairCondition(Sourced):
    """Something the sources say must be true for repair; never a test of a reader's relationship."""

    title: str
    what: Markdown
    who_says: Markdown = Field(description="which sources or practitioners name it, in our words")
    other_view: Markdown | None = Field(default=None, description="where a source disagrees or adds a caution")
    to_think_about: Markdown


class Repair(Strict):
    intro: Markdown
    not_a_verdict: Markdown
    views: list[SourcedText] = Field(min_length=1, description="where the sources stand overall")
    conditions: list[RepairCondition] = Field(min_length=6)
    not_staying: SourcedText
    safety: Markdown


class ComparisonFile(Strict):
    takeaway: Takeaway = Field(description="the page's one-line takeaway, first under its title")
    intro: Markdown
    spectrum: list[SpectrumLevel] = Field(min_length=3, max_length=3)
    spectrum_note: SourcedText
    dimensions: list[Dimension] = Field(min_length=8)
    wheel: Wheel
    forms_intro: Markdown
    forms_of_abuse: list[AbuseForm] = Field(min_length=5)
    signs_intro: Markdown
    less_overt_signs: list[Sign] = Field(min_length=4)
    teen_intro: Markdown = Field(description="opens the teen dating examples")
    teen_signs: list[Sign] = Field(
        min_length=3,
        description="the same control when teenagers date: phones, messages, school, friends (each example sourced)",
    )
    repair: Repair

    @model_validator(mode="after")
    def _spectrum_in_order(self) -> ComparisonFile:
        found = tuple(s.level for s in self.spectrum)
        if found != LEVEL_ORDER:
            raise ValueError(f"spectrum must list the levels in order {list(LEVEL_ORDER)}, found {list(found)}")
        return self


class Scenario(Sourced):
    """A short everyday vignette of our own, its place on the spectrum, why, and where people differ."""

    title: str
    vignette: Markdown
    level: Level
    why: Markdown
    differ: Markdown = Field(description="where reasonable people place it differently, and why")
    dimensions: list[str] = Field(default=[], description="ids of dimensions in comparison.yaml")


class ScenariosFile(Strict):
    intro: Markdown
    facilitator_intro: Markdown
    scenarios: list[Scenario] = Field(min_length=6)

    @model_validator(mode="after")
    def _every_level_used(self) -> ScenariosFile:
        missing = set(LEVEL_ORDER) - {s.level for s in self.scenarios}
        if missing:
            raise ValueError(f"scenarios must include every level; none is {sorted(missing)}")
        return self


__all__ = ["Item", "LEVEL_ORDER", "ComparisonFile", "ScenariosFile", "Level"]
