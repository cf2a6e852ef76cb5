"""Base classes of every content model in components/models/, and the one shared sourced-text shape."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

Markdown = str  # text rendered as Markdown with raw HTML shown as text (see components/text.py)


def in_english(info: ValidationInfo) -> bool:
    """Whether the text being validated is the English edition (no `locale` in the context, or `en`):
    the checks that look for English words run only then."""
    return (info.context or {}).get("locale", "en") == "en"


class Strict(BaseModel):
    """Every content model: unknown keys are an error, so a typo never vanishes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Item(Strict):
    """A list entry other content can point at; ids are unique within their file."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="stable kebab-case id")


class Sourced(Item):
    """A factual item: it must name at least one source from sources.yaml."""

    sources: list[str] = Field(min_length=1, description="ids from sources.yaml")


class SourcedText(Sourced):
    """A titled, sourced piece of text: a point, a note, a step, a key idea. One model for every such
    list entry, so a new one reuses this rather than declaring the same three fields again."""

    title: str
    body: Markdown


class SourcedList(Sourced):
    """A titled, sourced list with an introduction and an optional closing note (the effects of
    relational trauma, the signs of trauma and of codependency)."""

    title: str
    intro: Markdown
    items: list[str] = Field(min_length=1)
    note: Markdown | None = None


class Takeaway(Strict):
    """A subject page's one-line takeaway: what the page shows, in one sentence of our
    own words, first under the title; sourced like every factual item."""

    text: Markdown = Field(description="one line: at most 35 words, no line breaks")
    sources: list[str] = Field(min_length=1, description="ids from sources.yaml")

    @field_validator("text")
    @classmethod
    def one_line(cls, text: str) -> str:
        if "\n" in text.strip():
            raise ValueError("a takeaway is one line: no line breaks")
        if len(text.split()) > 35:
            raise ValueError(f"a takeaway is one line: at most 35 words (this one has {len(text.split())})")
        return text
