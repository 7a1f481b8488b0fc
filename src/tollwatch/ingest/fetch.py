"""Fetching web pages and feeds over HTTP(S) with httpx: timeouts, a size limit and a
bounded number of redirects. Every failure is a FetchError naming the URL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self
from urllib.parse import urlsplit

import httpx

from tollwatch.errors import FetchError

__all__ = ["Answer", "FetchOptions", "Fetched", "Fetcher", "RetryLater", "is_url",
           "read_response", "retry_after_seconds"]


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


class RetryLater(FetchError):
    """The server asked to come back later (429, 503), ``retry_after`` seconds from now
    when it said (``Retry-After``)."""

    def __init__(self, message: str, *, source: str | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(message, source=source)
        self.retry_after = retry_after


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """A ``Retry-After`` header (seconds, or an HTTP date) as seconds from now."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    import time

    return max(0.0, when - (time.time() if now is None else now))


@dataclass(frozen=True, slots=True)
class Answer:
    """A conditional request's answer: the body (None when 304 Not Modified) and the
    validators to send next time."""

    status: int
    fetched: Fetched | None
    etag: str | None
    last_modified: str | None


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

    def get_conditional(self, url: str, etag: str | None = None,
                        last_modified: str | None = None) -> Answer:
        """``url`` asked with ``If-None-Match``/``If-Modified-Since``: its body, or none
        when it has not changed (304). 429 and 503 raise RetryLater (with the server's
        ``Retry-After``), other failures FetchError."""
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise FetchError("only http and https URLs can be fetched", source=url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                new_etag = resp.headers.get("etag") or etag
                new_modified = resp.headers.get("last-modified") or last_modified
                if resp.status_code == 304:
                    return Answer(304, None, new_etag, new_modified)
                if resp.status_code in (429, 503):
                    raise RetryLater(f"HTTP {resp.status_code} {resp.reason_phrase}",
                                     source=url, retry_after=retry_after_seconds(
                                         resp.headers.get("retry-after")))
                fetched = read_response(resp, url, self.options.max_bytes)
                return Answer(resp.status_code, fetched, resp.headers.get("etag"),
                              resp.headers.get("last-modified"))
        except httpx.TooManyRedirects as e:
            raise FetchError(f"more than {self.options.max_redirects} redirects",
                             source=url) from e
        except httpx.TimeoutException as e:
            raise FetchError(f"timed out after {self.options.timeout:g}s", source=url) from e
        except httpx.HTTPError as e:
            raise FetchError(f"cannot fetch: {e}", source=url) from e
