"""The shared store: small, expiring records that every session (and every replica) can see.

One interface, two backends:
- `SqliteStore` (the default): a file under the data directory (`DATA_DIR`, else `.data/` in the
  project, which git ignores), WAL mode, safe across threads and across processes on one machine.
  Each key carries its expiry time; reads ignore expired keys and a purge deletes them (on open
  and then at most every `PURGE_SECONDS`, on a write).
- `RedisStore`, when `STORE_URL=redis://...` (several replicas): every key gets a TTL in Redis.

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
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
PURGE_SECONDS = 60.0
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


def _check_ttl(ttl: float) -> None:
    if not ttl > 0:
        raise ValueError("every key must expire: ttl must be > 0")


# --------------------------------------------------------------------------- SQLite

_SCHEMA = """
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT, expires REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fields (key TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
                                   PRIMARY KEY (key, field)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kv_expires ON kv (expires);
"""


class SqliteStore(Store):
    """One SQLite file in WAL mode; a connection per thread. A hash is a row in `kv` (its expiry;
    value NULL) and its fields in `fields`."""

    def __init__(self, path: str | os.PathLike[str], *, clock: Callable[[], float] = time.time):
        self.path = Path(path)
        self._clock = clock
        self._local = threading.local()
        self._last_purge = 0.0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db().executescript(_SCHEMA)
            self.purge()
        except (OSError, sqlite3.Error) as e:
            raise StoreUnavailable(f"the store file {self.path} cannot be used: {e}") from e

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=TIMEOUT_SECONDS, isolation_level=None, check_same_thread=True)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA secure_delete=ON")  # deleted answers are overwritten in the file, not left behind
            db.execute(f"PRAGMA busy_timeout={int(TIMEOUT_SECONDS * 1000)}")
            self._local.db = db
        return db

    class _Tx:
        def __init__(self, store: SqliteStore, immediate: bool):
            self.store, self.immediate = store, immediate

        def __enter__(self) -> sqlite3.Connection:
            try:
                self.db = self.store._db()
                if self.immediate:
                    self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                raise StoreUnavailable(f"the store is not available: {e}") from e
            return self.db

        def __exit__(self, kind, exc, tb) -> Literal[False]:
            if not self.immediate:
                if isinstance(exc, sqlite3.Error):
                    raise StoreUnavailable(f"the store is not available: {exc}") from exc
                return False
            try:
                self.db.execute("COMMIT" if kind is None else "ROLLBACK")
            except sqlite3.Error as e:
                if kind is None:
                    raise StoreUnavailable(f"the store is not available: {e}") from e
            if isinstance(exc, sqlite3.Error):
                raise StoreUnavailable(f"the store is not available: {exc}") from exc
            return False

    def _write(self) -> _Tx:
        return self._Tx(self, immediate=True)

    def _read(self) -> _Tx:
        return self._Tx(self, immediate=False)

    def _after_write(self) -> None:
        if self._clock() - self._last_purge >= PURGE_SECONDS:
            self.purge()

    def purge(self) -> int:
        """Delete every expired key (and its fields); returns how many keys went."""
        now = self._clock()
        self._last_purge = now
        with self._write() as db:
            db.execute("DELETE FROM fields WHERE key IN (SELECT key FROM kv WHERE expires <= ?)", (now,))
            gone = db.execute("DELETE FROM kv WHERE expires <= ?", (now,)).rowcount
            db.execute("DELETE FROM fields WHERE key NOT IN (SELECT key FROM kv)")
        return gone

    # A key that expired but was not purged yet counts as absent; writers replace it.
    @staticmethod
    def _drop_expired(db: sqlite3.Connection, key: str, now: float) -> None:
        if db.execute("DELETE FROM kv WHERE key = ? AND expires <= ?", (key, now)).rowcount:
            db.execute("DELETE FROM fields WHERE key = ?", (key,))

    def set(self, key: str, value: str, ttl: float) -> None:
        _check_ttl(ttl)
        now = self._clock()
        with self._write() as db:
            db.execute("DELETE FROM fields WHERE key = ?", (key,))
            db.execute("INSERT OR REPLACE INTO kv (key, value, expires) VALUES (?, ?, ?)", (key, value, now + ttl))
        self._after_write()

    def set_if_absent(self, key: str, value: str, ttl: float) -> bool:
        _check_ttl(ttl)
        now = self._clock()
        with self._write() as db:
            self._drop_expired(db, key, now)
            done = (
                db.execute(
                    "INSERT OR IGNORE INTO kv (key, value, expires) VALUES (?, ?, ?)", (key, value, now + ttl)
                ).rowcount
                == 1
            )
        self._after_write()
        return done

    def get(self, key: str) -> str | None:
        with self._read() as db:
            row = db.execute("SELECT value FROM kv WHERE key = ? AND expires > ?", (key, self._clock())).fetchone()
        return row[0] if row else None

    def cas(self, key: str, expected: str, value: str, ttl: float) -> bool:
        _check_ttl(ttl)
        now = self._clock()
        with self._write() as db:
            done = (
                db.execute(
                    "UPDATE kv SET value = ?, expires = ? WHERE key = ? AND value = ? AND expires > ?",
                    (value, now + ttl, key, expected, now),
                ).rowcount
                == 1
            )
        return done

    def ttl(self, key: str) -> float | None:
        now = self._clock()
        with self._read() as db:
            row = db.execute("SELECT expires FROM kv WHERE key = ? AND expires > ?", (key, now)).fetchone()
        return row[0] - now if row else None

    def hash_set(self, key: str, field: str, value: str, ttl: float) -> None:
        _check_ttl(ttl)
        now = self._clock()
        with self._write() as db:
            self._drop_expired(db, key, now)
            db.execute(
                "INSERT INTO kv (key, value, expires) VALUES (?, NULL, ?)"
                " ON CONFLICT (key) DO UPDATE SET expires = excluded.expires",
                (key, now + ttl),
            )
            db.execute("INSERT OR REPLACE INTO fields (key, field, value) VALUES (?, ?, ?)", (key, field, value))
        self._after_write()

    def hash_get_all(self, key: str) -> dict[str, str]:
        with self._read() as db:
            rows = db.execute(
                "SELECT f.field, f.value FROM fields f JOIN kv ON kv.key = f.key WHERE f.key = ? AND kv.expires > ?",
                (key, self._clock()),
            ).fetchall()
        return dict(rows)

    def incr_with_ttl(self, key: str, ttl: float) -> int:
        _check_ttl(ttl)
        now = self._clock()
        with self._write() as db:
            self._drop_expired(db, key, now)
            db.execute(
                "INSERT INTO kv (key, value, expires) VALUES (?, '0', ?) ON CONFLICT (key) DO NOTHING", (key, now + ttl)
            )
            (n,) = db.execute(
                "UPDATE kv SET value = CAST(value AS INTEGER) + 1 WHERE key = ? RETURNING value", (key,)
            ).fetchone()
        self._after_write()
        return int(n)

    def delete(self, *keys: str) -> None:
        if not keys:
            return
        marks = ",".join("?" * len(keys))
        with self._write() as db:
            db.execute(f"DELETE FROM kv WHERE key IN ({marks})", keys)
            db.execute(f"DELETE FROM fields WHERE key IN ({marks})", keys)

    def ping(self) -> None:
        with self._read() as db:
            db.execute("SELECT 1 FROM kv LIMIT 1").fetchall()

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


# --------------------------------------------------------------------------- Redis

# Compare-and-set in one step on the server.
_CAS = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0
"""
# Increment; start the window on the first one.
_INCR = """
local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
"""


def _ms(ttl: float) -> int:
    return max(1, int(ttl * 1000))


class RedisStore(Store):
    """Redis (redis-py): every key written with a TTL, in milliseconds."""

    def __init__(self, url: str):
        import redis

        self._redis = redis
        self.client = redis.Redis.from_url(
            url, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS, decode_responses=True
        )
        self._cas = self.client.register_script(_CAS)
        self._incr = self.client.register_script(_INCR)

    def _call(self, fn: Callable, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (
            self._redis.ConnectionError,
            self._redis.TimeoutError,
            self._redis.exceptions.BusyLoadingError,
            OSError,
        ) as e:
            raise StoreUnavailable(f"the store is not available: {e}") from e

    def set(self, key: str, value: str, ttl: float) -> None:
        _check_ttl(ttl)
        self._call(self.client.set, key, value, px=_ms(ttl))

    def set_if_absent(self, key: str, value: str, ttl: float) -> bool:
        _check_ttl(ttl)
        return bool(self._call(self.client.set, key, value, px=_ms(ttl), nx=True))

    def get(self, key: str) -> str | None:
        return self._call(self.client.get, key)

    def cas(self, key: str, expected: str, value: str, ttl: float) -> bool:
        _check_ttl(ttl)
        return bool(self._call(self._cas, keys=[key], args=[expected, value, _ms(ttl)]))

    def ttl(self, key: str) -> float | None:
        ms = self._call(self.client.pttl, key)
        return ms / 1000 if ms is not None and ms > 0 else None

    def hash_set(self, key: str, field: str, value: str, ttl: float) -> None:
        _check_ttl(ttl)
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(key, field, value)
        pipe.pexpire(key, _ms(ttl))
        self._call(pipe.execute)

    def hash_get_all(self, key: str) -> dict[str, str]:
        return self._call(self.client.hgetall, key)

    def incr_with_ttl(self, key: str, ttl: float) -> int:
        _check_ttl(ttl)
        return int(self._call(self._incr, keys=[key], args=[_ms(ttl)]))

    def delete(self, *keys: str) -> None:
        if keys:
            self._call(self.client.delete, *keys)

    def ping(self) -> None:
        self._call(self.client.ping)

    def close(self) -> None:
        self.client.close()


# --------------------------------------------------------------------------- the process's store


def data_dir() -> Path:
    return Path(os.environ.get("DATA_DIR") or ROOT / ".data")


def open_store(url: str | None = None) -> Store:
    """The store a URL names: `redis://...` / `rediss://...` / `unix://...` for Redis,
    `sqlite:///path/to/file` for a given SQLite file, nothing for `<data dir>/store.sqlite3`."""
    url = url if url is not None else os.environ.get("STORE_URL", "")
    if not url:
        return SqliteStore(data_dir() / "store.sqlite3")
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisStore(url)
    if url.startswith("sqlite:///"):
        return SqliteStore(url.removeprefix("sqlite://"))
    raise ValueError("STORE_URL must start with redis://, rediss://, unix:// or sqlite:///")


_store: Store | None = None
_store_lock = threading.Lock()


def get_store() -> Store:
    """This process's store (made on first use; raises StoreUnavailable if it cannot be opened,
    and tries again on the next call)."""
    global _store
    with _store_lock:
        if _store is None:
            _store = open_store()
        return _store


def reset_store(store: Store | None = None) -> None:
    """Use `store` from now on (tests), or open afresh from the environment on next use."""
    global _store
    with _store_lock:
        _store = store
