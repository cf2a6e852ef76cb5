"""Pure logic of the Healthy vs toxic page: reading its URL parameters, the wheel's flip states and
its text alternative, and the scenario sorter's state machine (placing a scene, next, the summary,
start again) on a session-state mapping. No streamlit import, so all of it is unit-tested.

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

from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from components.charts.common import LEVELS
from components.models.comparison import LEVEL_ORDER
from components.url_params import Choice, Flag, Int, Param, Step

PARTS = ("compare", "wheel", "signs", "sorter", "heal")
ALL = "all"
SORTER_MODES = ("self", "room")
# The parts a reader sees alone where they may recognise their own life: each ends with the "Does this
# sound familiar?" step (components/next_step.py). The wheel is a group's tool; "can it heal?" ends with help.
NEXT_STEP_PARTS = ("compare", "signs", "sorter")
BADGE_COLOUR = {"healthy": "green", "unhealthy": "orange", "abusive": "red"}  # beside the level's icon and name
T = TypeVar("T", bound=Any)  # a content model with an `id`

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
_PART_HINTS = (
    ("spoke", "wheel"),
    ("flipped", "wheel"),
    ("scenario", "sorter"),
    ("sorter", "sorter"),
    ("condition", "heal"),
    ("dimension", "compare"),
    ("reveal", "compare"),
)


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


def visible_levels(reveal: int) -> tuple[str, ...]:
    """The columns of the side by side shown: the first `reveal` levels (1-3, clamped)."""
    return LEVEL_ORDER[: max(1, min(len(LEVEL_ORDER), reveal))]


def next_reveal(reveal: int) -> int | None:
    """The "reveal the next column" step: one more column, or None once all are shown."""
    return reveal + 1 if reveal < len(LEVEL_ORDER) else None


def chosen_dimensions(dimensions: Sequence[T], dimension: str) -> list[T]:
    """The dimensions shown: every one for `all`, else the one with that id."""
    return list(dimensions) if dimension == ALL else [d for d in dimensions if d.id == dimension]


def level_names(spectrum: Sequence) -> dict[str, str]:
    """Each level's name with its icon ("✓ Healthy"), so a level never rests on colour alone."""
    return {s.level: f"{LEVELS[s.level]['icon']} {s.title}" for s in spectrum}


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


LAST_WHEEL = "hvt_last_wheel"  # session state: (spoke, flipped) as the previous run showed them


def wheel_flipped(state: Mapping, current: int, flipped: bool) -> bool:
    """Whether the current spoke shows its equality side, given the URL's `flipped` and the spoke
    shown last run (in `state`). Stepping to another spoke starts it on its control side; a link
    that sets `flipped` itself (a shared link, or the facilitator page) keeps what it says."""
    last = state.get(LAST_WHEEL)
    if last is not None and last[0] != current and flipped == last[1]:
        return False
    return flipped


def remember_wheel(state: MutableMapping, current: int, flipped: bool) -> None:
    """Keep what this run shows, for `wheel_flipped` on the next."""
    state[LAST_WHEEL] = (current, flipped)


def wheel_centre(states: Sequence[bool], control: str, equality: str) -> str:
    """The words in the middle: control until every spoke has flipped, then equality."""
    return equality if states and all(states) else control


def wheel_figure_args(wheel, current: int, flipped: bool) -> tuple:
    """What the wheel figure is drawn from, as plain values: (spokes as (control, equality) names,
    each spoke's state, the current spoke, the words in the centre)."""
    states = wheel_states(len(wheel.spokes), current, flipped)
    return (
        tuple((s.control, s.equality) for s in wheel.spokes),
        states,
        current,
        wheel_centre(states, wheel.control_centre, wheel.equality_centre),
    )


