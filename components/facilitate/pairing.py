"""Pairing a facilitator's second device (notes view) with the projector, by a short code, so
that one confirmed device, and nobody else in the room, controls the session.

A pairing is a record in the shared store (components/store.py), the same store the live room
uses: `pair:<id>` -> (plan id, segment index, the step within the segment, the segment's
countdown, whether the projector shows the session's opening screen (content note and group
agreement), version, and who may control it), as JSON. The id is long and random and never shown;
the laptop's session and the paired device's tab hold it (with their secrets, in the tab's
sessionStorage: components/tab_storage.py, never in the URL).

Who may control it: the laptop (the SHA-256 of the key `create` gives it) and one confirmed
device (the SHA-256 of the token that device's tab got when it asked). The shown code (`join`,
6 letters, `pairjoin:<code>` -> id) admits one device: `claim` makes it the pending device;
the laptop then allows it (`confirm`) or not (`refuse`), naming it by kind and time only (no
names, no addresses). Both, and `unpair`, change the code, so nobody can use an old one. A
refused, unpaired or stale device is told so (`device_state`) and every control action carries
`who` (a key or a token) and is refused here unless it is the laptop's or the confirmed device's.
A pairing expires after `idle_seconds` without use or `max_seconds` after it began, whichever comes
first: the store's own expiry (every key has a time to live), refreshed on each use. Both devices
read and move the same record; `version` grows with every move so each side can tell that the
other one moved. Every change is a compare-and-set, retried when the other device wrote in between,
so two devices pressing at once never lose a move.

Either device moves the session (segment, step, countdown, opening screen:
components/facilitate/pairing_moves.py). The record also carries the live room as the laptop runs
it, for the device to show and drive (`room`, `overlay`, `room_request`, `room_done`:
components/facilitate/pairing_room.py).

Because the record is in the store, the two devices may be served by different processes or
replicas (SQLite on one machine, Redis across machines: see README "What replicas share").
A store that cannot be reached makes every call return None (create too) and sets `unavailable`,
which the interface says in plain words; the session itself goes on without the notes device.

No streamlit import: the store is unit-tested with a fake clock.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

from components.facilitate.countdown import Timer
from components.facilitate.pairing_guard import (
    Claim,
    DeviceState,
    Forbidden,
    matches,
    may_control,
    remember,
    secret_hash,
)
from components.facilitate.pairing_moves import SessionMoves
from components.facilitate.pairing_record import Pairing, decode, encode
from components.facilitate.pairing_room import RoomRequests
from components.store import Store, StoreUnavailable
from components.store_open import get_store

# No 0/O, 1/I/L: a code read off a projector from the back of a room is typed without guessing.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
KEY_PREFIX = "pair:"
JOIN_PREFIX = "pairjoin:"
ID_LENGTH = 24  # the record's id: never shown (about 119 bits)
SECRET_BYTES = 32  # the laptop's key and a device's token
CAS_TRIES = 1000  # compare-and-set retries: only another device's write in between makes one fail


def normalise(code: str) -> str:
    """What a person typed -> a code: case and spaces/dashes do not matter."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


