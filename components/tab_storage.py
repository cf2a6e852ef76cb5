"""One value kept in this browser tab's `sessionStorage`, read and written through a small
st.components.v2 component (components/tab_storage.js), so that it outlives a reload and a
change of server process or replica (a new Streamlit session), and goes when the tab is closed.

    value = tab_storage.read("room-token", create=16)   # a random token the tab makes for itself
    value = tab_storage.read("room-key", write="...")    # store this, then read it back

`read` returns None while the tab has not told Python yet (the first run of a new session: the
component's answer arrives with the next rerun), and "" when the tab holds nothing. Callers treat
None as "not yet known": they wait, and never make a second identity in the meantime.

Never in the URL, never in localStorage or a cookie. Call it in the main script, not inside a
fragment, once per name per run.
"""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

SCRIPT = (Path(__file__).resolve().parent / "tab_storage.js").read_text(encoding="utf-8")
_NAME = re.compile(r"^[a-z][a-z0-9-]{0,40}$")
_component = st.components.v2.component("healthy_bonds.tab_storage", js=SCRIPT, isolate_styles=False)


def _cache_key(name: str) -> str:
    return f"tab_storage_known_{name}"


def _noop() -> None:
    """The state callback the v2 component needs for its `value` (the rerun itself is enough)."""


def request(name: str, *, write: str | None = None, create: int = 0) -> dict:
    """What the component is given (pure: unit-tested)."""
    if not _NAME.match(name):
        raise ValueError(f"a tab storage name is lowercase letters, digits and dashes: {name!r}")
    if write is not None and not isinstance(write, str):
        raise TypeError("tab storage keeps strings")
    return {
        "name": name,
        "known": st.session_state.get(_cache_key(name)),
        "write": write,
        "create": max(0, int(create)),
    }


def read(name: str, *, write: str | None = None, create: int = 0) -> str | None:
    """The tab's value for `name` (after storing `write`, when given; "" forgets it): None while
    not yet known, "" when the tab holds nothing. `create` random bytes (hex) are made in the tab
    when it holds nothing."""
    data = request(name, write=write, create=create)
    result = _component(key=f"tab_storage_{name}", data=data, on_value_change=_noop)
    try:
        value = result["value"]
    except (KeyError, TypeError):
        value = getattr(result, "value", None)
    if not isinstance(value, str):
        # A new page gives the component a fresh state (None); what this session already learned
        # of the tab still holds (only this session writes to it). Keeping it means the tab is not
        # asked again, and no extra rerun comes on each page: one that lands during a page switch
        # reruns the page being left and sends the facilitator back to it.
        value = st.session_state.get(_cache_key(name))
    if write is not None:
        value = write  # just written: the tab holds it now, and says so on the next run
    st.session_state[_cache_key(name)] = value
    return value
