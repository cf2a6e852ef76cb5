"""What this browser tab keeps while it runs a session, and the pure readers of it. No streamlit
import: `state` is any mapping (st.session_state in the app, a dict in unit tests).

`run_session` ({plan, segment}) and `run_timer` (countdown.Timer) live in session state (this
browser tab only); the run-session page also keeps `plan` and `segment` in its URL. A pairing
keeps its hidden id here (`pair_code`; None: none), the laptop's key (`pair_key`) and the last
version this tab has seen (`pair_version`); a notes device keeps (id, its token) in `notes_pair`.
Both come back after a reload from the tab's sessionStorage (components/facilitate/pairing_ui.py).
Every change this tab makes to a pairing carries its key or token, checked in
components/facilitate/pairing.py.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

from components.facilitate.workshop import clamp

if TYPE_CHECKING:
    from components.content.registry import Content

RUN = "run_session"
TIMER = "run_timer"
PAIR = "pair_code"
PAIR_KEY = "pair_key"
PAIR_SEEN = "pair_version"
NOTES = "notes_pair"  # the notes device's (pairing id, its token)
RUN_PAGE = "run-session"
POLL_SECONDS = 2
OPENED = "content_note_session"  # presenter mode: the session's opening screen (note, agreement) was passed
SHOWING = "opening_showing"  # this tab shows the opening screen now (a paired device may pass it)
SCROLL = "segment_scroll_to"  # {target, n}: where the page of the segment opened last scrolls to


def now() -> float:
    return time.time()


def active(state: Mapping, content: Content):
    """(plan, index) of the session this tab runs, or None."""
    run = state.get(RUN)
    if not run or run["plan"] not in content.workshops:
        return None
    plan = content.workshops[run["plan"]]
    return plan, clamp(run["segment"], len(plan.segments()))
