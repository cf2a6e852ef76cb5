"""Pure logic of the "Relational trauma" and "The healing path" pages: reading their URL state,
the data behind the flow diagram, and the private self-concept ratings. No streamlit import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

CLOSENESS_PARAM = "closeness"
PATTERN_PARAM = "pattern"
STEP_PARAM = "step"
RATING_PREFIX = "healing_sc_"  # session-state keys of the self-concept sliders (never in the URL)


def closeness_choice(raw: str | None, ids: Sequence[str]) -> str:
    """The family-closeness style named in `?closeness=`, or the first style when missing or unknown."""
    value = (raw or "").strip().lower()
    return value if value in ids else ids[0]


# --------------------------------------------------------------------------- the flow diagram


@dataclass(frozen=True)
class Flow:
    """Nodes and links of the early experience -> learned belief -> adult pattern diagram."""

    labels: tuple[str, ...]
    column: tuple[int, ...]  # 0 early experience, 1 belief, 2 adult pattern
    pattern_of_node: tuple[int, ...]  # which path (0-based) each node belongs to
    sources: tuple[int, ...]
    targets: tuple[int, ...]
    pattern_of_link: tuple[int, ...]


def flow(patterns: Sequence, selected: int, marker: str = "▶ ") -> Flow:
    """One node per step of each path, numbered so the picture and its text alternative agree.

    The selected path's nodes start with `marker`, so the highlight does not rely on colour.
    """
    labels, column, owner, src, tgt, link_owner = [], [], [], [], [], []
    for i, p in enumerate(patterns):
        prefix = marker if i == selected else ""
        base = len(labels)
        for col, text in enumerate((p.early, p.belief, p.adult)):
            labels.append(f"{prefix}{i + 1}. {text}")
            column.append(col)
            owner.append(i)
        for a, b in ((0, 1), (1, 2)):
            src.append(base + a)
            tgt.append(base + b)
            link_owner.append(i)
    return Flow(tuple(labels), tuple(column), tuple(owner), tuple(src), tuple(tgt), tuple(link_owner))


def node_positions(column: Sequence[int], count_per_column: int) -> tuple[list[float], list[float]]:
    """x and y (0..1) of each node: three columns, rows spread evenly top to bottom."""
    xs = {0: 0.001, 1: 0.5, 2: 0.999}
    seen = {0: 0, 1: 0, 2: 0}
    x, y = [], []
    for c in column:
        row = seen[c]
        seen[c] += 1
        x.append(xs[c])
        y.append(0.06 + 0.88 * (row / max(1, count_per_column - 1)))
    return x, y


def pattern_rows(patterns: Sequence, headings: tuple[str, str, str], number_heading: str = "#") -> list[dict]:
    """The flow diagram as a table: one row per path."""
    early, belief, adult = headings
    return [{number_heading: i + 1, early: p.early, belief: p.belief, adult: p.adult} for i, p in enumerate(patterns)]


# --------------------------------------------------------------------------- the self-concept reflection


def rating_key(area_id: str) -> str:
    return f"{RATING_PREFIX}{area_id}"


def ratings(state: Mapping, area_ids: Sequence[str], default: int, low: int, high: int) -> tuple[int, ...]:
    """The person's ratings, in area order, from session state; unset or invalid values read as `default`."""
    out = []
    for area_id in area_ids:
        value = state.get(rating_key(area_id), default)
        try:
            value = int(value)
        except (TypeError, ValueError):
            value = default
        out.append(max(low, min(high, value)))
    return tuple(out)


def clear_ratings(state: dict) -> None:
    """Forget every self-concept rating held in session state (the "Clear my ratings" button)."""
    for key in [k for k in state if isinstance(k, str) and k.startswith(RATING_PREFIX)]:
        del state[key]


def radar_rows(area_names: Sequence[str], values: Sequence[int], area_heading: str, rating_heading: str) -> list[dict]:
    return [{area_heading: name, rating_heading: value} for name, value in zip(area_names, values, strict=True)]
