"""Pairing a facilitator's second device (notes view) with the projector, by a short code.

An in-process, thread-safe store: code -> (plan id, segment index, the step within the segment,
the segment's countdown, whether the projector shows the session's opening screen (content note and
group agreement), version). Nothing else is kept (no names, no device details, no addresses), and a
pairing expires after `idle_seconds` without
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
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import segno

# No 0/O, 1/I/L: a code read off a projector from the back of a room is typed without guessing.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6

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
    timer: object | None = None  # the segment's countdown (a frozen value, e.g. facilitate.Timer)
    opening: bool = False  # the projector shows the session's opening screen (note, agreement)


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
    def create(self, plan: str, segment: int = 0, timer: object | None = None) -> Pairing:
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
            p = Pairing(code, plan, max(0, segment), 1, now, now, timer=timer)
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
             plan: str | None, retime: Retime | None = None, timer: object | None = None) -> Pairing | None:
        p = self._live(code, now)
        if p is None:
            return None
        segment = max(0, min(count - 1, segment_of(p)))
        plan = plan or p.plan
        changed = segment != p.segment or plan != p.plan
        if timer is None and changed and retime is not None:
            timer = retime(p.timer, plan, segment)
        timer = p.timer if timer is None else timer
        changed = changed or timer != p.timer
        p = replace(p, plan=plan, segment=segment, touched=now, version=p.version + (1 if changed else 0),
                    step=None if segment != p.segment or plan != p.plan else p.step, timer=timer)
        self._items[p.code] = p
        return p

    def _update(self, code: str, **changes) -> Pairing | None:
        """Change some fields of a live pairing; the version grows only when something changed."""
        with self._lock:
            now = self._clock()
            p = self._live(code, now)
            if p is None:
                return None
            changed = any(getattr(p, k) != v for k, v in changes.items())
            p = replace(p, **changes, touched=now, version=p.version + (1 if changed else 0))
            self._items[p.code] = p
            return p

    def find(self, typed: str) -> str | None:
        """The code of a live pairing from what a person typed (see `normalise`), or None."""
        p = self.get(normalise(typed))
        return p.code if p is not None else None

    def set_segment(self, code: str, segment: int, count: int, plan: str | None = None,
                    timer: object | None = None) -> Pairing | None:
        """Go to a segment (clamped to 0..count-1), with its countdown when given. A new segment
        starts at its own first step. The version grows only when something changed."""
        with self._lock:
            return self._set(code, self._clock(), lambda p: segment, count, plan, timer=timer)

    def move(self, code: str, delta: int, count: int, retime: Retime | None = None) -> Pairing | None:
        """Next (+1) or previous (-1), clamped to the plan's segments; atomic. `retime(timer, plan,
        segment)` gives the new segment's countdown from the old one (in the same atomic step)."""
        with self._lock:
            return self._set(code, self._clock(), lambda p: p.segment + delta, count, None, retime)

    def set_step(self, code: str, step: int, count: int) -> Pairing | None:
        """Go to a step within the current segment (clamped to 0..count-1)."""
        return self._update(code, step=max(0, min(count - 1, step)))

    def move_step(self, code: str, delta: int, start: int, count: int) -> Pairing | None:
        """The next (+1) or previous (-1) step within the segment, from `start` when no step has been
        set yet (the segment's own first step); clamped; atomic."""
        with self._lock:
            now = self._clock()
            p = self._live(code, now)
            if p is None:
                return None
            step = max(0, min(count - 1, (start if p.step is None else p.step) + delta))
            changed = step != p.step
            p = replace(p, step=step, touched=now, version=p.version + (1 if changed else 0))
            self._items[p.code] = p
            return p

    def set_timer(self, code: str, timer: object) -> Pairing | None:
        """The segment's countdown after a button was pressed on either device."""
        return self._update(code, timer=timer)

    def press_timer(self, code: str, press: Callable[[object], object]) -> Pairing | None:
        """Apply a button press (`press(timer) -> timer`) to the stored countdown atomically."""
        with self._lock:
            now = self._clock()
            p = self._live(code, now)
            if p is None:
                return None
            timer = press(p.timer)
            p = replace(p, timer=timer, touched=now, version=p.version + (1 if timer != p.timer else 0))
            self._items[p.code] = p
            return p

    def set_opening(self, code: str, showing: bool) -> Pairing | None:
        """The projector shows the session's opening screen (True), or it was passed (False: either
        device's Go on)."""
        return self._update(code, opening=showing)

    def end(self, code: str) -> None:
        with self._lock:
            self._items.pop(normalise(code), None)

    def __len__(self) -> int:
        with self._lock:
            self._purge(self._clock())
            return len(self._items)


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


def qr_svg(text: str, title: str) -> str:
    """`text` as a QR code: inline SVG drawn here (segno, pure Python; no other host involved),
    with `title` as its accessible name. Black on white with the standard quiet zone, so any
    phone camera reads it, in high contrast too."""
    qr = segno.make(text, error="m")
    svg = qr.svg_inline(scale=6, border=4, dark="#000000", light="#ffffff", title=title, omitsize=True)
    return svg.replace("<svg ", '<svg role="img" ', 1)


# One store per server process, shared by every session of that process.
STORE = PairingStore()
