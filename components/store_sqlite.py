"""The shared store's default backend (the interface: components/store.py): one SQLite file under
the data directory, WAL mode, safe across threads and across processes on one machine. Each key
carries its expiry time; reads ignore expired keys and a purge deletes them (on open and then at
most every `PURGE_SECONDS`, on a write). No streamlit import.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from components.store import TIMEOUT_SECONDS, Store, StoreUnavailable, check_ttl

PURGE_SECONDS = 60.0

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
        check_ttl(ttl)
        now = self._clock()
        with self._write() as db:
            db.execute("DELETE FROM fields WHERE key = ?", (key,))
            db.execute("INSERT OR REPLACE INTO kv (key, value, expires) VALUES (?, ?, ?)", (key, value, now + ttl))
        self._after_write()

    def set_if_absent(self, key: str, value: str, ttl: float) -> bool:
        check_ttl(ttl)
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
        check_ttl(ttl)
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
        check_ttl(ttl)
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
        check_ttl(ttl)
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
