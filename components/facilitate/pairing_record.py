"""A notes-device pairing's record, as the shared store keeps it (`pair:<id>` -> JSON; the id is the
key and the laptop's key is never stored, only its hash). components/facilitate/pairing.py reads and
writes it. No streamlit import.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field

from components.facilitate.countdown import Timer


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
    join: str = ""  # the code a device pairs with now (shown only when the facilitator asks)
    laptop: str = ""  # SHA-256 of the laptop's key
    device: str = ""  # SHA-256 of the confirmed device's token
    device_kind: str = ""  # "phone", "tablet" or "computer", from its browser's user agent
    device_at: float = 0.0  # when it asked or was confirmed
    pending: str = ""  # SHA-256 of the token of the device asking to pair
    pending_kind: str = ""
    pending_at: float = 0.0
    ended: dict = field(default_factory=dict)  # device hash -> "refused" | "unpaired"
    room: str = ""  # the public code of the live room the laptop runs ("" for none): the device shows it
    overlay: str = ""  # what the projector puts up over its page: "join", "counts" or ""
    room_request: dict = field(default_factory=dict)  # the device's last room action: {n, action, question}
    room_done: int = 0  # the `n` of the last room action the laptop carried out (with its key)
    key: str | None = field(default=None, repr=False, compare=False)  # the laptop's key: only from `create`


def encode(p: Pairing) -> str:
    record = dataclasses.asdict(p)
    del record["code"]  # it is the key
    del record["key"]  # never stored: only its hash (`laptop`)
    return json.dumps(record, separators=(",", ":"))


def decode(code: str, raw: str) -> Pairing:
    record = json.loads(raw)
    if record.get("timer") is not None:
        record["timer"] = Timer(**record["timer"])  # the one kind of countdown a pairing carries
    return Pairing(code=code, **record)
