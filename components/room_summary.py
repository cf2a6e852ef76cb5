"""Before and after, and the session summary of a live room.

From a room's kept totals (room_totals.kept_totals: per asked question, choice ids and counts; no
token) and the plan's `room_pairs`, this builds what the facilitator can take away: a one-page
PDF (plan, date, how many answered, each question's totals, each pair's shift with the
projector's chart) and a CSV of the same totals. A side or a question with fewer than MIN_ANSWERS
answers is only "fewer than 5 answers": neither its total nor its choices' counts appear (as on the
projector, a question of 5 or more shows every choice's count), and there is no free text to leak. Nothing links one phone's before to its after: the room keeps counts, not who.
Pure: no streamlit import; content in, bytes out.

The chart is the projector's own (charts/room_shift.py), exported by kaleido with the system
Chromium as the handout's picture is (handouts._browser). Kaleido's browser is kept running
once started (`warm_up`), so a summary is built in well under a second after the first.
"""

from __future__ import annotations

import csv
import io
import os
import threading
import time
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from components import room_questions as rq
from components.charts.room_shift import room_shift_figure
from components.facilitate.handouts import _browser, _Doc
from components.live_room import MIN_ANSWERS
from components.room_totals import KeptRound

if TYPE_CHECKING:
    from collections.abc import Iterable

    from components.content.registry import Content
    from components.models.workshops import RoomPair, WorkshopFile


@dataclass(frozen=True)
class Asked:
    """One asked question: its counts (choice id -> n) or None when fewer than MIN_ANSWERS answered."""

    round: int
    question: str
    prompt: str
    choices: tuple[rq.Choice, ...]
    counts: dict[str, int] | None
    when: str = ""  # "before", "after" or "" (a label key suffix)


@dataclass(frozen=True)
class Shift:
    """A plan's before/after pair: each side's counts, or None (not asked yet, or too few)."""

    prompt: str
    choices: tuple[rq.Choice, ...]
    before: dict[str, int] | None
    after: dict[str, int] | None
    before_asked: bool
    after_asked: bool
    after_note: str = ""  # said instead of the after's counts (the projector: "not shown yet")


@dataclass(frozen=True)
class Summary:
    plan: str
    plan_title: str
    date: str
    answered: int | None  # the most answers any one question had; None under MIN_ANSWERS
    questions: tuple[Asked, ...]
    shifts: tuple[Shift, ...]


def shown(counts: dict[str, int] | None) -> dict[str, int] | None:
    """The counts, if at least MIN_ANSWERS answered; else None (never a count under 5)."""
    return dict(counts) if counts is not None and sum(counts.values()) >= MIN_ANSWERS else None


def match_pairs(
    pairs: Iterable[RoomPair], rounds: list[KeptRound]
) -> list[tuple[RoomPair, KeptRound | None, KeptRound | None]]:
    """Each pair with its before (the first answered asking of `before`) and its after (the last
    later answered asking of `after`), either None when not asked. An asking nobody answered (a
    segment's question the facilitator went past) is neither."""
    found = []
    answered = [r for r in rounds if sum(r.counts.values())]
    for pair in pairs:
        before = next((r for r in answered if r.question == pair.before), None)
        later = [r for r in answered if r.question == pair.after and before is not None and r.round > before.round]
        found.append((pair, before, later[-1] if later else None))
    return found


def choices_and_prompt(content: Content, question_id: str, counts: dict[str, int]) -> tuple[tuple[rq.Choice, ...], str]:
    q = content.room.question(question_id)
    if q is None:  # asked from another edition of the content: its ids are all there is
        return tuple(rq.Choice(c, c) for c in counts), question_id
    return tuple(c for c in rq.choices(content, q) if c.id in counts), rq.prompt(content, q)


