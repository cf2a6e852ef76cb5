"""Pure logic of the "What practitioners say" page: URL parameters, the condition filter, the
highlighted voice, counts of conditions, the stance groups, and the charts' plain values and text
alternatives. No streamlit import; unit-tested."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from components.models.perspectives import Condition, Perspective, PerspectivesFile, Stance
from components.url_params import Choice, Param

CONDITION_PARAM = "condition"
PERSON_PARAM = "person"

URL_PARAMS = (  # "" is "all conditions" / "nobody highlighted"
    Param(CONDITION_PARAM, Choice(lambda c: [x.id for x in c.perspectives.conditions], default="")),
    Param(PERSON_PARAM, Choice(lambda c: [p.id for p in c.perspectives.perspectives], default="")),
)


def practitioners(data: PerspectivesFile) -> list[Perspective]:
    return [p for p in data.perspectives if p.kind == "practitioner"]


def other_voices(data: PerspectivesFile) -> list[Perspective]:
    return [p for p in data.perspectives if p.kind != "practitioner"]


def names_condition(p: Perspective, condition: str | None) -> bool:
    """True when no filter is set or the perspective names the condition."""
    return condition is None or condition in p.conditions


def filter_and_order(items: list[Perspective], condition: str | None, person: str | None) -> list[Perspective]:
    """The cards to show: those naming the condition, the highlighted one first, else article order."""
    shown = [p for p in items if names_condition(p, condition)]
    return sorted(shown, key=lambda p: p.id != person)  # stable: keeps article order otherwise


def highlight_hidden(data: PerspectivesFile, condition: str | None, person: str | None) -> Perspective | None:
    """The highlighted perspective when the condition filter hides it (so the page can say so)."""
    if person is None:
        return None
    p = perspective_by_id(data, person)
    return None if names_condition(p, condition) else p


def perspective_by_id(data: PerspectivesFile, pid: str) -> Perspective:
    for p in data.perspectives:
        if p.id == pid:
            return p
    raise KeyError(pid)


def condition_by_id(data: PerspectivesFile, cid: str) -> Condition:
    for c in data.conditions:
        if c.id == cid:
            return c
    raise KeyError(cid)


@dataclass(frozen=True)
class ConditionCount:
    condition: Condition
    count: int  # how many of the round-up practitioners name it
    names: tuple[str, ...]  # their display names, in article order
    also_others: tuple[str, ...]  # ids of non-practitioner voices that name it too


def condition_counts(data: PerspectivesFile) -> list[ConditionCount]:
    """Every condition with how many practitioners name it; most named first, ties in file order."""
    people = practitioners(data)
    others = other_voices(data)
    out = []
    for c in data.conditions:
        naming = [p.display_name for p in people if c.id in p.conditions]
        also = tuple(o.id for o in others if c.id in o.conditions)
        out.append(ConditionCount(c, len(naming), tuple(naming), also))
    order = {c.id: i for i, c in enumerate(data.conditions)}
    return sorted(out, key=lambda r: (-r.count, order[r.condition.id]))


def stance_groups(data: PerspectivesFile) -> list[tuple[Stance, list[Perspective]]]:
    """Stances from "rarely or never" to "often, with work", each with its voices in file order."""
    stances = sorted(data.stances, key=lambda s: s.position)
    return [(s, [p for p in data.perspectives if p.stance == s.id]) for s in stances]


def stance_of(data: PerspectivesFile, p: Perspective) -> Stance | None:
    """A voice's stance, or None for one that does not address repair (left off the spectrum)."""
    return next((s for s in data.stances if s.id == p.stance), None)


def off_spectrum(data: PerspectivesFile) -> list[Perspective]:
    """Voices that do not address whether repair is possible."""
    return [p for p in data.perspectives if p.stance is None]


# Conditions that put the work on both people ("shared responsibility").
SHARED_WORK_CONDITIONS = frozenset({"own-your-part"})


def needs_couples_caveat(p: Perspective) -> bool:
    """True for a card that recommends couples work or shared responsibility: such advice is not for
    relationships with abuse, fear or control, and the card itself must say so (not only the page).
    From ids and a flag, never from the words, so it holds in every language (the model makes sure an
    English card that speaks of couples work sets `couples_work`)."""
    if p.stance in (None, "rarely-or-never"):  # names what repair would take only to say it almost never happens
        return False
    return p.couples_work or bool(SHARED_WORK_CONDITIONS & set(p.conditions))


# --------------------------------------------------------------------------- the charts' plain values
# The builders in components/charts/perspectives.py take these (tuples: hashable, so cached_figure
# keys on them) and read no content themselves.


