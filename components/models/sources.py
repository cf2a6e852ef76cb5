"""Model of content/sources.yaml: every source the app cites. Other files name these ids in
`sources: [...]`, and the loader checks that each one resolves here."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from components.models.base import Item, Markdown, Strict

SourceKind = Literal["article", "peer-reviewed", "book", "guideline", "personal-account", "directory"]


class Source(Item):
    title: str
    author: str | None = None
    publisher: str | None = None
    year: int | None = None
    url: str | None = None
    kind: SourceKind
    summary: Markdown
    caution: Markdown | None = None
    cited_in: list[str] = []


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)
