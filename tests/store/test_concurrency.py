"""Many writers, one store (issue 17): creating and migrating a store under concurrency, a
migration while another process reads, and one-line error messages without SQL."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from tollwatch.errors import StoreError, brief
from tollwatch.store import Store
from tollwatch.store.db import MIGRATIONS, create_store_engine, migrate, migration_lock_file
from tollwatch.store.revision import SCHEMA_REVISION

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}

#: Opens the store named in argv[2] once the barrier file argv[1] appears; prints "ok" or
#: the error. Imports are done first, so the processes reach the store together.
_OPENER = """
import os, sys, time
from tollwatch.store import Store
from alembic import command
while not os.path.exists(sys.argv[1]):
    time.sleep(0.0005)
try:
    Store.open(sys.argv[2]).close()
    print("ok")
except Exception as e:
    print("FAIL", e)
"""


def _together(tmp_path: Path, argvs: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Run ``argvs`` (python -c programs that wait for the barrier, its path first), all
    released at the same instant."""
    barrier = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", *argv[:1], str(barrier), *argv[1:]],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=ENV) for argv in argvs]
    time.sleep(3.0)
    barrier.touch()
    out = []
    for p, argv in zip(procs, argvs, strict=True):
        stdout, stderr = p.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(argv, p.returncode, stdout, stderr))
    return out


def test_processes_opening_a_new_store_together_all_succeed(db_url: str,
                                                            tmp_path: Path) -> None:
    results = _together(tmp_path, [[_OPENER, db_url] for _ in range(4)])
    assert [r.stdout.strip() for r in results] == ["ok"] * 4, [r.stderr for r in results]
    with Store.open(db_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() \
            == [SCHEMA_REVISION]
    if not db_url.startswith("postgresql"):
        assert Path(db_url + "-migrate.lock").exists()


def test_the_lock_file_sits_beside_the_sqlite_file(tmp_path: Path) -> None:
    engine = create_store_engine(f"sqlite:///{tmp_path}/x.db")
    assert migration_lock_file(engine) == tmp_path / "x.db-migrate.lock"
    assert migration_lock_file(create_store_engine("sqlite://")) is None


def test_in_memory_store_still_migrates() -> None:
    with Store.open("sqlite://") as store:
        assert store.stats().documents == 0


def _upgrade_to(url: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    engine = create_store_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


_READER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[2], timeout=30)
errors, reads = [], 0
end = time.monotonic() + float(sys.argv[3])
while time.monotonic() < end:
    try:
        conn.execute("SELECT count(*) FROM documents").fetchone()
        conn.execute("SELECT count(*) FROM claims WHERE superseded = 0").fetchone()
        reads += 1
    except sqlite3.Error as e:
        errors.append(str(e))
print(reads, len(errors), errors[:3])
"""


def test_a_store_migrated_while_another_process_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _upgrade_to(f"sqlite:///{path}", "0001")
    reader = subprocess.Popen([sys.executable, "-c", _READER, "-", str(path), "4"],
                              stdout=subprocess.PIPE, text=True, env=ENV)
    time.sleep(1.5)
    engine = create_store_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    out, _ = reader.communicate(timeout=60)
    reads, failures, _sample = out.split(" ", 2)
    assert int(reads) > 0 and int(failures) == 0, out
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() \
            == (SCHEMA_REVISION,)


def test_a_store_newer_than_the_code_is_refused_in_one_line(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError) as info:
        Store.open(db_url)
    message = str(info.value)
    assert "9999" in message and "newer tollwatch" in message and "\n" not in message
    assert message.endswith("[TW400]")


def test_brief_keeps_the_driver_line_only() -> None:
    from sqlalchemy.exc import OperationalError

    e = OperationalError("CREATE TABLE names (id INTEGER)", {}, sqlite3.OperationalError(
        "table names already exists"))
    assert "[SQL:" in str(e)
    assert brief(e) == "table names already exists"
    assert brief(ValueError("first line\nsecond")) == "first line"
    assert brief(RuntimeError()) == "RuntimeError"


_SQL_SIGNS = ("[SQL:", "CREATE TABLE", "SELECT ", "sqlalche.me", "Traceback")


@pytest.mark.parametrize("argv", [
    ["stats"], ["claims"], ["claims", "--format", "jsonl"], ["reextract", "--no-progress"],
    ["ingest", "--no-progress", "{text}"], ["timeline", "--actor", "army"], ["discrepancies"],
    ["export", "{out}"], ["export-gold"],
])
def test_no_command_error_holds_sql(argv: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database file, just some words " * 50)
    article = tmp_path / "a.txt"
    article.write_text("Four people were killed in the blast, the mayor said.\n")
    args = [a.format(text=article, out=tmp_path / "out.csv") for a in argv]
    r = subprocess.run([sys.executable, "-m", "tollwatch.cli", *args, "--db", str(bad)],
                       check=False, capture_output=True, text=True, env=ENV,
                       timeout=120)
    assert r.returncode != 0
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert "bad.db" in lines[0] and "[TW400]" in lines[0]
    assert not any(s in r.stderr for s in _SQL_SIGNS), r.stderr


def test_verbose_shows_the_background(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database " * 100)
    r = subprocess.run([sys.executable, "-m", "tollwatch.cli", "--verbose", "stats",
                        "--db", str(bad)], check=False, capture_output=True, text=True, env=ENV,
                       timeout=60)
    assert r.returncode == 3
    assert "sqlalche.me" in r.stderr and "[TW400]" in r.stderr


def test_an_unreachable_server_is_one_line(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "tollwatch.cli", "stats", "--db",
                        "postgresql://nobody@127.0.0.1:1/none"],
                       check=False, capture_output=True, text=True, env=ENV,
                       timeout=60)
    assert r.returncode == 3
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "127.0.0.1" in lines[0] and "[TW400]" in lines[0], r.stderr
    assert not any(s in r.stderr for s in _SQL_SIGNS)


def test_a_store_not_yet_in_wal_is_first_opened_under_the_lock(tmp_path: Path) -> None:
    """Two processes switching a new file to WAL at once deadlock (one is told "database is
    locked" at once): until the file's header says WAL, the first connection is made under
    the migration lock."""
    from tollwatch.store.db import _first_connection_locked

    path = tmp_path / "new.db"
    engine = create_store_engine(f"sqlite:///{path}")
    assert _first_connection_locked(engine)  # no file yet
    path.write_bytes(b"")
    assert _first_connection_locked(engine)  # created, empty
    path.unlink()
    plain = sqlite3.connect(path)  # a rollback-journal database
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    assert _first_connection_locked(engine)
    path.unlink()
    Store.open(f"sqlite:///{path}").close()  # tollwatch makes it WAL
    assert not _first_connection_locked(engine)
    assert path.read_bytes()[18:20] == b"\x02\x02"
    assert not _first_connection_locked(create_store_engine("sqlite:///:memory:"))
    engine.dispose()
