"""A live room's kept totals, for the session summary (components/room_summary.py): each asked
question's final totals, taken just before a new question replaces its answers and when the room
closes (components/live_room.py). `room:<code>:totals` is a hash of round -> {"question", "counts"}:
choice ids and counts only, never a token, so nothing links one phone's answers across questions. It
lives as long as the room's record. No streamlit import.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from components.room_record import ENDED_GRACE_SECONDS, answers_key, decode, normalise, record_key
from components.store import Store


@dataclass(frozen=True)
class KeptRound:
    round: int
    question: str
    counts: dict[str, int]  # choice id -> answers, every choice, in the question's order

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def keep_totals(store: Store, code: str, now: float | None = None) -> None:
    """Copy the live question's counts (not its tokens) into the room's kept totals."""
    code = normalise(code)
    raw = store.get(record_key(code)) if code else None
    if raw is None:
        return
    room = decode(code, raw)
    if room.question is None or room.closed:
        return
    counts = {c: 0 for c in room.question.choices}
    for choice in store.hash_get_all(answers_key(code, room.round)).values():
        if choice in counts:
            counts[choice] += 1
    ttl = max(1.0, room.ends() + ENDED_GRACE_SECONDS - (time.time() if now is None else now))
    store.hash_set(
        f"room:{code}:totals",
        str(room.round),
        json.dumps({"question": room.question.id, "counts": counts}, separators=(",", ":")),
        ttl,
    )


def kept_totals(store: Store, code: str) -> list[KeptRound]:
    """The kept totals, in the order the questions were asked."""
    kept = store.hash_get_all(f"room:{normalise(code)}:totals")
    rounds = []
    for r, raw in kept.items():
        d = json.loads(raw)
        rounds.append(KeptRound(int(r), d["question"], {k: int(v) for k, v in d["counts"].items()}))
    return sorted(rounds, key=lambda k: k.round)
