"""Pure helpers of the cycle page (no streamlit): its URL parameters, and the words and tables of
each chart's text alternative. Kept here so they are unit-tested alone."""

from __future__ import annotations

from collections.abc import Mapping

from components import bond_model
from components.models.cycle import CycleFile, CycleVersion
from components.url_params import Choice, Int, Param, Step

# URL parameters (the facilitator page links to these; keep the names)
MODEL, PHASE, WEEK, STAGE = "model", "phase", "week", "stage"
SANDBOX_PARAMS = ("kindness", "unpredictability", "power")
SANDBOX_DEFAULTS = {"kindness": 7, "unpredictability": 7, "power": 7}

URL_PARAMS = (
    Param(MODEL, Choice(lambda c: [v.id for v in c.cycle.cycle.versions])),
    Param(PHASE, Step(lambda c: max(len(v.phases) for v in c.cycle.cycle.versions)), keep_default=True),
    Param(WEEK, Int(1, lambda c: c.cycle.over_time.weeks, 1)),
    Param(STAGE, Step(lambda c: len(c.cycle.stages.stages)), keep_default=True),
    *(Param(k, Int(0, bond_model.SLIDER_MAX, SANDBOX_DEFAULTS[k])) for k in SANDBOX_PARAMS),
)


def version_index(cycle: CycleFile, raw: str | None) -> int:
    """`?model=walker|four-phase` -> index of that version; anything else -> the first."""
    ids = [v.id for v in cycle.cycle.versions]
    return ids.index(raw) if raw in ids else 0


def cycle_words(cycle: CycleFile, version: CycleVersion, step: int, labels: Mapping[str, str]):
    """(alt, summary, rows) of the cycle circle."""
    phase = version.phases[step]
    names = " → ".join(f"{i + 1}. {p.title}" for i, p in enumerate(version.phases))
    alt = cycle.cycle.alt.format(model=version.name, phase=phase.title)
    summary = cycle.cycle.summary.format(
        model=version.name, phases=names, phase=phase.title, n=step + 1, total=len(version.phases)
    )
    rows = [
        {
            labels["cycle_step_col"]: str(i + 1),
            labels["cycle_phase_col"]: p.title + (f" ({labels['cycle_current']})" if i == step else ""),
            labels["cycle_what_happens"]: p.what_happens,
        }
        for i, p in enumerate(version.phases)
    ]
    return alt, summary, rows


def over_time_words(cycle: CycleFile, version: CycleVersion, week: int, labels: Mapping[str, str]):
    """(alt, summary, rows) of the over-time chart at `week`."""
    ot = cycle.over_time
    phases = version.phases
    shares = bond_model.phase_shares([p.share_start for p in phases], [p.share_end for p in phases], week, ot.weeks)
    growing = ", ".join(p.title for p in phases if p.share_end > p.share_start)
    shrinking = ", ".join(p.title for p in phases if p.share_end < p.share_start)
    alt = ot.alt.format(weeks=ot.weeks, week=week)
    summary = ot.summary.format(weeks=ot.weeks, week=week, growing=growing, shrinking=shrinking)
    rows = [{labels["cycle_phase_col"]: p.title, labels["cycle_share_col"]: f"{s:.0%}"} for p, s in zip(phases, shares)]
    return alt, summary, rows


def sandbox_words(cycle: CycleFile, settings: Mapping[str, int], labels: Mapping[str, str]):
    """(alt, summary, rows, direction) of the sandbox chart for settings 0..10."""
    m = bond_model.SLIDER_MAX
    kindness, unpredictability, power = (settings[k] / m for k in SANDBOX_PARAMS)
    c = bond_model.simulate(kindness, unpredictability, power)
    sb = cycle.sandbox
    alt = sb.alt.format(**settings)
    summary = sb.summary.format(
        **settings,
        a0=round(c.attachment[0] * 100),
        a1=round(c.attachment[-1] * 100),
        w0=round(c.wellbeing[0] * 100),
        w1=round(c.wellbeing[-1] * 100),
    )
    rows = [
        {
            labels["cycle_week"]: str(t),
            labels["cycle_attachment"]: str(round(c.attachment[t] * 100)),
            labels["cycle_wellbeing"]: str(round(c.wellbeing[t] * 100)),
            labels["cycle_mood"]: str(round(c.mood[t] * 100)),
        }
        for t in c.weeks
        if t % 4 == 0
    ]
    return alt, summary, rows, bond_model.direction(c)


def stage_words(cycle: CycleFile, step: int, labels: Mapping[str, str]):
    """(alt, summary, rows) of the stages timeline."""
    st_ = cycle.stages
    stage = st_.stages[step]
    alt = st_.alt.format(first=st_.stages[0].title, last=st_.stages[-1].title, n=step + 1, stage=stage.title)
    summary = st_.summary.format(
        stages=" → ".join(f"{i + 1}. {s.title}" for i, s in enumerate(st_.stages)), stage=stage.title, n=step + 1
    )
    rows = [
        {
            labels["cycle_step_col"]: str(i + 1),
            labels["cycle_stage_col"]: s.title + (f" ({labels['cycle_current']})" if i == step else ""),
            labels["cycle_stage_feels"]: s.feels_like,
        }
        for i, s in enumerate(st_.stages)
    ]
    return alt, summary, rows
