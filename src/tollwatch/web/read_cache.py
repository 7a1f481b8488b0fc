"""Cached JSON answers of the read endpoints, per store state: the LRU of answers
(``AnswerCache``) and the plain ASGI middleware that answers a cached read before routing
(``CachedReadMiddleware``)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from tollwatch.web.snapshot import Fingerprint

if TYPE_CHECKING:
    from tollwatch.web.service import Service

__all__ = ["CACHED_PATHS", "AnswerCache", "CachedReadMiddleware", "cache_key"]


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
            return cache.entries.get(key)


#: The read endpoints whose JSON answers are cached per store state.
CACHED_PATHS = frozenset({"/api/v1/claims", "/api/v1/timeline"})


def cache_key(path: str, query: str) -> str:
    """The cache key of a request: its path and its query items, sorted."""
    return path + "?" + "&".join(sorted(f"{k}={v}" for k, v in
                                        parse_qsl(query, keep_blank_values=True)))


class CachedReadMiddleware:
    """Plain ASGI: answer a cached read (``CACHED_PATHS``) at the current store state
    without going through routing and validation; everything else passes through. Only
    answers the endpoints produced (valid requests) are ever in the cache."""

    def __init__(self, app: Any, service: Service) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if (scope["type"] == "http" and scope["method"] == "GET"
                and scope["path"] in CACHED_PATHS and self.service.cache_size):
            key = cache_key(scope["path"], scope.get("query_string", b"").decode("latin-1"))
            body = self.service.peek(key, self.service.fingerprint())
            if body is not None:
                await send({"type": "http.response.start", "status": 200, "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode("ascii"))]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)
