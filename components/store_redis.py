"""The shared store across replicas (the interface: components/store.py): Redis, when
`STORE_URL=redis://...`; every key gets a TTL in Redis, and compare-and-set and the rate-limit
counter each run in one step on the server (Lua). No streamlit import.
"""

from __future__ import annotations

from collections.abc import Callable

from components.store import TIMEOUT_SECONDS, Store, StoreUnavailable, check_ttl

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
        check_ttl(ttl)
        self._call(self.client.set, key, value, px=_ms(ttl))

    def set_if_absent(self, key: str, value: str, ttl: float) -> bool:
        check_ttl(ttl)
        return bool(self._call(self.client.set, key, value, px=_ms(ttl), nx=True))

    def get(self, key: str) -> str | None:
        return self._call(self.client.get, key)

    def cas(self, key: str, expected: str, value: str, ttl: float) -> bool:
        check_ttl(ttl)
        return bool(self._call(self._cas, keys=[key], args=[expected, value, _ms(ttl)]))

    def ttl(self, key: str) -> float | None:
        ms = self._call(self.client.pttl, key)
        return ms / 1000 if ms is not None and ms > 0 else None

    def hash_set(self, key: str, field: str, value: str, ttl: float) -> None:
        check_ttl(ttl)
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(key, field, value)
        pipe.pexpire(key, _ms(ttl))
        self._call(pipe.execute)

    def hash_get_all(self, key: str) -> dict[str, str]:
        return self._call(self.client.hgetall, key)

    def incr_with_ttl(self, key: str, ttl: float) -> int:
        check_ttl(ttl)
        return int(self._call(self._incr, keys=[key], args=[_ms(ttl)]))

    def delete(self, *keys: str) -> None:
        if keys:
            self._call(self.client.delete, *keys)

    def ping(self) -> None:
        self._call(self.client.ping)

    def close(self) -> None:
        self.client.close()
