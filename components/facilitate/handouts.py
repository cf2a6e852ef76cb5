"""PDF handouts built from the same YAML as the app (fpdf2): a participant handout (two A4 pages:
key ideas, one picture, care after the session, the helplines of one region, the app's address;
components/facilitate/handout_lines.py prints the helplines, components/address.py makes the address)
and a facilitator guide (safeguarding, agenda, care guidance, and for each segment what the
screen shows, in words, with notes, questions and activity). Content in, bytes out.

The picture is the cycle of abuse drawn by the app's own figure builder (charts/cycle_steps.py) and
exported by Plotly's `to_image`, which needs kaleido 1.x and a Chromium (`BROWSER_PATH`, else
/usr/bin/chromium). That is Plotly's own, maintained export path: the handout shows exactly what
the app draws. The PNG is made once per content per process (about 3 s the first time). Where no
browser can be started, the handout prints the chart's text alternative in its place.

Text is prose: line breaks inside a paragraph of the YAML are joined, and no sentence is printed
twice in one document (workshop.without_repeats). Every word comes from the Content given, in its
edition (`content.ui.language`, the PDF's language too). The font is the project's own DejaVu Sans
(handout_fonts.py): a letter it cannot draw fails the document, never silently replaced. A draft
translation (editions_served: the plan's file or a file the document draws on is not yet reviewed)
says so on the first page.
"""

from __future__ import annotations

import functools
import io
import os
import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from components import editions_served, room_questions
from components.facilitate import handout_fonts, workshop
from components.facilitate.handout_lines import BUDGETS, FULL, help_section
from components.language import REFERENCE
from components.live_room import MIN_ANSWERS
from components.models.workshops import WorkshopFile
from components.navigation import page_spec

if TYPE_CHECKING:
    from components.content.registry import Content


def prose(text: str) -> str:
    """A YAML paragraph as the PDF prints it: the line breaks a block scalar keeps inside a
    paragraph become spaces (a printed line ends where the page needs it, not mid-sentence);
    blank lines still separate paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


class _Doc(FPDF):
    def __init__(self, footer_text: str, lang: str | None = None):
        super().__init__(format="A4")
        self._footer_text = footer_text
        self.scale = 1.0  # the type size, as a share of the usual (participant_handout's last resort)
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.family = handout_fonts.add_fonts(self)
        if lang:
            self.set_lang(lang)  # the PDF's language: a screen reader pronounces it right
        self.set_font(self.family, size=11)
        self.add_page()

    def output(self, *args, **kwargs):
        handout_fonts.check(self)  # a letter the font cannot draw: fail, never a blank box
        return super().output(*args, **kwargs)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, size=8)
        self.cell(0, 6, f"{self._footer_text} - {self.page_no()}", align="C")

    # ------------------------------------------------------------------ blocks
    def title_block(self, title: str, subtitle: str) -> None:
        self.set_font(self.family, "B", 20)
        self.multi_cell(0, 9, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 13)
        self.multi_cell(0, 7, subtitle, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def heading(self, text: str, size: float = 15) -> None:
        if self.get_y() > self.h - 45:
            self.add_page()
        self.ln(2)
        size *= self.scale
        self.set_font(self.family, "B", size)
        self.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def para(self, text: str, size: float = 11, gap: float = 1.5) -> None:
        text, size = prose(text), size * self.scale
        if not text:
            return
        self.set_font(self.family, "", size)
        self.multi_cell(0, size * 0.5, text, markdown=True, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)

    def bullets(self, items, size: float = 11) -> None:
        size *= self.scale
        self.set_font(self.family, "", size)
        for item in items:
            self.set_x(self.l_margin + 3)
            self.multi_cell(
                0,
                size * 0.5,
                f"• {prose(item)}",
                markdown=True,
                align="L",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        self.ln(1.5)

    def small(self, text: str) -> None:
        self.set_font(self.family, "I", 8.5 * self.scale)
        self.multi_cell(0, 4.2 * self.scale, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)


def _source_names(content: Content, ids) -> str:
    names = []
    for sid in ids:
        s = content.sources_by_id.get(sid)
        if s is not None:
            names.append(s.title + (f" ({s.publisher or s.author})" if (s.publisher or s.author) else ""))
    return "; ".join(names)


class _Once:
    """What one document has printed, so no sentence is printed twice (workshop.without_repeats)."""

    def __init__(self) -> None:
        self.shown: list[str] = []

    def __call__(self, text: str) -> str:
        fresh = workshop.without_repeats(self.shown, [prose(text)])[0]
        self.shown.append(text)
        return fresh


def default_region(help_file) -> str:
    """A handout's region when none is chosen: the first region in help.yaml."""
    return help_file.regions[0].id