class PairingStore(SessionMoves, RoomRequests):
    def __init__(
        self,
        store: Store | Callable[[], Store] = get_store,
        *,
        idle_seconds: float = 3 * 3600,
        max_seconds: float = 10 * 3600,
        clock: Callable[[], float] = time.time,
    ):
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

    def _change(
        self, code: str, change: Callable[[Pairing, float], Pairing], who: str | None = None, check: bool = True
    ) -> Pairing | None:
        """Read the live pairing, `change(pairing, now)` it and write it back if nobody wrote in
        between (else read again); the new pairing, or None if there is none (or no store). With
        `check`, only the laptop's key or the confirmed device's token (`who`) may: None else."""
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
                    p = decode(code, raw)
                except (ValueError, TypeError):  # not a record this version can read: no pairing
                    p = None
                if p is None or self._expired(p, now):
                    db.delete(KEY_PREFIX + code)
                    self.unavailable = False
                    return None
                if check and not may_control(p, who):
                    self.unavailable = False
                    return None
                try:
                    q = replace(change(p, now), touched=now)
                except Forbidden:
                    self.unavailable = False
                    return None
                if db.cas(KEY_PREFIX + code, raw, encode(q), self._ttl(q, now)):
                    self.unavailable = False
                    return q
            raise StoreUnavailable("the pairing kept changing under us")
        except StoreUnavailable:
            self.unavailable = True
            return None

    def _new_join(self, db: Store, p: Pairing, now: float) -> str:
        """A fresh shown code pointing at this pairing (the old one, if any, is dropped by the
        caller once the record that names the new one is written)."""
        while True:
            join = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
            if db.set_if_absent(JOIN_PREFIX + join, p.code, self._ttl(p, now)):
                return join

    def _rotate(self, code: str, who: str | None, change: Callable[[Pairing, float], Pairing]) -> Pairing | None:
        """A laptop-only change that also changes the shown code."""
        try:
            db = self._store()
        except StoreUnavailable:
            self.unavailable = True
            return None
        made: list[str] = []

        def with_new_code(p: Pairing, now: float) -> Pairing:
            if not matches(who, p.laptop):
                raise Forbidden
            made.append(self._new_join(db, p, now))
            return replace(change(p, now), join=made[-1], version=p.version + 1)

        before = self.get(code)
        q = self._change(code, with_new_code, who)
        try:
            for join in made[:-1] if q is not None else made:  # codes made for a lost try
                db.delete(JOIN_PREFIX + join)
            if q is not None and before is not None and before.join:
                db.delete(JOIN_PREFIX + before.join)
        except StoreUnavailable:
            self.unavailable = True
        return q

    # ------------------------------------------------------------------ public
    def create(self, plan: str, segment: int = 0, timer: Timer | None = None) -> Pairing | None:
        """A new pairing with a fresh random id, shown code and laptop key (`key` on the returned
        pairing only; the store keeps its hash). None when the store cannot be reached."""
        try:
            db = self._store()
            now = self._clock()
            key = secrets.token_hex(SECRET_BYTES)
            while True:
                code = "".join(secrets.choice(ALPHABET) for _ in range(ID_LENGTH))
                p = Pairing(code, plan, max(0, segment), 1, now, now, timer=timer, laptop=secret_hash(key))
                join = self._new_join(db, p, now)
                p = replace(p, join=join)
                if db.set_if_absent(KEY_PREFIX + code, encode(p), self._ttl(p, now)):
                    self.unavailable = False
                    return replace(p, key=key)
                db.delete(JOIN_PREFIX + join)
        except StoreUnavailable:
            self.unavailable = True
            return None

    def get(self, code: str) -> Pairing | None:
        """The live pairing with this id (reading it counts as use), or None if unknown or expired.
        The id is the laptop's and the confirmed device's secret handle; a shown code is not one."""
        return self._change(code, lambda p, now: p, check=False)

    # ------------------------------------------------------------------ one device, confirmed
    def claim(self, typed: str, kind: str) -> tuple[Claim, str | None, str | None]:
        """A device asks to pair with the shown code it was given: (Claim, the pairing's id, the
        device's token) - the id and token only when PENDING, for its tab to keep."""
        join = normalise(typed or "")
        try:
            code = self._store().get(JOIN_PREFIX + join) if join else None
        except StoreUnavailable:
            self.unavailable = True
            return Claim.UNKNOWN, None, None
        if code is None:
            return Claim.UNKNOWN, None, None
        token = secrets.token_hex(SECRET_BYTES)
        kind = kind if kind in ("phone", "tablet", "computer") else "computer"
        outcome: list[Claim] = []

        def ask(p: Pairing, now: float) -> Pairing:
            outcome.clear()
            if p.join != join:
                outcome.append(Claim.UNKNOWN)
                return p
            if p.pending or p.device:
                outcome.append(Claim.IN_USE)
                return p
            outcome.append(Claim.PENDING)
            return replace(p, pending=secret_hash(token), pending_kind=kind, pending_at=now, version=p.version + 1)

        q = self._change(code, ask, check=False)
        if q is None or outcome != [Claim.PENDING]:
            return (outcome[0] if outcome else Claim.UNKNOWN), None, None
        return Claim.PENDING, code, token

    def device_state(self, code: str, token: str | None) -> tuple[DeviceState, Pairing | None]:
        """What a device that asked is now, and the pairing when it is the confirmed one."""
        p = self.get(code) if code else None
        if p is None or not token:
            return DeviceState.STALE, None
        if matches(token, p.device):
            return DeviceState.CONFIRMED, p
        if matches(token, p.pending):
            return DeviceState.PENDING, None
        state = p.ended.get(secret_hash(token))
        return (DeviceState(state) if state in ("refused", "unpaired") else DeviceState.STALE), None

    def confirm(self, code: str, who: str | None) -> Pairing | None:
        """The laptop allows the pending device; the shown code changes."""

        def allow(p: Pairing, now: float) -> Pairing:
            if not p.pending:
                raise Forbidden
            return replace(
                p,
                device=p.pending,
                device_kind=p.pending_kind,
                device_at=now,
                pending="",
                pending_kind="",
                pending_at=0.0,
            )

        return self._rotate(code, who, allow)

    def refuse(self, code: str, who: str | None) -> Pairing | None:
        """The laptop does not allow the pending device (it is told so); the shown code changes."""

        def deny(p: Pairing, now: float) -> Pairing:
            return replace(
                p, pending="", pending_kind="", pending_at=0.0, ended=remember(p.ended, p.pending, "refused")
            )

        return self._rotate(code, who, deny)

    def unpair(self, code: str, who: str | None) -> Pairing | None:
        """The laptop lets go of the paired device (it is told so); the shown code changes."""

        def drop(p: Pairing, now: float) -> Pairing:
            return replace(p, device="", device_kind="", device_at=0.0, ended=remember(p.ended, p.device, "unpaired"))

        return self._rotate(code, who, drop)

    def reachable(self) -> bool:
        """The store answers (sets `unavailable` when it does not)."""
        try:
            self._store().ping()
            self.unavailable = False
        except StoreUnavailable:
            self.unavailable = True
        return not self.unavailable

    def end(self, code: str, who: str | None) -> bool:
        """The laptop ends the pairing (its record and its shown code go). False if not the laptop."""
        p = self.get(code)
        if p is None or not matches(who, p.laptop):
            return False
        try:
            self._store().delete(KEY_PREFIX + p.code, *((JOIN_PREFIX + p.join,) if p.join else ()))
            self.unavailable = False
        except StoreUnavailable:
            self.unavailable = True
        return True


def notes_url(page_url: str | None, code: str, page: str = "run-session", lang: str | None = None) -> str | None:
    """The link a phone opens to join as the notes device: the app's own address as the browser
    sees it (`page_url`: the current page's URL without its query, e.g. st.context.url), with the
    run-session page's notes view and the code, and the edition the laptop asked for (`lang`).
    None when the address is unknown."""
    if not page_url:
        return None
    parts = urlsplit(page_url)
    path = parts.path.rstrip("/")
    base = path.rsplit("/", 1)[0] if "/" in path else ""
    return urlunsplit(
        (
            parts.scheme,
            parts.netloc,
            f"{base}/{page}",
            f"view=notes&pair={normalise(code)}" + (f"&lang={lang}" if lang else ""),
            "",
        )
    )


# Every session's pairings, in the process's shared store (components/store_open.py).
STORE = PairingStore()
