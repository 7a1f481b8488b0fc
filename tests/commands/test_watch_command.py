"""``tollwatch watch`` in process: its options and sources are checked and named before
anything is polled; ``--once`` against an unreachable URL says so and exits 1, leaving
the store usable."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.store import Store


def run(*args: str) -> Any:
    return CliRunner().invoke(app, ["watch", *args])


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


@pytest.mark.parametrize(("option", "value"), [
    ("--every", "soon"), ("--every", "0"), ("--every", "-5m"), ("--every", "15x"),
    ("--max-backoff", "forever"), ("--max-backoff", "0s")])
def test_bad_intervals_are_named(tmp_path: Path, option: str, value: str) -> None:
    r = run("https://feed.example/rss", "--db", str(tmp_path / "w.db"), option, value)
    assert r.exit_code == 2
    assert "is not an interval" in r.output and value in r.output
    assert not (tmp_path / "w.db").exists()  # refused before the store is opened


@pytest.mark.parametrize("timeout", ["0", "-1", "fast"])
def test_the_timeout_must_be_positive(tmp_path: Path, timeout: str) -> None:
    r = run("https://feed.example/rss", "--db", str(tmp_path / "w.db"), "--timeout", timeout)
    assert r.exit_code == 2


def test_no_source_is_a_usage_error(tmp_path: Path) -> None:
    r = run("--db", str(tmp_path / "w.db"))
    assert r.exit_code == 2 and "SOURCES" in r.output.upper()


def test_a_bad_store_is_exit_3(tmp_path: Path) -> None:
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"\x00junk" * 200)
    r = run("https://feed.example/rss", "--db", str(bad), "--once")
    assert r.exit_code == 3 and "junk.db" in r.stderr


def test_files_are_not_watched(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss/>", encoding="utf-8")
    r = run(str(feed), "--db", str(tmp_path / "w.db"), "--once")
    assert r.exit_code == 2
    assert "http(s)" in r.stderr and "feed.xml" in r.stderr


def test_once_against_an_unreachable_url_names_it_and_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    url = f"http://127.0.0.1:{_closed_port()}/feed.xml"
    r = run(url, "--db", str(db), "--once", "--json", "--timeout", "2")
    assert r.exit_code == 1, r.output
    assert url in r.stderr.replace("\n", "")
    report = json.loads(r.stdout.strip().splitlines()[-1])
    assert report["sources"] == 1 and report["poll"] == 1
    with Store.open(str(db)) as store:
        assert store.stats().documents == 0  # nothing stored, the store still fine
