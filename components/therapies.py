"""Pure logic of the therapy approaches browser: URL parameters <-> filters, filtering, guided
paths and the side-by-side comparison. No streamlit here; the page wires these to widgets.

URL parameters (all optional; lists are comma-separated ids, unknown ids are dropped):
`for` audiences, `format`, `focus`, `evidence`, `q` text search, `approach` the open card,
`compare` two or three approach ids, `path` `child`, `teen` or `adult`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

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


def parse_list(raw: str | Sequence[str] | None, allowed: Iterable[str]) -> tuple[str, ...]:
    """'a, b,zz,a' -> ('a', 'b') when zz is not allowed: known ids, first occurrence, in given order."""
    if raw is None:
        return ()
    parts = raw.split(",") if isinstance(raw, str) else [p for item in raw for p in str(item).split(",")]
    allowed = set(allowed)
    out: list[str] = []
    for part in parts:
        value = part.strip().lower()
        if value in allowed and value not in out:
            out.append(value)
    return tuple(out)


def join_list(values: Iterable[str]) -> str:
    return ",".join(values)


def _first(params: Mapping[str, object], key: str) -> str | None:
    value = params.get(key)
    if isinstance(value, list):  # AppTest / to_dict variants may give lists
        return value[-1] if value else None
    return value if isinstance(value, str) else None


def filters_from_params(params: Mapping[str, object], query: str = "") -> Filters:
    """The facet filters from the URL, plus the session's typed search (`query`)."""
    return Filters(
        audiences=parse_list(_first(params, P_FOR), AUDIENCES),
        formats=parse_list(_first(params, P_FORMAT), FORMATS),
        focus=parse_list(_first(params, P_FOCUS), FOCUSES),
        evidence=parse_list(_first(params, P_EVIDENCE), EVIDENCE_LEVELS),
        query=query.strip()[:100],
    )


def filters_to_params(filters: Filters) -> dict[str, str | None]:
    """Each filter parameter -> its URL value, or None when it should be removed from the URL."""
    return {
        P_FOR: join_list(filters.audiences) or None,
        P_FORMAT: join_list(filters.formats) or None,
        P_FOCUS: join_list(filters.focus) or None,
        P_EVIDENCE: join_list(filters.evidence) or None,
    }


def facet_labels(file: TherapiesFile) -> dict[str, str]:
    """Every facet id -> its label (facet ids are unique across the file)."""
    return {f.id: f.label for group in (file.audiences, file.formats, file.focuses, file.evidence_levels) for f in group}


def searchable_text(approach: Approach, labels: Mapping[str, str]) -> tuple[str, ...]:
    facet_words = [labels.get(x, x) for x in (*approach.audiences, *approach.formats, *approach.focus)]
    return (approach.name, approach.short_name, approach.summary, approach.what_it_is, approach.how_it_works,
            approach.session, approach.suits, approach.age_note or "", *facet_words)


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


def selected_approach(file: TherapiesFile, raw: str | None) -> Approach | None:
    return approach_by_id(file).get((raw or "").strip().lower())


def parse_compare(file: TherapiesFile, raw: str | Sequence[str] | None) -> tuple[str, ...]:
    """Up to three known approach ids from `?compare=`."""
    return parse_list(raw, approach_by_id(file))[:COMPARE_MAX]


def parse_path(raw: str | None) -> str | None:
    value = (raw or "").strip().lower()
    return value if value in PATHS else None


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
        (ui_labels["therapies_card_length"],
         [a.length.text if a.length else ui_labels["therapies_card_no_length"] for a in chosen]),
        (ui_labels["therapies_card_evidence"],
         [f"**{labels[a.evidence.level]}.** {a.evidence.text}" for a in chosen]),
        (ui_labels["therapies_card_cautions"], [cautions(a) for a in chosen]),
    ]
    return rows


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
    lines = ["| " + " | ".join([_cell(ui_labels["therapies_compare_field"]), *map(_cell, names)]) + " |",
             "|" + "---|" * (len(names) + 1)]
    for heading, cells in compare_rows(file, ids, ui_labels):
        lines.append("| " + " | ".join([f"**{_cell(heading)}**", *map(_cell, cells)]) + " |")
    return "\n".join(lines)