def _safeguarding_section(doc: _Doc, plan: WorkshopFile, L: dict[str, str], steps: bool, once: _Once) -> None:
    """The limits of confidentiality, the safeguarding lead (a blank to fill in) and, for the
    facilitator, what to do if someone discloses, about themselves or a friend: first in the guide,
    before the agenda."""
    guard = plan.safeguarding
    doc.heading(L["facilitate_safeguarding_heading"])
    doc.para(f"**{L['facilitate_safeguarding_confidentiality']}.** {once(guard.confidentiality)}")
    doc.para(f"**{L['facilitate_safeguarding_lead']}.** {once(guard.lead)}")
    if steps:
        doc.para(f"**{L['facilitate_safeguarding_disclosure']}:**")
        doc.bullets([f"{i}. {once(step)}" for i, step in enumerate(guard.if_someone_discloses, 1)])


# --------------------------------------------------------------------------- the picture


def picture_figure(content: Content):
    """(figure, caption) of the handout's one picture: the cycle of abuse as the app draws it
    (the first version of the cycle, its last phase, the kind one, highlighted), or None."""
    cy = getattr(content, "cycle", None)
    if cy is None or not cy.cycle.versions:
        return None
    from components.charts.cycle_steps import cycle_figure

    version = cy.cycle.versions[0]
    last = len(version.phases) - 1
    fig = cycle_figure(tuple(p.short for p in version.phases), last, 420, 1.0)
    fig.update_layout(margin=dict(l=10, r=10, t=10, b=10))
    words = cy.cycle.alt.format(model=version.name, phase=version.phases[last].title)
    return fig, words


