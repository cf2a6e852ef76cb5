"""Model of content/glossary.yaml: the terms the app explains, each sourced, with `see_also` links
that must name other terms of the same file."""

from __future__ import annotations

from pydantic import Field, model_validator

from components.models.base import Markdown, Sourced, Strict


class Term(Sourced):
    term: str
    definition: Markdown
    see_also: list[str] = []


class GlossaryFile(Strict):
    terms: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def _see_also_resolves(self) -> GlossaryFile:
        ids = {t.id for t in self.terms}
        for t in self.terms:
            missing = [s for s in t.see_also if s not in ids]
            if missing:
                raise ValueError(f"term '{t.id}': see_also names unknown term(s): {', '.join(missing)}")
        return self
