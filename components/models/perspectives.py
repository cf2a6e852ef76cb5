"""perspectives.yaml: what practitioners and the other articles say about whether a toxic
relationship can heal.

Three controlled lists drive the page: `stances` (a spectrum from "rarely or never" to "often, with
work", ordered by `position`), `conditions` (what a source says repair needs) and `perspectives`
(one per practitioner of article 001, plus the positions of articles 000 and 004). Every reference
between them is checked here, so a typo in an id fails validation with a clear message.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, model_validator

from components.models.base import Item, Markdown, Sourced, Strict, Takeaway, in_english

# practitioner: quoted in the round-up article 001. lived-experience: an article written from the
# author's own experience (000). personal-account: a non-professional's personal reflection (004).
PerspectiveKind = Literal["practitioner", "lived-experience", "personal-account"]


class Stance(Item):
    """One point of the spectrum; `position` 0 is "rarely or never", the highest is "often, with work"."""

    label: str
    position: int = Field(ge=0, le=10)
    description: Markdown


class Condition(Sourced):
    """Something a source says repair needs (or needs to be absent)."""

    label: str
    description: Markdown


class Perspective(Sourced):
    """One voice: who, in what role, where they stand, which conditions they name, their advice."""

    kind: PerspectiveKind
    name: str | None = Field(None, description="as printed in the article; null when the article gives none")
    label: str | None = Field(None, description="what to call a voice with no name (required when name is null)")
    short_label: str | None = Field(None, description="a shorter name for charts (defaults to the name)")
    credentials: str | None = None
    role: str
    organisation: str | None = None
    stance: str | None = Field(
        description="a stance id; null for a voice that does not address whether repair "
        "is possible (it is then left off the spectrum)"
    )
    stance_summary: Markdown
    conditions: list[str] = Field(default_factory=list, description="condition ids (a practitioner names one or more)")
    key_advice: list[Markdown] = Field(min_length=1)
    framing_note: Markdown | None = Field(
        None, description="set when the view uses a non-clinical framing (energy, soul retrieval, ...)"
    )
    couples_work: bool = Field(
        False,
        description="true when the card recommends couples work or counselling: it then carries the couples "
        "caveat, in every language (a flag, not a search for the English word)",
    )

    @model_validator(mode="after")
    def _couples_flagged(self, info: ValidationInfo) -> Perspective:
        said = " ".join([self.stance_summary, *self.key_advice]).lower()
        if in_english(info) and "couples" in said and self.stance != "rarely-or-never" and not self.couples_work:
            raise ValueError(
                f"perspective '{self.id}' speaks of couples work: set `couples_work: true` so its card "
                "carries the couples caveat in every language"
            )
        return self

    @property
    def display_name(self) -> str:
        return self.name or self.label or self.id

    @property
    def chart_name(self) -> str:
        return self.short_label or self.display_name


class Side(Strict):
    perspectives: list[str] = Field(min_length=1, description="perspective ids")
    view: Markdown


class Difference(Sourced):
    """A question on which the sources disagree, and the sides they take."""

    question: str
    sides: list[Side] = Field(min_length=2)


class PerspectivesFile(Strict):
    takeaway: Takeaway = Field(description="the page's one-line takeaway, first under its title")
    intro: Markdown
    about_sources: Markdown
    framing_rule: Markdown = Field(description="shown beside any non-clinical framing")
    safety_note: Markdown
    couples_caveat: Markdown = Field(
        description="shown on every card that recommends couples work or shared "
        "responsibility: not for relationships with abuse, fear or control"
    )
    stances: list[Stance] = Field(min_length=2)
    conditions: list[Condition] = Field(min_length=1)
    perspectives: list[Perspective] = Field(min_length=1)
    differences: list[Difference] = Field(min_length=1)

    @model_validator(mode="after")
    def _references_resolve(self) -> PerspectivesFile:
        stance_ids = {s.id for s in self.stances}
        condition_ids = {c.id for c in self.conditions}
        person_ids = {p.id for p in self.perspectives}
        problems = []
        positions = [s.position for s in self.stances]
        if len(set(positions)) != len(positions):
            problems.append("stances: two stances share a position")
        for p in self.perspectives:
            if p.stance is None and p.kind == "practitioner":
                problems.append(f"perspective '{p.id}': a practitioner needs a stance")
            elif p.stance is not None and p.stance not in stance_ids:
                problems.append(f"perspective '{p.id}': stance '{p.stance}' is not one of {sorted(stance_ids)}")
            unknown = [c for c in p.conditions if c not in condition_ids]
            if unknown:
                problems.append(f"perspective '{p.id}': unknown condition(s): {', '.join(unknown)}")
            if not (p.name or p.label):
                problems.append(f"perspective '{p.id}': give a name or, when there is none, a label")
            if p.kind == "practitioner" and not p.conditions:
                problems.append(f"perspective '{p.id}': a practitioner names at least one condition")
            if len(set(p.conditions)) != len(p.conditions):
                problems.append(f"perspective '{p.id}': a condition is listed twice")
        for d in self.differences:
            for side in d.sides:
                unknown = [x for x in side.perspectives if x not in person_ids]
                if unknown:
                    problems.append(f"difference '{d.id}': unknown perspective(s): {', '.join(unknown)}")
        unused = condition_ids - {c for p in self.perspectives for c in p.conditions}
        if unused:
            problems.append(f"conditions named by no perspective: {', '.join(sorted(unused))}")
        if problems:
            raise ValueError("; ".join(problems))
        return self