def wheel_words(
    wheel, current: int, flipped: bool, names: Mapping[str, str], labels: Mapping[str, str]
) -> tuple[str, str, list[dict[str, str]]]:
    """(alt, summary, rows) of the wheel: one row a spoke, both its sides and which one shows now."""
    spokes, n = wheel.spokes, len(wheel.spokes)
    _, states, _, centre = wheel_figure_args(wheel, current, flipped)
    name = spokes[current].equality if flipped else spokes[current].control
    alt = labels["hvt_wheel_alt"].format(n=n, centre=centre, current=current + 1, name=name, flipped=sum(states))
    summary = labels["hvt_wheel_summary"].format(current=current + 1, n=n)
    rows = [
        {
            labels["hvt_col_spoke"]: str(i + 1),
            labels["hvt_side_control"]: f"✕ {s.control}",
            labels["hvt_side_equality"]: f"✓ {s.equality}",
            labels["hvt_col_shown"]: names["healthy" if state else "abusive"],
        }
        for i, (s, state) in enumerate(zip(spokes, states, strict=True))
    ]
    return alt, summary, rows


def spoke_lines(spoke, flipped: bool, labels: Mapping[str, str]) -> list[str]:
    """The current spoke's card below its name, one Markdown block each: what the side shown means,
    its examples (a heading, then a list) and the question to discuss."""
    examples = spoke.equality_examples if flipped else spoke.control_examples
    return [
        spoke.equality_text if flipped else spoke.control_text,
        f"**{labels['hvt_examples']}**",
        "\n".join(f"- {e}" for e in examples),
        f"**{labels['hvt_discuss']}:** {spoke.question}",
    ]


def condition_lines(cond, labels: Mapping[str, str]) -> list[str]:
    """A "can it heal?" condition below its title, one Markdown block each (another view only where
    a source gives one)."""
    other = [f"**{labels['hvt_other_view']}.** {cond.other_view}"] if cond.other_view else []
    return [
        f"**{labels['hvt_what']}.** {cond.what}",
        f"**{labels['hvt_who_says']}.** {cond.who_says}",
        *other,
        f"**{labels['hvt_think']}:** {cond.to_think_about}",
    ]


def sign_groups(comp, labels: Mapping[str, str]) -> list[tuple[str, str, list]]:
    """The lists of signs after the forms of abuse, as (heading, intro, signs): the less overt signs,
    then the same control when teenagers date (phones, messages, school, friends)."""
    return [
        (labels["hvt_signs_heading"], comp.signs_intro, list(comp.less_overt_signs)),
        (labels["hvt_teen_heading"], comp.teen_intro, list(comp.teen_signs)),
    ]


def sign_items(signs: Sequence) -> list[str]:
    """Each sign as one Markdown list entry's text: "**Title.** description"."""
    return [f"**{s.title}.** {s.description}" for s in signs]


# --------------------------------------------------------------------------- the sorter
# Its state lives in session state only (never the URL): the answers (scene id -> level), the scene
# shown (an index; one past the last is the summary), and one radio a scene under `choice_key`.
ANSWERS, CURRENT = "hvt_answers", "hvt_current"


def distance(a: str, b: str) -> int:
    """Steps apart on the spectrum (0, 1 or 2)."""
    return abs(LEVEL_ORDER.index(a) - LEVEL_ORDER.index(b))


def feedback(answer: str, placed: str) -> str:
    """`same`, `near` (one step apart) or `far` (opposite ends): how the person's answer compares."""
    return ("same", "near", "far")[distance(answer, placed)]


def feedback_callout(answer: str, placed: str, labels: Mapping[str, str]) -> tuple[str, str]:
    """The callout after a scene is placed: ("success", same place as ours) or ("info", near or far)."""
    kind = feedback(answer, placed)
    return ("success" if kind == "same" else "info"), labels[f"hvt_feedback_{kind}"]


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


def choice_key(scenario_id: str) -> str:
    """The session-state key of a scene's "where would you place it?" radio."""
    return f"hvt_choice_{scenario_id}"


