"""What a segment asks of the group, on the run-session page: for an opening segment the
safeguarding, the group agreement and the care; the questions, the activity and the room question;
the facilitator's notes (first on the notes device, closed on the projector, which the group sees).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from components import room_questions
from components.facilitate import workshop
from components.text import caption, md

if TYPE_CHECKING:
    from components.content.registry import Content
    from components.models.workshops import WorkshopFile


def _bullets(items) -> None:
    md("\n".join(f"- {item}" for item in items))


def segment_body(content: Content, plan: WorkshopFile, seg, *, notes_open: bool) -> None:
    """What a segment asks of the group; the facilitator's notes (first on the notes device, closed
    on the projector, which the group can see)."""
    L = content.ui.labels
    if notes_open:
        st.subheader(L["facilitate_notes_heading"])
        md(seg.notes)
    if seg.kind == "opening":
        st.subheader(L["facilitate_safeguarding_heading"])
        guard = plan.safeguarding
        md(f"**{L['facilitate_safeguarding_confidentiality']}.** {guard.confidentiality}")
        md(f"**{L['facilitate_safeguarding_lead']}.** {guard.lead}")
        md(f"**{L['facilitate_safeguarding_disclosure']}:**")
        md("\n".join(f"{i}. {step}" for i, step in enumerate(guard.if_someone_discloses, 1)))
        st.subheader(L["facilitate_agreement_heading"])
        _bullets(plan.group_agreement)
        st.subheader(L["facilitate_care_heading"])
        care = (
            ("no_disclosure", plan.care.no_disclosure),
            ("breaks", plan.care.breaks),
            ("during", plan.care.support_during),
            ("after", plan.care.support_after),
        )
        # no sentence twice on one screen (the agreement often says "no one has to share" too)
        shown = [guard.confidentiality, *plan.group_agreement]
        for line in workshop.labelled_without_repeats(shown, [(L["facilitate_care_" + k], t) for k, t in care]):
            if line:
                md(line)
    st.subheader(L["facilitate_questions_heading"])
    _bullets(seg.questions)
    st.subheader(L["facilitate_activity_heading"])
    md(seg.activity)
    asked = content.room.question(seg.room_question) if seg.room_question else None
    if asked is not None:  # asked as the segment opens, when a room is open (room_ui.ask_for_segment)
        caption(L["room_segment_question"].format(prompt=room_questions.prompt(content, asked)))
    if not notes_open:
        with st.expander(L["facilitate_notes_heading"], icon=":material/sticky_note_2:"):
            md(seg.notes)
