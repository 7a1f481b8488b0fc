"""The small store modules: location.py, names.py, records.py, export.py and the URL
handling and errors of db.py."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tollwatch.errors import StoreError
from tollwatch.model import Claim, Report
from tollwatch.store.db import (
    create_store_engine,
    migrate,
    migration_lock_file,
    resolve_url,
    shown_url,
)
from tollwatch.store.export import COLUMNS, report_row, write_csv, write_jsonl, write_parquet
from tollwatch.store.location import DEFAULT_DB, ENV_VAR, location_of, sqlite_file
from tollwatch.store.names import ACTOR, MAX_NAME, SOURCE, fold
from tollwatch.store.records import DocumentSummary, ReviewRecord, StoreStats
from tollwatch.store.revision import SCHEMA_REVISION

# -- location -------------------------------------------------------------------------

def test_location_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert location_of() == DEFAULT_DB == "tollwatch.db"
    monkeypatch.setenv(ENV_VAR, "/data/tw.db")
    assert location_of() == "/data/tw.db"
    assert location_of("given.db") == "given.db"
    monkeypatch.setenv(ENV_VAR, "")
    assert location_of() == DEFAULT_DB  # an empty variable is no setting


@pytest.mark.parametrize(("location", "expected"), [
    ("store.db", Path("store.db")),
    ("sqlite:////abs/dir/x.db", Path("/abs/dir/x.db")),
    ("sqlite:///rel.db", Path("rel.db")),
    ("sqlite://", None),
    ("sqlite:///:memory:", None),
    ("sqlite:///x.db?mode=ro", None),
    ("sqlite:///x%20y.db", None),
    ("postgresql://u@h/db", None),
    ("mysql://h/db", None),
])
def test_sqlite_file(location: str, expected: Path | None) -> None:
    assert sqlite_file(location) == expected


def test_sqlite_file_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert sqlite_file("~/tw.db") == tmp_path / "tw.db"


# -- names ----------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "key"), [
    ("The  Health Ministry.", "health ministry"),
    ("health ministry", "health ministry"),
    ("  «the UN»  ", "un"),
    ("THE\tRed\nCross", "red cross"),
    ("Theodore's unit", "theodore's unit"),  # "the" only as a whole word
    ("ＩＤＦ", "idf"),                          # full-width letters, NFKC
    ("the", "the"),                           # nothing after "the": kept
    ("...", ""),
])
def test_fold(raw: str, key: str) -> None:
    assert fold(raw) == key
    assert fold(raw, SOURCE) == fold(raw, ACTOR)


def test_fold_removes_punctuation_left_after_the() -> None:
    assert fold("The 'Health Ministry'") == fold("Health Ministry") == "health ministry"


def test_fold_is_idempotent_and_bounded() -> None:
    for raw in ("The Army", "  the  Ministry of Health. ", "a" * 2000):
        assert fold(fold(raw)) == fold(raw)
    assert len(fold("b" * 2000)) == MAX_NAME


# -- records --------------------------------------------------------------------------

def test_record_dicts() -> None:
    stats = StoreStats(1, 2, 3, 4, 5, 6, 7, 8, 9)
    assert stats.to_dict() == {"documents": 1, "claims": 2, "sources": 3, "actors": 4,
                               "runs": 5, "copies": 6, "near_duplicates": 7, "reviews": 8,
                               "run_errors": 9}
    summary = DocumentSummary("d", None, "Out", "T", "2024-01-01", 3, 120)
    assert summary.to_dict()["chars"] == 120 and summary.to_dict()["url"] is None
    when = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
    rec = ReviewRecord(1, 2, "accepted", {"value": 3}, None, "ana", when)
    d = rec.to_dict()
    assert d["created"] == "2024-05-06T07:08:09+00:00" and d["corrected"] == {"value": 3}
    assert json.loads(json.dumps(d)) == d


# -- export ---------------------------------------------------------------------------

def _reports() -> list[Report]:
    c1 = Claim(metric="killed", value=7, qualifier="min", actor="artillery",
               origin=["the governor", "regional office"], speaker=["aide"],
               quote='He said, "at least 7 died", on Monday.', start=3, end=41,
               civilian=True, date="2024-04-01", confidence=0.9,
               attribution={"how": "verb"})
    c2 = Claim(metric="displaced", value=None, low=100, high=200, qualifier="range",
               quote="Between 100 and 200 fled.\nMore later.")
    return [Report(1, "a", c1, "https://e.org/a", "Example", "2024-04-02", "T, with comma",
                   "accepted"),
            Report(2, "b", c2)]


def test_columns_are_document_then_claim_fields_without_attribution() -> None:
    assert COLUMNS[:7] == ("claim_id", "doc_id", "url", "outlet", "published", "title",
                           "status")
    assert "attribution" not in COLUMNS and "metric" in COLUMNS and "confidence" in COLUMNS
    row = report_row(_reports()[0])
    assert list(row) == list(COLUMNS) and row["origin"] == ["the governor", "regional office"]


def test_csv_quotes_and_joins_lists() -> None:
    out = io.StringIO()
    assert write_csv(_reports(), out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2 and list(rows[0]) == list(COLUMNS)
    assert rows[0]["origin"] == "the governor; regional office"
    assert rows[0]["quote"] == 'He said, "at least 7 died", on Monday.'
    assert rows[0]["title"] == "T, with comma" and rows[0]["civilian"] == "True"
    assert rows[1]["value"] == "" and rows[1]["low"] == "100"
    assert rows[1]["quote"] == "Between 100 and 200 fled.\nMore later."
    assert rows[1]["origin"] == "" and rows[1]["url"] == ""


def test_csv_with_no_reports_is_a_header() -> None:
    out = io.StringIO()
    assert write_csv([], out) == 0
    assert out.getvalue().strip() == ",".join(COLUMNS)


def test_jsonl_keeps_types_and_unicode() -> None:
    out = io.StringIO()
    reports = _reports()
    reports[1].claim.location = "Łódź"
    assert write_jsonl(reports, out) == 2
    lines = out.getvalue().splitlines()
    assert "Łódź" in lines[1]  # not escaped
    a, b = (json.loads(ln) for ln in lines)
    assert a["value"] == 7 and a["civilian"] is True and a["origin"][1] == "regional office"
    assert b["value"] is None and b["high"] == 200 and b["origin"] == []


def test_parquet_round_trip(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "claims.parquet"
    assert write_parquet(_reports(), path) == 2
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    rows = table.to_pylist()
    assert rows[0]["origin"] == ["the governor", "regional office"]
    assert rows[0]["confidence"] == pytest.approx(0.9) and rows[1]["value"] is None
    assert rows[1]["low"] == 100 and rows[0]["civilian"] is True


# -- db: URLs and errors --------------------------------------------------------------

def test_resolve_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_url("rel/x.db") == f"sqlite:///{tmp_path / 'rel' / 'x.db'}"
    assert resolve_url("postgres://u:p@h:5/d") == "postgresql+psycopg://u:p@h:5/d"
    assert resolve_url("postgresql://h/d") == "postgresql+psycopg://h/d"
    assert resolve_url("postgresql+psycopg://h/d") == "postgresql+psycopg://h/d"
    assert resolve_url("sqlite:///:memory:") == "sqlite:///:memory:"


@pytest.mark.parametrize("bad", ["://nothing", "not a url://x"])
def test_a_malformed_url_is_a_store_error(bad: str) -> None:
    with pytest.raises(StoreError) as e:
        resolve_url(bad)
    assert e.value.code == "TW400" and "not a database URL" in e.value.message
    assert e.value.source == bad


def test_an_unknown_driver_is_a_store_error() -> None:
    with pytest.raises(StoreError) as e:
        create_store_engine("nosuchdb+nodriver://h/x")
    assert "cannot open the database" in e.value.message
    assert "\n" not in str(e.value)


def test_the_password_is_never_shown() -> None:
    engine = create_store_engine("postgresql+psycopg://ann:s3cret@127.0.0.1:1/tw")
    try:
        assert "s3cret" not in shown_url(engine) and "ann" in shown_url(engine)
    finally:
        engine.dispose()


def test_unreachable_server_error_hides_the_password(unused_port: int) -> None:
    url = f"postgresql+psycopg://ann:s3cret@127.0.0.1:{unused_port}/tw"
    engine = create_store_engine(url, connect_args={"connect_timeout": 3})
    try:
        with pytest.raises(StoreError) as e:
            migrate(engine)
    finally:
        engine.dispose()
    assert "s3cret" not in str(e.value) and "cannot migrate the database" in e.value.message
    assert "[SQL:" not in str(e.value)


def test_migration_lock_file_sits_beside_the_database(tmp_path: Path) -> None:
    engine = create_store_engine(f"sqlite:///{tmp_path / 'a.db'}")
    memory = create_store_engine("sqlite://")
    try:
        assert migration_lock_file(engine) == tmp_path / "a.db-migrate.lock"
        assert migration_lock_file(memory) is None
    finally:
        engine.dispose()
        memory.dispose()


def test_in_memory_store_migrates(tmp_path: Path) -> None:
    engine = create_store_engine("sqlite://")
    try:
        migrate(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
                == SCHEMA_REVISION
    finally:
        engine.dispose()


def test_a_store_from_a_newer_tollwatch_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    conn.close()
    engine = create_store_engine(resolve_url(str(path)))
    try:
        with pytest.raises(StoreError) as e:
            migrate(engine)
    finally:
        engine.dispose()
    assert "9999_from_the_future" in e.value.message and "upgrade tollwatch" in e.value.message
    assert e.value.source is not None and "future.db" in e.value.source


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 200, encoding="utf-8")
    from tollwatch.store import Store

    with pytest.raises(StoreError) as e:
        Store.open(str(path))
    assert e.value.code == "TW400" and "notes.db" in str(e.value)
    assert "\n" not in str(e.value)