class Voice(NamedTuple):
    """One voice on the spectrum: where it stands and how it is drawn."""

    column: int  # its stance, left to right
    row: int  # its place in that column, top down (article order)
    kind: str  # "practitioner", "lived-experience" or "personal-account": colour and symbol
    kind_name: str  # the legend's word for the kind
    chart_name: str
    display_name: str
    named: bool  # names the chosen condition (always True when none is chosen)
    highlighted: bool


class SpectrumChart(NamedTuple):
    stances: tuple[str, ...]  # column labels, "rarely or never" first
    voices: tuple[Voice, ...]  # column by column, each top down
    states: tuple[str, str] | None  # ("names it", "does not") when a condition is chosen, else None
    highlighted: str  # the legend's word for the highlighted voice


def spectrum_chart(
    data: PerspectivesFile, labels: Mapping[str, str], condition: str | None, person: str | None
) -> SpectrumChart:
    groups = stance_groups(data)
    voices = tuple(
        Voice(
            col,
            row,
            p.kind,
            labels[f"perspectives_kind_{p.kind}"],
            p.chart_name,
            p.display_name,
            names_condition(p, condition),
            p.id == person,
        )
        for col, (_, people) in enumerate(groups)
        for row, p in enumerate(people)
    )
    states = (
        None if condition is None else (labels["perspectives_names_condition"], labels["perspectives_not_condition"])
    )
    return SpectrumChart(tuple(s.label for s, _ in groups), voices, states, labels["perspectives_highlighted"])


class Bar(NamedTuple):
    """One condition's bar."""

    label: str
    count: int  # type: ignore[assignment]  # a field named like tuple.count, which it hides
    text: str  # "n of total" at the end of the bar (and "selected" on the chosen one)
    names: tuple[str, ...]  # the practitioners who name it
    selected: bool
    also_others: bool  # another kind of voice names it too


class ConditionsChart(NamedTuple):
    bars: tuple[Bar, ...]  # most named first
    total: int  # how many practitioners
    count_name: str  # the bars' legend name
    also_name: str  # the legend name of the "named by others too" marks
    axis_title: str


def conditions_chart(data: PerspectivesFile, labels: Mapping[str, str], condition: str | None) -> ConditionsChart:
    total = len(practitioners(data))
    bars = tuple(
        Bar(
            r.condition.label,
            r.count,
            labels["perspectives_count"].format(n=r.count, total=total)
            + (f" · {labels['perspectives_selected']}" if r.condition.id == condition else ""),
            r.names,
            r.condition.id == condition,
            bool(r.also_others),
        )
        for r in condition_counts(data)
    )
    return ConditionsChart(
        bars,
        total,
        labels["perspectives_col_count"],
        labels["perspectives_col_also"],
        labels["perspectives_conditions_axis"].format(total=total),
    )


# --------------------------------------------------------------------------- the charts in words


def spectrum_summary(data: PerspectivesFile, labels: Mapping[str, str]) -> str:
    """Each stance and what it means, then the voices left off the spectrum."""
    return "\n".join(
        [f"- **{s.label}**: {s.description}" for s in sorted(data.stances, key=lambda s: s.position)]
        + [f"- **{labels['perspectives_no_stance']}**: {p.display_name}" for p in off_spectrum(data)]
    )


def spectrum_rows(data: PerspectivesFile, labels: Mapping[str, str]) -> list[dict[str, str]]:
    """The spectrum as a table: one row per stance, its voices in article order; then a row for the
    voices that do not address repair (left off the chart), if any."""
    rows = [
        {
            labels["perspectives_col_stance"]: s.label,
            labels["perspectives_col_voices"]: ", ".join(p.display_name for p in people) or "–",
        }
        for s, people in stance_groups(data)
    ]
    off = off_spectrum(data)
    if off:
        rows.append(
            {
                labels["perspectives_col_stance"]: labels["perspectives_no_stance"],
                labels["perspectives_col_voices"]: ", ".join(p.display_name for p in off),
            }
        )
    return rows


def conditions_summary(data: PerspectivesFile) -> str:
    return "\n".join(f"- **{c.label}**: {c.description}" for c in data.conditions)


def conditions_rows(data: PerspectivesFile, labels: Mapping[str, str]) -> list[dict[str, str]]:
    """The bar chart as a table, most named first."""
    total = len(practitioners(data))
    return [
        {
            labels["perspectives_col_condition"]: r.condition.label,
            labels["perspectives_col_count"]: labels["perspectives_count"].format(n=r.count, total=total),
            labels["perspectives_col_who"]: ", ".join(r.names) or "–",
            labels["perspectives_col_also"]: labels["perspectives_yes"] if r.also_others else labels["perspectives_no"],
        }
        for r in condition_counts(data)
    ]
