"""Room questions from content (content/room.yaml, the sorter's scenarios in scenarios.yaml, the
spectrum's names in comparison.yaml, the practice scenes in practice.yaml): their choices, their
prompt, which ones a plan suggests, and the counts' text alternative. Pure: no streamlit import."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from components import practice
from components.charts.common import LEVELS
from components.models.comparison import LEVEL_ORDER, Scenario
from components.models.practice import Scene
from components.models.room import RoomQuestion

if TYPE_CHECKING:
    from components.content.registry import Content

SCALE = ("1", "2", "3", "4", "5")


@dataclass(frozen=True)
class Choice:
    id: str
    label: str
    short: str = ""  # the label on the counts' chart where the full label is a sentence ("Reply A")

    @property
    def bar(self) -> str:
        return self.short or self.label


def choices(content: Content, q: RoomQuestion) -> list[Choice]:
    """The choices a participant picks from, in order (a spectrum's levels carry their icon too,
    so a level never rests on colour)."""
    if q.kind == "spectrum":
        titles = {s.level: s.title for s in content.comparison.spectrum}
        return [Choice(level, f"{LEVELS[level]['icon']} {titles[level]}") for level in LEVEL_ORDER]
    if q.kind == "practice":
        s = practice_scene(content, q)
        reply = content.ui.labels["room_practice_reply"]
        return (
            [
                Choice(r.id, practice.reply_label(i, r), reply.format(letter=practice.letter(i)))
                for i, r in enumerate(s.replies)
            ]
            if s
            else []
        )
    if q.kind == "scale":
        ends = {"1": q.low, "5": q.high}
        return [Choice(n, f"{n} · {ends[n]}" if n in ends else n) for n in SCALE]
    return [Choice(c.id, c.label) for c in q.choices]


def scenario(content: Content, q: RoomQuestion) -> Scenario | None:
    if q.kind != "spectrum":
        return None
    return next((s for s in content.scenarios.scenarios if s.id == q.scenario), None)


def practice_scene(content: Content, q: RoomQuestion) -> Scene | None:
    return content.practice.scene(q.scene) if q.kind == "practice" and q.scene else None


def prompt(content: Content, q: RoomQuestion) -> str:
    """The question in words (a scenario's or a practice scene's question names the scene)."""
    if q.kind == "practice":
        s = practice_scene(content, q)
        return content.ui.labels["room_practice_prompt"].format(title=s.title if s else q.scene)
    if q.kind == "spectrum":
        sc = scenario(content, q)
        return content.ui.labels["room_spectrum_prompt"].format(title=sc.title if sc else q.scenario)
    return q.prompt or ""


def questions_for(content: Content, plan_id: str | None) -> list[RoomQuestion]:
    """Every question, the plan's own set first (in its order), then the rest in file order."""
    room = content.room
    first = next((s.questions for s in room.sets if s.plan == plan_id), [])
    by_id = {q.id: q for q in room.questions}
    return [by_id[i] for i in first] + [q for q in room.questions if q.id not in first]


def counts_text(ui, choice_list: list[Choice], counts: dict[str, int], total: int) -> tuple[str, list[dict]]:
    """The counts in words: a one-line summary and table rows (the chart's text alternative)."""
    labels = ui.labels
    parts = ", ".join(f"{c.label}: {counts.get(c.id, 0)}" for c in choice_list)
    summary = labels["room_counts_summary"].format(total=total, counts=parts)
    rows = [
        {labels["room_counts_choice"]: c.label, labels["room_counts_answers"]: counts.get(c.id, 0)} for c in choice_list
    ]
    return summary, rows
