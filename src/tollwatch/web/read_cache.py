"""Cached JSON answers of the read endpoints, per store state: the LRU of answers
(``AnswerCache``); web/fast_read.py answers a cached read before FastAPI runs."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from tollwatch.web.snapshot import Fingerprint

__all__ = ["CACHED_PATHS", "AnswerCache", "cache_key"]


@dataclass(slots=True)
class _Entries:
    fingerprint: Fingerprint | None = None
    entries: OrderedDict[str, bytes] = field(default_factory=OrderedDict)


class AnswerCache:
    """At most ``size`` answers (bytes) by key, all of one store state: an answer for
    another state empties it. ``size`` 0 caches nothing."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._cache = _Entries()

    def clear(self) -> None:
        with self._lock:
            self._cache = _Entries()

    def get(self, key: str, fp: Fingerprint, make: Callable[[], bytes]) -> bytes:
        """``make()``'s answer for ``key`` at store state ``fp``, from the cache if there."""
        if self.size == 0:
            return make()
        with self._lock:
            cache = self._cache
            if cache.fingerprint != fp:
                cache = self._cache = _Entries(fp)
            hit = cache.entries.get(key)
            if hit is not None:
                cache.entries.move_to_end(key)
                return hit
        body = make()
        with self._lock:
            if self._cache is cache:
                cache.entries[key] = body
                if len(cache.entries) > self.size:
                    cache.entries.popitem(last=False)
        return body

    def peek(self, key: str, fp: Fingerprint) -> bytes | None:
        """The cached answer for ``key`` at state ``fp``, if any (never computes)."""
        with self._lock:
            cache = self._cache
            if cache.fingerprint != fp:
                return None
            hit = cache.entries.get(key)
            if hit is not None:
                cache.entries.move_to_end(key)
            return hit


#: The read endpoints whose JSON answers are cached per store state.
CACHED_PATHS = frozenset({"/api/v1/claims", "/api/v1/timeline"})


def cache_key(path: str, query: str) -> str:
    """The cache key of a request: its path and its query items, sorted."""
    return path + "?" + "&".join(sorted(f"{k}={v}" for k, v in
                                        parse_qsl(query, keep_blank_values=True)))
