"""Moving a paired session, from either device: the segment (clamped to the plan, with its
countdown), the step within it, the countdown's buttons and the opening screen. Each move is one
atomic change of the pairing's record; its `version` grows only when something changed, so the
other device can tell. Mixed into PairingStore (components/facilitate/pairing.py), which checks who
may move it. No streamlit import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from components.facilitate.countdown import Timer
from components.facilitate.pairing_record import Pairing

Retime = Callable[[Any, str, int], Any]  # (old countdown, plan id, new segment) -> new countdown


class SessionMoves:
    """The session moves of PairingStore (components/facilitate/pairing.py), which gives `_change`:
    read the live pairing, change it and write it back atomically, checking `who`."""

    if TYPE_CHECKING:  # given by PairingStore

        def _change(
            self, code: str, change: Callable[[Pairing, float], Pairing], who: str | None = None, check: bool = True
        ) -> Pairing | None: ...

    def _update(self, code: str, who: str | None, **changes) -> Pairing | None:
        """Change some fields of a live pairing; the version grows only when something changed."""

        def change(p: Pairing, now: float) -> Pairing:
            changed = any(getattr(p, k) != v for k, v in changes.items())
            return replace(p, **changes, version=p.version + (1 if changed else 0))

        return self._change(code, change, who)

    def _set(
        self,
        code: str,
        who: str | None,
        segment_of: Callable[[Pairing], int],
        count: int,
        plan: str | None,
        retime: Retime | None = None,
        timer: Timer | None = None,
    ) -> Pairing | None:
        def change(p: Pairing, now: float) -> Pairing:
            segment = max(0, min(count - 1, segment_of(p)))
            new_plan = plan or p.plan
            moved = segment != p.segment or new_plan != p.plan
            new_timer = timer
            if new_timer is None and moved and retime is not None:
                new_timer = retime(p.timer, new_plan, segment)
            new_timer = p.timer if new_timer is None else new_timer
            changed = moved or new_timer != p.timer
            return replace(
                p,
                plan=new_plan,
                segment=segment,
                version=p.version + (1 if changed else 0),
                step=None if moved else p.step,
                timer=new_timer,
            )

        return self._change(code, change, who)

    def set_segment(
        self,
        code: str,
        segment: int,
        count: int,
        plan: str | None = None,
        timer: Timer | None = None,
        *,
        who: str | None,
    ) -> Pairing | None:
        """Go to a segment (clamped to 0..count-1), with its countdown when given. A new segment
        starts at its own first step. The version grows only when something changed."""
        return self._set(code, who, lambda p: segment, count, plan, timer=timer)

    def move(
        self, code: str, delta: int, count: int, retime: Retime | None = None, *, who: str | None
    ) -> Pairing | None:
        """Next (+1) or previous (-1), clamped to the plan's segments; atomic. `retime(timer, plan,
        segment)` gives the new segment's countdown from the old one (in the same atomic step)."""
        return self._set(code, who, lambda p: p.segment + delta, count, None, retime)

    def set_step(self, code: str, step: int, count: int, *, who: str | None) -> Pairing | None:
        """Go to a step within the current segment (clamped to 0..count-1)."""
        return self._update(code, who, step=max(0, min(count - 1, step)))

    def move_step(self, code: str, delta: int, start: int, count: int, *, who: str | None) -> Pairing | None:
        """The next (+1) or previous (-1) step within the segment, from `start` when no step has been
        set yet (the segment's own first step); clamped; atomic."""

        def change(p: Pairing, now: float) -> Pairing:
            step = max(0, min(count - 1, (start if p.step is None else p.step) + delta))
            return replace(p, step=step, version=p.version + (1 if step != p.step else 0))

        return self._change(code, change, who)

    def set_timer(self, code: str, timer: Timer | None, *, who: str | None) -> Pairing | None:
        """The segment's countdown after a button was pressed on either device."""
        return self._update(code, who, timer=timer)

    def press_timer(
        self, code: str, press: Callable[[Timer | None], Timer | None], *, who: str | None
    ) -> Pairing | None:
        """Apply a button press (`press(timer) -> timer`) to the stored countdown atomically."""

        def change(p: Pairing, now: float) -> Pairing:
            timer = press(p.timer)
            return replace(p, timer=timer, version=p.version + (1 if timer != p.timer else 0))

        return self._change(code, change, who)

    def set_opening(self, code: str, showing: bool, *, who: str | None) -> Pairing | None:
        """The projector shows the session's opening screen (True), or it was passed (False: either
        device's Go on)."""
        return self._update(code, who, opening=showing)
