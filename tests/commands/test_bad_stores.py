"""Every command that opens the store says the same thing about a store it cannot use: one
``error:`` line on stderr naming the store with a TW400 code, exit 3, no traceback, nothing
on stdout, and nothing created where there was nothing. Checked for each reading and
writing command against each kind of bad store."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tollwatch.cli import app
from tollwatch.store import Store


def run(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "120", **(env or {})})


def _missing_dir(tmp: Path) -> tuple[str, str]:
    return str(tmp / "no-such-folder" / "tolls.db"), "no-such-folder"


def _not_a_store(tmp: Path) -> tuple[str, str]:
    path = tmp / "letters.db"
    path.write_bytes(b"Dear editor, the figures in your piece were wrong.\n" * 40)
    return str(path), "letters.db"


def _from_the_future(tmp: Path) -> tuple[str, str]:
    path = tmp / "future.db"
    Store.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_later'")
    return str(path), "future.db"


def _bad_url(tmp: Path) -> tuple[str, str]:
    return "postgresql://tw:pw@127.0.0.1:notaport/tolls", "notaport"


def _no_server(tmp: Path) -> tuple[str, str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"postgresql://tw:pw@127.0.0.1:{port}/tolls?connect_timeout=3", str(port)


BAD_STORES: dict[str, Callable[[Path], tuple[str, str]]] = {
    "missing-dir": _missing_dir,
    "not-a-store": _not_a_store,
    "newer-schema": _from_the_future,
    "bad-url": _bad_url,
    "no-server": _no_server,
}

COMMANDS: dict[str, tuple[str, ...]] = {
    "stats": ("stats",),
    "claims": ("claims",),
    "claims-jsonl": ("claims", "--format", "jsonl"),
    "timeline": ("timeline", "--actor", "Russia"),
    "discrepancies": ("discrepancies",),
    "export": ("export", "{tmp}/out.csv"),
    "reconcile": ("reconcile",),
}


@pytest.mark.parametrize("store_kind", BAD_STORES)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_bad_store_is_one_named_line_and_exit_3(tmp_path: Path, store_kind: str,
                                                  command: str) -> None:
    db, named = BAD_STORES[store_kind](tmp_path)
    args = [a.replace("{tmp}", str(tmp_path)) for a in COMMANDS[command]]
    r = run(*args, "--db", db)
    assert r.exit_code == 3, r.output
    assert r.stdout == ""
    err = r.stderr.replace("\n", " ")  # the console may wrap a long line
    assert err.startswith("error: ") and "TW400" in err and named in err, err
    assert "Traceback" not in r.output and "[SQL:" not in r.output
    assert "pw@" not in r.output  # a password never shows
    assert not (tmp_path / "out.csv").exists()
    if store_kind == "missing-dir":
        assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize("command", ["stats", "claims", "timeline", "discrepancies"])
def test_the_store_from_the_environment_is_named_too(tmp_path: Path, command: str) -> None:
    db, named = _not_a_store(tmp_path)
    r = run(*COMMANDS[command], env={"TOLLWATCH_DB": db})
    assert r.exit_code == 3
    assert named in r.stderr.replace("\n", "") and "TW400" in r.stderr


def test_a_newer_schema_says_to_upgrade(tmp_path: Path) -> None:
    db, _ = _from_the_future(tmp_path)
    r = run("stats", "--db", db)
    err = r.stderr.replace("\n", " ")
    assert "9999_later" in err and "upgrade tollwatch" in err
    # the store is left as it was, still refusing
    with sqlite3.connect(db) as conn:
        (rev,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert rev == "9999_later"


def test_a_good_store_after_a_bad_one_works(tmp_path: Path) -> None:
    bad, _ = _not_a_store(tmp_path)
    assert run("stats", "--db", bad).exit_code == 3
    good = str(tmp_path / "fresh.db")
    r = run("stats", "--db", good, "--json")
    assert r.exit_code == 0 and '"documents": 0' in r.stdout
    assert Path(good).exists()


def test_ingest_into_a_bad_store_reads_nothing(tmp_path: Path) -> None:
    src = tmp_path / "note.txt"
    src.write_text("Rangers said 5 hikers were missing near the pass.", encoding="utf-8")
    db, named = _missing_dir(tmp_path)
    r = run("ingest", str(src), "--db", db, "--no-progress", "-j", "1")
    assert r.exit_code == 3
    assert named in r.stderr.replace("\n", "") and "TW400" in r.stderr
    assert "new" not in r.stdout
