"""The shared store (components/store.py, store_sqlite.py, store_redis.py, store_open.py): the same
tests against the SQLite backend (a tmp file) and a real redis-server that this module starts on a
free port (scripts/test.sh installs it)."""

from __future__ import annotations

import multiprocessing
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from components import store_open, store_sqlite
from components.store import StoreUnavailable
from components.store_open import open_store
from components.store_redis import RedisStore
from components.store_sqlite import SqliteStore
from conftest import free_port


class RedisServer:
    """`redis-server` on a free loopback port, nothing saved to disk; stopped by its pid."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import redis

        client = redis.Redis(port=self.port)
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        client.close()

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def redis_server():
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (scripts/test.sh installs Debian's redis-server as root)")
    server = RedisServer()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "redis"])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = SqliteStore(tmp_path / "store.sqlite3")
    else:
        server = request.getfixturevalue("redis_server")
        s = RedisStore(server.url)
        s.client.flushdb()
    yield s
    s.close()


def test_set_get_delete(store):
    assert store.get("a") is None
    store.set("a", "1", 60)
    assert store.get("a") == "1"
    store.set("a", "2", 60)
    assert store.get("a") == "2"
    store.delete("a", "never-there")
    assert store.get("a") is None


def test_every_key_expires(store):
    store.set("short", "x", 0.3)
    store.hash_set("h", "f", "v", 0.3)
    store.incr_with_ttl("n", 0.3)
    assert store.get("short") == "x" and store.hash_get_all("h") == {"f": "v"}
    assert 0 < store.ttl("short") <= 0.3
    time.sleep(0.45)
    assert store.get("short") is None
    assert store.hash_get_all("h") == {}
    assert store.ttl("short") is None
    assert store.incr_with_ttl("n", 0.3) == 1  # a new window
    with pytest.raises(ValueError):
        store.set("forever", "x", 0)


def test_set_if_absent(store):
    assert store.set_if_absent("code", "a", 60)
    assert not store.set_if_absent("code", "b", 60)
    assert store.get("code") == "a"
    store.set("gone", "x", 0.2)
    time.sleep(0.3)
    assert store.set_if_absent("gone", "y", 60)  # an expired key is free again
    assert store.get("gone") == "y"


def test_compare_and_set(store):
    store.set("rec", "v1", 60)
    assert store.cas("rec", "v1", "v2", 60)
    assert not store.cas("rec", "v1", "v3", 60)  # someone else changed it first
    assert store.get("rec") == "v2"
    assert not store.cas("missing", "", "x", 60)


def test_hash_fields_replace_and_refresh(store):
    store.hash_set("room:answers", "tab-a", "healthy", 60)
    store.hash_set("room:answers", "tab-b", "abusive", 60)
    store.hash_set("room:answers", "tab-a", "unhealthy", 60)  # the same tab again: replaced
    assert store.hash_get_all("room:answers") == {"tab-a": "unhealthy", "tab-b": "abusive"}
    store.delete("room:answers")
    assert store.hash_get_all("room:answers") == {}


def test_incr_with_ttl_is_a_fixed_window(store):
    assert [store.incr_with_ttl("rate", 0.4) for _ in range(3)] == [1, 2, 3]
    time.sleep(0.25)
    assert store.incr_with_ttl("rate", 0.4) == 4  # the window does not slide with each call
    time.sleep(0.25)
    assert store.incr_with_ttl("rate", 0.4) == 1


def test_concurrent_increments_and_answers_are_never_lost(store):
    """20 threads at once (a room answering together): every increment and every answer counts."""

    def work(i: int) -> None:
        for j in range(10):
            store.incr_with_ttl("hits", 60)
            store.hash_set("answers", f"tab-{i}", str(j), 60)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.incr_with_ttl("hits", 60) == 201
    answers = store.hash_get_all("answers")
    assert len(answers) == 20 and set(answers.values()) == {"9"}


def _answer_from_process(path: str, n: int) -> None:
    s = SqliteStore(path)
    for i in range(n):
        s.hash_set("answers", f"p-{multiprocessing.current_process().pid}-{i}", "x", 60)
        s.incr_with_ttl("hits", 60)


def test_sqlite_is_shared_across_processes(tmp_path):
    path = str(tmp_path / "store.sqlite3")
    SqliteStore(path)  # create the file first
    procs = [
        multiprocessing.get_context("spawn").Process(target=_answer_from_process, args=(path, 25)) for _ in range(3)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    s = SqliteStore(path)
    assert len(s.hash_get_all("answers")) == 75
    assert s.incr_with_ttl("hits", 60) == 76
    assert s._db().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s._db().execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_sqlite_purge_deletes_expired_rows(tmp_path):
    now = [1000.0]
    s = SqliteStore(tmp_path / "s.sqlite3", clock=lambda: now[0])
    s.set("a", "1", 10)
    s.hash_set("h", "f", "v", 10)
    s.set("b", "2", 100)
    now[0] += 11
    assert s.get("a") is None  # expired on read, before any purge
    assert s.purge() == 2
    db = s._db()
    assert db.execute("SELECT key FROM kv").fetchall() == [("b",)]
    assert db.execute("SELECT count(*) FROM fields").fetchone() == (0,)


def test_sqlite_purges_on_its_own(tmp_path, monkeypatch):
    now = [1000.0]
    s = SqliteStore(tmp_path / "s.sqlite3", clock=lambda: now[0])
    s.set("old", "1", 5)
    now[0] += store_sqlite.PURGE_SECONDS + 1
    s.set("new", "2", 600)  # a write after the purge interval purges
    assert s._db().execute("SELECT key FROM kv").fetchall() == [("new",)]


def test_store_down_raises_one_clear_exception(tmp_path):
    down = RedisStore(f"redis://127.0.0.1:{free_port()}/0")
    for call in (
        lambda: down.ping(),
        lambda: down.get("a"),
        lambda: down.set("a", "1", 5),
        lambda: down.hash_set("h", "f", "v", 5),
        lambda: down.incr_with_ttl("n", 5),
    ):
        with pytest.raises(StoreUnavailable):
            call()
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(StoreUnavailable):
        SqliteStore(blocker / "store.sqlite3")


def test_open_store_reads_the_environment(tmp_path, monkeypatch, redis_server):
    monkeypatch.delenv("STORE_URL", raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    s = open_store()
    assert isinstance(s, SqliteStore) and s.path == tmp_path / "data" / "store.sqlite3"
    monkeypatch.setenv("STORE_URL", redis_server.url)
    assert isinstance(open_store(), RedisStore)
    assert isinstance(open_store(f"sqlite:///{tmp_path}/x.sqlite3"), SqliteStore)
    with pytest.raises(ValueError):
        open_store("postgres://nope")


def test_data_dir_is_ignored_by_git():
    root = Path(store_open.ROOT)
    assert ".data/" in (root / ".gitignore").read_text().split()


# --------------------------------------------------------------------------- the notes-device pairing


def _second(store, request, tmp_path):
    """Another process's handle on the same store (a second replica)."""
    if isinstance(store, SqliteStore):
        return SqliteStore(store.path)
    return RedisStore(request.getfixturevalue("redis_server").url)


