"""Running a workshop plan: the segment list, the countdown, and where each segment sends the
projector. Pure logic, no streamlit import; pages/run-session.py and the presenter bar use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from components.facilitate.countdown import Timer
from components.models.workshops import Segment, Session, WorkshopFile
from components.navigation import PAGES, page_spec
from components.url_params import Int, Step, _resolve, by_name

if TYPE_CHECKING:
    from components.content.registry import Content

PRESENT = "present"


def flat_segments(plan: WorkshopFile) -> list[tuple[Session, Segment]]:
    return plan.segments()


def segment_label(plan: WorkshopFile, session: Session, segment: Segment, template: str) -> str:
    """The picker label; the session title only when the plan has several sessions."""
    if len(plan.sessions) == 1:
        return segment.title
    return template.format(session=session.title, title=segment.title)


def target_query(segment: Segment, contrast: bool = False) -> dict[str, str]:
    """URL parameters that open a segment's page at its step, in presenter mode."""
    query = segment.url_query()
    query[PRESENT] = "1"
    if contrast:
        query["contrast"] = "high"
    return query


# Where a segment's page opens on the projector: the controls of the step its URL parameters
# point at (the first parameter named here), scrolled to the top of the screen, with the visual
# they change right below them. Keys are Streamlit container keys (`.st-key-<key>`); a visual key
# ending in "_" is a prefix (the first container whose key starts with it). A segment whose
# parameters name none of these opens at the top of its page, where its title and opening are.
FOCUS: dict[tuple[str, str], tuple[str, str]] = {
    ("cycle", "phase"): ("stepper_phase", "cycle_chart"),
    ("cycle", "stage"): ("stepper_stage", "cycle_stages"),
    ("healing", "step"): ("stepper_step", "healing_step"),
    ("healthy-vs-toxic", "dimension"): ("hvt_compare_controls", "hvt_dim_"),
    ("healthy-vs-toxic", "spoke"): ("stepper_spoke", "hvt_wheel_chart"),
    ("healthy-vs-toxic", "scenario"): ("stepper_scenario", "hvt_scene"),
    ("relational-trauma", "pattern"): ("stepper_pattern", "pattern_card"),  # its words; the tall diagram follows
}


def focus(segment: Segment) -> tuple[str, str] | None:
    """(target key, visual key) the projector scrolls to when the segment opens, or None (the top)."""
    for name in segment.query:
        if (segment.page, name) in FOCUS:
            return FOCUS[(segment.page, name)]
    return None


S = TypeVar("S")


def _step(items: Sequence[S], value: Any) -> tuple[int, S] | None:
    """(1-based number, item) of a step given as a URL value, or None when it is out of range."""
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    return (n, items[n - 1]) if 1 <= n <= len(items) else None


def screen_words(content: Content, segment: Segment) -> str:
    """What the projector shows during a segment, in the content's own words (the page's title, the
    section and the step's title), never URL parameters: "The cycle of abuse · The cycle · Walker's
    three phases (1979) · 3. Loving contrition". For a handout, read by people."""
    page = content.ui.pages.get(segment.page)
    parts = [page.title if page else segment.page]
    q = segment.query
    labels = content.ui.labels
    if segment.page == "cycle" and getattr(content, "cycle", None) is not None:
        cy = content.cycle
        if "phase" in q:
            version = next((v for v in cy.cycle.versions if v.id == q.get("model")), cy.cycle.versions[0])
            parts += [cy.cycle.heading, version.name]
            if (hit := _step(version.phases, q["phase"])) is not None:
                parts.append(f"{hit[0]}. {hit[1].title}")
        elif "stage" in q:
            parts.append(cy.stages.heading)
            if (stage := _step(cy.stages.stages, q["stage"])) is not None:
                parts.append(f"{stage[0]}. {stage[1].title}")
    elif segment.page == "healing" and "step" in q and getattr(content, "healing", None) is not None:
        parts.append(content.healing.steps_heading)
        if (step := _step(content.healing.steps, q["step"])) is not None:
            parts.append(f"{step[0]}. {step[1].title}")
    elif segment.page == "healthy-vs-toxic" and q.get("part") == "compare" and getattr(content, "comparison", None):
        parts.append(labels.get("hvt_compare_heading", ""))
        titles = {d.id: d.title for d in content.comparison.dimensions}
        dim = str(q.get("dimension", "all"))
        parts.append(titles.get(dim, labels.get("hvt_dimension_all", "")))
        if reveal := labels.get(f"hvt_reveal_{q.get('reveal', 1)}"):
            parts.append(reveal)
    return " · ".join(p for p in parts if p)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-ÖØ-Þ\"“‘(*¿¡«])")


def sentences(text: str) -> list[str]:
    """The sentences of a Markdown paragraph (split after . ! ? before a capital or a number)."""
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


def _key(sentence: str) -> str:
    """A sentence's letters and digits, in any script (`[a-z]` alone would make every Spanish, Greek or
    pseudo-locale sentence the same, and drop all but the first as repeats)."""
    return re.sub(r"[\W_]+", " ", sentence.replace("*", "").lower()).strip()


def without_repeats(shown: Iterable[str], texts: Iterable[str]) -> list[str]:
    """`texts`, each without the sentences already in `shown` or in an earlier text (so one block
    of text never says the same sentence twice); a text left with nothing is ""."""
    seen = {_key(s) for text in shown for s in sentences(text)}
    out = []
    for text in texts:
        kept = []
        for s in sentences(text):
            if _key(s) not in seen:
                seen.add(_key(s))
                kept.append(s)
        out.append(" ".join(kept))
    return out