@dataclass(frozen=True)
class SorterView:
    """What the sorter on your own shows now."""

    answers: Mapping[str, str]
    placed: Mapping[str, str]  # scene id -> where we placed it
    done: int  # scenes placed
    total: int
    current: int  # the scene shown; `total` means every scene is behind and the summary shows
    answer: str | None  # the person's placement of the scene shown, once placed
    following: int  # where the next button goes: the first unplaced scene, or `total` (the summary)

    @property
    def finished(self) -> bool:
        return self.current >= self.total

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def counts(self) -> dict[str, int]:
        """How many answers sit where ours do, one step away, or at the other end."""
        return summary(self.answers, self.placed)


def sorter_view(state: MutableMapping, scenes: Sequence) -> SorterView:
    """The sorter read from `state` (session state), started empty on the first run. `scenes` have
    an `id` and the `level` we placed them at."""
    answers: Mapping[str, str] = state.setdefault(ANSWERS, {})
    current: int = state.setdefault(CURRENT, 0)
    ids = [s.id for s in scenes]
    done, total = progress(answers, ids)
    answer = answers.get(ids[current]) if current < total else None
    following = next_unanswered(answers, ids)
    return SorterView(
        answers,
        {s.id: s.level for s in scenes},
        done,
        total,
        current,
        answer,
        total if following is None else following,
    )


def place(state: MutableMapping, scenario_id: str) -> None:
    """Place a scene: its radio's choice becomes the person's answer (nothing while none is chosen)."""
    choice = state.get(choice_key(scenario_id))
    if choice is not None:
        state[ANSWERS] = record_answer(state.get(ANSWERS, {}), scenario_id, choice)


def go_to(state: MutableMapping, index: int) -> None:
    """Show scene `index` (the next scene, or `total` for the summary)."""
    state[CURRENT] = index


def start_again(state: MutableMapping, scenes: Sequence) -> None:
    """Forget every answer and choice, and go back to the first scene."""
    state[ANSWERS] = {}
    state[CURRENT] = 0
    for s in scenes:
        state.pop(choice_key(s.id), None)


def spectrum_marks(answer: str | None, placed: str, labels: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """The marks on the spectrum line for a revealed scene: (level, label, symbol), the person's
    answer first (its level's symbol) when there is one, then ours (a star)."""
    marks = [] if answer is None else [(answer, labels["hvt_mark_you"], LEVELS[answer]["symbol"])]
    return [*marks, (placed, labels["hvt_mark_us"], "star")]


def spectrum_words(
    marks: Sequence[tuple[str, str, str]], titles: Mapping[str, str], labels: Mapping[str, str]
) -> tuple[str, str]:
    """(alt, summary) of the spectrum line: its marks in words ("You: Unhealthy; Our placement: Abusive")."""
    words = "; ".join(f"{label}: {titles[level]}" for level, label, _ in marks)
    return labels["hvt_spectrum_alt"].format(marks=words), labels["hvt_spectrum_summary"].format(marks=words)


def reveal_lines(
    scene, answer: str | None, names: Mapping[str, str], labels: Mapping[str, str]
) -> tuple[list[str], list[str]]:
    """A revealed scene in Markdown blocks: (where the person and we placed it, shown before the
    spectrum line; why, and where people differ, shown after it). No answer in the group version."""
    yours = [] if answer is None else [f"**{labels['hvt_your_placement']}:** {names[answer]}"]
    return (
        [*yours, f"**{labels['hvt_our_placement']}:** {names[scene.level]}"],
        [f"**{labels['hvt_why']}.** {scene.why}", f"**{labels['hvt_differ']}.** {scene.differ}"],
    )


def summary_rows(
    scenes: Sequence, answers: Mapping[str, str], names: Mapping[str, str], labels: Mapping[str, str]
) -> list[dict[str, str]]:
    """The table of placements: each placed scene, the person's level and ours, in scene order."""
    return [
        {
            labels["hvt_col_scene"]: s.title,
            labels["hvt_your_placement"]: names[answers[s.id]],
            labels["hvt_our_placement"]: names[s.level],
        }
        for s in scenes
        if s.id in answers
    ]
