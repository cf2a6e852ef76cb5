"""The notes device's pairing as a guard (components/facilitate/pairing.py): a shown code admits one device,
which the laptop allows or refuses; the code then changes; the laptop can unpair; every control
action carries the laptop's key or the confirmed device's token. States: pending, confirmed,
refused, unpaired, stale. Two store handles on one SQLite file stand for two replicas."""

from __future__ import annotations

import pytest

from components.facilitate import pairing, pairing_guard
from components.facilitate.countdown import Timer
from components.facilitate.pairing import Claim, DeviceState, PairingStore
from components.store_sqlite import SqliteStore


@pytest.fixture
def stores(tmp_path):
    """The laptop's replica and the phones' replica: two handles on one store file."""
    path = tmp_path / "store.sqlite3"
    return PairingStore(SqliteStore(path)), PairingStore(SqliteStore(path))


def _paired(laptop, phones):
    p = laptop.create("plan-a", 0)
    state, code, token = phones.claim(p.join.lower(), "phone")
    assert state is Claim.PENDING and code == p.code
    return p, token


def test_a_code_admits_one_device_and_changes_once_it_is_allowed(stores):
    laptop, phones = stores
    p = laptop.create("plan-a", 0)
    assert len(p.code) == pairing.ID_LENGTH and len(p.join) == pairing.CODE_LENGTH and p.code != p.join
    assert p.key and p.key not in laptop._store().get(pairing.KEY_PREFIX + p.code)  # only its hash is kept
    state, code, token = phones.claim(f" {p.join[:3]}-{p.join[3:].lower()} ", "phone")
    assert state is Claim.PENDING
    assert phones.claim(p.join, "phone") == (Claim.IN_USE, None, None)  # a second device: no
    assert phones.device_state(code, token) == (DeviceState.PENDING, None)
    pending = laptop.get(p.code)
    assert pending.pending_kind == "phone" and pending.pending_at > 0
    assert phones.confirm(code, token) is None  # the phone cannot allow itself
    q = laptop.confirm(p.code, p.key)
    assert q.device and q.device_kind == "phone" and not q.pending
    assert q.join != p.join  # the code changed
    assert phones.claim(p.join, "phone") == (Claim.UNKNOWN, None, None)  # the old code is gone
    assert phones.claim(q.join, "phone") == (Claim.IN_USE, None, None)  # the new one: a device is paired
    state, seen = phones.device_state(code, token)
    assert state is DeviceState.CONFIRMED and seen.code == p.code


def test_only_the_laptop_and_the_confirmed_device_control_it(stores):
    laptop, phones = stores
    p, token = _paired(laptop, phones)
    # pending: the device controls nothing yet
    assert phones.move(p.code, 1, 5, who=token) is None
    laptop.confirm(p.code, p.key)
    intruder_state, _, intruder = phones.claim(laptop.get(p.code).join, "phone")
    assert intruder_state is Claim.IN_USE and intruder is None
    for who in (None, "", "0" * 64, p.join, p.code, pairing.secret_hash(token)):
        assert phones.move(p.code, 1, 5, who=who) is None
        assert phones.set_step(p.code, 2, 5, who=who) is None
        assert phones.move_step(p.code, 1, 0, 5, who=who) is None
        assert phones.set_opening(p.code, True, who=who) is None
        assert phones.press_timer(p.code, lambda t: t, who=who) is None
        assert phones.set_timer(p.code, None, who=who) is None
        assert phones.set_segment(p.code, 3, 5, who=who) is None
        assert not phones.end(p.code, who) and phones.unpair(p.code, who) is None
    assert laptop.get(p.code).segment == 0 and laptop.get(p.code).version == 3  # nothing moved
    assert phones.move(p.code, 1, 5, who=token).segment == 1  # the paired phone: yes
    assert laptop.move(p.code, 1, 5, who=p.key).segment == 2  # the laptop: yes
    assert not phones.end(p.code, token)  # only the laptop ends it
    assert laptop.end(p.code, p.key)
    assert phones.device_state(p.code, token) == (DeviceState.STALE, None)


def test_refused_and_unpaired_devices_are_told_so_and_the_code_changes(stores):
    laptop, phones = stores
    p, token = _paired(laptop, phones)
    q = laptop.refuse(p.code, p.key)
    assert q.join != p.join and not q.pending
    assert phones.device_state(p.code, token) == (DeviceState.REFUSED, None)
    assert phones.move(p.code, 1, 5, who=token) is None
    state, code, second = phones.claim(q.join, "tablet")
    assert state is Claim.PENDING
    r = laptop.confirm(code, p.key)
    assert r.device_kind == "tablet" and r.join != q.join
    s = laptop.unpair(code, p.key)
    assert s.join != r.join and not s.device
    assert phones.device_state(code, second)[0] is DeviceState.UNPAIRED
    assert phones.move(code, 1, 5, who=second) is None
    assert phones.device_state(code, token)[0] is DeviceState.REFUSED  # still told


def test_stale_devices_and_codes(tmp_path):
    now = [1_900_000_000.0]
    clock = lambda: now[0]  # noqa: E731
    store = PairingStore(SqliteStore(tmp_path / "s.sqlite3", clock=clock), clock=clock, idle_seconds=60)
    p = store.create("plan", 0, timer=Timer("plan", 0, 5))
    _, code, token = store.claim(p.join, "phone")
    store.confirm(code, p.key)
    assert store.device_state(code, token)[0] is DeviceState.CONFIRMED
    now[0] += 61  # idle too long: the pairing expired
    assert store.device_state(code, token) == (DeviceState.STALE, None)
    assert store.claim(p.join, "phone")[0] is Claim.UNKNOWN
    assert store.device_state("NOSUCHID", token)[0] is DeviceState.STALE
    assert store.device_state(code, "")[0] is DeviceState.STALE


def test_device_kind_is_only_a_class():
    iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
    pixel = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36"
    tab = "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 Chrome/120 Safari/537.36"
    assert [pairing_guard.device_kind(u) for u in (iphone, pixel, tab, "Mozilla/5.0 (X11; Linux x86_64)", None)] == [
        "phone",
        "phone",
        "tablet",
        "computer",
        "computer",
    ]


def test_two_devices_claiming_at_once_one_wins(stores):
    import threading

    laptop, phones = stores
    p = laptop.create("plan-a", 0)
    results = []
    threads = [
        threading.Thread(target=lambda s=s: results.append(s.claim(p.join, "phone")[0]))
        for s in (laptop, phones, laptop, phones)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.value for r in results) == ["in_use", "in_use", "in_use", "pending"]
