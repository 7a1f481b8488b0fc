"""``tollwatch watch`` against a real HTTP server on loopback: a feed whose items change,
conditional requests (ETag / Last-Modified, 304), a User-Agent, backoff on 503 with
Retry-After, a failing source beside a good one, validators kept across restarts, and the
command stopped by SIGTERM with status 0."""

from __future__ import annotations

import hashlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tollwatch.errors import ConfigError
from tollwatch.ingest.fetch import retry_after_seconds
from tollwatch.ingest.run import IngestOptions
from tollwatch.ingest.watch import PollReport, Watcher, WatchOptions, parse_interval
from tollwatch.ingest.watch_state import WatchState, backoff_seconds
from tollwatch.store import Store

ROOT = Path(__file__).resolve().parents[2]

PLACES = ["Harlow Cross", "Vennick", "Duro Flats", "Ambermouth", "Colm Ridge", "Tessaly"]
STORY = """<html><head><title>Report {n}</title>
<meta property="article:published_time" content="2025-02-{day:02d}"></head>
<body><article><h1>Report {n} from {place}</h1>
<p>At least {k} people were killed in {place} on Tuesday when a depot was shelled, the
regional health office said in a statement.</p>
<p>Rescue crews in {place} were still searching the ruins late into the evening, and the
office said the number of wounded was not yet known. Roads into {place} stayed closed.</p>
</article></body></html>"""


@dataclass
class Site:
    """What the loopback server serves and what it was asked."""

    items: list[int] = field(default_factory=lambda: [1, 2, 3])
    log: list[tuple[str, int, dict[str, str]]] = field(default_factory=list)
    flaky_left: int = 0  # answers of 503 the /flaky feed gives before working
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop_on_story: threading.Event | None = None  # set while the first story is served

    def rss(self, base: str) -> bytes:
        entries = "".join(
            f"<item><title>Report {n}</title><link>{base}/story/{n}</link>"
            f"<pubDate>Tue, {n + 3:02d} Feb 2025 08:00:00 GMT</pubDate></item>"
            for n in self.items)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback news'
                f"</title><link>{base}/</link>{entries}</channel></rss>").encode()

    def hits(self, path: str) -> list[int]:
        with self.lock:
            return [status for p, status, _ in self.log if p == path]


def _serve(site: Site) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None:
            with site.lock:
                site.log.append((self.path, code, dict(self.headers.items())))
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path in ("/feed.xml", "/flaky"):
                if self.path == "/flaky" and site.flaky_left > 0:
                    site.flaky_left -= 1
                    self._send(503, b"busy", headers={"Retry-After": "1"})
                    return
                body = site.rss(base)
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, b"", headers={"ETag": etag})
                    return
                self._send(200, body, "application/rss+xml", {"ETag": etag})
            elif self.path.startswith("/story/"):
                n = int(self.path.rsplit("/", 1)[1])
                if site.stop_on_story is not None:
                    site.stop_on_story.set()  # as a SIGTERM arriving mid-poll would
                self._send(200, STORY.format(n=n, k=n * 3 + 4, day=n + 3,
                                             place=PLACES[n % len(PLACES)]).encode())
            elif self.path == "/dated":
                self._send(200, b"Aid workers said 12 villagers were injured in the raid.",
                           "text/plain; charset=utf-8",
                           {"Last-Modified": "Tue, 04 Feb 2025 08:00:00 GMT"}
                           if self.headers.get("If-Modified-Since") is None else {})
            else:
                self._send(404, b"no")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    s = Site()
    server, base = _serve(s)
    try:
        yield s, base
    finally:
        server.shutdown()
        server.server_close()


def _options(every: float = 2.0) -> WatchOptions:
    return WatchOptions(IngestOptions(extractor_version="toy-1"), every=every,
                        max_backoff=60.0)


