"""The small, pure models behind the cycle page's illustrations. No streamlit, no randomness that
changes between runs: the same settings always draw the same curves.

`simulate()` illustrates the two conditions Dutton and Painter (1981) describe for traumatic
bonding, a power imbalance and good and bad treatment that alternate. It is a toy, chosen to be
monotonic and bounded so it can be explained in a sentence and unit-tested:

- felt attachment moves from a starting level towards a target that rises with kindness after
  harm, with unpredictability and with the power gap (all three together, as in the research);
  with no kindness at all the pull fades;
- the well-being trend falls towards a floor that is lower the larger the power gap and the more
  unpredictable the treatment; kindness does not lift it;
- the week-to-week highs and lows swing around that trend: a high after each kind spell, a low
  at each incident, at regular or irregular times depending on unpredictability.

`phase_shares()` is the "over time" illustration: each phase's share of one turn of the cycle,
moving from its early share to its later share.

Every level is in [0, 1]; pages show them as 0 to 100.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

WEEKS = 52
SLIDER_MAX = 10  # the sliders and the URL use whole numbers 0..10

ATTACHMENT_START = 0.35
WELLBEING_START = 0.75
ATTACHMENT_TAU = 10.0  # weeks for attachment to move most of the way to its target
WELLBEING_TAU = 16.0
STEADY_BAND = 0.05  # a change smaller than this counts as "about the same"

Direction = Literal["rises", "steady", "falls"]


@dataclass(frozen=True)
class Curves:
    weeks: tuple[int, ...]
    attachment: tuple[float, ...]
    wellbeing: tuple[float, ...]  # the trend
    mood: tuple[float, ...]  # the highs and lows around the trend
    kind_weeks: tuple[int, ...]  # weeks with a high (kindness after harm)
    harm_weeks: tuple[int, ...]  # weeks with an incident


def _check(name: str, value: float) -> float:
    if not isinstance(value, (int, float)) or math.isnan(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a number from 0 to 1, got {value!r}")
    return float(value)


def bond_drive(kindness: float, unpredictability: float, power: float) -> float:
    """How strongly the two conditions are present, 0..1; non-decreasing in each argument."""
    k = _check("kindness", kindness)
    u = _check("unpredictability", unpredictability)
    p = _check("power", power)
    return k * (0.4 + 0.6 * u) * (0.15 + 0.85 * p)


def attachment_target(kindness: float, unpredictability: float, power: float) -> float:
    """Where felt attachment heads in the long run: 0.10 with no kindness, up to 0.95."""
    return 0.10 + 0.85 * bond_drive(kindness, unpredictability, power) ** 0.6


def wellbeing_floor(unpredictability: float, power: float) -> float:
    """Where the well-being trend heads: lower with a bigger power gap and more unpredictability."""
    u = _check("unpredictability", unpredictability)
    p = _check("power", power)
    harm = 0.35 + 0.35 * p + 0.30 * u
    return 0.70 - 0.60 * harm


def _events(kindness: float, unpredictability: float, weeks: int) -> tuple[list[int], list[int]]:
    """Incident weeks and kind weeks. A regular four-week rhythm when unpredictability is 0; the
    gaps vary more as it rises. Kindness follows a share `kindness` of incidents, spread evenly.
    Deterministic: the irregular gaps come from a fixed seed."""
    rng = random.Random(1981)
    harm: list[int] = []
    kind: list[int] = []
    week, n = 2, 0
    while week <= weeks:
        harm.append(week)
        if math.floor((n + 1) * kindness + 1e-9) > math.floor(n * kindness + 1e-9) and week + 1 <= weeks:
            kind.append(week + 1)
        n += 1
        jitter = rng.uniform(-2.0, 4.0)
        week += max(2, round(4 + unpredictability * jitter))
    return harm, kind


def simulate(kindness: float, unpredictability: float, power: float, weeks: int = WEEKS) -> Curves:
    """Illustrative curves for settings in [0, 1], over weeks 0..weeks."""
    target = attachment_target(kindness, unpredictability, power)
    floor = wellbeing_floor(unpredictability, power)
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    ts = tuple(range(weeks + 1))
    attachment = tuple(target + (ATTACHMENT_START - target) * math.exp(-t / ATTACHMENT_TAU) for t in ts)
    wellbeing = tuple(floor + (WELLBEING_START - floor) * math.exp(-t / WELLBEING_TAU) for t in ts)
    harm, kind = _events(kindness, unpredictability, weeks)
    high = 0.12 + 0.10 * unpredictability  # relief feels bigger when it is not expected
    low = 0.12 + 0.10 * power
    mood = list(wellbeing)
    for t in harm:
        mood[t] -= low
    for t in kind:
        mood[t] += high
    mood = [min(1.0, max(0.0, m)) for m in mood]
    return Curves(ts, attachment, wellbeing, tuple(mood), tuple(kind), tuple(harm))


def direction(curves: Curves) -> Direction:
    """Whether felt attachment rises, stays about the same, or falls over the whole span."""
    change = curves.attachment[-1] - curves.attachment[0]
    if change > STEADY_BAND:
        return "rises"
    if change < -STEADY_BAND:
        return "falls"
    return "steady"


def phase_shares(starts: Sequence[float], ends: Sequence[float], week: int, weeks: int) -> tuple[float, ...]:
    """Each phase's share of one turn of the cycle at `week` (1..weeks), moving linearly from its
    early share to its later share; normalised to sum to 1."""
    if len(starts) != len(ends) or not starts:
        raise ValueError("starts and ends must be non-empty and the same length")
    if weeks < 2:
        raise ValueError("weeks must be at least 2")
    t = (max(1, min(weeks, week)) - 1) / (weeks - 1)
    raw = [(1 - t) * s + t * e for s, e in zip(starts, ends)]
    total = sum(raw)
    return tuple(r / total for r in raw)
