"""Model of content/helping.yaml (the "Worried about someone" page): published guidance for a friend,
a family member, the parent of a teenager, a classmate or a colleague, point by point, each point
sourced; where the sources disagree, the point says so in `sources_differ`. The page's sections come
in a fixed order, so the model checks it."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, model_validator

from components.models.base import Item, Markdown, SourcedText, Strict, Takeaway

SectionId = Literal["notice", "start", "helps", "avoid", "safety", "stay-or-return", "young-people", "yourself"]
SECTION_ORDER: tuple[str, ...] = get_args(SectionId)


class Point(SourcedText):
    """One piece of guidance in our own words. `sources_differ`: where the sources disagree, said
    plainly, with each side and who it applies to (never a side picked silently)."""

    sources_differ: Markdown | None = Field(None, description="where the sources disagree: both sides, plainly")


class Section(Item):
    id: SectionId
    heading: str
    intro: Markdown | None = None
    points: list[Point] = Field(min_length=1)


class Lines(Strict):
    """The last section: the emergency number, the crisis and youth lines and the lines that say
    they also serve friends and family (from help.yaml, for the reader's region)."""

    heading: str
    intro: Markdown
    friends_heading: str = Field(description="heading of the lines that say they also help friends and family")


class NextStep(Strict):
    heading: str
    body: Markdown


class HelpingFile(Strict):
    takeaway: Takeaway = Field(description="the page's one-line takeaway, first under its title")
    intro: Markdown
    sections: list[Section] = Field(min_length=len(SECTION_ORDER), max_length=len(SECTION_ORDER))
    lines: Lines
    next_step: NextStep = Field(description="the page ends with a next step, never a dead end")

    @model_validator(mode="after")
    def _sections_in_order(self) -> HelpingFile:
        ids = tuple(s.id for s in self.sections)
        if ids != SECTION_ORDER:
            raise ValueError(f"sections must be, in this order: {', '.join(SECTION_ORDER)} (found {', '.join(ids)})")
        return self

    def all_points(self) -> list[Point]:
        """Every point of every section, in page order."""
        return [p for s in self.sections for p in s.points]
