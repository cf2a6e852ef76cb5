"""This process's shared store: the backend `STORE_URL` names (components/store_redis.py for
`redis://...`, else components/store_sqlite.py under the data directory), opened on first use and
kept. No streamlit import.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from components.store import Store
from components.store_redis import RedisStore
from components.store_sqlite import SqliteStore

ROOT = Path(__file__).resolve().parent.parent


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