def test_intervals() -> None:
    assert [parse_interval(x) for x in ("30s", "15m", "2h", "1d", "90", "1.5m")] == \
        [30, 900, 7200, 86400, 90, 90]
    for bad in ("", "soon", "0s", "-5m", "3 weeks"):
        with pytest.raises(ConfigError):
            parse_interval(bad)


def test_backoff_and_retry_after() -> None:
    assert [backoff_seconds(n, 60, None, 600) for n in (1, 2, 3, 4, 5)] == \
        [60, 120, 240, 480, 600]
    assert backoff_seconds(1, 60, 900, 600) == 900  # the server's word wins
    assert retry_after_seconds("120") == 120
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_each_item_once_then_not_modified(site: tuple[Site, str], db_url: str,
                                          toy_extractor: Any) -> None:
    s, base = site
    feed = f"{base}/feed.xml"
    with Store.open(db_url) as store:
        w = Watcher(store, [feed], toy_extractor, _options())
        with _fetcher() as f:
            first = w.poll(f)
            second = w.poll(f)
            s.items.append(4)
            third = w.poll(f)
        assert (first.new, first.not_modified, first.failures) == (3, 0, [])
        assert first.claims >= 3
        assert (second.new, second.not_modified) == (0, 1)
        assert (third.new, third.not_modified) == (1, 0)
        assert store.stats().documents == 4
    assert s.hits("/feed.xml") == [200, 304, 200]
    for n in (1, 2, 3, 4):  # every article fetched once, old ones not again
        assert s.hits(f"/story/{n}") == [200]
    agents = {h.get("User-Agent", "") for _, _, h in s.log}
    assert all(a.startswith("tollwatch/") for a in agents)


def _fetcher() -> Any:
    from tollwatch.ingest.fetch import Fetcher, FetchOptions

    return Fetcher(FetchOptions(timeout=5))


def test_validators_survive_a_restart(site: tuple[Site, str], tmp_path: Path,
                                      toy_extractor: Any) -> None:
    s, base = site
    db = str(tmp_path / "w.db")
    for _ in range(2):  # two watchers, one after the other, as after a restart
        with Store.open(db) as store, _fetcher() as f:
            Watcher(store, [f"{base}/feed.xml", f"{base}/dated"], toy_extractor,
                    _options()).poll(f)
    assert s.hits("/feed.xml") == [200, 304]
    dated = [h for p, _, h in s.log if p == "/dated"]
    assert "If-Modified-Since" not in dated[0]
    assert dated[1]["If-Modified-Since"] == "Tue, 04 Feb 2025 08:00:00 GMT"
    with Store.open(db) as store:
        state = WatchState(store).load(f"{base}/feed.xml")
        assert state.etag and state.failures == 0


def test_a_failing_source_backs_off_and_the_others_go_on(site: tuple[Site, str],
                                                         tmp_path: Path,
                                                         toy_extractor: Any) -> None:
    s, base = site
    s.flaky_left = 1
    sources = [f"{base}/flaky", f"{base}/missing", f"{base}/feed.xml"]
    with Store.open(str(tmp_path / "f.db")) as store, _fetcher() as f:
        # every=1.5: the missing source's first backoff (1.5 s) outlasts the first poll
        # even on a loaded machine (at 0.5 s it did not always)
        w = Watcher(store, sources, toy_extractor, _options(every=1.5))
        first = w.poll(f)
        assert first.new == 3  # the good feed's items, despite the two failing sources
        failed = {src for src, _ in first.failures}
        assert failed == {f"{base}/flaky", f"{base}/missing"}
        assert any("HTTP 503" in e for _, e in first.failures)
        state = WatchState(store).load(f"{base}/flaky")
        assert state.failures == 1 and state.next_try is not None
        second = w.poll(f)  # at once: both failing sources are still backing off
        assert second.waiting == 2 and s.hits("/flaky") == [503]
        time.sleep(1.6)  # past Retry-After: 1 and the 1.5 s interval
        third = w.poll(f)
        assert s.hits("/flaky")[-1] == 200
        assert third.new == 0 and third.duplicate + third.seen == 0
        assert WatchState(store).load(f"{base}/flaky").failures == 0
        assert WatchState(store).load(f"{base}/missing").failures == 2


