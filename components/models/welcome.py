"""Model of content/welcome.yaml (the home page): who the app is for, the ways in (ordered lists of
pages), and what it is not (a diagnosis), how it treats privacy and where its words come from."""

from __future__ import annotations

from pydantic import Field

from components.models.base import Item, Markdown, Strict


class Audience(Item):
    title: str
    body: Markdown


class WayIn(Item):
    title: str
    body: Markdown
    pages: list[str] = Field(min_length=1, description="page ids (see components/navigation.py), in order")


class WelcomeFile(Strict):
    intro: Markdown
    audiences: list[Audience] = Field(min_length=1)
    ways_in: list[WayIn] = Field(min_length=3)
    not_diagnosis: Markdown
    privacy: Markdown
    about_sources: Markdown