def build(content: Content, plan: WorkshopFile | None, rounds: list[KeptRound], opened: float | None = None) -> Summary:
    """The summary of a room: `plan` a WorkshopFile (or None), `rounds` its kept totals in order."""
    pairs = match_pairs(plan.room_pairs if plan is not None else [], rounds)
    when: dict[int, str] = {}
    for _, before, after in pairs:
        if before is not None:
            when.setdefault(before.round, "before")
        if after is not None:
            when.setdefault(after.round, "after")
    questions = []
    for r in rounds:
        choices, prompt = choices_and_prompt(content, r.question, r.counts)
        questions.append(Asked(r.round, r.question, prompt, choices, shown(r.counts), when.get(r.round, "")))
    shifts = []
    for pair, before, after in pairs:
        choices, prompt = choices_and_prompt(content, pair.before, before.counts if before else {})
        if before is None:
            q = content.room.question(pair.before)
            choices = tuple(rq.choices(content, q)) if q else ()
        shifts.append(
            Shift(
                prompt,
                choices,
                shown(before.counts) if before else None,
                shown(after.counts) if after else None,
                before is not None,
                after is not None,
            )
        )
    most = max((r.total for r in rounds), default=0)
    day = time.localtime(time.time() if opened is None else opened)
    return Summary(
        plan.id if plan else "",
        plan.title if plan else "",
        time.strftime("%Y-%m-%d", day),
        most if most >= MIN_ANSWERS else None,
        tuple(questions),
        tuple(shifts),
    )


# --------------------------------------------------------------------------- words


def counts_words(labels, choices, counts: dict[str, int] | None) -> str:
    """One question's totals in words, or "fewer than 5 answers"."""
    if counts is None:
        return labels["summary_too_few"].format(min=MIN_ANSWERS)
    return line(choices, counts)


def line(choices, counts: dict[str, int]) -> str:
    """ "1 · Not sure at all: 3, 2: 0, ..." (every choice, in order)."""
    return ", ".join(f"{c.label}: {counts.get(c.id, 0)}" for c in choices) + "."


def side_note(labels, asked: bool, note: str = "") -> str:
    return note or (labels["summary_too_few"].format(min=MIN_ANSWERS) if asked else labels["summary_not_asked"])


def shift_rows(labels, shift: Shift) -> list[tuple[str, list[int] | None, str]]:
    """The figure's two rows: (row name, counts or None, the note in its place)."""

    def counts(side: dict[str, int] | None) -> list[int] | None:
        return None if side is None else [side.get(c.id, 0) for c in shift.choices]

    return [
        (labels["summary_before"], counts(shift.before), side_note(labels, shift.before_asked)),
        (labels["summary_after"], counts(shift.after), side_note(labels, shift.after_asked, shift.after_note)),
    ]


def shift_words(labels, shift: Shift) -> str:
    """A pair's shift in words: the chart's text alternative."""
    sides = (
        (labels["summary_before"], shift.before, side_note(labels, shift.before_asked)),
        (labels["summary_after"], shift.after, side_note(labels, shift.after_asked, shift.after_note)),
    )
    return " ".join(
        f"{name}: {note + '.' if counts is None else line(shift.choices, counts)}" for name, counts, note in sides
    )


def shift_table(labels, shift: Shift) -> list[dict[str, object]]:
    """The two rows as a table (the chart in words): a side not shown has its note in every cell."""
    return [
        {
            labels["summary_csv_when"]: name,
            **{c.label: note if counts is None else counts[i] for i, c in enumerate(shift.choices)},
        }
        for name, counts, note in shift_rows(labels, shift)
    ]


def shift_chart_args(labels, shift: Shift) -> tuple[tuple, tuple]:
    """room_shift_figure's arguments for a pair (hashable, for visual.cached_figure)."""
    choices = tuple((c.id if c.id.isdigit() else c.bar, c.label) for c in shift.choices)
    rows = tuple(
        (name, None if counts is None else tuple(counts), note) for name, counts, note in shift_rows(labels, shift)
    )
    return choices, rows


def shift_figure(labels, shift: Shift, scale: float = 1.0):
    return room_shift_figure(*shift_chart_args(labels, shift), scale)


# --------------------------------------------------------------------------- the CSV and the PDF


