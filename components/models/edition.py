"""Model of content/<locale>/edition.yaml: the review trail of a translation. For each file, who
translated it and when, and whether a native speaker and a domestic-abuse specialist have reviewed it.
Until both have, the file is a draft translation (`check --locale` warns, and the app is to say so)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from components.models.base import Strict


class Review(Strict):
    by: str = Field(min_length=1, description="who reviewed it (a name, or an organisation and a role)")
    on: date = Field(description="when, YYYY-MM-DD")


class FileEdition(Strict):
    translated_by: str = Field(min_length=1, description="who translated the file")
    translated_on: date | None = Field(None, description="when the translation was finished, YYYY-MM-DD")
    native_review: Review | None = Field(None, description="a native speaker's review; null until done")
    specialist_review: Review | None = Field(
        None, description="a domestic-abuse specialist's review of the care and safety wording; null until done"
    )

    @property
    def reviewed(self) -> bool:
        return self.native_review is not None and self.specialist_review is not None


class EditionFile(Strict):
    name: str = Field(min_length=1, description="the language's own name, for the language switch (Español)")
    pseudo: bool = Field(False, description="true for a pseudo-locale made by a script: for tests, never for readers")
    files: dict[str, FileEdition] = Field(
        default_factory=dict,
        description="content file name (as under content/, e.g. workshops/classroom-45.yaml) -> its trail",
    )
