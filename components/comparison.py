"""Pure logic of the Healthy vs toxic page: reading its URL parameters, the wheel's flip states,
and the scenario sorter's progress and feedback. No streamlit import, so all of it is unit-tested.

URL parameters (a facilitator's links use these; keep the names):
  part       compare | wheel | signs | sorter | heal (inferred from the others when absent)
  dimension  a dimension id, or `all`
  reveal     how many columns of the side by side are shown, 1-3 (healthy, + unhealthy, + abusive)
  spoke      1-based spoke of the wheel (the page's keyboard stepper)
  flipped    0/1: the current spoke shows its equality side
  sorter     self | room (on your own, or the facilitator version)
  scenario   1-based scene in the facilitator version
  condition  a "can it heal?" condition id
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from components.models.comparison import LEVEL_ORDER
from components.url_params import Choice, Flag, Int, Param, Step

PARTS = ("compare", "wheel", "signs", "sorter", "heal")
ALL = "all"
SORTER_MODES = ("self", "room")

# Every parameter but the steps is pinned: written on every run, so a copied link says exactly
# which part and view it shows (`part` is otherwise inferred from the others, below).
URL_PARAMS = (
    Param("part", Choice(PARTS), pinned=True),
    Param("dimension", Choice(lambda c: [ALL, *(d.id for d in c.comparison.dimensions)]), pinned=True),
    Param("reveal", Int(1, len(LEVEL_ORDER), len(LEVEL_ORDER)), pinned=True),
    Param("spoke", Step(lambda c: len(c.comparison.wheel.spokes)), keep_default=True),
    Param("flipped", Flag(), pinned=True),
    Param("sorter", Choice(SORTER_MODES), pinned=True),
    Param("scenario", Step(lambda c: len(c.scenarios.scenarios)), keep_default=True),
    Param("condition", Choice(lambda c: [x.id for x in c.comparison.repair.conditions]), pinned=True),
)

# Which part a link means when it names no part but carries that part's own parameters.
_PART_HINTS = (("spoke", "wheel"), ("flipped", "wheel"), ("scenario", "sorter"), ("sorter", "sorter"),
               ("condition", "heal"), ("dimension", "compare"), ("reveal", "compare"))


def _get(params: Mapping[str, str], key: str) -> str | None:
    value = params.get(key)
    if isinstance(value, list):  # some Mapping views give lists
        value = value[-1] if value else None
    return value


def part_from_params(params: Mapping[str, str]) -> str:
    """The part of the page to show: `part` if valid, else the part whose parameters the link carries."""
    raw = _get(params, "part")
    if raw in PARTS:
        return raw
    for key, part in _PART_HINTS:
        if _get(params, key) is not None:
            return part
    return PARTS[0]


def parse_dimension(raw: str | None, ids: Sequence[str]) -> str:
    """A known dimension id, or `all` (also for anything unknown)."""
    return raw if raw in ids else ALL


def parse_reveal(raw: str | None) -> int:
    """How many columns to show, 1-3; 3 (all) when absent or unreadable."""
    try:
        n = int(raw) if raw is not None else len(LEVEL_ORDER)
    except ValueError:
        n = len(LEVEL_ORDER)
    return max(1, min(len(LEVEL_ORDER), n))


def visible_levels(reveal: int) -> tuple[str, ...]:
    return LEVEL_ORDER[: parse_reveal(str(reveal))]


def parse_flag(raw: str | None) -> bool:
    return (raw or "").strip().lower() in ("1", "true", "yes", "on")


def parse_choice(raw: str | None, ids: Sequence[str]) -> str:
    """A known id, else the first (used for the "can it heal?" condition)."""
    return raw if raw in ids else ids[0]


def sorter_mode(params: Mapping[str, str]) -> str:
    """`sorter` if valid; otherwise the facilitator version when a scene number is in the link."""
    raw = _get(params, "sorter")
    if raw in SORTER_MODES:
        return raw
    return "room" if _get(params, "scenario") is not None else "self"


def wheel_states(count: int, current: int, flipped: bool) -> tuple[bool, ...]:
    """Which spokes show their equality side (True). The wheel flips spoke by spoke: spokes before
    the current one are already flipped, the current one follows `flipped`, later ones are not yet."""
    return tuple(i < current or (i == current and flipped) for i in range(count))


def wheel_centre(states: Sequence[bool], control: str, equality: str) -> str:
    """The words in the middle: control until every spoke has flipped, then equality."""
    return equality if states and all(states) else control


# --------------------------------------------------------------------------- the sorter


def distance(a: str, b: str) -> int:
    """Steps apart on the spectrum (0, 1 or 2)."""
    return abs(LEVEL_ORDER.index(a) - LEVEL_ORDER.index(b))


def feedback(answer: str, placed: str) -> str:
    """`same`, `near` (one step apart) or `far` (opposite ends): how the person's answer compares."""
    return ("same", "near", "far")[distance(answer, placed)]


def record_answer(answers: Mapping[str, str], scenario_id: str, level: str) -> dict[str, str]:
    """A new answers dict with this scene placed (answers are never mutated in place)."""
    if level not in LEVEL_ORDER:
        raise ValueError(f"unknown level {level!r}")
    return {**answers, scenario_id: level}


def progress(answers: Mapping[str, str], scenario_ids: Sequence[str]) -> tuple[int, int]:
    """(placed, total), counting only scenes that exist."""
    return sum(1 for s in scenario_ids if s in answers), len(scenario_ids)


def next_unanswered(answers: Mapping[str, str], scenario_ids: Sequence[str]) -> int | None:
    """Index of the first scene not yet placed, or None when all are placed."""
    for i, s in enumerate(scenario_ids):
        if s not in answers:
            return i
    return None


def summary(answers: Mapping[str, str], placed: Mapping[str, str]) -> dict[str, int]:
    """How many answers sit in the same place as ours, one step away, or at the other end."""
    out = {"same": 0, "near": 0, "far": 0}
    for sid, answer in answers.items():
        if sid in placed:
            out[feedback(answer, placed[sid])] += 1
    return out
