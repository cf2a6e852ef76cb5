"""Following a paired notes device, decided without Streamlit (unit-tested with a dict for the
tab's state and a PairingStore over a memory store).

`state` is the tab's session state (components/facilitate/tab.py), `store` the PairingStore, and
`here(plan, index)` says how this page shows the segment's step (a StepHere), or None when this
page is not the segment's page or the segment has no steps. components/facilitate/running.py
gives them from Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import TYPE_CHECKING, Any, Protocol

from components.facilitate import tab
from components.facilitate.countdown import Timer

if TYPE_CHECKING:
    from components.content.registry import Content
    from components.models.workshops import WorkshopFile


class StepHere(Protocol):
    """The segment's step within its page, as this page shows it."""

    start: int  # where the segment opens (0-based)
    count: int

    def shown(self) -> int:
        """The step this page shows now (0-based)."""
        ...

    def show(self, step: int) -> None:
        """Show this step on this page (the notes device moved to it)."""
        ...


Here = Callable[[Any, int], "StepHere | None"]


def remote_update(state: MutableMapping, store, content: Content, here: Here) -> tuple[tuple | None, bool]:
    """Follow a paired notes device: ((plan, index) when it moved to another segment, passed), where
    `passed` says it went on past the opening screen this tab shows. Its countdown and its step
    within the segment are taken over here (the step is shown when this page is the segment's
    page); a step this tab moved itself is reported back to the store."""
    code = state.get(tab.PAIR)
    if not code:
        return None, False
    p = store.get(code)
    if p is None:
        if not store.unavailable:  # ended or expired; a store that is down may come back
            state[tab.PAIR] = None
        return None, False
    if p.plan not in content.workshops:
        return None, False
    plan = content.workshops[p.plan]
    current = tab.active(state, content)
    if p.version <= state.get(tab.PAIR_SEEN, 0):
        if current is not None and current[0].id == p.plan and current[1] == p.segment:
            _report_step(state, store, plan, p, here)
        return None, False
    state[tab.PAIR_SEEN] = p.version
    timer = p.timer
    if isinstance(timer, Timer) and timer.plan == p.plan and timer.segment == p.segment:
        state[tab.TIMER] = timer
    passed = bool(state.get(tab.SHOWING)) and not p.opening
    if passed:
        state[tab.OPENED] = True
        state[tab.SHOWING] = False
    if current is None or current[0].id != p.plan or current[1] != p.segment:
        return (plan, p.segment), passed
    step = here(plan, p.segment)  # the notes device stepped within the segment: show that step
    if step is not None and p.step is not None:
        step.show(p.step)
    return None, passed


def _report_step(state: MutableMapping, store, plan: WorkshopFile, p, here: Here) -> None:
    """This tab stepped within the segment itself: tell the store, so the notes device shows it."""
    step = here(plan, p.segment)
    if step is None:
        return
    index = step.shown()
    if index != (step.start if p.step is None else p.step):
        q = store.set_step(p.code, index, step.count, who=state.get(tab.PAIR_KEY))
        if q is not None:
            state[tab.PAIR_SEEN] = q.version


def pending(state: MutableMapping, store) -> bool:
    """A paired device moved (checked without consuming the change)."""
    code = state.get(tab.PAIR)
    p = store.get(code) if code else None
    return p is not None and p.version > state.get(tab.PAIR_SEEN, 0)
