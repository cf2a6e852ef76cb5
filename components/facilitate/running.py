"""The running session, in Streamlit: which plan and segment run in this browser tab
(components/facilitate/tab.py says what it keeps), opening a segment's page on the projector, and
following a paired notes device (components/facilitate/sync.py decides; this gives it the tab's
session state, the store and the page's step).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from components import presenter, room_ui, url_state
from components.facilitate import pairing, sync, tab, workshop
from components.navigation import PAGES, page_spec
from components.routing import page_target
from components.url_params import by_name

if TYPE_CHECKING:
    from components.content.registry import Content
    from components.models.workshops import WorkshopFile


def laptop_key() -> str | None:
    """The laptop's key to the pairing this tab runs (the pairing checks it)."""
    return st.session_state.get(tab.PAIR_KEY)


def device_token() -> str | None:
    """This notes device's token (the pairing checks it on every control action)."""
    notes = st.session_state.get(tab.NOTES)
    return notes[1] if notes else None


def active(content: Content):
    """(plan, index) of the session this tab runs, or None."""
    return tab.active(st.session_state, content)


def set_active(plan: WorkshopFile, index: int, content: Content | None = None) -> None:
    """Make `index` the running segment. A move from another segment of this session asks the
    segment's own room question when this tab runs a room (`content` given); a reload does not."""
    index = workshop.clamp(index, len(plan.segments()))
    before = st.session_state.get(tab.RUN)
    st.session_state[tab.RUN] = {"plan": plan.id, "segment": index}
    if content is not None and before is not None and before != st.session_state[tab.RUN]:
        room_ui.ask_for_segment(content, plan.segments()[index][1])
    st.session_state[tab.TIMER] = workshop.timer_for(st.session_state.get(tab.TIMER), plan, index, tab.now())
    code = st.session_state.get(tab.PAIR)
    if code:
        p = pairing.STORE.set_segment(
            code, index, len(plan.segments()), plan=plan.id, timer=st.session_state[tab.TIMER], who=laptop_key()
        )
        if p is None and not pairing.STORE.unavailable:  # ended or expired (a store blip keeps it)
            st.session_state[tab.PAIR] = None
        elif p is not None:
            st.session_state[tab.PAIR_SEEN] = p.version


def open_segment(content: Content, plan: WorkshopFile, index: int) -> None:
    """Make `index` the current segment and show its page at its step, in presenter mode."""
    set_active(plan, index, content)
    segment = plan.segments()[workshop.clamp(index, len(plan.segments()))][1]
    known = {p.id for p in PAGES}
    if segment.page in known:
        place = workshop.focus(segment)
        n = st.session_state.get(tab.SCROLL, {}).get("n", 0) + 1
        st.session_state[tab.SCROLL] = {"target": place[0] if place else None, "n": n}
        st.switch_page(
            page_target(segment.page, content), query_params=workshop.target_query(segment, presenter.high_contrast())
        )
    st.switch_page(
        page_target(tab.RUN_PAGE, content), query_params={"plan": plan.id, "segment": str(index + 1), "present": "1"}
    )


# --------------------------------------------------------------------------- following a notes device


@dataclass(frozen=True)
class _PageStep:
    """The segment's step on this page: its URL parameter (a sync.StepHere)."""

    content: Any
    param: Any
    step: workshop.SegmentStep

    @property
    def start(self) -> int:
        return self.step.start

    @property
    def count(self) -> int:
        return self.step.count

    def shown(self) -> int:
        return self.step.index(st.query_params.get(self.step.name))

    def show(self, step: int) -> None:
        url_state.write(self.param, self.param.parse(self.step.url_value(step), self.content), self.content)


def _step_here(content: Content):
    """sync's `here`: the segment's step when this run shows the segment's page; else None."""

    def here(plan: WorkshopFile, index: int) -> _PageStep | None:
        seg = plan.segments()[workshop.clamp(index, len(plan.segments()))][1]
        step = workshop.segment_step(seg, content)
        if step is None or not _showing_page(seg.page, content):
            return None
        return _PageStep(content, by_name(page_spec(seg.page).params)[step.name], step)

    return here


def remote_update(content: Content) -> tuple[tuple | None, bool]:
    """Follow a paired notes device (sync.remote_update): ((plan, index) when it moved to another
    segment, whether it went on past the opening screen this tab shows)."""
    return sync.remote_update(st.session_state, pairing.STORE, content, _step_here(content))


def remote_move(content: Content) -> tuple | None:
    """If a paired notes device moved the session since this tab last looked: (plan, index)."""
    return remote_update(content)[0]


def pending() -> bool:
    """A paired device moved (checked without consuming the change)."""
    return sync.pending(st.session_state, pairing.STORE)


def watch_notes_device(content: Content) -> None:
    """Rerun the page whenever the paired notes device moved (polled every POLL_SECONDS)."""

    @st.fragment(run_every=tab.POLL_SECONDS)
    def watch() -> None:
        if pending():
            st.rerun(scope="app")

    watch()


def _showing_page(page_id: str, content: Content | None) -> bool:
    try:
        ctx = get_script_run_ctx()
        return ctx is not None and ctx.page_script_hash == page_target(page_id, content)._script_hash
    except Exception:  # noqa: BLE001 - no run context
        return False


def on_run_page() -> bool:
    try:
        path = urlparse(st.context.url or "").path
    except Exception:  # noqa: BLE001 - no URL (tests): the page this run shows
        path = ""
    return path.rstrip("/").endswith("/" + tab.RUN_PAGE) if path else _showing_page(tab.RUN_PAGE, None)
