"""A live room's record, as the shared store keeps it (`room:<code>` -> JSON), and the keys of its
answers; the tokens that answer and the facilitator's key, by hash. components/live_room.py runs
rooms with it and components/room_totals.py keeps their totals. No streamlit import.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass, field

ROOM_SECONDS = 3 * 3600  # a room expires 3 hours after it opens
ENDED_GRACE_SECONDS = 3600  # how long "this room has ended" is still known after that
TOKEN = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Question:
    id: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Room:
    code: str
    opened: float
    question: Question | None
    round: int
    revealed: bool
    closed: bool
    key_hash: str = ""  # SHA-256 (hex) of the facilitator's key; "" for none: nobody controls it
    key: str | None = field(default=None, repr=False, compare=False)  # the secret: only from `open`

    def ends(self) -> float:
        return self.opened + ROOM_SECONDS


def normalise(code: str) -> str:
    """What a person typed -> a code: case, spaces and dashes do not matter."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())[:16]


TOKEN_BYTES = 16


def new_token() -> str:
    """A random per-tab token (128 bits): the only thing an answer carries besides its choice. The
    app's tabs make their own (components/tab_storage.js, the same form); tests use this."""
    return secrets.token_hex(TOKEN_BYTES)


def is_token(value) -> bool:
    """A well-formed token (32 lowercase hex digits), whatever a tab sent."""
    return isinstance(value, str) and bool(TOKEN.fullmatch(value))


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def key_matches(room: Room, key: str | None) -> bool:
    """The facilitator's key opens this room (constant-time; a room without a key opens to none)."""
    if not room.key_hash or not isinstance(key, str) or not key:
        return False
    return hmac.compare_digest(hash_key(key), room.key_hash)


def record_key(code: str) -> str:
    return f"room:{code}"


def answers_key(code: str, round_: int) -> str:
    return f"room:{code}:{round_}"


def encode(room: Room) -> str:
    return json.dumps(
        {
            "opened": room.opened,
            "round": room.round,
            "revealed": room.revealed,
            "closed": room.closed,
            "key_hash": room.key_hash,
            "question": None
            if room.question is None
            else {"id": room.question.id, "choices": list(room.question.choices)},
        },
        separators=(",", ":"),
        sort_keys=True,
    )


def decode(code: str, raw: str) -> Room:
    d = json.loads(raw)
    q = d.get("question")
    return Room(
        code,
        float(d["opened"]),
        None if q is None else Question(q["id"], tuple(q["choices"])),
        int(d["round"]),
        bool(d["revealed"]),
        bool(d["closed"]),
        str(d.get("key_hash") or ""),
    )
