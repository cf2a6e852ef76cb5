"""Content model of content/cycle.yaml: the cycle of abuse (Walker's three phases and the common
four-phase version), how it changes over time, the highs-and-lows sandbox, the seven popular stages
of a trauma bond next to the research view, how it ends, and why a trauma bond cannot simply heal."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from components.models.base import Item, Markdown, Sourced, SourcedText, Strict, Takeaway

MODEL_IDS = ("walker", "four-phase")  # the `?model=` values the facilitator page links to
Direction = Literal["rises", "steady", "falls"]


class SourcedSection(Strict):
    """A section of the page that draws on named sources (not a list item, so no id)."""

    sources: list[str] = Field(min_length=1, description="ids from sources.yaml")


class Phase(Sourced):
    title: str
    short: str = Field(max_length=24, description="label on the circle")
    what_happens: Markdown
    feels_like: Markdown
    why_it_holds: Markdown
    share_start: float = Field(gt=0, le=1, description="illustrative share of one turn of the cycle, early on")
    share_end: float = Field(gt=0, le=1, description="illustrative share of one turn of the cycle, later on")


class CycleVersion(Sourced):
    name: str
    intro: Markdown
    phases: list[Phase] = Field(min_length=3)


class CycleSection(Strict):
    heading: str
    intro: Markdown
    versions: list[CycleVersion] = Field(min_length=2, max_length=2)
    alt: str = Field(description="accessible name of the circle; {model} and {phase} are filled in")
    summary: Markdown = Field(description="the circle in words; {model}, {phases}, {phase}, {n}, {total}")
    caveats_heading: str
    caveats: list[SourcedText] = Field(min_length=2)

    @model_validator(mode="after")
    def _versions_are_known(self) -> CycleSection:
        ids = tuple(v.id for v in self.versions)
        if ids != MODEL_IDS:
            raise ValueError(
                f"versions must be {list(MODEL_IDS)} in that order (the ?model= values); found {list(ids)}"
            )
        return self


class OverTime(SourcedSection):
    heading: str
    intro: Markdown
    illustration_note: Markdown
    weeks: int = Field(ge=4, le=260, description="length of the slider, in weeks")
    alt: str
    summary: Markdown = Field(description="{week}, {weeks}, {growing}, {shrinking}")


class PredictOption(Item):
    direction: Direction
    label: str


class Sandbox(SourcedSection):
    heading: str
    intro: Markdown
    not_measurement: Markdown
    kindness_help: str
    unpredictability_help: str
    power_help: str
    predict_question: str
    options: list[PredictOption] = Field(min_length=3, max_length=3)
    predict_first: Markdown
    outcomes: dict[Direction, Markdown] = Field(description="what the curves do, by direction of attachment")
    matched: Markdown
    differed: Markdown
    explanation: Markdown
    alt: str
    summary: Markdown = Field(description="{kindness}, {unpredictability}, {power}, {a0}, {a1}, {w0}, {w1}")

    @model_validator(mode="after")
    def _every_direction(self) -> Sandbox:
        wanted = {"rises", "steady", "falls"}
        if {o.direction for o in self.options} != wanted or set(self.outcomes) != wanted:
            raise ValueError("options and outcomes must each cover rises, steady and falls once")
        return self


class Stage(Sourced):
    title: str
    short: str = Field(max_length=22)
    body: Markdown
    feels_like: Markdown


class StagesSection(SourcedSection):
    heading: str
    intro: Markdown
    popular_model_note: Markdown
    stages: list[Stage] = Field(min_length=7, max_length=7)
    alt: str
    summary: Markdown = Field(description="{stages}, {stage}, {n}")


class ResearchView(SourcedSection):
    heading: str
    intro: Markdown
    conditions: list[SourcedText] = Field(min_length=2)
    takeaway: Markdown


class HighsLows(SourcedSection):
    heading: str
    intro: Markdown
    points: list[SourcedText] = Field(min_length=2)


class Ending(SourcedSection):
    heading: str
    personal_account_note: Markdown
    intro: Markdown
    points: list[SourcedText] = Field(min_length=3)
    safety_note: Markdown


class Reasons(SourcedSection):
    heading: str
    intro: Markdown
    caution: Markdown
    reasons: list[SourcedText] = Field(min_length=6, max_length=6)
    link_intro: Markdown


class CycleFile(Strict):
    takeaway: Takeaway = Field(description="the page's one-line takeaway, first under its title")
    intro: Markdown
    cycle: CycleSection
    over_time: OverTime
    sandbox: Sandbox
    highs_lows: HighsLows
    stages: StagesSection
    research: ResearchView
    ending: Ending
    reasons: Reasons
