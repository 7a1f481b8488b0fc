"""Many writers, one store (issue 17): two ``ingest`` runs, a ``watch --once`` of a feed on
loopback and a ``serve`` taking documents and reviews through the API, all started at the
same instant on a store that does not exist yet, on SQLite and PostgreSQL. All succeed,
every document is stored once, and the counts equal a serial run's."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from tollwatch.store import Store
from tollwatch.store.schema import ClaimReviewRow, DocumentRow

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from corpus_gen import make_corpus, write_jsonl

TOKEN = "many-writers-7c1e"

#: Imports what a command needs, waits for the barrier file, then runs the command line.
_LAUNCH = """
import os, sys, time
import tollwatch.cli, tollwatch.store, tollwatch.commands.storing, tollwatch.commands.watching
while not os.path.exists(sys.argv[1]):
    time.sleep(0.0005)
sys.argv = ["tollwatch", *sys.argv[2:]]
tollwatch.cli.main()
"""

STORY = ("<html><head><title>Bulletin {n}</title></head><body><article><h1>Bulletin {n}"
         "</h1><p>Firefighters in Questa said {k} people were injured when a fuel depot "
         "burned on the edge of the town on Thursday night.</p><p>The fire in Questa was "
         "contained by morning, and bulletin {n} said roads had reopened.</p></article>"
         "</body></html>")
API_TEXTS = ["Port wardens in Lessing said 9 sailors were missing after the patrol boat sank.",
             "Doctors in Amberlee said 23 people were wounded by the blast at the rail yard."]


@pytest.fixture
def feed() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                items = "".join(f"<item><title>Bulletin {n}</title><link>{base}/b/{n}</link>"
                                "</item>" for n in (1, 2, 3))
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                        f"{items}</channel></rss>").encode()
                ctype = "application/rss+xml"
            else:
                n = int(self.path.rsplit("/", 1)[1])
                body, ctype = STORY.format(n=n, k=n * 5 + 1).encode(), "text/html"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    finally:
        server.shutdown()
        server.server_close()


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _corpora(tmp_path: Path) -> tuple[Path, Path, int]:
    docs = make_corpus(20, seed=23, sentences=3)
    a = write_jsonl(tmp_path / "a.jsonl", docs[:12])
    b = write_jsonl(tmp_path / "b.jsonl", docs[8:])  # 4 documents in both
    return a, b, len(docs)


def _api_writes(base: str) -> list[int]:
    """Two documents posted and one claim of each reviewed; the reviewed claim ids."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    deadline = time.monotonic() + 240
    with httpx.Client(base_url=base, timeout=120) as client:
        while True:
            try:
                if client.get("/api/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        reviewed = []
        for i, text in enumerate(API_TEXTS):
            r = client.post("/api/v1/documents", headers=auth,
                            json={"id": f"api-{i}", "text": text, "published": "2025-04-01"})
            assert r.status_code == 201, r.text
            claim = r.json()["claims"][0]["claim_id"]
            p = client.patch(f"/api/v1/claims/{claim}", headers=auth,
                             json={"status": "accepted", "reviewer": "desk"})
            assert p.status_code == 200, p.text
            reviewed.append(claim)
    return reviewed


def _counts(location: str) -> tuple[int, int, int, int]:
    with Store.open(location) as store:
        stats = store.stats()
        with store.engine.connect() as conn:
            ids = conn.execute(select(func.count(func.distinct(DocumentRow.doc_id)))).scalar()
            reviews = conn.execute(select(func.count()).select_from(ClaimReviewRow)).scalar()
        return stats.documents, int(ids or 0), stats.claims, int(reviews or 0)


def _serial(location: str, a: Path, b: Path, feed: str) -> tuple[int, int, int, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for argv in (["ingest", "--no-progress", str(a)], ["ingest", "--no-progress", str(b)],
                 ["watch", "--once", feed]):
        r = subprocess.run([sys.executable, "-m", "tollwatch.cli", *argv, "--db", location],
                           capture_output=True, text=True, env=env, timeout=600, check=False)
        assert r.returncode == 0, r.stderr
    port = _port()
    with subprocess.Popen([sys.executable, "-m", "tollwatch.cli", "serve", "--port", str(port),
                           "--db", location], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, env={**env, "TOLLWATCH_TOKEN": TOKEN}
                          ) as server:
        try:
            _api_writes(f"http://127.0.0.1:{port}")
        finally:
            server.terminate()
            server.wait(timeout=60)
    return _counts(location)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_writers_starting_together_on_a_new_store(backend: str, tmp_path: Path, feed: str,
                                                  request: pytest.FixtureRequest) -> None:
    if backend == "sqlite":
        location, serial = str(tmp_path / "together.db"), str(tmp_path / "serial.db")
    else:
        location = request.getfixturevalue("pg_url")
        serial = str(tmp_path / "serial.db")  # the serial run's counts do not depend on it
    a, b, distinct = _corpora(tmp_path)
    port = _port()
    barrier = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TOLLWATCH_TOKEN": TOKEN}
    commands = [["ingest", "--no-progress", "--json", str(a)],
                ["ingest", "--no-progress", "--json", str(b)],
                ["watch", "--once", "--json", feed]]
    logs = [tmp_path / f"err{i}.txt" for i in range(len(commands) + 1)]
    procs = []
    for argv, log in zip([*commands, ["serve", "--port", str(port)]], logs, strict=True):
        with log.open("w") as err:
            procs.append(subprocess.Popen(
                [sys.executable, "-c", _LAUNCH, str(barrier), *argv, "--db", location],
                stdout=subprocess.PIPE, stderr=err, text=True, env=env))
    server = procs[-1]
    try:
        time.sleep(4.0)
        barrier.touch()
        reviewed = _api_writes(f"http://127.0.0.1:{port}")
        outs = [p.communicate(timeout=600)[0] for p in procs[:-1]]
        statuses = [p.returncode for p in procs[:-1]]
        assert statuses == [0, 0, 0], [log.read_text() for log in logs]
    finally:
        server.terminate()
        server.communicate(timeout=60)
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.communicate()
            if p.stdout is not None and not p.stdout.closed:
                p.stdout.close()  # (a failed test leaves no open pipe to the next one)
    summaries = [json.loads(o.strip().splitlines()[-1]) for o in outs]
    assert summaries[2]["new"] == 3 and summaries[2]["failed"] == 0
    assert summaries[0]["new"] + summaries[1]["new"] == distinct
    together = _counts(location)
    documents, ids, _claims, reviews = together
    assert documents == ids == distinct + 3 + len(API_TEXTS)  # every document once
    assert reviews == len(reviewed) == len(API_TEXTS)
    assert together == _serial(serial, a, b, feed)
    for log in logs:
        text = log.read_text()
        assert "error" not in text.lower(), text
