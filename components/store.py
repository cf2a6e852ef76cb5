"""The shared store: small, expiring records that every session (and every replica) can see.

One interface, two backends:
- `SqliteStore` (components/store_sqlite.py, the default): a file under the data directory
  (`DATA_DIR`, else `.data/` in the project, which git ignores), WAL mode, safe across threads and
  across processes on one machine. Each key carries its expiry time; reads ignore expired keys and
  a purge deletes them (on open and then at most every `PURGE_SECONDS`, on a write).
- `RedisStore` (components/store_redis.py), when `STORE_URL=redis://...` (several replicas): every
  key gets a TTL in Redis.
components/store_open.py opens the one a URL names and keeps this process's store (`get_store`).

Everything expires: every write names a time to live. Values are short strings (callers encode
JSON themselves). Nothing here logs anything. A store that cannot be reached raises
`StoreUnavailable` (one type for both backends), which the interface catches and says so in plain
words.

Keys hold either a string (`set`/`get`/`cas`/`incr_with_ttl`) or a hash of fields
(`hash_set`/`hash_get_all`), never both, as in Redis. The live room (components/live_room.py)
keeps its record as a string and its answers as a hash (tab token -> choice); the notes-device
pairing (components/facilitate/pairing.py) uses `set_if_absent` for a fresh code, the record as
JSON under `pair:<code>` with its idle time as TTL, and `cas` for an atomic move.

No streamlit import.
"""

from __future__ import annotations

import abc

TIMEOUT_SECONDS = 2.0  # how long a call waits for a busy or distant store before giving up


class StoreUnavailable(RuntimeError):
    """The store cannot be reached or used right now (the one exception the UI catches)."""


class Store(abc.ABC):
    """The interface. `ttl` is in seconds (fractions allowed) and must be positive."""

    @abc.abstractmethod
    def set(self, key: str, value: str, ttl: float) -> None: ...

    @abc.abstractmethod
    def set_if_absent(self, key: str, value: str, ttl: float) -> bool:
        """Set only if no live key has that name; True if it was set."""

    @abc.abstractmethod
    def get(self, key: str) -> str | None: ...

    @abc.abstractmethod
    def cas(self, key: str, expected: str, value: str, ttl: float) -> bool:
        """Compare and set: replace the live value only if it is still `expected`."""

    @abc.abstractmethod
    def ttl(self, key: str) -> float | None:
        """Seconds left for a live key, or None if there is none."""

    @abc.abstractmethod
    def hash_set(self, key: str, field: str, value: str, ttl: float) -> None:
        """Set one field of a hash; the whole hash then expires `ttl` seconds from now."""

    @abc.abstractmethod
    def hash_get_all(self, key: str) -> dict[str, str]: ...

    @abc.abstractmethod
    def incr_with_ttl(self, key: str, ttl: float) -> int:
        """Add one to a counter and return it; a new counter expires `ttl` seconds after it starts
        (a fixed window, for rate limits)."""

    @abc.abstractmethod
    def delete(self, *keys: str) -> None: ...

    @abc.abstractmethod
    def ping(self) -> None:
        """Raise StoreUnavailable unless the store answers."""

    def close(self) -> None:  # noqa: B027 - optional
        pass


def check_ttl(ttl: float) -> None:
    if not ttl > 0:
        raise ValueError("every key must expire: ttl must be > 0")
