"""Pairing a facilitator's second device (notes view) with the projector, by a short code.

A pairing is a record in the shared store (components/store.py), the same store the live room
uses: `pair:<code>` -> (plan id, segment index, the step within the segment, the segment's
countdown, whether the projector shows the session's opening screen (content note and group
agreement), version), as JSON. Nothing else is kept (no names, no device details, no addresses).
A pairing expires after `idle_seconds` without use or `max_seconds` after it began, whichever comes
first: the store's own expiry (every key has a time to live), refreshed on each use. Both devices
read and move the same record; `version` grows with every move so each side can tell that the
other one moved. Every change is a compare-and-set, retried when the other device wrote in between,
so two devices pressing at once never lose a move.

Because the record is in the store, the two devices may be served by different processes or
replicas (SQLite on one machine, Redis across machines: see README "What replicas share").
A store that cannot be reached makes every call return None (create too) and sets `unavailable`,
which the interface says in plain words; the session itself goes on without the notes device.

No streamlit import: the store is unit-tested with a fake clock.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from components.countdown import Timer
from components.store import Store, StoreUnavailable, get_store

# No 0/O, 1/I/L: a code read off a projector from the back of a room is typed without guessing.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
KEY_PREFIX = "pair:"
CAS_TRIES = 1000  # compare-and-set retries: only another device's write in between makes one fail

Retime = Callable[[Any, str, int], Any]  # (old countdown, plan id, new segment) -> new countdown


@dataclass(frozen=True)
class Pairing:
    code: str
    plan: str
    segment: int  # 0-based
    version: int
    created: float
    touched: float
    step: int | None = None  # 0-based step within the segment; None: the segment's own first step
    timer: Timer | None = None  # the segment's countdown
    opening: bool = False  # the projector shows the session's opening screen (note, agreement)


def normalise(code: str) -> str:
    """What a person typed -> a code: case and spaces/dashes do not matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _encode(p: Pairing) -> str:
    record = dataclasses.asdict(p)
    del record["code"]  # it is the key
    return json.dumps(record, separators=(",", ":"))


def _decode(code: str, raw: str) -> Pairing:
    record = json.loads(raw)
    if record.get("timer") is not None:
        record["timer"] = Timer(**record["timer"])  # the one kind of countdown a pairing carries
    return Pairing(code=code, **record)


