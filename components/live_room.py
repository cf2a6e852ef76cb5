"""The live room: a workshop answers the facilitator's question anonymously from their phones, and
the projector shows only counts, once enough people have answered.

Pure logic over the shared store (components/store.py), no streamlit import; unit-tested with a
fake clock. What is kept, and for how long:
- `room:<code>`: the room's record (JSON: components/room_record.py): when it opened, the live
  question (its id and the ids of its choices), a round number that grows with every new question, whether the counts are
  revealed, whether it is closed, and the SHA-256 of the facilitator's key. The key is a random
  secret (256 bits) given once, by `open`, to the tab that opened the room (which keeps it in its
  sessionStorage: components/room_ui.py); only that key can ask, reveal or close, compared in
  constant time. The public 5-letter code can only join and answer. It lives `ROOM_SECONDS` after the room opens, then a short
  `ENDED_GRACE_SECONDS` more so that a late participant hears "this room has ended" rather than
  "no such room".
- `room:<code>:<round>`: the answers to one question, a hash of tab token -> choice id. A token is
  a random string a tab makes for itself (`new_token`); no name, no address, no device detail.
  A second answer from the same tab replaces the first. Expires with the room.
- `room:<code>:rate:<token>`: a counter for the rate limit (`RATE_LIMIT` answers per
  `RATE_WINDOW_SECONDS` per tab), gone after the window.
A question's final totals are kept for the summary (components/room_totals.py). Nothing is logged.
"""

from __future__ import annotations

import enum
import re
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from components.facilitate.pairing import ALPHABET  # the same unambiguous letters as the pairing code
from components.room_record import (
    ENDED_GRACE_SECONDS,
    TOKEN,
    Question,
    Room,
    answers_key,
    decode,
    encode,
    hash_key,
    key_matches,
    normalise,
    record_key,
)
from components.room_totals import keep_totals
from components.store import Store

ROOM_CODE_LENGTH = 5
MIN_ANSWERS = 5  # counts stay hidden until at least this many have answered (no answer can be traced)
RATE_LIMIT = 10  # answers one tab may send ...
RATE_WINDOW_SECONDS = 10  # ... in this many seconds
MAX_CHOICES = 12
KEY_BYTES = 32
_CHOICE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Status(enum.Enum):
    OK = "ok"
    UNKNOWN = "unknown"  # no room has that code (mistyped, or long gone)
    EXPIRED = "expired"  # the room was open but its 3 hours are over
    CLOSED = "closed"  # the facilitator closed it
    NO_QUESTION = "no_question"  # open, but nothing is being asked yet
    STALE = "stale"  # the answer was to a question that is no longer live
    BAD_CHOICE = "bad_choice"  # not one of the live question's choices (or a malformed token)
    RATE_LIMITED = "rate_limited"  # too many answers from one tab in a short time
    TOO_FEW = "too_few"  # reveal asked for before MIN_ANSWERS answers
    FORBIDDEN = "forbidden"  # a control action without the room's key


@dataclass(frozen=True)
class Tally:
    """What the projector may show. `counts` (choice id -> n, every choice present, in the
    question's order) is None while hidden: fewer than MIN_ANSWERS, or not revealed yet."""

    total: int
    counts: dict[str, int] | None
    revealed: bool
    can_reveal: bool


@dataclass(frozen=True)
class Result:
    status: Status
    room: Room | None = None
    tally: Tally | None = field(default=None)

    @property
    def ok(self) -> bool:
        return self.status is Status.OK


