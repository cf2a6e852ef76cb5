"""Pairing a facilitator's second device (notes view) with the projector, by a short code.

An in-process, thread-safe store: code -> (plan id, segment index, version). Nothing else is kept
(no names, no device details, no addresses), and a pairing expires after `idle_seconds` without
use or `max_seconds` after it began, whichever comes first. Both devices read and move the same
record; `version` grows with every move so each side can tell that the other one moved.

This works because every Streamlit session of one server process shares this module. With several
replicas behind a load balancer the two devices may land on different processes: the store then
has to live somewhere they share (for example Redis with a TTL on each key, or sticky sessions that
pin both devices to one replica). See README "What replicas share".

No streamlit import: the store is unit-tested with a fake clock.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

# No 0/O, 1/I/L: a code read off a projector from the back of a room is typed without guessing.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


@dataclass(frozen=True)
class Pairing:
    code: str
    plan: str
    segment: int  # 0-based
    version: int
    created: float
    touched: float


def normalise(code: str) -> str:
    """What a person typed -> a code: case and spaces/dashes do not matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


class PairingStore:
    def __init__(self, *, idle_seconds: float = 3 * 3600, max_seconds: float = 10 * 3600,
                 clock: Callable[[], float] = time.monotonic, max_pairings: int = 1000):
        self.idle_seconds = idle_seconds
        self.max_seconds = max_seconds
        self._clock = clock
        self._max = max_pairings
        self._lock = threading.Lock()
        self._items: dict[str, Pairing] = {}

    # ------------------------------------------------------------------ internal (lock held)
    def _expired(self, p: Pairing, now: float) -> bool:
        return now - p.touched >= self.idle_seconds or now - p.created >= self.max_seconds

    def _purge(self, now: float) -> None:
        for code in [c for c, p in self._items.items() if self._expired(p, now)]:
            del self._items[code]

    def _live(self, code: str, now: float) -> Pairing | None:
        p = self._items.get(normalise(code))
        if p is None:
            return None
        if self._expired(p, now):
            del self._items[p.code]
            return None
        return p

    # ------------------------------------------------------------------ public
    def create(self, plan: str, segment: int = 0) -> Pairing:
        """A new pairing with a fresh random code."""
        with self._lock:
            now = self._clock()
            self._purge(now)
            if len(self._items) >= self._max:  # a bound, so the store can never grow without limit
                oldest = min(self._items.values(), key=lambda p: p.touched)
                del self._items[oldest.code]
            while True:
                code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
                if code not in self._items:
                    break
            p = Pairing(code, plan, max(0, segment), 1, now, now)
            self._items[code] = p
            return p

    def get(self, code: str) -> Pairing | None:
        """The live pairing for a code (reading it counts as use), or None if unknown or expired."""
        with self._lock:
            now = self._clock()
            p = self._live(code, now)
            if p is None:
                return None
            p = replace(p, touched=now)
            self._items[p.code] = p
            return p

    def _set(self, code: str, now: float, segment_of: Callable[[Pairing], int], count: int,
             plan: str | None) -> Pairing | None:
        p = self._live(code, now)
        if p is None:
            return None
        segment = max(0, min(count - 1, segment_of(p)))
        plan = plan or p.plan
        changed = segment != p.segment or plan != p.plan
        p = replace(p, plan=plan, segment=segment, touched=now, version=p.version + (1 if changed else 0))
        self._items[p.code] = p
        return p

    def find(self, typed: str) -> str | None:
        """The code of a live pairing from what a person typed (see `normalise`), or None."""
        p = self.get(normalise(typed))
        return p.code if p is not None else None

    def set_segment(self, code: str, segment: int, count: int, plan: str | None = None) -> Pairing | None:
        """Go to a segment (clamped to 0..count-1); the version grows only when something changed."""
        with self._lock:
            return self._set(code, self._clock(), lambda p: segment, count, plan)

    def move(self, code: str, delta: int, count: int) -> Pairing | None:
        """Next (+1) or previous (-1), clamped to the plan's segments; atomic."""
        with self._lock:
            return self._set(code, self._clock(), lambda p: p.segment + delta, count, None)

    def end(self, code: str) -> None:
        with self._lock:
            self._items.pop(normalise(code), None)

    def __len__(self) -> int:
        with self._lock:
            self._purge(self._clock())
            return len(self._items)


# One store per server process, shared by every session of that process.
STORE = PairingStore()