def csv_text(labels, summary: Summary) -> str:
    """Every asked question's totals, one row per choice; a question under the threshold is one row
    that says so (its counts are not there at all)."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(
        [
            labels["summary_csv_order"],
            labels["summary_csv_question"],
            labels["summary_csv_when"],
            labels["summary_csv_choice"],
            labels["summary_csv_answers"],
        ]
    )
    for n, q in enumerate(summary.questions, 1):
        when = labels[f"summary_{q.when}"] if q.when else ""
        if q.counts is None:
            w.writerow([n, q.prompt, when, "", labels["summary_too_few"].format(min=MIN_ANSWERS)])
            continue
        for c in q.choices:
            w.writerow([n, q.prompt, when, c.label, q.counts.get(c.id, 0)])
    return out.getvalue()


_kaleido_lock = threading.Lock()
_kaleido_started = False
# Once kaleido's browser is kept, Plotly's own to_image (the handout's picture) goes through it too,
# and warns on every call that its (empty) options are unused.
warnings.filterwarnings("ignore", message="The kopts argument is ignored if using a server")


def chart_png(fig, width: int = 640, height: int = 230) -> bytes | None:
    """The figure as PNG through kaleido's kept browser; None where no browser can be started."""
    global _kaleido_started
    browser = _browser()
    if browser is None:
        return None
    os.environ.setdefault("BROWSER_PATH", browser)
    try:
        import kaleido

        with _kaleido_lock, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if not _kaleido_started:
                kaleido.start_sync_server(silence_warnings=True)
                _kaleido_started = True
            return kaleido.calc_fig_sync(fig.to_dict(), opts=dict(format="png", width=width, height=height, scale=2))
    except Exception:  # noqa: BLE001 - no kaleido, or the browser would not start: words instead
        return None


def warm_up() -> None:
    """Start kaleido's browser in the background (a room is open; its summary will be wanted)."""
    if not _kaleido_started and _browser() is not None:
        threading.Thread(
            target=chart_png, args=(room_shift_figure([("1", "1"), ("2", "2")], [("a", [1, 1], "")]),), daemon=True
        ).start()


def pdf_bytes(content: Content, summary: Summary, charts: bool = True) -> bytes:
    """One A4 page: what this is (a show of hands, not a study), plan, date, how many answered,
    each pair's shift (chart and words) and each question's totals."""
    doc = _summary_doc(content, summary, charts)
    if charts and doc.page_no() > 1:
        doc = _summary_doc(content, summary, False)  # one page: the charts in words only
    return bytes(doc.output())


def _summary_doc(content: Content, summary: Summary, charts: bool) -> _Doc:
    L = content.ui.labels
    doc = _Doc(content.ui.app_title)
    doc.set_auto_page_break(True, margin=14)
    doc.title_block(
        L["summary_pdf_title"], f"{summary.plan_title} - {summary.date}" if summary.plan_title else summary.date
    )
    doc.para(L["summary_what"], 10)
    answered = L["summary_too_few"].format(min=MIN_ANSWERS) if summary.answered is None else str(summary.answered)
    doc.para(f"**{L['summary_answered']}:** {answered}", 10)
    if summary.shifts:
        doc.heading(L["summary_shift_heading"], 13)
        for shift in summary.shifts:
            doc.para(f"**{shift.prompt}**", 10, gap=0.5)
            png = chart_png(shift_figure(L, shift)) if charts else None
            if png is not None:
                doc.image(io.BytesIO(png), w=120, alt_text=shift_words(L, shift))
            doc.small(shift_words(L, shift))
    doc.heading(L["summary_questions_heading"], 13)
    if not summary.questions:
        doc.para(L["summary_none_asked"], 10)
    for n, q in enumerate(summary.questions, 1):
        when = f" ({L[f'summary_{q.when}']})" if q.when else ""
        doc.para(f"**{n}. {q.prompt}**{when} {counts_words(L, q.choices, q.counts)}", 9.5, gap=0.8)
    return doc


def file_name(plan_id: str | None, ext: str, when: float | None = None) -> str:
    day = time.strftime("%Y-%m-%d", time.localtime(time.time() if when is None else when))
    return f"session-summary-{plan_id or 'room'}-{day}.{ext}"
