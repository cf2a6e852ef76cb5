"""Pure logic of the therapy approaches browser: its URL parameters, filtering, guided paths, the
side-by-side comparison, and the map's plain values and text alternative. No streamlit here; the
page wires these to widgets.

URL parameters (all optional; lists are comma-separated ids, unknown ids are dropped):
`for` audiences, `format`, `focus`, `evidence`, `q` text search, `approach` the open card,
`compare` two or three approach ids, `path` `child`, `teen` or `adult`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from components.models.therapies import (
    AUDIENCES,
    EVIDENCE_LEVELS,
    FOCUSES,
    FORMATS,
    Approach,
    GuidedPath,
    TherapiesFile,
)
from components.search import text_matches
from components.url_params import Choice, ListOf, Param

# URL parameter names (keep: shared links depend on them)
P_FOR, P_FORMAT, P_FOCUS, P_EVIDENCE = "for", "format", "focus", "evidence"
# The typed search is deliberately NOT a URL parameter: what a person types stays in the session
# (never in browser history or a shared link), as the design's privacy rule asks.
P_APPROACH, P_COMPARE, P_PATH = "approach", "compare", "path"
FILTER_PARAMS = (P_FOR, P_FORMAT, P_FOCUS, P_EVIDENCE)
PATHS = ("child", "teen", "adult")
COMPARE_MAX = 3
COMPARE_MIN = 2

URL_PARAMS = (
    Param(P_FOR, ListOf(AUDIENCES)),
    Param(P_FORMAT, ListOf(FORMATS)),
    Param(P_FOCUS, ListOf(FOCUSES)),
    Param(P_EVIDENCE, ListOf(EVIDENCE_LEVELS)),
    Param(P_APPROACH, Choice(lambda c: [a.id for a in c.therapies.approaches], default=None)),
    Param(P_COMPARE, ListOf(lambda c: [a.id for a in c.therapies.approaches], most=COMPARE_MAX)),
    Param(P_PATH, Choice(PATHS, default=None)),
)


@dataclass(frozen=True)
class Filters:
    """What the reader has narrowed the list to. Within one facet any value matches (OR);
    across facets all must match (AND). Empty means no restriction."""

    audiences: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    query: str = ""

    @property
    def active(self) -> bool:
        return bool(self.audiences or self.formats or self.focus or self.evidence or self.query.strip())


def facet_labels(file: TherapiesFile) -> dict[str, str]:
    """Every facet id -> its label (facet ids are unique across the file)."""
    return {
        f.id: f.label for group in (file.audiences, file.formats, file.focuses, file.evidence_levels) for f in group
    }


def searchable_text(approach: Approach, labels: Mapping[str, str]) -> tuple[str, ...]:
    facet_words = [labels.get(x, x) for x in (*approach.audiences, *approach.formats, *approach.focus)]
    return (
        approach.name,
        approach.short_name,
        approach.summary,
        approach.what_it_is,
        approach.how_it_works,
        approach.session,
        approach.suits,
        approach.age_note or "",
        *facet_words,
    )


def matches(approach: Approach, filters: Filters, labels: Mapping[str, str] | None = None) -> bool:
    if filters.audiences and not set(filters.audiences) & set(approach.audiences):
        return False
    if filters.formats and not set(filters.formats) & set(approach.formats):
        return False
    if filters.focus and not set(filters.focus) & set(approach.focus):
        return False
    if filters.evidence and approach.evidence.level not in filters.evidence:
        return False
    return text_matches(filters.query, *searchable_text(approach, labels or {}))


def filter_approaches(file: TherapiesFile, filters: Filters) -> list[Approach]:
    labels = facet_labels(file)
    return [a for a in file.approaches if matches(a, filters, labels)]


def facet_counts(file: TherapiesFile, facet: str) -> dict[str, int]:
    """How many approaches carry each value of one facet ('audiences', 'formats', 'focus', 'evidence')."""
    ids = {"audiences": AUDIENCES, "formats": FORMATS, "focus": FOCUSES, "evidence": EVIDENCE_LEVELS}[facet]
    counts = dict.fromkeys(ids, 0)
    for a in file.approaches:
        values = [a.evidence.level] if facet == "evidence" else getattr(a, facet)
        for v in values:
            counts[v] += 1
    return counts


def approach_by_id(file: TherapiesFile) -> dict[str, Approach]:
    return {a.id: a for a in file.approaches}


def guided_path(file: TherapiesFile, path_id: str | None) -> GuidedPath | None:
    return next((p for p in file.paths if p.id == path_id), None)


def path_approaches(file: TherapiesFile, path_id: str | None) -> list[Approach]:
    path = guided_path(file, path_id)
    if path is None:
        return []
    by_id = approach_by_id(file)
    return [by_id[i] for i in path.approaches]


def _facet_line(values: Iterable[str], labels: Mapping[str, str]) -> str:
    return ", ".join(labels.get(v, v) for v in values)


def compare_rows(file: TherapiesFile, ids: Sequence[str], ui_labels: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """The comparison table: (row heading, one Markdown cell per approach), in reading order."""
    by_id = approach_by_id(file)
    chosen = [by_id[i] for i in ids if i in by_id]
    labels = facet_labels(file)
    none = ui_labels["therapies_card_none"]

    def cautions(a: Approach) -> str:
        return "\n\n".join(c.text for c in a.cautions) if a.cautions else none

    rows: list[tuple[str, list[str]]] = [
        (ui_labels["therapies_card_for"], [_facet_line(a.audiences, labels) for a in chosen]),
        (ui_labels["therapies_card_format"], [_facet_line(a.formats, labels) for a in chosen]),
        (ui_labels["therapies_card_focus"], [_facet_line(a.focus, labels) for a in chosen]),
        (ui_labels["therapies_card_what"], [a.what_it_is for a in chosen]),
        (ui_labels["therapies_card_session"], [a.session for a in chosen]),
        (ui_labels["therapies_card_suits"], [a.suits for a in chosen]),
        (
            ui_labels["therapies_card_length"],
            [a.length.text if a.length else ui_labels["therapies_card_no_length"] for a in chosen],
        ),
        (ui_labels["therapies_card_evidence"], [f"**{labels[a.evidence.level]}.** {a.evidence.text}" for a in chosen]),
        (ui_labels["therapies_card_cautions"], [cautions(a) for a in chosen]),
    ]
    return rows


# --------------------------------------------------------------------------- the map's plain values
# components/charts/therapies.py draws the map from these (tuples: hashable, so cached_figure keys on them).

MAP_STEP = 0.3  # vertical spacing of markers that share a cell


class MapPoint(NamedTuple):
    """One marker: an approach in one audience column, at the row of its main focus."""

    id: str
    x: float
    y: float
    cell: tuple[int, int]  # (audience column, focus row)
    short_name: str
    name: str
    level: str  # evidence level id: its colour, symbol and legend entry


class MapChart(NamedTuple):
    points: tuple[MapPoint, ...]
    levels: tuple[tuple[str, str], ...]  # (evidence level id, label), in legend order
    columns: tuple[str, ...]  # audience labels, left to right
    rows: tuple[str, ...]  # focus labels, top down
    x_title: str
    y_title: str
    hidden_name: str  # the legend entry of approaches the filters hide


def map_points(file: TherapiesFile) -> tuple[MapPoint, ...]:
    """Where each marker goes: one point per (approach, audience), spread within shared cells."""
    cells: dict[tuple[int, int], list[Approach]] = {}
    for a in file.approaches:
        y = FOCUSES.index(a.focus[0])
        for aud in a.audiences:
            cells.setdefault((AUDIENCES.index(aud), y), []).append(a)
    points = []
    for (x, y), approaches in cells.items():
        n = len(approaches)
        for i, a in enumerate(approaches):
            offset = ((n - 1) / 2 - i) * MAP_STEP
            points.append(MapPoint(a.id, x - 0.4, y + offset, (x, y), a.short_name, a.name, a.evidence.level))
    return tuple(points)


def map_chart(file: TherapiesFile, ui_labels: Mapping[str, str]) -> MapChart:
    level_label: dict[str, str] = {e.id: e.label for e in file.evidence_levels}
    aud_label: dict[str, str] = {a.id: a.short for a in file.audiences}
    focus_label: dict[str, str] = {f.id: f.short for f in file.focuses}
    return MapChart(
        map_points(file),
        tuple((lv, level_label[lv]) for lv in EVIDENCE_LEVELS),
        tuple(aud_label[a] for a in AUDIENCES),
        tuple(focus_label[f] for f in FOCUSES),
        ui_labels["therapies_map_x"],
        ui_labels["therapies_map_y"],
        ui_labels["therapies_map_hidden"],
    )


def map_rows(file: TherapiesFile, shown_ids: Iterable[str], ui_labels: Mapping[str, str]) -> list[dict[str, str]]:
    """The map's text alternative: one row per approach, in file order."""
    labels = facet_labels(file)
    shown = set(shown_ids)
    return [
        {
            ui_labels["therapies_col_approach"]: a.name,
            ui_labels["therapies_col_for"]: _facet_line(a.audiences, labels),
            ui_labels["therapies_col_focus"]: labels[a.focus[0]],
            ui_labels["therapies_col_evidence"]: labels[a.evidence.level],
            ui_labels["therapies_col_shown"]: ui_labels["therapies_yes" if a.id in shown else "therapies_no"],
        }
        for a in file.approaches
    ]


def all_sources(approach: Approach) -> list[str]:
    """Every source the card cites, description first, without repeats."""
    out: list[str] = []
    notes = [approach.length, approach.evidence, *approach.cautions]
    for sid in [*approach.sources, *(s for n in notes if n for s in n.sources)]:
        if sid not in out:
            out.append(sid)
    return out


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def compare_table(file: TherapiesFile, ids: Sequence[str], ui_labels: Mapping[str, str]) -> str:
    """The comparison as one Markdown table: a column per approach, a row per field."""
    by_id = approach_by_id(file)
    names = [by_id[i].name for i in ids if i in by_id]
    lines = [
        "| " + " | ".join([_cell(ui_labels["therapies_compare_field"]), *map(_cell, names)]) + " |",
        "|" + "---|" * (len(names) + 1),
    ]
    for heading, cells in compare_rows(file, ids, ui_labels):
        lines.append("| " + " | ".join([f"**{_cell(heading)}**", *map(_cell, cells)]) + " |")
    return "\n".join(lines)
