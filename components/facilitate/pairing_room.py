"""The live room through a pairing: the record carries the room as the laptop runs it, for the
notes device to show and drive: the room's public code (`room`), what the projector puts over its
page (`overlay`), and the device's last room request (`room_request`, carried out by the laptop with
the room's key, which never enters this record; `room_done` says which request it last carried
out). components/room_bar.py asks and serves them. No streamlit import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from components.facilitate.pairing_guard import Forbidden, matches
from components.facilitate.pairing_record import Pairing

ROOM_ACTIONS = ("open", "ask", "reveal", "join", "counts", "hide", "close")  # join/counts/hide: the overlay


class RoomRequests:
    """The room requests of PairingStore (components/facilitate/pairing.py), which gives `_change`:
    read the live pairing, change it and write it back atomically, checking `who`."""

    if TYPE_CHECKING:  # given by PairingStore

        def _change(
            self, code: str, change: Callable[[Pairing, float], Pairing], who: str | None = None, check: bool = True
        ) -> Pairing | None: ...

    def request_room(self, code: str, action: str, question: str | None = None, *, who: str | None) -> Pairing | None:
        """The confirmed device asks the laptop for a room action (ROOM_ACTIONS); the laptop, which
        alone holds the room's key, carries it out (`room_served`). One request waits at a time:
        a new one replaces one not yet carried out."""
        if action not in ROOM_ACTIONS:
            raise ValueError(f"not a room action: {action!r}")

        def change(p: Pairing, now: float) -> Pairing:
            n = max(int(p.room_request.get("n", 0)), p.room_done) + 1
            return replace(
                p, room_request={"n": n, "action": action, "question": question or ""}, version=p.version + 1
            )

        return self._change(code, change, who)

    def room_served(self, code: str, n: int, room: str, overlay: str, *, who: str | None) -> Pairing | None:
        """The laptop carried out request `n` (or 0: none) and says what its room is now."""

        def change(p: Pairing, now: float) -> Pairing:
            if not matches(who, p.laptop):
                raise Forbidden
            done = max(p.room_done, n)
            changed = (done, room, overlay) != (p.room_done, p.room, p.overlay)
            return replace(p, room_done=done, room=room, overlay=overlay, version=p.version + (1 if changed else 0))

        return self._change(code, change, who)