def test_a_stop_between_items_stores_what_was_read(site: tuple[Site, str], tmp_path: Path,
                                                   toy_extractor: Any) -> None:
    s, base = site
    stop = threading.Event()
    s.stop_on_story = stop
    db = str(tmp_path / "s.db")
    with Store.open(db) as store, _fetcher() as f:
        report = Watcher(store, [f"{base}/feed.xml"], toy_extractor, _options(),
                         stop).poll(f)
        assert report.stopped and report.new == 1
        s.stop_on_story = None
        assert store.stats().documents == report.new
    with Store.open(db) as store, _fetcher() as f:  # the next run reads the rest
        again = Watcher(store, [f"{base}/feed.xml"], toy_extractor, _options()).poll(f)
        assert again.new == 3 - report.new and store.stats().documents == 3
    assert all(s.hits(f"/story/{n}") == [200] for n in (1, 2, 3))


def test_poll_report_line_and_json() -> None:
    r = PollReport(3, "2025-01-01T00:00:00+00:00", sources=2, new=1, claims=2,
                   failures=[("http://x/feed", "http://x/feed: HTTP 503 [TW200]")])
    assert r.line().startswith("poll 3 at 2025-01-01T00:00:00+00:00: 2 sources")
    assert "1 new" in r.line() and "1 failed" in r.line() and "HTTP 503" in r.line()
    assert json.loads(json.dumps(r.to_dict()))["failures"][0]["source"] == "http://x/feed"


def test_watch_takes_urls_only(tmp_path: Path, toy_extractor: Any) -> None:
    with Store.open(str(tmp_path / "u.db")) as store, pytest.raises(ConfigError):
        Watcher(store, ["/etc/passwd"], toy_extractor, _options())


def _lines(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    q: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            q.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return q


def _next_poll(q: queue.Queue[str], timeout: float = 120) -> dict[str, Any]:
    poll: dict[str, Any] = json.loads(q.get(timeout=timeout))
    return poll


def test_the_command_watches_a_feed_and_stops_on_sigterm(site: tuple[Site, str],
                                                         tmp_path: Path) -> None:
    s, base = site
    db = str(tmp_path / "cmd.db")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as err, subprocess.Popen(
            [sys.executable, "-m", "tollwatch.cli", "watch", f"{base}/feed.xml", "--every",
             "2s", "--db", db, "--json"], stdout=subprocess.PIPE, stderr=err, text=True,
            env=env) as proc:
        try:
            q = _lines(proc)
            polls = [_next_poll(q)]
            assert polls[0]["new"] == 3 and polls[0]["failed"] == 0
            polls.append(_next_poll(q))
            assert polls[-1]["not_modified"] == 1 and polls[-1]["new"] == 0
            s.items.append(4)
            polls.append(_next_poll(q))
            assert polls[-1]["new"] == 1
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=60) == 0, errors.read_text()
        finally:
            if proc.poll() is None:
                proc.kill()
    assert 304 in s.hits("/feed.xml")
    assert all(s.hits(f"/story/{n}") == [200] for n in (1, 2, 3, 4))
    with Store.open(db) as store:
        assert store.stats().documents == 4
        assert store.stats().claims >= 4


def test_once_is_one_poll_and_says_when_a_source_failed(site: tuple[Site, str],
                                                       tmp_path: Path) -> None:
    _s, base = site
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-m", "tollwatch.cli", "watch", f"{base}/feed.xml",
                        f"{base}/missing", "--once", "--db", str(tmp_path / "o.db")],
                       capture_output=True, text=True, env=env, timeout=300, check=False)
    assert r.returncode == 1
    (line,) = r.stdout.splitlines()
    assert line.startswith("poll 1 at ") and "3 new" in line and "1 failed" in line
    assert "HTTP 404" in r.stderr and "/missing" in r.stderr
