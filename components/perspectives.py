"""Pure logic of the "What practitioners say" page: URL parameters, the condition filter, the
highlighted voice, counts of conditions and the stance groups. No streamlit import; unit-tested."""

from __future__ import annotations

from dataclasses import dataclass

from components.models.perspectives import Condition, Perspective, PerspectivesFile, Stance
from components.url_params import Choice, Param

CONDITION_PARAM = "condition"
PERSON_PARAM = "person"

URL_PARAMS = (  # "" is "all conditions" / "nobody highlighted"
    Param(CONDITION_PARAM, Choice(lambda c: [x.id for x in c.perspectives.conditions], default="")),
    Param(PERSON_PARAM, Choice(lambda c: [p.id for p in c.perspectives.perspectives], default="")),
)


def valid_id(raw: str | None, ids) -> str | None:
    """The value of a URL parameter if it names a known id, else None (unknown values are ignored)."""
    if raw is None:
        return None
    value = str(raw).strip().lower()
    return value if value in set(ids) else None


def parse_condition(raw: str | None, data: PerspectivesFile) -> str | None:
    return valid_id(raw, (c.id for c in data.conditions))


def parse_person(raw: str | None, data: PerspectivesFile) -> str | None:
    return valid_id(raw, (p.id for p in data.perspectives))


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
    relationships with abuse, fear or control, and the card itself must say so (not only the page)."""
    if p.stance in (None, "rarely-or-never"):  # names what repair would take only to say it almost never happens
        return False
    text = " ".join([p.stance_summary, *p.key_advice]).lower()
    return "couples" in text or bool(SHARED_WORK_CONDITIONS & set(p.conditions))
