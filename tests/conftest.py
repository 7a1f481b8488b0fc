"""Shared fixtures: the database each store test runs against, SQLite and PostgreSQL.

PostgreSQL comes from ``$TOLLWATCH_TEST_PG_URL`` (a server URL whose user may create
databases) or, failing that, a throwaway cluster this fixture starts itself with the
installed ``initdb``/``pg_ctl`` on a free loopback port (as the ``postgres`` user when run
as root) and stops at the end. Without PostgreSQL the Postgres cases skip, unless
``TOLLWATCH_REQUIRE_PG=1`` (CI) turns that into a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

PG_ENV = "TOLLWATCH_TEST_PG_URL"


def _pg_bindir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                  key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return Path(dirs[-1]).parent if dirs else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _unavailable(reason: str) -> None:
    if os.environ.get("TOLLWATCH_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL required but unavailable: {reason}")
    pytest.skip(f"PostgreSQL unavailable: {reason} (install it, e.g. .ci/start-postgres, "
                f"or set {PG_ENV})")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A URL (``postgresql+psycopg://user@127.0.0.1:port/postgres``) to an admin database."""
    if os.environ.get(PG_ENV):
        yield os.environ[PG_ENV].replace("postgresql://", "postgresql+psycopg://", 1)
        return
    bindir = _pg_bindir()
    if bindir is None:
        _unavailable("no initdb found")
    assert bindir is not None
    run_as: dict[str, Any] = {}
    tmp = Path(tempfile.mkdtemp(prefix="tollwatch-pg-"))
    if os.geteuid() == 0:
        import pwd

        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(tmp)
            _unavailable("running as root and there is no 'postgres' user")
        os.chown(tmp, pw.pw_uid, pw.pw_gid)
        run_as = {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}
    data, port = tmp / "data", _free_port()
    env = {**os.environ, "LC_ALL": "C"}
    try:
        subprocess.run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                        "--auth=trust", "-E", "UTF8", "--no-sync"], check=True,
                       capture_output=True, env=env, cwd=tmp, **run_as)
        opts = (f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off "
                f"-c synchronous_commit=off -c full_page_writes=off")
        subprocess.run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(tmp / "log"),
                        "-o", opts, "-w", "-t", "60", "start"], check=True,
                       capture_output=True, env=env, cwd=tmp, **run_as)
    except subprocess.CalledProcessError as e:
        log = (tmp / "log").read_text(errors="replace") if (tmp / "log").exists() else ""
        shutil.rmtree(tmp, ignore_errors=True)
        pytest.fail(f"cannot start PostgreSQL: {e.stderr!r} {log}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, env=env, cwd=tmp, check=False, **run_as)
        shutil.rmtree(tmp, ignore_errors=True)


def _pg_admin(url: str, sql: str) -> None:
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    name = f"tw_{uuid.uuid4().hex[:12]}"
    _pg_admin(pg_server, f'CREATE DATABASE "{name}"')
    base = pg_server.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        _pg_admin(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store location for one test: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    url: str = request.getfixturevalue("pg_url")
    return url


# -- a stand-in extractor for storage tests (the end-to-end tests use the real one) -------

_KEYWORDS = {"killed": "killed", "dead": "killed", "wounded": "injured", "injured": "injured",
             "fled": "displaced", "detained": "detained", "captured": "captured"}


def toy_extract(doc: Any) -> list[Any]:
    """One claim per sentence holding a number and a keyword; actor/origin by 'by X' and
    'X said'. Deterministic, fast, and enough to exercise the store."""
    import re

    from tollwatch.model import Claim

    claims = []
    for m in re.finditer(r"[^.!?\n]+[.!?]?", doc.text):
        sentence = m.group(0)
        num = re.search(r"\b(\d+)\b", sentence)
        metric = next((v for k, v in _KEYWORDS.items() if k in sentence.lower()), None)
        if num is None or metric is None:
            continue
        actor = re.search(r"\bby ((?:the )?[A-Z]?[a-z]+(?: [a-z]+)?)", sentence)
        origin = re.search(r", ((?:the |a )?[\w ]+?) said", sentence)
        claims.append(Claim(metric=metric, value=int(num.group(1)),
                            actor=actor.group(1) if actor else None,
                            origin=[origin.group(1)] if origin else [],
                            quote=sentence.strip(), start=m.start(), end=m.end()))
    return claims


@pytest.fixture
def toy_extractor() -> Any:
    return toy_extract


# -- a local web server on loopback for fetch tests (never the internet) -------------------

ARTICLE_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Strike on Carrow depot</title>
<meta property="og:site_name" content="Demo Wire">
<meta name="date" content="2024-06-03">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Strike on Carrow depot</h1>
<p>At least 11 people were killed when a missile struck a fuel depot on the edge of Carrow
late on Sunday, the regional governor said in a statement on Monday morning.</p>
<p>Firefighters spent most of the night containing the blaze, which sent a column of black
smoke over the industrial district and forced the evacuation of two nearby streets.</p>
<p>The governor said 23 others were injured, four of them seriously, and that rescue teams
were still searching a collapsed warehouse at the back of the site.</p>
</article><footer>Copyright Demo Wire</footer></body></html>"""

STORY_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Story {n}</title></head><body><article><h1>Story {n} from Pellan</h1>
<p>Volunteer units said {k} fighters were captured in the forest north of Pellan during a
raid that began before dawn on Thursday and lasted until the early afternoon.</p>
<p>Story {n} continues: the detainees were moved to a school gymnasium in the town centre,
where officials said they would be questioned before being handed to the military police.</p>
<p>Residents of the surrounding villages were told to stay indoors while patrols searched
the woods for anyone who had escaped, according to a notice posted at the town hall.</p>
</article></body></html>"""

NO_ARTICLE_HTML = "<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>"


def rss(base: str) -> str:
    items = "".join(
        f"<item><title>Item {n}</title><link>{base}/story/{n}</link>"
        f"<pubDate>Tue, 0{n} Jul 2024 08:00:00 GMT</pubDate></item>" for n in (1, 2))
    items += f"<item><title>Gone</title><link>{base}/missing</link></item>"
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Demo feed</title>'
            f"<link>{base}/</link><description>d</description>{items}</channel></rss>")


@pytest.fixture(scope="session")
def web() -> Iterator[str]:
    """Base URL of a small HTTP server on 127.0.0.1 serving pages, a feed and failures."""
    import threading
    import time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, code: int, body: bytes, ctype: str,
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            html = "text/html; charset=utf-8"
            p = self.path
            if p == "/article.html":
                self._send(200, ARTICLE_HTML.encode(), html)
            elif p.startswith("/story/"):
                n = int(p.rsplit("/", 1)[1])
                self._send(200, STORY_HTML.format(n=n, k=n * 7).encode(), html)
            elif p == "/feed.xml":
                self._send(200, rss(base).encode(), "application/rss+xml")
            elif p == "/plain.txt":
                self._send(200, b"Marines said 6 sailors were missing after the storm.",
                           "text/plain; charset=utf-8")
            elif p == "/latin1.txt":
                self._send(200, "Caf\xe9 staff said 4 were injured.".encode("latin-1"),
                           "text/plain; charset=iso-8859-1")
            elif p == "/nav.html":
                self._send(200, NO_ARTICLE_HTML.encode(), html)
            elif p == "/redirect":
                self._send(302, b"", html, {"Location": "/article.html"})
            elif p == "/loop":
                self._send(302, b"", html, {"Location": "/loop"})
            elif p == "/big":
                self._send(200, b"x" * 200_000, "text/plain")
            elif p == "/slow":
                time.sleep(2)
                self._send(200, b"late", "text/plain")
            else:
                self._send(404, b"not here", "text/plain")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def feed_xml(web: str) -> str:
    """An RSS document whose entries link to pages of ``web`` (two good, one missing)."""
    return rss(web)


@pytest.fixture
def unused_port() -> int:
    return _free_port()
