"""Base classes of every content model (components/content.py and components/models/*.py)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

Markdown = str  # text rendered as Markdown with raw HTML shown as text (see components/text.py)


class Strict(BaseModel):
    """Every content model: unknown keys are an error, so a typo never vanishes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Item(Strict):
    """A list entry other content can point at; ids are unique within their file."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="stable kebab-case id")


class Sourced(Item):
    """A factual item: it must name at least one source from sources.yaml."""

    sources: list[str] = Field(min_length=1, description="ids from sources.yaml")
