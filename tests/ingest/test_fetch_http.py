"""HTTP fetching (ingest/fetch.py) against a loopback server of this module: conditional
requests, Retry-After, size limits without Content-Length, charsets, headers sent."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tollwatch.errors import FetchError
from tollwatch.ingest.fetch import (
    Fetcher,
    FetchOptions,
    RetryLater,
    is_url,
    retry_after_seconds,
)

ETAG = '"v7"'
MODIFIED = "Mon, 01 Jul 2024 08:00:00 GMT"
SEEN: list[dict[str, str]] = []


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def _send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None,
              length: bool = True) -> None:
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if length:
            self.wfile.write(body)
            return
        for i in range(0, len(body), 4096):
            chunk = body[i:i + 4096]
            self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")

    def do_GET(self) -> None:
        SEEN.append({k.lower(): v for k, v in self.headers.items()} | {"path": self.path})
        p = self.path
        if p == "/cached":
            if self.headers.get("If-None-Match") == ETAG or \
                    self.headers.get("If-Modified-Since") == MODIFIED:
                self._send(304, headers={"ETag": ETAG})
            else:
                self._send(200, b"Seven were hurt.", {"ETag": ETAG, "Last-Modified": MODIFIED,
                                                      "Content-Type": "text/plain"})
        elif p == "/busy":
            self._send(429, b"slow down", {"Retry-After": "120"})
        elif p == "/down":
            self._send(503, b"maintenance", {"Retry-After": formatdate(0, usegmt=True)})
        elif p == "/down-no-header":
            self._send(503, b"maintenance")
        elif p == "/chunked-big":
            self._send(200, b"y" * 50_000, {"Content-Type": "text/plain"}, length=False)
        elif p == "/cp1251":
            body = "\u041f\u043e\u0433\u0438\u0431\u043b\u0438 5".encode("cp1251")
            self._send(200, body, {"Content-Type": "text/plain; charset=windows-1251"})
        elif p == "/teapot":
            self._send(418, b"no")
        else:
            self._send(404, b"none")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FetchOptions(timeout=5, max_bytes=20_000, user_agent="tw-test/1")) as f:
        yield f


def test_is_url() -> None:
    assert is_url("http://a") and is_url("HTTPS://a/b")
    assert not is_url("ftp://a") and not is_url("file:///etc/hosts") and not is_url("a.txt")


@pytest.mark.parametrize(("value", "seconds"), [
    (None, None), ("", None), ("  30 ", 30.0), ("0", 0.0), ("soon", None), ("-5", None),
])
def test_retry_after_seconds(value: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value) == seconds


def test_retry_after_as_an_http_date() -> None:
    now = 1_700_000_000.0
    assert retry_after_seconds(formatdate(now + 90, usegmt=True), now=now) == \
        pytest.approx(90.0)
    assert retry_after_seconds(formatdate(now - 90, usegmt=True), now=now) == 0.0


def test_first_answer_carries_validators(site: str, fetcher: Fetcher) -> None:
    a = fetcher.get_conditional(f"{site}/cached")
    assert a.status == 200 and a.fetched is not None
    assert a.fetched.data == b"Seven were hurt." and a.fetched.content_type == "text/plain"
    assert (a.etag, a.last_modified) == (ETAG, MODIFIED)


def test_not_modified_by_etag_and_by_date(site: str, fetcher: Fetcher) -> None:
    a = fetcher.get_conditional(f"{site}/cached", etag=ETAG)
    assert (a.status, a.fetched, a.etag) == (304, None, ETAG)
    assert SEEN[-1]["if-none-match"] == ETAG and "if-modified-since" not in SEEN[-1]
    b = fetcher.get_conditional(f"{site}/cached", last_modified=MODIFIED)
    assert b.status == 304 and b.last_modified == MODIFIED  # kept from the request
    c = fetcher.get_conditional(f"{site}/cached", etag='"old"')
    assert c.status == 200 and c.etag == ETAG


def test_the_user_agent_is_sent(site: str, fetcher: Fetcher) -> None:
    fetcher.get(f"{site}/cached")
    assert SEEN[-1]["user-agent"] == "tw-test/1" and SEEN[-1]["path"] == "/cached"


def test_too_many_requests_is_retry_later_with_the_delay(site: str, fetcher: Fetcher) -> None:
    with pytest.raises(RetryLater) as e:
        fetcher.get_conditional(f"{site}/busy")
    assert e.value.retry_after == 120.0 and e.value.code == "TW200"
    assert "429" in e.value.message and e.value.source == f"{site}/busy"
    assert isinstance(e.value, FetchError)


def test_service_unavailable_with_a_past_date_or_no_header(site: str, fetcher: Fetcher) -> None:
    with pytest.raises(RetryLater) as e:
        fetcher.get_conditional(f"{site}/down")
    assert e.value.retry_after == 0.0
    with pytest.raises(RetryLater) as e:
        fetcher.get_conditional(f"{site}/down-no-header")
    assert e.value.retry_after is None


def test_plain_get_treats_busy_as_an_ordinary_failure(site: str, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as e:
        fetcher.get(f"{site}/busy")
    assert not isinstance(e.value, RetryLater) and "HTTP 429" in e.value.message


def test_the_limit_holds_without_a_content_length(site: str, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError) as e:
        fetcher.get(f"{site}/chunked-big")
    assert "over the limit of 20000 bytes" in e.value.message
    with pytest.raises(FetchError):
        fetcher.get_conditional(f"{site}/chunked-big")


def test_the_declared_charset_is_reported(site: str, fetcher: Fetcher) -> None:
    got = fetcher.get(f"{site}/cp1251")
    assert got.charset is not None and got.charset.lower() in ("windows-1251", "cp1251")
    assert got.data.decode(got.charset) == "\u041f\u043e\u0433\u0438\u0431\u043b\u0438 5"


@pytest.mark.parametrize(("path", "code"), [("/teapot", "418"), ("/nowhere", "404")])
def test_http_errors_name_the_status(site: str, fetcher: Fetcher, path: str,
                                     code: str) -> None:
    with pytest.raises(FetchError) as e:
        fetcher.get_conditional(f"{site}{path}")
    assert e.value.message.startswith(f"HTTP {code}") and e.value.source == f"{site}{path}"


def test_conditional_get_refuses_other_schemes(fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.get_conditional("file:///etc/passwd")