def test_pairing_lives_in_the_shared_store(store, request, tmp_path):
    """The projector and the notes device may be served by different replicas: each one's moves are
    the other's, through the store, and two pressing at once lose nothing (compare-and-set)."""
    from components.facilitate import pairing
    from components.facilitate.countdown import Timer

    other = _second(store, request, tmp_path)
    projector, notes = pairing.PairingStore(store), pairing.PairingStore(other)
    p = projector.create("workshop-90", 0, timer=Timer("workshop-90", 0, 5))
    state, code, token = notes.claim(p.join.lower(), "phone")  # the phone asks on the other replica
    assert (state, code) == (pairing.Claim.PENDING, p.code)
    assert projector.get(p.code).pending_kind == "phone"  # the laptop sees it
    projector.confirm(p.code, p.key)
    assert notes.device_state(code, token)[0] is pairing.DeviceState.CONFIRMED
    notes.move(code, 1, 9, who=token)
    notes.press_timer(code, lambda t: t.press("start", 100.0), who=token)
    seen = projector.get(p.code)
    assert (seen.segment, seen.timer.running, seen.version) == (1, True, 5)
    assert 0 < store.ttl(pairing.KEY_PREFIX + p.code) <= projector.idle_seconds  # it expires

    def press(side, who):
        for _ in range(50):
            side.move_step(p.code, 1, 0, 10_000, who=who)

    threads = [
        threading.Thread(target=press, args=args)
        for args in ((projector, p.key), (notes, token), (projector, p.key), (notes, token))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert projector.get(p.code).step == 200 and notes.get(p.code).version == seen.version + 200
    assert not notes.end(p.code, token)  # only the laptop ends it
    projector.end(p.code, p.key)
    assert projector.get(p.code) is None and not projector.unavailable
    other.close()


def test_pairing_when_the_store_is_down_says_so():
    from components.facilitate import pairing

    down = pairing.PairingStore(RedisStore(f"redis://127.0.0.1:{free_port()}/0"))
    assert down.create("plan", 0) is None and down.unavailable
    assert down.get("ABCDEF") is None and down.move("ABCDEF", 1, 3, who="x") is None and down.unavailable
