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
    body: Markdown = Field(description="before a heavy page, for a person reading alone")
    session_body: Markdown = Field(description="the same note for a whole presented session, shown once at its start")
    go_on: str
    go_elsewhere: str


class ErrorScreen(Strict):
    title: str
    intro: Markdown
    how_to_fix: Markdown


class TextEdition(Strict):
    """The words of the text edition (/text/): plain HTML pages for slow phones and no JavaScript."""

    index_title: str
    index_intro: Markdown
    pages_heading: str = Field(description="heading of the list of pages on the index")
    skip_link: str
    to_text_index: str = Field(description="link from a text page to the index of text pages")
    to_app_page: str = Field(description="link from a text page to the same page in the interactive app")
    app_link: str = Field(description="on every app page: the link to that page's text version")
    step: str = Field(description="a stepper's step as a heading: {n}, {total}, {title}")
    sorter_where: str = Field(description="the disclosure that shows where a scenario sits and why")
    not_in_text: str = Field(description="where a page has something only the app can do (a reflection, a sandbox)")


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
    language: str = Field(
        "en",
        pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="BCP 47 language of this content (the text edition's <html lang>)",
    )
    language_name: str = Field(
        "English",
        min_length=1,
        description="the English edition's own name in the language switch (a translation's is in its edition.yaml)",
    )
    text_edition: TextEdition
    labels: dict[str, str] = Field(default_factory=dict, description="small interface words, by key")