def labelled_without_repeats(shown: Iterable[str], items: Iterable[tuple[str, str]]) -> list[str]:
    """Markdown lines "**label.** text" without any sentence in `shown` or said earlier in them;
    the label counts as a sentence too (a care label may repeat a line of the group agreement),
    and a line left with nothing is ""."""
    pairs = list(items)
    fresh = without_repeats(shown, [f"{label}. {' '.join(text.split())}" for label, text in pairs])
    out = []
    for (label, _), text in zip(pairs, fresh):
        lead = f"{label}."
        out.append(f"**{lead}** {text[len(lead) :].strip()}" if text.startswith(lead) else text)
    return out


def segment_link_issues(plan: WorkshopFile, content: Content) -> list[tuple[str, str]]:
    """(segment id, what is wrong) for every segment link of one plan that does not open what the
    plan says: an unknown page, an unknown URL parameter or a bad value, checked against the pages'
    URL declarations (navigation.py). `content` resolves the choices and bounds that depend on it."""
    declared = {spec.id: by_name(spec.params) for spec in PAGES}
    issues = []
    for _, segment in plan.segments():
        if segment.page not in declared:
            issues.append((segment.id, f"unknown page '{segment.page}'"))
            continue
        params = declared[segment.page]
        for name, value in segment.url_query().items():
            if name not in params:
                known = ", ".join(params) or "none"
                issues.append((segment.id, f"page '{segment.page}' has no URL parameter '{name}' (it has: {known})"))
            elif (why := params[name].problem(value, content)) is not None:
                issues.append((segment.id, f"{name}={value}: {why}"))
    return issues


def segment_link_problems(plans: Mapping[str, WorkshopFile], content: Content) -> list[str]:
    """`where: segment 'id': problem` for every plan (`plans` maps where each came from to the plan).
    An empty list means every link opens what its plan says."""
    return [
        f"{where}: segment '{seg}': {what}"
        for where, plan in plans.items()
        for seg, what in segment_link_issues(plan, content)
    ]


@dataclass(frozen=True)
class SegmentStep:
    """What "step within a segment" means for one segment: the URL parameter of its page that steps
    (a phase, a stage, a revealed column, a spoke, a healing step), where the segment opens and how
    many steps there are. Index 0 is URL value `base`."""

    name: str
    start: int  # 0-based
    count: int
    base: int  # the URL value of the first step

    def url_value(self, index: int) -> str:
        return str(self.base + clamp(index, self.count))

    def index(self, raw: str | None) -> int:
        """The 0-based step a URL value means (the segment's start when absent or unreadable)."""
        try:
            return clamp(int(str(raw)) - self.base, self.count)
        except ValueError:
            return self.start


# Where a step's count depends on another parameter of the same link (the cycle's phases: the model).
def _cycle_phases(content: Content, query: Mapping[str, str]) -> int:
    versions = content.cycle.cycle.versions
    chosen = next((v for v in versions if v.id == query.get("model")), versions[0])
    return len(chosen.phases)


STEP_COUNTS = {("cycle", "phase"): _cycle_phases}


def segment_step(segment: Segment, content: Content) -> SegmentStep | None:
    """The segment's in-segment step: the first parameter of its link that its page declares as a
    step (Step) or a count (Int, e.g. the comparison's revealed columns). None when it has none."""
    try:
        params = by_name(page_spec(segment.page).params)
    except KeyError:
        return None
    query = segment.url_query()
    for name, raw in query.items():
        kind = params[name].kind if name in params else None
        if isinstance(kind, Step):
            count, base = _resolve(kind.count, content), 1
        elif isinstance(kind, Int):
            lo, hi = _resolve(kind.lo, content), _resolve(kind.hi, content)
            count, base = hi - lo + 1, lo
        else:
            continue
        if (segment.page, name) in STEP_COUNTS:
            count = STEP_COUNTS[segment.page, name](content, query)
        count = max(1, count)
        try:
            start = clamp(int(raw) - base, count)
        except ValueError:
            start = 0
        return SegmentStep(name, start, count, base)
    return None


def clamp(index: int, count: int) -> int:
    return max(0, min(count - 1, index))


def agenda(plan: WorkshopFile, current: int, label_template: str, minutes_template: str) -> str:
    """The plan's segments as a numbered Markdown list, each with its minutes; the current one
    bold and marked with an arrow (not by colour)."""
    lines = []
    for i, (session, segment) in enumerate(flat_segments(plan)):
        mark, end = ("**→ ", "**") if i == current else ("", "")
        lines.append(
            f"{i + 1}. {mark}{segment_label(plan, session, segment, label_template)} "
            f"({minutes_template.format(minutes=segment.minutes)}){end}"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- countdown


# the countdown itself is components/facilitate/countdown.py (the pairing's record carries one too)


def timer_for(previous: Timer | None, plan: WorkshopFile, index: int, now: float) -> Timer:
    """The timer for a segment: kept if it is the same segment; a fresh one otherwise, already
    running when the previous segment's timer was running (moving on keeps the clock going)."""
    segments = flat_segments(plan)
    index = clamp(index, len(segments))
    if previous is not None and previous.plan == plan.id and previous.segment == index:
        return previous
    fresh = Timer(plan.id, index, segments[index][1].minutes)
    return fresh.start(now) if previous is not None and previous.running and previous.plan == plan.id else fresh


def clock(seconds: float) -> str:
    """Seconds as m:ss (sign dropped; the caller says whether it is left or over)."""
    s = int(abs(seconds) + (0.999 if seconds > 0 else 0))  # 59.2 s left still shows 1:00 -> 0:59 later
    return f"{s // 60}:{s % 60:02d}"