def _browser() -> str | None:
    for path in (os.environ.get("BROWSER_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if path and Path(path).is_file():
            return path
    return None


@functools.lru_cache(maxsize=4)
def picture_png(content: Content) -> bytes | None:
    """The picture as PNG bytes (Plotly's export through kaleido), once per content object; None
    where it cannot be made (no kaleido, no browser), and the handout prints its words instead."""
    made = picture_figure(content)
    browser = _browser()
    if made is None or browser is None:
        return None
    os.environ.setdefault("BROWSER_PATH", browser)
    try:
        return made[0].to_image(format="png", width=620, height=440, scale=2)
    except Exception:  # noqa: BLE001 - no kaleido or the browser would not start: words instead
        return None


def _picture(doc: _Doc, content: Content, L: dict[str, str]) -> None:
    made = picture_figure(content)
    if made is None:
        return
    png = picture_png(content)
    if png is not None:
        width = 100 * doc.scale
        doc.image(io.BytesIO(png), x=(doc.w - width) / 2, w=width, alt_text=made[1])
    doc.small(made[1])


# --------------------------------------------------------------------------- the documents


# The content files each document draws on besides its plan and ui.yaml (FILES keys): the help lines,
# the sources it names, the cycle its picture draws; the guide adds the room's questions and the pages
# its segments show (their titles and steps, workshop.screen_words).
PARTICIPANT_USES = ("help", "sources", "cycle")
COMPACT = 0.9  # the participant handout's smallest type, as a share of the usual: body text 9 pt


def guide_uses(plan: WorkshopFile) -> tuple[str, ...]:
    shown: list[str] = []
    for _, seg in plan.segments():
        try:
            shown += page_spec(seg.page).uses
        except KeyError:  # a page that does not exist shows nothing (the model's checks name it)
            continue
    return tuple(dict.fromkeys((*PARTICIPANT_USES, "room", *shown)))


def draft_notice(content: Content, plan: WorkshopFile, keys: tuple[str, ...]) -> str | None:
    """The line a document's first page prints when it is a draft translation: the content's edition
    has not had the plan's own file, ui.yaml or a file of `keys` reviewed by both a native speaker and
    a domestic-abuse specialist (editions_served). None for English and the pseudo-locale."""
    locale = content.ui.language
    if locale == REFERENCE:
        return None
    plans = editions_served.files_of(("workshops",))
    own = {f for f in plans if PurePosixPath(f).stem == plan.id} or plans  # unsure which file: any plan
    if own & editions_served.draft_files(locale) or editions_served.is_draft(locale, keys):
        return content.ui.labels["draft_translation_print"]
    return None


def _start(content: Content, plan: WorkshopFile, kind: str, keys: tuple[str, ...], scale: float = 1.0) -> _Doc:
    """A document in the content's language, its title, and the draft notice where one is due."""
    doc = _Doc(content.ui.app_title, content.ui.language)
    doc.scale = scale
    doc.title_block(plan.title, f"{content.ui.app_title} - {kind}")
    if notice := draft_notice(content, plan, keys):
        doc.para(f"**{notice}**", 10)
    return doc


def file_name(content: Content, plan: WorkshopFile, kind: str) -> str:
    """The downloaded file's name in the content's language: `kind` is "participant" or "guide"."""
    return content.ui.labels[f"facilitate_handout_{kind}_file"].format(plan=plan.id) + ".pdf"


def participant_handout(
    content: Content, plan: WorkshopFile, region: str | None = None, address: str | None = None
) -> bytes:
    """Two A4 pages: what the session covered, its key ideas, one picture, care after the session,
    the emergency numbers and helplines of `region` (a help.yaml region id) and the app's address.
    Only what a participant should read: the safeguarding lead as `participant_lead` (the plan's
    `lead` is a blank for the facilitator). Where the region has many lines, the first of each kind
    are kept so the handout stays on two pages (handout_lines.BUDGETS); where a longer language still
    needs more, the type is a little smaller (COMPACT), never below that: rather a third page."""
    tries = [(budget, 1.0) for budget in BUDGETS] + [(BUDGETS[-1], COMPACT)]
    for budget, scale in tries:
        doc = _participant_doc(content, plan, region, address, budget, scale)
        if doc.page_no() <= 2:
            return bytes(doc.output())
    return bytes(_participant_doc(content, plan, region, address, BUDGETS[-1]).output())


def _participant_doc(
    content: Content, plan: WorkshopFile, region: str | None, address: str | None, budget, scale: float = 1.0
) -> _Doc:
    L = content.ui.labels
    once = _Once()
    doc = _start(content, plan, L["facilitate_pdf_participant_title"], PARTICIPANT_USES, scale)
    doc.set_auto_page_break(True, margin=14)
    doc.para(once(plan.summary), 10.5)
    doc.para(f"**{L['facilitate_agenda_heading']}:** " + " · ".join(seg.title for _, seg in plan.segments()), 10)
    doc.heading(L["facilitate_pdf_key_ideas"], 13)
    for idea in plan.key_ideas:
        doc.para(f"**{idea.title}.** {once(idea.body)}", 10.5, gap=1)
    _picture(doc, content, L)
    sources = sorted({sid for idea in plan.key_ideas for sid in idea.sources})
    doc.small(f"{L['facilitate_pdf_sources']}: {_source_names(content, sources)}")
    doc.heading(L["facilitate_pdf_after"], 13)
    doc.para(once(plan.safeguarding.confidentiality), 10)
    doc.para(f"**{L['facilitate_safeguarding_lead']}.** {once(plan.safeguarding.participant_lead)}", 10)
    doc.para(once(plan.care.no_disclosure), 10)
    doc.para(once(plan.care.support_after), 10)
    help_section(doc, content, region or default_region(content.help), once, address, budget)
    return doc


def facilitator_guide(
    content: Content, plan: WorkshopFile, region: str | None = None, address: str | None = None
) -> bytes:
    """Safeguarding, agenda, group agreement, care guidance, and each segment: what the screen
    shows (in words), notes, questions, activity. Reads as prose; no sentence twice."""
    L = content.ui.labels
    once = _Once()
    doc = _start(content, plan, L["facilitate_pdf_guide_title"], guide_uses(plan))
    doc.para(f"**{plan.audience}.** {once(plan.summary)}")
    _safeguarding_section(doc, plan, L, True, once)
    doc.heading(L["facilitate_agenda_heading"])
    n = 0
    for session in plan.sessions:
        if len(plan.sessions) > 1:
            doc.heading(f"{session.title} ({L['facilitate_minutes'].format(minutes=session.minutes)})", 12)
        rows = []
        for seg in session.segments:
            n += 1
            rows.append(f"{n}. {seg.title} ({L['facilitate_minutes'].format(minutes=seg.minutes)})")
        doc.bullets(rows, 10)
    doc.para(L["facilitate_pdf_total"].format(minutes=plan.minutes), 10)
    doc.heading(L["facilitate_agreement_heading"])
    doc.bullets([once(item) for item in plan.group_agreement])
    doc.heading(L["facilitate_care_heading"])
    care = (
        ("no_disclosure", plan.care.no_disclosure),
        ("breaks", plan.care.breaks),
        ("during", plan.care.support_during),
        ("after", plan.care.support_after),
    )
    for line in workshop.labelled_without_repeats(once.shown, [(L["facilitate_care_" + k], t) for k, t in care]):
        if line:
            doc.para(line)
    once.shown += [f"{L['facilitate_care_' + k]}. {t}" for k, t in care]
    if plan.room_pairs and getattr(content, "room", None) is not None:  # before and after, and the summary
        asked = [content.room.question(p.before) for p in plan.room_pairs]
        doc.heading(L["summary_shift_heading"])
        doc.para(L["summary_guide_ask"])
        doc.bullets([q.prompt for q in asked if q])
        doc.para(L["summary_guide"])
    if getattr(content, "room", None) is not None:  # the live room, from any page (components/room_bar.py)
        doc.heading(L["room_heading"])
        doc.para(L["room_guide"].format(min=MIN_ANSWERS))
    n = 0
    first_said: dict[str, str] = {}  # a segment text printed in full -> the segment that has it

    def said(text: str, title: str) -> str:
        """The text, or "as in <segment>" where an earlier segment said exactly this."""
        key = prose(text)
        if key in first_said:
            return L["facilitate_pdf_as_before"].format(title=first_said[key])
        first_said[key] = title
        return once(text) or L["facilitate_pdf_as_before"].format(title=title)

    for session in plan.sessions:
        doc.add_page()
        doc.heading(session.title, 17)
        for seg in session.segments:
            n += 1
            title = f"{n}. {seg.title}"
            doc.heading(f"{title} ({L['facilitate_minutes'].format(minutes=seg.minutes)})", 13)
            doc.para(f"**{L['facilitate_pdf_page']}:** {workshop.screen_words(content, seg)}", 10)
            doc.para(f"**{L['facilitate_notes_heading']}.** {said(seg.notes, title)}", 10)
            room_q = content.room.question(seg.room_question) if seg.room_question else None
            if room_q is not None:
                doc.para(f"**{L['room_question']}.** {room_questions.prompt(content, room_q)}", 10)
            doc.para(f"**{L['facilitate_questions_heading']}**", 10)
            doc.bullets([said(q, title) for q in seg.questions], 10)
            doc.para(f"**{L['facilitate_activity_heading']}.** {said(seg.activity, title)}", 10)
            if seg.sources:
                doc.small(f"{L['facilitate_pdf_sources']}: {_source_names(content, seg.sources)}")
    help_section(doc, content, region or default_region(content.help), once, address, FULL)
    return bytes(doc.output())
