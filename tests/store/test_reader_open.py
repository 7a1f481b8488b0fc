"""When the SQLAlchemy-free readers (store/reader.py) serve a location, and how they fail."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tollwatch.errors import StoreError
from tollwatch.model import Claim, Document
from tollwatch.store import Filters, PostgresReader, SQLiteReader, Store, read_reports

ROOT = Path(__file__).resolve().parents[2]


def _one(path: str) -> None:
    with Store.open(path) as s:
        s.add_document(Document(id="r1", text="Three were detained at the gate.",
                                published="2024-06-01"),
                       [Claim(metric="detained", value=3, actor="border police",
                              origin=["the ministry"], quote="Three were detained.",
                              start=0, end=20, civilian=False)], "rd-1")


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rd") / "store.db"
    _one(str(path))
    return path


def test_sqlite_reader_serves_a_file_path_and_a_sqlite_url(store_file: Path) -> None:
    for loc in (str(store_file), f"sqlite:///{store_file}"):
        reader = SQLiteReader.open(loc)
        assert reader is not None
        with reader:
            (r,) = reader.reports()
            assert (r.doc_id, r.claim.value, r.claim.civilian) == ("r1", 3, False)
            assert r.claim.origin == ["the ministry"] and r.published == "2024-06-01"
            assert reader.count(Filters(metric="killed")) == 0


@pytest.mark.parametrize("loc", ["sqlite:///:memory:", "sqlite://", "postgresql://h/x"])
def test_sqlite_reader_declines_what_it_cannot_serve(loc: str) -> None:
    assert SQLiteReader.open(loc) is None


def test_sqlite_reader_declines_missing_foreign_and_old_files(tmp_path: Path) -> None:
    assert SQLiteReader.open(str(tmp_path / "absent.db")) is None
    (tmp_path / "adir.db").mkdir()
    assert SQLiteReader.open(str(tmp_path / "adir.db")) is None
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert SQLiteReader.open(str(other)) is None  # not a tollwatch store
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    conn.close()
    assert SQLiteReader.open(str(old)) is None  # an older schema: the Store migrates it
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all " * 100)
    assert SQLiteReader.open(str(junk)) is None


def test_sqlite_reader_does_not_create_files(tmp_path: Path) -> None:
    SQLiteReader.open(str(tmp_path / "never.db"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("loc", ["store.db", "sqlite:///x.db", "mysql://h/d", "postgres"])
def test_postgres_reader_declines_other_urls(loc: str) -> None:
    assert PostgresReader.open(loc) is None


def test_postgres_reader_on_an_empty_database_declines(pg_url: str) -> None:
    assert PostgresReader.open(pg_url) is None
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://", 1)
    assert PostgresReader.open(plain) is None


def test_postgres_reader_reads_a_store(pg_url: str) -> None:
    _one(pg_url)
    for loc in (pg_url, pg_url.replace("postgresql+psycopg://", "postgres://", 1)):
        reader = PostgresReader.open(loc)
        assert reader is not None
        with reader:
            assert [r.claim.value for r in reader.reports(Filters(actor="Border Police"))] == [3]
            assert reader.reports(limit=None, offset=1) == []


def test_read_reports_through_the_env_var(store_file: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOLLWATCH_DB", str(store_file))
    assert [r.doc_id for r in read_reports()] == ["r1"]


def test_a_broken_file_read_through_the_store_is_a_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 512)
    with pytest.raises(StoreError) as e:
        read_reports(str(junk))
    assert "junk.db" in str(e.value) and e.value.code == "TW400"


def test_the_claims_command_reports_a_bad_store_in_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 512)
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "COLUMNS": "80"}
    r = subprocess.run([sys.executable, "-m", "tollwatch.cli", "claims", "--db", str(junk)],
                       capture_output=True, text=True, env=env, timeout=120, check=False)
    assert r.returncode != 0
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "junk.db" in lines[0] and "TW400" in lines[0]
    assert "Traceback" not in r.stderr and "[SQL:" not in r.stderr
