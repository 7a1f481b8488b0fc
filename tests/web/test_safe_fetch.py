"""URL fetches of ``POST /documents`` (web/security.safe_fetch) against a real HTTP server
on loopback (private fetches allowed for the test): redirects, loops, size and time limits,
errors naming the URL; and the request-body guard when no length is declared."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tollwatch.errors import FetchError
from tollwatch.web.security import safe_fetch
from tollwatch.web.settings import Settings

from .conftest import TOKEN, app_client, free_port

PAGE = (b"<html><head><title>Bridge</title></head><body><article><p>Engineers said the old "
        b"bridge would stay shut for a month.</p></article></body></html>")


class _Site(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, code: int, body: bytes = b"", headers: dict[str, str] | None = None,
              length: bool = True) -> None:
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/page":
            self._send(200, PAGE, {"Content-Type": "text/html; charset=utf-8"})
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self._send(302, headers={"Location": "/page" if n == 0 else f"/hop/{n - 1}"})
        elif path == "/relative":
            self._send(301, headers={"Location": "page"})
        elif path == "/loop":
            self._send(302, headers={"Location": "/loop"})
        elif path == "/nowhere":
            self._send(302)
        elif path == "/big":
            self._send(200, b"x" * 50_000, {"Content-Type": "text/plain"})
        elif path == "/big-unsized":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"y" * 50_000)
            self.close_connection = True
        elif path == "/slow":
            time.sleep(2.0)
            self._send(200, b"late", {"Content-Type": "text/plain"})
        elif path == "/text":
            self._send(200, "Zwölf Verletzte, sagte die Polizei.".encode("latin-1"),
                       {"Content-Type": "text/plain; charset=iso-8859-1"})
        else:
            self._send(404, b"gone")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


OPEN = Settings(allow_private_fetch=True, fetch_max_bytes=10_000, fetch_timeout=0.5)


def test_a_page_is_fetched(site: str) -> None:
    got = safe_fetch(f"{site}/page", OPEN)
    assert got.data == PAGE and (got.content_type or "").startswith("text/html")


def test_redirects_are_followed_up_to_five(site: str) -> None:
    got = safe_fetch(f"{site}/hop/4", OPEN)  # five redirects, then the page
    assert got.data == PAGE
    with pytest.raises(FetchError, match="more than 5 redirects"):
        safe_fetch(f"{site}/hop/5", OPEN)


def test_a_relative_redirect_is_resolved(site: str) -> None:
    assert safe_fetch(f"{site}/relative", OPEN).data == PAGE


def test_a_redirect_loop_stops(site: str) -> None:
    with pytest.raises(FetchError) as e:
        safe_fetch(f"{site}/loop", OPEN)
    assert "more than 5 redirects" in str(e.value) and f"{site}/loop" in str(e.value)


def test_a_redirect_without_a_location(site: str) -> None:
    with pytest.raises(FetchError, match="redirect without a location"):
        safe_fetch(f"{site}/nowhere", OPEN)


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_bodies_over_the_limit_are_refused(site: str, path: str) -> None:
    with pytest.raises(FetchError) as e:
        safe_fetch(f"{site}{path}", OPEN)
    assert f"{site}{path}" in str(e.value) and e.value.code == "TW200"


def test_a_slow_server_times_out(site: str) -> None:
    with pytest.raises(FetchError, match="timed out after 0.5s"):
        safe_fetch(f"{site}/slow", OPEN)


def test_http_errors_are_fetch_errors(site: str) -> None:
    with pytest.raises(FetchError) as e:
        safe_fetch(f"{site}/missing", OPEN)
    assert "404" in str(e.value)


def test_a_closed_port_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="cannot fetch"):
        safe_fetch(f"http://127.0.0.1:{free_port()}/x", OPEN)


def test_the_declared_charset_comes_back(site: str) -> None:
    got = safe_fetch(f"{site}/text", OPEN)
    assert got.data.decode(got.charset or "utf-8") == "Zwölf Verletzte, sagte die Polizei."


def test_a_redirect_to_loopback_is_refused_when_private_is_off(site: str) -> None:
    closed = Settings(allow_private_fetch=False)
    with pytest.raises(FetchError, match="refused"):
        safe_fetch(f"{site}/hop/0", closed)


@pytest.mark.parametrize("url", ["http://no-such-host.invalid/page", "http:///page",
                                 "gopher://example.com/", "http://u:p@example.com/"])
def test_bad_urls_are_refused_before_connecting(url: str) -> None:
    with pytest.raises(FetchError):
        safe_fetch(url, Settings(allow_private_fetch=False, fetch_timeout=2.0))


# -- POST /documents with a URL --------------------------------------------------------


def test_a_fetched_url_that_fails_is_a_422_naming_it(hand_db: str, site: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with app_client(hand_db, allow_private_fetch=True, fetch_max_bytes=10_000) as (c, svc):
        r = c.post("/api/v1/documents", json={"url": f"{site}/big"}, headers=auth)
        assert r.status_code == 422 and f"{site}/big" in r.json()["detail"]
        r = c.post("/api/v1/documents", json={"url": f"{site}/missing"}, headers=auth)
        assert r.status_code == 422
        assert svc._extractor is None
        assert c.get("/api/v1/documents").json()["total"] == 4


# -- the body guard without a declared length -------------------------------------------


def test_a_chunked_body_over_the_limit_is_refused(hand_db: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(50):
            yield b"z" * 1000
        yield b'"}'

    with app_client(hand_db, max_body_bytes=10_000) as (client, svc):
        r = client.post("/api/v1/documents", content=chunks(), headers=auth)
        assert r.status_code == 413 and "over 10000 bytes" in r.text
        assert svc._extractor is None


def test_a_small_chunked_body_passes_the_guard(hand_db: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "   "'
        yield b"}"

    with app_client(hand_db, max_body_bytes=10_000) as (client, _svc):
        r = client.post("/api/v1/documents", content=chunks(), headers=auth)
        assert r.status_code == 422 and "empty" in r.text  # reached the endpoint
