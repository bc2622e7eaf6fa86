"""Counting requests per client (and per account) in Redis or in memory, never in the database.

The client is known by `request.remote_addr` (behind the documented proxy, ProxyFix sets it), and only as
an HMAC with the app's secret key: neither Redis nor memory holds a readable address, and the counts expire
with their window. With `REDIS_URL` all web processes share the counts; without Redis (or while it is
unreachable) each process counts for itself.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import threading
import time

from flask import current_app, request

log = logging.getLogger(__name__)
KEY_PREFIX = "participation:throttle:"


class MemoryCounters:
    """Fixed-window counters of one process."""

    def __init__(self):
        self._counts: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, window_seconds: int) -> int:
        now = time.monotonic()
        with self._lock:
            expires, count = self._counts.get(key, (0.0, 0))
            if expires <= now:
                expires, count = now + window_seconds, 0
                self._forget_expired(now)
            self._counts[key] = (expires, count + 1)
            return count + 1

    def count(self, key: str) -> int:
        with self._lock:
            expires, count = self._counts.get(key, (0.0, 0))
            return count if expires > time.monotonic() else 0

    def clear(self, key: str) -> None:
        with self._lock:
            self._counts.pop(key, None)

    def _forget_expired(self, now: float) -> None:
        if len(self._counts) > 10_000:
            for stale in [key for key, (expires, _count) in self._counts.items() if expires <= now]:
                del self._counts[stale]


class RedisCounters:
    """Fixed-window counters shared by every web process; falls back to memory while Redis is away."""

    def __init__(self, url: str, fallback: MemoryCounters):
        from redis import Redis
        self._redis = Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        self._fallback = fallback

    def hit(self, key: str, window_seconds: int) -> int:
        try:
            pipe = self._redis.pipeline()
            pipe.incr(KEY_PREFIX + key)
            pipe.expire(KEY_PREFIX + key, window_seconds, nx=True)
            return int(pipe.execute()[0])
        except Exception as error:  # Redis down: keep limiting, per process
            log.warning("throttle counters in memory, Redis unreachable: %s", type(error).__name__)
            return self._fallback.hit(key, window_seconds)

    def count(self, key: str) -> int:
        try:
            return int(self._redis.get(KEY_PREFIX + key) or 0)
        except Exception:
            return self._fallback.count(key)

    def clear(self, key: str) -> None:
        try:
            self._redis.delete(KEY_PREFIX + key)
        except Exception:
            pass
        self._fallback.clear(key)


def counters():
    """The app's counters (created on first use)."""
    store = current_app.extensions.get("throttle")
    if store is None:
        memory = MemoryCounters()
        url = current_app.config.get("REDIS_URL")
        store = current_app.extensions["throttle"] = RedisCounters(url, memory) if url else memory
    return store


def pseudonym(value: str) -> str:
    """A keyed hash: the same client gets the same key, but the key does not give the value back."""
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()[:32]


def client_key() -> str:
    return pseudonym("addr:" + (request.remote_addr or "unknown"))


def key(scope: str, *parts: str) -> str:
    return ":".join((scope, *parts))
