"""The fast path of the two busiest reads, ``GET /api/v1/claims`` and
``GET /api/v1/timeline``: an answer already in the answer cache for the current store
state is sent before FastAPI's middleware, routing and parameter validation run.

Answers are cached under a canonical key of the validated parameters (``claims_key``,
``timeline_key``: defaults filled in, a page size clamped as the endpoint clamps it), so
``?actor=A`` and ``?limit=50&offset=0&actor=A`` share one answer. The fast path builds the
same key from the raw query (``fast_key``) only when every parameter is one the endpoint
knows, given once, with page numbers in plain decimal within the endpoint's bounds; any
other request (and every miss) takes the full FastAPI path, which validates, answers and
fills the cache. Only answers the endpoints made are ever cached, so a key found in the
cache names a valid request. The fast path checks the Host and read access as
``GuardMiddleware`` does and sends the same bytes with the same headers (a request it
does not serve gets the guard's own answer on the full path).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode

from tollwatch.reconcile.own_voice import DEFAULT_VOICE, VOICES
from tollwatch.web.security import SECURITY_HEADERS, GuardMiddleware

if TYPE_CHECKING:
    from tollwatch.web.service import Service
    from tollwatch.web.settings import Settings

__all__ = ["CLAIMS_PATH", "TIMELINE_PATH", "FastReads", "claims_key", "fast_key",
           "response_headers", "timeline_key"]

CLAIMS_PATH = "/api/v1/claims"
TIMELINE_PATH = "/api/v1/timeline"

_CLAIMS_TEXT = ("actor", "metric", "origin", "since", "until")
_TIMELINE_TEXT = ("actor", "metric", "location", "origin", "group", "own_voice")
_LIMIT = re.compile(r"[1-9][0-9]{0,8}")
_OFFSET = re.compile(r"0|[1-9][0-9]{0,8}")
#: the bounds of the endpoints' parameters (web/api.py)
CLAIMS_MAX_OFFSET = 10_000_000
TIMELINE_DEFAULT_LIMIT = 500
TIMELINE_MAX_LIMIT = 20_000


def _key(path: str, items: list[tuple[str, str | int | None]]) -> str:
    return path + "?" + urlencode([(k, v) for k, v in items if v is not None])


def claims_key(actor: str | None, metric: str | None, origin: str | None, since: str | None,
               until: str | None, limit: int, offset: int) -> str:
    """The cache key of a claims page (``limit``: the page size the endpoint serves)."""
    return _key(CLAIMS_PATH, [("actor", actor), ("metric", metric), ("origin", origin),
                              ("since", since), ("until", until), ("limit", limit),
                              ("offset", offset)])


def timeline_key(actor: str | None, metric: str | None, location: str | None,
                 origin: str | None, group: str | None, limit: int, offset: int,
                 own_voice: str = DEFAULT_VOICE) -> str:
    """The cache key of a timeline page."""
    return _key(TIMELINE_PATH, [("actor", actor), ("metric", metric),
                                ("location", location), ("origin", origin), ("group", group),
                                ("limit", limit), ("offset", offset), ("own_voice", own_voice)])


def fast_key(path: str, query: str, settings: Settings) -> str | None:
    """The canonical key of a claims or timeline request from its raw query, or None
    when only the full path can tell (an unknown or repeated parameter, a page number
    not in plain decimal or out of bounds)."""
    timeline = path == TIMELINE_PATH
    if not timeline and path != CLAIMS_PATH:
        return None
    text = _TIMELINE_TEXT if timeline else _CLAIMS_TEXT
    values: dict[str, str] = {}
    for k, v in parse_qsl(query, keep_blank_values=True):
        if k in values or (k not in text and k != "limit" and k != "offset"):
            return None
        values[k] = v
    raw_limit, raw_offset = values.get("limit"), values.get("offset", "0")
    if not _OFFSET.fullmatch(raw_offset) or (
            raw_limit is not None and not _LIMIT.fullmatch(raw_limit)):
        return None
    offset = int(raw_offset)
    if timeline:
        limit = TIMELINE_DEFAULT_LIMIT if raw_limit is None else int(raw_limit)
        if limit > TIMELINE_MAX_LIMIT:
            return None
        voice = values.get("own_voice", DEFAULT_VOICE)
        if voice not in VOICES:
            return None  # the full path answers 422
        g = values.get
        return timeline_key(g("actor"), g("metric"), g("location"), g("origin"), g("group"),
                            limit, offset, voice)
    if offset > CLAIMS_MAX_OFFSET:
        return None
    n = settings.page_size if raw_limit is None else int(raw_limit)
    n = max(1, min(n, settings.max_page_size))
    g = values.get
    return claims_key(g("actor"), g("metric"), g("origin"), g("since"), g("until"), n, offset)


def response_headers(body: bytes) -> list[tuple[bytes, bytes]]:
    """The headers of a JSON answer as the full path sends them (Starlette's
    ``Response``: length, type; then the guard's security headers)."""
    return [(b"content-length", str(len(body)).encode("ascii")),
            (b"content-type", b"application/json"), *SECURITY_HEADERS]


class FastReads:
    """Serve a cached claims or timeline answer for a plain ASGI HTTP scope."""

    def __init__(self, service: Service, guard: GuardMiddleware) -> None:
        self.service = service
        self.guard = guard

    async def answer(self, scope: Any, send: Any) -> bool:
        """Send the cached answer of this request and return True, or return False
        (the request goes the full path)."""
        service = self.service
        if (scope["method"] != "GET" or not service.cache_size
                or not self.guard.plain_read_ok(scope)):
            return False
        key = fast_key(scope["path"], scope["query_string"].decode("latin-1"),
                       service.settings)
        if key is None:
            return False
        body = service.peek(key, service.fingerprint())
        if body is None:
            return False
        await send({"type": "http.response.start", "status": 200,
                    "headers": response_headers(body)})
        await send({"type": "http.response.body", "body": body})
        return True
