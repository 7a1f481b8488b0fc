"""``tollwatch watch --once`` in process against the loopback web server of the shared
fixtures: one JSON object for the poll, each item stored once across polls, a failing
source named on stderr with exit 1, and bad options refused before any fetch."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.store import Store


def run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "120"})


def _poll(stdout: str) -> dict[str, Any]:
    (line,) = [ln for ln in stdout.splitlines() if ln.strip()]
    out: dict[str, Any] = json.loads(line)
    return out


def test_a_page_polled_once_is_stored_once(web: str, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    first = run("watch", f"{web}/article.html", "--once", "--json", "--db", db)
    assert first.exit_code == 0, first.output
    poll = _poll(first.stdout)
    assert (poll["poll"], poll["sources"], poll["new"], poll["failed"]) == (1, 1, 1, 0)
    assert poll["claims"] >= 1 and poll["stopped"] is False
    second = run("watch", f"{web}/article.html", "--once", "--json", "--db", db)
    again = _poll(second.stdout)
    assert again["new"] == 0 and again["seen"] + again["duplicate"] + again["not_modified"] >= 1
    with Store.open(db) as store:
        assert store.stats().documents == 1
        (doc,) = store.documents()
        assert doc.url == f"{web}/article.html"


def test_a_failing_source_is_named_and_the_others_stored(web: str, tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    r = run("watch", f"{web}/missing-page", f"{web}/plain.txt", "--once", "--json",
            "--db", db)
    assert r.exit_code == 1
    poll = _poll(r.stdout)
    assert poll["failed"] == 1 and poll["new"] == 1
    assert poll["failures"][0]["source"] == f"{web}/missing-page"
    err = r.stderr.replace("\n", " ")
    assert f"error: {web}/missing-page: HTTP 404" in err and "TW200" in err


def test_the_line_for_people(web: str, tmp_path: Path) -> None:
    r = run("watch", f"{web}/plain.txt", "--once", "--db", str(tmp_path / "w.db"))
    assert r.exit_code == 0, r.output
    (line,) = r.stdout.splitlines()
    assert line.startswith("poll 1 at ") and "1 sources" in line


@pytest.mark.parametrize("args,named", [
    (("--every", "soon"), "--every"),
    (("--every", "0s"), "--every"),
    (("--max-backoff", "-5m"), "--max-backoff"),
    (("--timeout", "0"), "--timeout"),
])
def test_bad_options_are_refused_before_fetching(web: str, tmp_path: Path,
                                                 args: tuple[str, ...], named: str) -> None:
    db = tmp_path / "w.db"
    r = run("watch", f"{web}/plain.txt", "--once", "--db", str(db), *args)
    assert r.exit_code == 2
    assert named.lstrip("-") in r.output
    assert not db.exists()


def test_a_source_that_is_not_a_url_is_refused(tmp_path: Path) -> None:
    local = tmp_path / "feed.xml"
    local.write_text("<rss/>", encoding="utf-8")
    r = run("watch", str(local), "--once", "--db", str(tmp_path / "w.db"))
    assert r.exit_code == 2
    assert str(local) in r.stderr.replace("\n", "")


def test_a_bad_store_is_exit_3(web: str, tmp_path: Path) -> None:
    r = run("watch", f"{web}/plain.txt", "--once", "--db", str(tmp_path / "no" / "w.db"))
    assert r.exit_code == 3 and "TW400" in r.stderr
