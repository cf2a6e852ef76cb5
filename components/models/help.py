"""Model of content/help.yaml (the "Get help" page and the quick exit): emergency numbers and help
lines with how sure we are of each and when a person last confirmed it live, leaving safely, and
finding a therapist. `components/content/live_check.py` warns about entries nobody has confirmed."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from components.models.base import Item, Markdown, SourcedText, Strict

Status = Literal["seen", "unverified", "conflict"]


class BackNote(Strict):
    single: Markdown
    normal: Markdown
    no_script: Markdown = Field(
        description="what Back does after an exit where JavaScript is off (the exit is then "
        "a plain link); shown instead of the setting's note wherever scripts do not run"
    )


class QuickExit(Strict):
    url: str = Field(pattern=r"^https?://", description="where the quick exit goes")
    why: Markdown
    history: Literal["single", "normal"] = Field(
        "single",
        description="single: the app keeps one browser history entry, so Back after an exit never "
        "returns to it; normal: each step and page adds an entry (Back moves within the app)",
    )
    back_note: BackNote = Field(description="what Back does after an exit, said on Get help, for each setting")


LIVE_CHECK = (
    "the date a person confirmed this entry on the organisation's (or an official) live site; "
    "empty (null) until someone has; `check` warns when it is empty or over 6 months old"
)


class EmergencyNumber(Item):
    region: str
    number: str
    note: Markdown | None = None
    status: Status
    status_note: Markdown | None = None
    confirmed_live_on: date | None = Field(description=LIVE_CHECK)
    regions: list[str] = Field(
        default_factory=list,
        description="ids of the regions (below) whose readers see this "
        "number first, in full, on Get help; the others are one line each, details a tap away",
    )


class ImmediateDanger(Strict):
    intro: Markdown
    numbers: list[EmergencyNumber] = Field(min_length=1)


class Region(Item):
    name: str
    countries: list[str] = Field(
        default_factory=list,
        description="ISO 3166 country codes (GB, US, ...) whose "
        "readers see this region first on Get help, going by the browser's language setting",
    )


class Channel(Strict):
    kind: Literal["phone", "text", "chat", "web", "email", "tty", "whatsapp"]
    value: str
    note: str | None = None
    keyword: str | None = Field(
        None, description="for a text line: the word to send, put in the message for the reader"
    )


LineKind = Literal["crisis", "youth", "domestic-abuse", "specialist", "directory"]


class Helpline(Item):
    region: str
    also_regions: list[str] = Field(
        default_factory=list,
        description="other region ids the line also serves "
        "(a line for the US and Canada, say); it is listed under each",
    )
    kind: LineKind = Field(
        description="crisis: suicide, self-harm and emotional crisis; youth: children and young "
        "people; domestic-abuse; specialist: for one community (LGBTQ+, Deaf callers, ...); "
        "directory: a look-up of lines in other countries"
    )
    for_friends: bool = Field(
        False,
        description="true only where the sources say the line also serves friends, "
        "family or people worried about someone (the Worried about someone page lists these)",
    )
    name: str
    organisation: str
    channels: list[Channel] = Field(min_length=1)
    hours: str
    languages: str | None = None
    who: Markdown
    url: str | None = None
    status: Status
    status_note: Markdown | None = None
    seen_in: str
    confirmed_live_on: date | None = Field(description=LIVE_CHECK)


class LeavingSafely(Strict):
    """Why separating can raise the risk, what a safety plan is and who helps make one. Pages that
    talk about leaving link here."""

    heading: str
    intro: Markdown
    points: list[SourcedText] = Field(min_length=3)


class FindingATherapist(Strict):
    intro: Markdown
    steps: list[SourcedText] = Field(min_length=1)
    questions_to_ask: list[str] = Field(min_length=1)


class NextStep(Strict):
    """ "Does this sound familiar?": the short step that ends each page where a reader may recognise
    their own life (components/next_step.py, text_edition/next_step.py). It informs and points to
    help, never says what a relationship is; the lines come from `helplines` by the reader's region."""

    heading: str
    intro: Markdown
    steps: list[SourcedText] = Field(min_length=2, max_length=4, description="what a reader can do next")
    emergency: str = Field(description="lead-in of the emergency number")
    domestic_abuse: str = Field(description="lead-in of the region's first domestic-abuse line")
    crisis: str = Field(description="lead-in of the region's first crisis line")
    youth: str = Field(description="lead-in of the region's first line for young people")
    on_get_help: str = Field(
        description="where a region has no line of a kind: said after the name of Get help's "
        "section that lists them ('If you are under 18: see Get help.')"
    )
    friends: str = Field(description="the link to the Worried about someone page")
    get_help: str = Field(description="the link to Get help (every line, safety planning)")


class HelpFile(Strict):
    quick_exit: QuickExit
    published_on: date = Field(description="when the entries were gathered from published pages (archived copies)")
    published_how: str
    check_local_note: Markdown
    crisis_step: Markdown = Field(
        description="what a person in crisis can do right now when no line is listed "
        "for where they are (said on Get help, the handouts and the friends page)"
    )
    youth_intro: Markdown = Field(description="opens the lines for children and young people")
    crisis_intro: Markdown = Field(description="opens the crisis and suicide lines")
    immediate_danger: ImmediateDanger
    leaving_safely: LeavingSafely
    regions: list[Region] = Field(min_length=1)
    helplines: list[Helpline] = Field(min_length=1)
    finding_a_therapist: FindingATherapist
    after_exit_note: Markdown
    next_step: NextStep

    @model_validator(mode="after")
    def _regions_resolve(self) -> HelpFile:
        ids = {r.id for r in self.regions}
        for h in self.helplines:
            for r in (h.region, *h.also_regions):
                if r not in ids:
                    raise ValueError(f"helpline '{h.id}': region '{r}' is not one of {sorted(ids)}")
        for n in self.immediate_danger.numbers:
            for r in n.regions:
                if r not in ids:
                    raise ValueError(f"emergency number '{n.id}': region '{r}' is not one of {sorted(ids)}")
        return self
