"""Models of content/therapies.yaml: the therapy approaches browser (page `therapies`).

The facets (who an approach is for, its format, its focus, the strength of its evidence) are
closed sets: their ids are what the page puts in the URL (`?for=children&focus=memories`), so
they are `Literal`s here; their labels and explanations live in the YAML so an edition can reword
them. Every approach is `Sourced`, and so is each note on it (length, evidence, cautions), because
those often come from a different source than the description.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, model_validator

from components.models.base import Item, Markdown, Sourced, Strict, Takeaway

AudienceId = Literal["children", "adolescents", "adults", "couples", "families"]
FormatId = Literal["individual", "family", "couple", "group"]
FocusId = Literal["memories", "thoughts-behaviour", "emotions", "relationships", "present-body"]
EvidenceId = Literal["guideline-strong", "guideline-conditional", "research-review", "article-described", "not-rated"]
PathId = Literal["child", "teen", "adult"]

AUDIENCES: tuple[str, ...] = get_args(AudienceId)
FORMATS: tuple[str, ...] = get_args(FormatId)
FOCUSES: tuple[str, ...] = get_args(FocusId)
EVIDENCE_LEVELS: tuple[str, ...] = get_args(EvidenceId)  # strongest first


class Facet(Item):
    """One value of a filter: its label on screen and a line explaining it."""

    label: str
    description: Markdown


class AudienceFacet(Facet):
    id: AudienceId
    short: str = Field(description="a short label for the map's axis")


class FormatFacet(Facet):
    id: FormatId


class FocusFacet(Facet):
    id: FocusId
    short: str = Field(description="a short label for the map's axis")


class EvidenceFacet(Facet):
    id: EvidenceId


class SourcedNote(Strict):
    """A sentence or two with its own sources (not an Item: nothing points at it)."""

    text: Markdown
    sources: list[str] = Field(min_length=1, description="ids from sources.yaml")


class Evidence(SourcedNote):
    level: EvidenceId


class Approach(Sourced):
    """One therapy approach, as a card in the browser."""

    name: str
    short_name: str = Field(description="label on the map, e.g. 'CBT'")
    summary: Markdown = Field(description="one line for the results list")
    named_in: Markdown = Field(
        description="where this approach comes from: which article names it, or that we added it"
    )
    what_it_is: Markdown
    how_it_works: Markdown
    session: Markdown = Field(description="what a session may look like")
    suits: Markdown = Field(description="who it may suit")
    audiences: list[AudienceId] = Field(min_length=1, description="who it is for; the first is the main one")
    age_note: Markdown | None = None
    formats: list[FormatId] = Field(min_length=1)
    focus: list[FocusId] = Field(min_length=1, description="what it works on; the first places it on the map")
    length: SourcedNote | None = Field(default=None, description="typical length, only where a source gives it")
    evidence: Evidence
    cautions: list[SourcedNote] = []

    @model_validator(mode="after")
    def _no_repeats(self) -> Approach:
        for name in ("audiences", "formats", "focus"):
            values = getattr(self, name)
            if len(set(values)) != len(values):
                raise ValueError(f"approach '{self.id}': {name} lists a value twice")
        return self


class GuidedPath(Item):
    """A guided way in: 'therapy for my child' or 'therapy for me'."""

    id: PathId
    label: str
    title: str
    intro: Markdown
    approaches: list[str] = Field(min_length=1, description="approach ids, in the order to read them")
    note: SourcedNote | None = None
    help_section: Literal["under-18", "crisis"] | None = Field(
        None, description="a Get help section the path links to with its own button (the teen path: under-18)"
    )
    help_label: str | None = Field(None, description="that button's words")
    sources: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _help_section_has_words(self) -> GuidedPath:
        if (self.help_section is None) != (self.help_label is None):
            raise ValueError(f"path '{self.id}': help_section and help_label go together")
        return self


class Question(Sourced):
    """A practical question and our answer."""

    question: str
    answer: Markdown
    show_help_questions: bool = Field(default=False, description="also list help.yaml's questions to ask")


PATH_IDS = ("child", "teen", "adult")  # the guided paths, in the order the page offers them


class TherapiesFile(Strict):
    takeaway: Takeaway = Field(description="the page's one-line takeaway, first under its title")
    intro: Markdown
    not_advice: Markdown
    map_title: str
    map_alt: str
    map_summary: Markdown = Field(description="the first paragraph of the map's text alternative")
    audiences: list[AudienceFacet]
    formats: list[FormatFacet]
    focuses: list[FocusFacet]
    evidence_levels: list[EvidenceFacet]
    approaches: list[Approach] = Field(min_length=2)
    paths: list[GuidedPath]
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _facets_complete_and_refs_resolve(self) -> TherapiesFile:
        for name, expected in (
            ("audiences", AUDIENCES),
            ("formats", FORMATS),
            ("focuses", FOCUSES),
            ("evidence_levels", EVIDENCE_LEVELS),
        ):
            got = [f.id for f in getattr(self, name)]
            if sorted(got) != sorted(expected):
                raise ValueError(
                    f"{name} must describe each of {', '.join(expected)} exactly once (found {', '.join(got)})"
                )
        ids = {a.id for a in self.approaches}
        for path in self.paths:
            missing = [a for a in path.approaches if a not in ids]
            if missing:
                raise ValueError(f"path '{path.id}' names unknown approach(es): {', '.join(missing)}")
        if sorted(p.id for p in self.paths) != sorted(PATH_IDS):
            raise ValueError("paths must hold exactly one 'child', one 'teen' and one 'adult' path")
        return self