class PairingStore:
    def __init__(self, store: Store | Callable[[], Store] = get_store, *, idle_seconds: float = 3 * 3600,
                 max_seconds: float = 10 * 3600, clock: Callable[[], float] = time.time):
        # the store, or how to get it (the process's store, opened on first use)
        self._store = (lambda: store) if isinstance(store, Store) else store
        self.idle_seconds = idle_seconds
        self.max_seconds = max_seconds
        self._clock = clock
        self.unavailable = False  # the last call could not reach the store

    # ------------------------------------------------------------------ internal
    def _ttl(self, p: Pairing, now: float) -> float:
        return max(0.001, min(self.idle_seconds, p.created + self.max_seconds - now))

    def _expired(self, p: Pairing, now: float) -> bool:
        return now - p.touched >= self.idle_seconds or now - p.created >= self.max_seconds

    def _change(self, code: str, change: Callable[[Pairing, float], Pairing]) -> Pairing | None:
        """Read the live pairing, `change(pairing, now)` it and write it back if nobody wrote in
        between (else read again); the new pairing, or None if there is none (or no store)."""
        code = normalise(code or "")
        if not code:
            return None
        try:
            db = self._store()
            for _ in range(CAS_TRIES):
                now = self._clock()
                raw = db.get(KEY_PREFIX + code)
                if raw is None:
                    self.unavailable = False
                    return None
                try:
                    p = _decode(code, raw)
                except (ValueError, TypeError):  # not a record this version can read: no pairing
                    p = None
                if p is None or self._expired(p, now):
                    db.delete(KEY_PREFIX + code)
                    self.unavailable = False
                    return None
                q = replace(change(p, now), touched=now)
                if db.cas(KEY_PREFIX + code, raw, _encode(q), self._ttl(q, now)):
                    self.unavailable = False
                    return q
            raise StoreUnavailable("the pairing kept changing under us")
        except StoreUnavailable:
            self.unavailable = True
            return None

    def _update(self, code: str, **changes) -> Pairing | None:
        """Change some fields of a live pairing; the version grows only when something changed."""
        def change(p: Pairing, now: float) -> Pairing:
            changed = any(getattr(p, k) != v for k, v in changes.items())
            return replace(p, **changes, version=p.version + (1 if changed else 0))
        return self._change(code, change)

    def _set(self, code: str, segment_of: Callable[[Pairing], int], count: int, plan: str | None,
             retime: Retime | None = None, timer: object | None = None) -> Pairing | None:
        def change(p: Pairing, now: float) -> Pairing:
            segment = max(0, min(count - 1, segment_of(p)))
            new_plan = plan or p.plan
            moved = segment != p.segment or new_plan != p.plan
            new_timer = timer
            if new_timer is None and moved and retime is not None:
                new_timer = retime(p.timer, new_plan, segment)
            new_timer = p.timer if new_timer is None else new_timer
            changed = moved or new_timer != p.timer
            return replace(p, plan=new_plan, segment=segment, version=p.version + (1 if changed else 0),
                           step=None if moved else p.step, timer=new_timer)
        return self._change(code, change)

    # ------------------------------------------------------------------ public
    def create(self, plan: str, segment: int = 0, timer: object | None = None) -> Pairing | None:
        """A new pairing with a fresh random code (None when the store cannot be reached)."""
        try:
            db = self._store()
            now = self._clock()
            while True:
                code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
                p = Pairing(code, plan, max(0, segment), 1, now, now, timer=timer)
                if db.set_if_absent(KEY_PREFIX + code, _encode(p), self._ttl(p, now)):
                    self.unavailable = False
                    return p
        except StoreUnavailable:
            self.unavailable = True
            return None

    def get(self, code: str) -> Pairing | None:
        """The live pairing for a code (reading it counts as use), or None if unknown or expired."""
        return self._change(code, lambda p, now: p)

    def find(self, typed: str) -> str | None:
        """The code of a live pairing from what a person typed (see `normalise`), or None."""
        p = self.get(normalise(typed))
        return p.code if p is not None else None

    def set_segment(self, code: str, segment: int, count: int, plan: str | None = None,
                    timer: object | None = None) -> Pairing | None:
        """Go to a segment (clamped to 0..count-1), with its countdown when given. A new segment
        starts at its own first step. The version grows only when something changed."""
        return self._set(code, lambda p: segment, count, plan, timer=timer)

    def move(self, code: str, delta: int, count: int, retime: Retime | None = None) -> Pairing | None:
        """Next (+1) or previous (-1), clamped to the plan's segments; atomic. `retime(timer, plan,
        segment)` gives the new segment's countdown from the old one (in the same atomic step)."""
        return self._set(code, lambda p: p.segment + delta, count, None, retime)

    def set_step(self, code: str, step: int, count: int) -> Pairing | None:
        """Go to a step within the current segment (clamped to 0..count-1)."""
        return self._update(code, step=max(0, min(count - 1, step)))

    def move_step(self, code: str, delta: int, start: int, count: int) -> Pairing | None:
        """The next (+1) or previous (-1) step within the segment, from `start` when no step has been
        set yet (the segment's own first step); clamped; atomic."""
        def change(p: Pairing, now: float) -> Pairing:
            step = max(0, min(count - 1, (start if p.step is None else p.step) + delta))
            return replace(p, step=step, version=p.version + (1 if step != p.step else 0))
        return self._change(code, change)

    def set_timer(self, code: str, timer: object) -> Pairing | None:
        """The segment's countdown after a button was pressed on either device."""
        return self._update(code, timer=timer)

    def press_timer(self, code: str, press: Callable[[object], object]) -> Pairing | None:
        """Apply a button press (`press(timer) -> timer`) to the stored countdown atomically."""
        def change(p: Pairing, now: float) -> Pairing:
            timer = press(p.timer)
            return replace(p, timer=timer, version=p.version + (1 if timer != p.timer else 0))
        return self._change(code, change)

    def set_opening(self, code: str, showing: bool) -> Pairing | None:
        """The projector shows the session's opening screen (True), or it was passed (False: either
        device's Go on)."""
        return self._update(code, opening=showing)

    def end(self, code: str) -> None:
        try:
            self._store().delete(KEY_PREFIX + normalise(code))
            self.unavailable = False
        except StoreUnavailable:
            self.unavailable = True


def notes_url(page_url: str | None, code: str, page: str = "run-session") -> str | None:
    """The link a phone opens to join as the notes device: the app's own address as the browser
    sees it (`page_url`: the current page's URL without its query, e.g. st.context.url), with the
    run-session page's notes view and the code. None when the address is unknown."""
    if not page_url:
        return None
    parts = urlsplit(page_url)
    path = parts.path.rstrip("/")
    base = path.rsplit("/", 1)[0] if "/" in path else ""
    return urlunsplit((parts.scheme, parts.netloc, f"{base}/{page}", f"view=notes&pair={normalise(code)}", ""))


# Every session's pairings, in the process's shared store (components/store.py).
STORE = PairingStore()
