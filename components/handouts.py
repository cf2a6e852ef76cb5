"""PDF handouts built from the same YAML as the app (fpdf2): a participant handout (key ideas, the
healthy / unhealthy / abusive comparison when comparison.yaml is present, where to get help) and a
facilitator guide (agenda, care guidance, notes, questions, activities). Pure: content in, bytes out.

Text uses DejaVu Sans when the system has it (every character of the content prints); otherwise
the PDF core font Helvetica, with the few characters it lacks replaced by plain equivalents.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from components.help import live_status
from components.models.workshops import WorkshopFile

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...",
                        "→": "->", "·": "-", "•": "-", "\u00a0": " "})


class _Doc(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(format="A4")
        self._footer_text = footer_text
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.family = "Helvetica"
        for folder in FONT_DIRS:
            regular = folder / "DejaVuSans.ttf"
            if regular.is_file() and (folder / "DejaVuSans-Bold.ttf").is_file():
                self.add_font("DejaVu", "", str(regular))
                self.add_font("DejaVu", "B", str(folder / "DejaVuSans-Bold.ttf"))
                oblique = folder / "DejaVuSans-Oblique.ttf"
                self.add_font("DejaVu", "I", str(oblique if oblique.is_file() else regular))
                self.add_font("DejaVu", "BI", str(folder / "DejaVuSans-BoldOblique.ttf")
                              if (folder / "DejaVuSans-BoldOblique.ttf").is_file() else str(regular))
                self.family = "DejaVu"
                break
        self.set_font(self.family, size=11)
        self.add_page()

    def t(self, text: str) -> str:
        return text if self.family == "DejaVu" else text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, size=8)
        self.cell(0, 6, self.t(f"{self._footer_text} - {self.page_no()}"), align="C")

    # ------------------------------------------------------------------ blocks
    def title_block(self, title: str, subtitle: str) -> None:
        self.set_font(self.family, "B", 20)
        self.multi_cell(0, 9, self.t(title), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 13)
        self.multi_cell(0, 7, self.t(subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(3)

    def heading(self, text: str, size: int = 15) -> None:
        if self.get_y() > self.h - 45:
            self.add_page()
        self.ln(2)
        self.set_font(self.family, "B", size)
        self.multi_cell(0, size * 0.5, self.t(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)

    def para(self, text: str, size: int = 11) -> None:
        self.set_font(self.family, "", size)
        self.multi_cell(0, size * 0.5, self.t(text.strip()), markdown=True, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def bullets(self, items, size: int = 11) -> None:
        self.set_font(self.family, "", size)
        mark = "•" if self.family == "DejaVu" else "-"
        for item in items:
            self.set_x(self.l_margin + 3)
            self.multi_cell(0, size * 0.5, self.t(f"{mark} {item.strip()}"), markdown=True, align="L",
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def small(self, text: str) -> None:
        self.set_font(self.family, "I", 8.5)
        self.multi_cell(0, 4.2, self.t(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1)


def _source_names(content, ids) -> str:
    names = []
    for sid in ids:
        s = content.sources_by_id.get(sid)
        if s is not None:
            names.append(s.title + (f" ({s.publisher or s.author})" if (s.publisher or s.author) else ""))
    return "; ".join(names)


def _help_section(doc: _Doc, content) -> None:
    L = content.ui.labels
    h = content.help
    doc.heading(L["facilitate_pdf_help"])
    doc.heading(L["facilitate_pdf_emergency"], 12)
    doc.para(h.immediate_danger.intro, 10)
    published = h.published_on.isoformat()
    doc.bullets([f"**{n.region}:** {n.number} ({live_status(n, L, published)})" for n in h.immediate_danger.numbers], 10)
    doc.heading(h.leaving_safely.heading, 12)
    doc.para(h.leaving_safely.intro, 10)
    doc.bullets([f"**{p.title}.** {p.body}" for p in h.leaving_safely.points], 10)
    regions = {r.id: r.name for r in h.regions}
    for region in h.regions:
        lines = [line for line in h.helplines if line.region == region.id]
        if not lines:
            continue
        doc.heading(regions[region.id], 12)
        items = []
        for line in lines:
            ways = "; ".join(f"{content.ui.labels.get('channel_' + c.kind, c.kind)}: {c.value}" for c in line.channels)
            items.append(f"**{line.name}** ({line.hours}). {ways}. {live_status(line, L, published)}")
        doc.bullets(items, 10)
    doc.small(L["facilitate_pdf_checked"].format(date=published))
    doc.para(h.check_local_note, 9)
    doc.para(h.not_yet_listed, 9)


def _safeguarding_section(doc: _Doc, plan: WorkshopFile, L: dict[str, str], steps: bool) -> None:
    """The limits of confidentiality, the safeguarding lead (a blank to fill in) and, for the
    facilitator, what to do if someone discloses: first in the guide, before the agenda."""
    guard = plan.safeguarding
    doc.heading(L["facilitate_safeguarding_heading"])
    doc.para(f"**{L['facilitate_safeguarding_confidentiality']}.** {guard.confidentiality}")
    doc.para(f"**{L['facilitate_safeguarding_lead']}.** {guard.lead}")
    if steps:
        doc.para(f"**{L['facilitate_safeguarding_disclosure']}:**")
        doc.bullets([f"{i}. {step}" for i, step in enumerate(guard.if_someone_discloses, 1)])


def participant_handout(content, plan: WorkshopFile) -> bytes:
    """Key ideas, the comparison (when the app has one), support after the session, where to get help."""
    L = content.ui.labels
    doc = _Doc(content.ui.app_title)
    doc.title_block(plan.title, f"{content.ui.app_title} - {L['facilitate_pdf_participant_title']}")
    doc.para(plan.summary)
    doc.heading(L["facilitate_agenda_heading"])
    doc.bullets([f"{seg.title} ({L['facilitate_minutes'].format(minutes=seg.minutes)})"
                 for _, seg in plan.segments()], 10)
    doc.heading(L["facilitate_pdf_key_ideas"])
    for idea in plan.key_ideas:
        doc.para(f"**{idea.title}.** {idea.body}")
        doc.small(f"{L['facilitate_pdf_sources']}: {_source_names(content, idea.sources)}")
    comparison = getattr(content, "comparison", None)
    if comparison is not None and getattr(comparison, "dimensions", None):
        doc.heading(L["facilitate_pdf_comparison"])
        levels = {s.level: s.title for s in comparison.spectrum}
        for dim in comparison.dimensions:
            doc.heading(dim.title, 12)
            doc.bullets([f"**{levels.get(level, level)}:** {getattr(dim, level)}"
                         for level in ("healthy", "unhealthy", "abusive")], 10)
    doc.heading(L["facilitate_care_heading"])
    doc.para(plan.safeguarding.confidentiality)
    doc.para(f"**{L['facilitate_safeguarding_lead']}.** {plan.safeguarding.lead}")
    doc.para(plan.care.no_disclosure)
    doc.para(plan.care.support_after)
    _help_section(doc, content)
    return bytes(doc.output())


def facilitator_guide(content, plan: WorkshopFile) -> bytes:
    """Agenda, group agreement, care guidance, and each segment's screen, notes, questions, activity."""
    L = content.ui.labels
    doc = _Doc(content.ui.app_title)
    doc.title_block(plan.title, f"{content.ui.app_title} - {L['facilitate_pdf_guide_title']}")
    doc.para(f"**{plan.audience}.** {plan.summary}")
    _safeguarding_section(doc, plan, L, steps=True)
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
    doc.bullets(plan.group_agreement)
    doc.heading(L["facilitate_care_heading"])
    for key, text in (("no_disclosure", plan.care.no_disclosure), ("breaks", plan.care.breaks),
                      ("during", plan.care.support_during), ("after", plan.care.support_after)):
        doc.para(f"**{L['facilitate_care_' + key]}.** {text}")
    n = 0
    for session in plan.sessions:
        doc.add_page()
        doc.heading(session.title, 17)
        for seg in session.segments:
            n += 1
            doc.heading(f"{n}. {seg.title} ({L['facilitate_minutes'].format(minutes=seg.minutes)})", 13)
            page = content.ui.pages.get(seg.page)
            step = ", ".join(f"{k} {v}" for k, v in seg.query.items())
            doc.small(f"{L['facilitate_pdf_page']}: {page.title if page else seg.page}" + (f" ({step})" if step else ""))
            doc.para(f"**{L['facilitate_notes_heading']}.** {seg.notes}", 10)
            doc.para(f"**{L['facilitate_questions_heading']}**", 10)
            doc.bullets(seg.questions, 10)
            doc.para(f"**{L['facilitate_activity_heading']}.** {seg.activity}", 10)
    _help_section(doc, content)
    return bytes(doc.output())
