"""Model of content/ui.yaml: the interface words (page titles, navigation sections, the shell's
labels and messages), so a translation or a reworded edition is a copy of content/ and nothing else."""

from __future__ import annotations

from pydantic import Field

from components.models.base import Markdown, Strict


class PageText(Strict):
    """Navigation title, icon and one-line description of a page; `heavy` pages open with a note."""

    title: str
    icon: str = Field(description="a Material Symbols name like ':material/home:' or one emoji")
    description: str
    heavy: bool = False


class ContentNote(Strict):
    title: str
    body: Markdown
    go_on: str
    go_elsewhere: str


class ErrorScreen(Strict):
    title: str
    intro: Markdown
    how_to_fix: Markdown


class QuickExitAnnouncements(Strict):
    """What a screen reader hears from the quick exit (GOV.UK's wording, in content so it translates)."""

    press_two_more: str = Field(description="after the first Shift press")
    press_one_more: str = Field(description="after the second Shift press")
    timed_out: str = Field(description="when the presses were too slow and the count starts again")
    leaving: str = Field(description="shown on the blank screen while the next site loads")


class UiFile(Strict):
    app_title: str
    tagline: str
    sections: dict[str, str] = Field(description="section id -> heading in the navigation")
    pages: dict[str, PageText]
    quick_exit_label: str
    quick_exit_hint: str = Field(description="short text that tells keyboard users about Shift x3")
    quick_exit_announce: QuickExitAnnouncements
    safety_note: Markdown
    safety_link: str
    presenter_toggle: str
    presenter_help: str
    high_contrast_toggle: str
    content_note: ContentNote
    error_screen: ErrorScreen
    sources_label: str
    chart_text_label: str = Field(description="heading of the expander that holds a chart's text alternative")
    chart_waiting: str = Field(description="shown where a chart will draw, until the reader scrolls to it")
    chart_scroll_hint: str = Field(description="over a chart wider than a phone's screen, which scrolls sideways")
    previous: str
    next: str
    search_label: str
    search_placeholder: str
    no_matches: str
    labels: dict[str, str] = Field(default_factory=dict, description="small interface words, by key")
