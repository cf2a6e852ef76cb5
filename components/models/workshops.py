"""Workshop plans (content/workshops/*.yaml): one file per plan, each a list of sessions made of
timed segments. Every segment names the page (and step) the projector shows while it runs.

Which page ids exist is the app's business (components/navigation.py), not the content model's:
the model only checks their shape, and tests/pages/test_workshops.py checks they resolve.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, model_validator

from components.models.base import Item, Markdown, SourcedText, Strict, in_english

KEBAB = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# URL parameters the facilitator tools use themselves; a segment's `query` may not set them.
RESERVED_PARAMS = frozenset({"present", "contrast", "plan", "segment", "view", "pair"})

SegmentKind = Literal["opening", "content", "break", "closing"]


class Segment(Item):
    """One timed part of a session: what the projector shows and what the facilitator does."""

    title: str
    kind: SegmentKind = "content"
    minutes: int = Field(ge=1, le=120)
    page: str = Field(pattern=KEBAB, description="page id to show (see components/navigation.py)")
    query: dict[str, str | int] = Field(
        default_factory=dict,
        description="URL parameters of the step to show, e.g. {phase: 2, model: walker} (steps count from 1)",
    )
    notes: Markdown = Field(description="for the facilitator only: what to say and watch for")
    questions: list[str] = Field(min_length=1, description="discussion questions")
    activity: Markdown = Field(description="what the group does in this segment")
    sources: list[str] = Field(
        default_factory=list,
        description="ids from sources.yaml for what the notes "
        "state as fact, if anything (the facilitator guide names them)",
    )
    room_question: str | None = Field(
        None,
        pattern=KEBAB,
        description="a live-room question id (room.yaml) asked when the segment opens, if a room is open",
    )

    @model_validator(mode="after")
    def _query_keys(self) -> Segment:
        bad = sorted(k for k in self.query if k in RESERVED_PARAMS or not k.replace("_", "").isalnum())
        if bad:
            raise ValueError(
                f"segment '{self.id}': query may not use {', '.join(bad)} "
                f"(reserved: {', '.join(sorted(RESERVED_PARAMS))})"
            )
        return self

    def url_query(self) -> dict[str, str]:
        """The query as URL strings."""
        return {k: str(v) for k, v in self.query.items()}


class Session(Item):
    title: str
    minutes: int = Field(ge=5, description="must equal the sum of the segments' minutes")
    segments: list[Segment] = Field(min_length=2)

    @model_validator(mode="after")
    def _shape(self) -> Session:
        if self.segments[0].kind != "opening":
            raise ValueError(
                f"session '{self.id}': the first segment must be kind 'opening' (the group agreement and care guidance)"
            )
        total = sum(s.minutes for s in self.segments)
        if total != self.minutes:
            raise ValueError(f"session '{self.id}': segments add up to {total} minutes, not {self.minutes}")
        return self


class Care(Strict):
    """Care guidance read out at the start of every session."""

    no_disclosure: Markdown = Field(description="no one needs to share anything personal")
    breaks: Markdown = Field(description="anyone may step out or take a break at any time")
    support_during: Markdown = Field(description="where to get support during the session")
    support_after: Markdown = Field(description="where to get support afterwards")


class Safeguarding(Strict):
    """Said up front, before any content, in every plan: what the facilitator can and cannot keep
    private, who the safeguarding lead is, and what to do if someone discloses harm, to themselves
    or to a friend. A school or a service has a duty to act on a disclosure, so no plan may promise
    more privacy than that. `lead` is the facilitator's (a blank to fill in and say aloud);
    `participant_lead` is what the participant handout prints instead: no blank, no instruction."""

    confidentiality: Markdown = Field(description="the limits of confidentiality, said before anything else")
    lead: Markdown = Field(
        min_length=10, description="who the safeguarding lead is: a blank (____) the facilitator fills in"
    )
    participant_lead: Markdown = Field(
        min_length=10,
        description="the lead as a participant reads it on the handout: "
        "who to go to, with no blank and no instruction to the facilitator",
    )
    if_someone_discloses: list[str] = Field(
        min_length=3,
        description="the steps, in order: listen; do not promise secrecy; pass it on to the lead; "
        "and what to do when someone says a friend is being hurt",
    )

    @model_validator(mode="after")
    def _shape(self, info: ValidationInfo) -> Safeguarding:
        if not in_english(info):  # the words below are English; a translation is checked in review
            return self
        steps = " ".join(self.if_someone_discloses).lower()
        missing = [
            what
            for what, words in (
                ("listen", ("listen",)),
                ("do not promise secrecy", ("secre",)),
                ("pass it on", ("pass it on", "pass on", "report")),
                ("what to do if it is about a friend", ("friend",)),
                ("the emergency number", ("emergency number",)),
            )
            if not any(w in steps for w in words)
        ]
        if missing:
            raise ValueError(f"if_someone_discloses must say: {', '.join(missing)}")
        found = [bit for bit in FACILITATOR_ONLY if bit in self.participant_lead.lower()]
        if found:
            raise ValueError(
                f"participant_lead is printed for participants: no blank or instruction to the "
                f"facilitator ({', '.join(repr(b) for b in found)})"
            )
        return self


# Text that is for the facilitator only and must never reach a participant's handout.
FACILITATOR_ONLY = ("____", "(the teacher", "(the facilitator", "fills this in", "fill this in")


# Promises a facilitator cannot keep once someone discloses harm (checked in every plan's text).
UNKEEPABLE_PROMISES = (
    "stays here",
    "stays in the room",
    "stays in the group",
    "stay in the room",
    "today or later",
    "follow you out",
    "will not tell anyone",
    "won't tell anyone",
    "completely confidential",
    "kept secret",
    "nothing leaves",
)


class RoomPair(Strict):
    """A live-room question asked before and after (content/room.yaml ids): the room's totals of
    each are shown side by side. Usually one question asked twice (`before` == `after`): its first
    asking is the before, its last later asking the after. Counts only: nothing links one phone's
    before to its after (components/room_summary.py)."""

    before: str = Field(pattern=KEBAB, description="a room question id, asked near the start")
    after: str = Field(pattern=KEBAB, description="a room question id with the same choices, asked near the end")


class WorkshopFile(Strict):
    id: str = Field(pattern=KEBAB)
    title: str
    audience: str
    summary: Markdown
    minutes: int = Field(ge=10, description="total of all sessions")
    safeguarding: Safeguarding = Field(
        description="limits of confidentiality, safeguarding lead, what to do "
        "if someone discloses; said up front in every session"
    )
    group_agreement: list[str] = Field(min_length=3)
    care: Care
    sessions: list[Session] = Field(min_length=1)
    key_ideas: list[SourcedText] = Field(
        min_length=3, description="for the participant handout; factual, so each names its sources"
    )
    room_pairs: list[RoomPair] = Field(
        default_factory=list, max_length=3, description="live-room questions asked before and after (the room's shift)"
    )

    @model_validator(mode="after")
    def _total(self) -> WorkshopFile:
        total = sum(s.minutes for s in self.sessions)
        if total != self.minutes:
            raise ValueError(f"plan '{self.id}': sessions add up to {total} minutes, not {self.minutes}")
        return self

    @model_validator(mode="after")
    def _no_unkeepable_promise(self, info: ValidationInfo) -> WorkshopFile:
        if not in_english(info):
            return self
        texts = [
            *self.group_agreement,
            *self.care.model_dump().values(),
            self.summary,
            *(t for _, seg in self.segments() for t in (seg.notes, seg.activity, *seg.questions)),
        ]
        found = sorted({p for t in texts for p in UNKEEPABLE_PROMISES if p in t.lower()})
        if found:
            raise ValueError(
                f"plan '{self.id}' promises what a facilitator cannot keep after a disclosure "
                f"({', '.join(repr(p) for p in found)}); say the limits of confidentiality instead"
            )
        return self

    def segments(self) -> list[tuple[Session, Segment]]:
        """Every segment in running order, with its session."""
        return [(session, seg) for session in self.sessions for seg in session.segments]
