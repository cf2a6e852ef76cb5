"""Pure logic of the "Relational trauma" and "The healing path" pages: their URL parameters, the
plain values behind the closeness picture and the flow diagram, the charts' text alternatives, and
the private self-concept ratings. No streamlit import."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from components.url_params import Choice, Param, Step

CLOSENESS_PARAM = "closeness"
PATTERN_PARAM = "pattern"
STEP_PARAM = "step"
RATING_PREFIX = "healing_sc_"  # session-state keys of the self-concept sliders (never in the URL)
RATINGS_CLEARED = "healing_ratings_cleared"  # how many times they were cleared (part of each key)
REFLECTION_KEY = "self_concept_open"  # session-state key of the switch that shows the reflection

RELATIONAL_TRAUMA_PARAMS = (
    Param(CLOSENESS_PARAM, Choice(lambda c: [x.id for x in c.relational_trauma.closeness])),
    Param(PATTERN_PARAM, Step(lambda c: len(c.relational_trauma.patterns)), keep_default=True),
)
HEALING_PARAMS = (Param(STEP_PARAM, Step(lambda c: len(c.healing.steps)), keep_default=True),)


# --------------------------------------------------------------------------- the family-closeness picture


class ClosenessChart(NamedTuple):
    """The plain values components/charts/trauma_healing.py draws one closeness style from."""

    style: str  # "abandonment", "enmeshment" or "cohesion": how the family is drawn
    people: tuple[str, str, str]  # the labels of parent, parent, child
    title: str
    protective: bool
    verdict: str  # the word for protective, or for a risk
    boundaries_label: str
    boundaries: str


def closeness_chart(rt, labels: Mapping[str, str], style_id: str) -> ClosenessChart:
    """`rt` is the relational-trauma content; `style_id` one of its closeness styles."""
    style = next(c for c in rt.closeness if c.id == style_id)
    parent = labels["trauma_closeness_parent"]
    verdict = labels["trauma_closeness_protective" if style.protective else "trauma_closeness_risk"]
    return ClosenessChart(
        style_id,
        (parent, parent, labels["trauma_closeness_child_node"]),
        style.title,
        bool(style.protective),
        verdict,
        labels["trauma_closeness_boundaries"],
        style.boundaries,
    )


# --------------------------------------------------------------------------- the flow diagram


class Path(NamedTuple):
    """One row of the flow diagram, as plain text."""

    early: str
    belief: str
    adult: str
    protective: bool


def pattern_paths(patterns: Sequence) -> tuple[Path, ...]:
    return tuple(Path(p.early, p.belief, p.adult, bool(p.protective)) for p in patterns)


@dataclass(frozen=True)
class Box:
    """One box of the early experience -> learned belief -> adult pattern diagram."""

    pattern: int  # which path (0-based)
    column: int  # 0 early experience, 1 belief, 2 adult pattern
    text: str  # wrapped with "<br>" for the figure
    selected: bool
    protective: bool


def wrap(text: str, width: int) -> str:
    """Wrap a label onto lines of at most `width` characters, joined by <br> (Plotly's line break)."""
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False)) or text


def flow_boxes(patterns: Sequence, selected: int, *, width: int = 26, marker: str = "▶ ") -> list[Box]:
    """Three boxes per path, numbered so the picture and its table agree.

    The selected path's boxes start with `marker`, so the highlight does not rely on colour.
    """
    boxes = []
    for i, p in enumerate(patterns):
        prefix = marker if i == selected else ""
        for col, text in enumerate((p.early, p.belief, p.adult)):
            boxes.append(Box(i, col, wrap(f"{prefix}{i + 1}. {text}", width), i == selected, bool(p.protective)))
    return boxes


def pattern_rows(patterns: Sequence, headings: tuple[str, str, str], number_heading: str = "#") -> list[dict]:
    """The flow diagram as a table: one row per path."""
    early, belief, adult = headings
    return [{number_heading: i + 1, early: p.early, belief: p.belief, adult: p.adult} for i, p in enumerate(patterns)]


# --------------------------------------------------------------------------- the self-concept reflection


def rating_key(area_id: str, state: Mapping | None = None) -> str:
    """A slider's session-state key. It carries how many times the ratings were cleared (in
    `state`): Streamlit keeps a widget's value in the browser while its key stays the same, so a
    clear gives every slider a new key and the browser draws it afresh at its `value=`."""
    cleared = state.get(RATINGS_CLEARED, 0) if state is not None else 0
    return f"{RATING_PREFIX}{cleared}_{area_id}"


def ratings(state: Mapping, area_ids: Sequence[str], default: int, low: int, high: int) -> tuple[int, ...]:
    """The person's ratings, in area order, from session state; unset or invalid values read as `default`."""
    out = []
    for area_id in area_ids:
        value = state.get(rating_key(area_id, state), default)
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = default
        out.append(max(low, min(high, value)))
    return tuple(out)


def clear_ratings(state: dict) -> None:
    """Forget every self-concept rating held in session state (the "Clear my ratings" button, and
    hiding the reflection); the sliders then come back at the middle under new keys."""
    keys = [k for k in state if isinstance(k, str) and k.startswith(RATING_PREFIX)]
    for key in keys:
        del state[key]
    if keys:
        state[RATINGS_CLEARED] = state.get(RATINGS_CLEARED, 0) + 1


def radar_rows(area_names: Sequence[str], values: Sequence[int], area_heading: str, rating_heading: str) -> list[dict]:
    return [{area_heading: name, rating_heading: value} for name, value in zip(area_names, values, strict=True)]
