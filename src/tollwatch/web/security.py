"""The web app's guards: write tokens, request size, host and read checks, security
headers, safe links, and URL fetches that refuse this machine and private networks.

Article text is untrusted everywhere: templates autoescape it, the chart writes it with
``textContent`` only, and the Content-Security-Policy allows scripts, styles, images and
connections from the server itself and nothing else (no inline script).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import socket
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
from fastapi import HTTPException, Request

from tollwatch.errors import FetchError
from tollwatch.ingest.fetch import Fetched, read_response
from tollwatch.web.settings import Settings

__all__ = [
    "CSP",
    "SECURITY_HEADERS",
    "TOKEN_COOKIE",
    "GuardMiddleware",
    "bearer_token",
    "is_public_address",
    "require_write",
    "safe_fetch",
    "safe_link",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_COOKIE = "tollwatch_token"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")

_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
#: The headers the guard adds to every answer.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = tuple(_HEADERS)


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    if not authorization:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _token_matches(given: str | None, expected: str | None) -> bool:
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def require_write(request: Request) -> None:
    """A FastAPI dependency: the request must carry ``Authorization: Bearer <token>``
    matching the configured token (401 without one, 403 when wrong or when the server
    has no token, which refuses every write). Cookies never authorise writes."""
    settings: Settings = request.app.state.settings
    given = bearer_token(request.headers.get("authorization"))
    if settings.token is None:
        raise HTTPException(403, "writes are disabled: start the server with TOLLWATCH_TOKEN set")
    if given is None:
        raise HTTPException(401, "a bearer token is needed to write",
                            headers={"WWW-Authenticate": "Bearer"})
    if not _token_matches(given, settings.token):
        raise HTTPException(403, "wrong token")


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers") or ():
        if k == name:
            return bytes(v).decode("latin-1")
    return None


def _cookie(scope: Scope, name: str) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    for part in raw.split(";"):
        k, _, v = part.strip().partition("=")
        if k == name:
            return v
    return None


class GuardMiddleware:
    """Plain ASGI middleware: Host check, body size limit, read access when reads are not
    public, and security headers on every response."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.hosts = {h.lower() for h in settings.allowed_hosts}

    async def _reply(self, send: Send, status: int, message: str) -> None:
        body = json.dumps({"detail": message}).encode()
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()), *_HEADERS]})
        await send({"type": "http.response.body", "body": body})

    def _host_ok(self, scope: Scope) -> bool:
        if not self.hosts:
            return True
        host = (_header(scope, b"host") or "").lower()
        if host.startswith("["):
            name = host[:host.find("]") + 1] if "]" in host else host
        else:
            name = host.rsplit(":", 1)[0] if ":" in host else host
        return name in self.hosts

    def plain_read_ok(self, scope: Scope) -> bool:
        """Whether the guard lets this request through untouched and it has no body:
        the Host is allowed, reads are public (or it carries the token), and it declares
        no body (no ``content-length`` or ``transfer-encoding`` header)."""
        for k, _v in scope.get("headers") or ():
            if k == b"content-length" or k == b"transfer-encoding":
                return False
        return self._host_ok(scope) and self._may_read(scope)

    def _may_read(self, scope: Scope) -> bool:
        if self.settings.public_reads:
            return True
        path: str = scope.get("path", "")
        if path.startswith("/static/") or path == "/login":
            return True
        given = bearer_token(_header(scope, b"authorization")) or _cookie(scope, TOKEN_COOKIE)
        return _token_matches(given, self.settings.token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self._host_ok(scope):
            await self._reply(send, 400, "unexpected Host header")
            return
        if not self._may_read(scope):
            await self._reply(send, 401, "a token is needed on this server")
            return
        limit = self.settings.max_body_bytes
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await self._reply(send, 413, f"request body over {limit} bytes")
            return
        received = 0
        started = False
        too_large = False

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    too_large = True
                    raise _TooLarge()
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if too_large:
                # the app caught the overflow (FastAPI answers 400, "error parsing the
                # body"): the answer is 413, whatever the app made of it
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await self._reply(send, 413, f"request body over {limit} bytes")
                return
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _TooLarge:
            if not started:
                await self._reply(send, 413, f"request body over {limit} bytes")


class _TooLarge(Exception):
    pass


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL (safe to put in an ``href``), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def is_public_address(address: str) -> bool:
    """Whether an IP address is on the public internet (not loopback, private,
    link-local, multicast, reserved or unspecified; IPv4-mapped addresses unwrapped)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified or not ip.is_global)


def _check_host(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError("only http and https URLs can be fetched", source=url)
    host = parts.hostname
    if not host:
        raise FetchError("the URL names no host", source=url)
    if parts.username or parts.password:
        raise FetchError("URLs with credentials are not fetched", source=url)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as e:
        raise FetchError(f"cannot resolve {host}", source=url) from e
    addresses = {str(info[4][0]) for info in infos}
    bad = sorted(a for a in addresses if not is_public_address(a))
    if not addresses or bad:
        raise FetchError(f"refused: {host} is a loopback, private or reserved address "
                         f"({', '.join(bad) or 'none'})", source=url)


def _peer_address(resp: httpx.Response) -> str | None:
    stream = resp.extensions.get("network_stream")
    if stream is None:
        return None
    try:
        peer = stream.get_extra_info("server_addr")
    except Exception:  # noqa: BLE001 - a transport without the information
        return None
    if isinstance(peer, tuple) and peer:
        return str(peer[0])
    return None


def safe_fetch(url: str, settings: Settings, *,
               transport: httpx.BaseTransport | None = None) -> Fetched:
    """GET ``url`` with every hop checked: http(s) only, no credentials in the URL, the
    host's addresses public (unless ``settings.allow_private_fetch``), the address
    actually connected to public as well (DNS rebinding), at most 5 redirects, the body
    within ``settings.fetch_max_bytes``. FetchError otherwise."""
    limit = settings.fetch_max_bytes
    allow = settings.allow_private_fetch
    with httpx.Client(follow_redirects=False, timeout=httpx.Timeout(settings.fetch_timeout),
                      headers={"User-Agent": "tollwatch/0.1"}, transport=transport) as client:
        current = url
        for _hop in range(6):
            _check_host(current, allow)
            try:
                with client.stream("GET", current) as resp:
                    peer = _peer_address(resp)
                    if not allow and peer is not None and not is_public_address(peer):
                        raise FetchError(f"refused: connected to non-public address {peer}",
                                         source=url)
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise FetchError("redirect without a location", source=url)
                        current = urljoin(current, location)
                        continue
                    return read_response(resp, url, limit)
            except httpx.TimeoutException as e:
                raise FetchError(f"timed out after {settings.fetch_timeout:g}s",
                                 source=url) from e
            except httpx.HTTPError as e:
                raise FetchError(f"cannot fetch: {e}", source=url) from e
        raise FetchError("more than 5 redirects", source=url)
