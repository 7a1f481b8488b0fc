"""Fetching web pages and feeds over HTTP(S) with httpx: timeouts, a size limit and a
bounded number of redirects. Every failure is a FetchError naming the URL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self
from urllib.parse import urlsplit

import httpx

from tollwatch.errors import FetchError

__all__ = ["FetchOptions", "Fetched", "Fetcher", "is_url", "read_response"]


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = 15.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = "tollwatch/0.1 (+https://github.com/tollwatch)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str                   # after redirects
    data: bytes
    content_type: str | None   # the media type, lower case, without parameters
    charset: str | None


def read_response(resp: httpx.Response, url: str, limit: int) -> Fetched:
    """The whole body of a streamed final response, within ``limit`` bytes."""
    if resp.status_code >= 400:
        raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}", source=url)
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"response is {declared} bytes, over the limit of {limit}", source=url)
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(f"response is over the limit of {limit} bytes", source=url)
        chunks.append(chunk)
    ctype = resp.headers.get("content-type", "")
    media = ctype.split(";")[0].strip().lower() or None
    return Fetched(str(resp.url), b"".join(chunks), media, resp.charset_encoding)


class Fetcher:
    """One HTTP client for a run; use as a context manager or call ``close``."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = opts = options or FetchOptions()
        self._client = httpx.Client(
            follow_redirects=True, max_redirects=opts.max_redirects,
            timeout=httpx.Timeout(opts.timeout), headers={"User-Agent": opts.user_agent},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Fetched:
        """The body of ``url``; FetchError when it cannot be had whole."""
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise FetchError("only http and https URLs can be fetched", source=url)
        limit = self.options.max_bytes
        try:
            with self._client.stream("GET", url) as resp:
                return read_response(resp, url, limit)
        except httpx.TooManyRedirects as e:
            raise FetchError(f"more than {self.options.max_redirects} redirects",
                             source=url) from e
        except httpx.TimeoutException as e:
            raise FetchError(f"timed out after {self.options.timeout:g}s", source=url) from e
        except httpx.HTTPError as e:
            raise FetchError(f"cannot fetch: {e}", source=url) from e