class LiveRooms:
    """Rooms in one store. `clock` is wall time (seconds); tests pass a fake one."""

    def __init__(self, store: Store, *, clock: Callable[[], float] = time.time):
        self.store = store
        self._clock = clock

    # ------------------------------------------------------------------ internal
    def _record_ttl(self, room: Room, now: float) -> float:
        return max(1.0, room.ends() + ENDED_GRACE_SECONDS - now)

    def _load(self, code: str) -> tuple[Status, Room | None, str | None]:
        code = normalise(code)
        if not code:
            return Status.UNKNOWN, None, None
        raw = self.store.get(record_key(code))
        if raw is None:
            return Status.UNKNOWN, None, None
        room = decode(code, raw)
        if room.closed:
            return Status.CLOSED, room, raw
        if self._clock() >= room.ends():
            return Status.EXPIRED, room, raw
        return Status.OK, room, raw

    def _update(self, code: str, key: str | None, change: Callable[[Room], Room]) -> Result:
        """Read, check the key, change, compare-and-set (again if another session changed it in
        between)."""
        for _ in range(20):
            status, room, raw = self._load(code)
            if status is not Status.OK or room is None or raw is None:
                return Result(status, room)
            if not key_matches(room, key):
                return Result(Status.FORBIDDEN)
            new = change(room)
            if self.store.cas(record_key(room.code), raw, encode(new), self._record_ttl(new, self._clock())):
                return Result(Status.OK, new)
        raise RuntimeError("the room kept changing under this update")

    # ------------------------------------------------------------------ the facilitator
    def open(self) -> Room:
        """A new room with a fresh code, nothing asked yet. The returned room carries its `key`
        (the only time it is seen: the store keeps its hash)."""
        now = self._clock()
        key = secrets.token_hex(KEY_BYTES)
        while True:
            code = "".join(secrets.choice(ALPHABET) for _ in range(ROOM_CODE_LENGTH))
            room = Room(code, now, None, 0, False, False, hash_key(key))
            if self.store.set_if_absent(record_key(code), encode(room), self._record_ttl(room, now)):
                return Room(code, now, None, 0, False, False, room.key_hash, key)

    def control(self, code: str, key: str | None) -> Result:
        """The room this key runs (to come back to it after a reload or on another replica):
        OK or NO_QUESTION with the room; FORBIDDEN for any other key; or why it is gone."""
        status, room, _ = self._load(code)
        if room is None:
            return Result(status)
        if not key_matches(room, key):
            return Result(Status.FORBIDDEN)
        if status is Status.OK and room.question is None:
            return Result(Status.NO_QUESTION, room)
        return Result(status, room)

    def ask(self, code: str, key: str | None, question_id: str, choices: Sequence[str]) -> Result:
        """Make a question live (a new round: earlier answers no longer count, counts hidden again).
        The live question asked again before anyone answered keeps its round (no empty round)."""
        choices = tuple(choices)
        if (
            not 2 <= len(choices) <= MAX_CHOICES
            or len(set(choices)) != len(choices)
            or not all(_CHOICE.match(c) for c in choices)
        ):
            raise ValueError(f"a question needs 2..{MAX_CHOICES} distinct kebab-case choice ids, got {choices}")
        status, old, _ = self._load(code)
        if (
            status is Status.OK
            and old is not None
            and key_matches(old, key)
            and old.question is not None
            and (old.question.id, old.question.choices) == (question_id, choices)
            and self._total(old) == 0
        ):
            return Result(Status.OK, old)  # asked again before anyone answered: the same round, not an empty one
        if old is not None and key_matches(old, key):
            keep_totals(self.store, code, self._clock())  # the last question's totals (never tokens), for the summary
        result = self._update(
            code,
            key,
            lambda r: Room(r.code, r.opened, Question(question_id, choices), r.round + 1, False, False, r.key_hash),
        )
        if result.ok and result.room is not None and old is not None and old.round:
            self.store.delete(answers_key(result.room.code, old.round))
        return result

    def reveal(self, code: str, key: str | None) -> Result:
        """Show the counts on the projector, once at least MIN_ANSWERS have answered."""
        status, room, _ = self._load(code)
        if status is not Status.OK or room is None:
            return Result(status, room)
        if not key_matches(room, key):
            return Result(Status.FORBIDDEN)
        if room.question is None:
            return Result(Status.NO_QUESTION, room)
        if self._total(room) < MIN_ANSWERS:
            return Result(Status.TOO_FEW, room)
        result = self._update(
            code, key, lambda r: Room(r.code, r.opened, r.question, r.round, True, r.closed, r.key_hash)
        )
        return Result(result.status, result.room, self.tally(code).tally if result.ok else None)

    def close(self, code: str, key: str | None) -> Result:
        """End the room: its answers go at once; its code says "closed" until the record expires."""
        for _ in range(20):
            status, room, raw = self._load(code)
            if room is None or raw is None or status is Status.CLOSED:
                return Result(status, room)
            if not key_matches(room, key):
                return Result(Status.FORBIDDEN)
            keep_totals(self.store, code, self._clock())  # before its answers go: the summary's totals
            closed = Room(room.code, room.opened, None, room.round, False, True, room.key_hash)
            if self.store.cas(record_key(room.code), raw, encode(closed), self._record_ttl(closed, self._clock())):
                self.store.delete(*(answers_key(room.code, r) for r in range(1, room.round + 1)))
                return Result(Status.OK, closed)
        raise RuntimeError("the room kept changing under this close")

    def tally(self, code: str) -> Result:
        """The live question's counts, as the projector may show them."""
        status, room, _ = self._load(code)
        if status is not Status.OK or room is None:
            return Result(status, room)
        if room.question is None:
            return Result(Status.NO_QUESTION, room, Tally(0, None, False, False))
        answers = self.store.hash_get_all(answers_key(room.code, room.round))
        total = len(answers)
        enough = total >= MIN_ANSWERS
        counts = None
        if enough and room.revealed:
            counts = {c: 0 for c in room.question.choices}
            for choice in answers.values():
                if choice in counts:
                    counts[choice] += 1
        return Result(Status.OK, room, Tally(total, counts, room.revealed and enough, enough and not room.revealed))

    def _total(self, room: Room) -> int:
        return len(self.store.hash_get_all(answers_key(room.code, room.round)))

    # ------------------------------------------------------------------ a participant
    def join(self, code: str) -> Result:
        """The room behind what a person typed, and its live question (if any)."""
        status, room, _ = self._load(code)
        if status is Status.OK and room is not None and room.question is None:
            return Result(Status.NO_QUESTION, room)
        return Result(status, room)

    def answer(self, code: str, token: str, round_: int, choice: str) -> Result:
        """One tab's answer to the question of `round_` (what it was shown). The same tab answering
        again replaces its answer."""
        status, room, _ = self._load(code)
        if status is not Status.OK or room is None:
            return Result(status, room)
        if not TOKEN.match(token or ""):
            return Result(Status.BAD_CHOICE, room)
        if self.store.incr_with_ttl(f"room:{room.code}:rate:{token}", RATE_WINDOW_SECONDS) > RATE_LIMIT:
            return Result(Status.RATE_LIMITED, room)
        if room.question is None:
            return Result(Status.NO_QUESTION, room)
        if round_ != room.round:
            return Result(Status.STALE, room)
        if choice not in room.question.choices:
            return Result(Status.BAD_CHOICE, room)
        self.store.hash_set(answers_key(room.code, room.round), token, choice, max(1.0, room.ends() - self._clock()))
        return Result(Status.OK, room)

    def my_answer(self, code: str, token: str) -> str | None:
        """What this tab answered to the live question (so its page can show it), or None."""
        status, room, _ = self._load(code)
        if status is not Status.OK or room is None or room.question is None:
            return None
        return self.store.hash_get_all(answers_key(room.code, room.round)).get(token)
