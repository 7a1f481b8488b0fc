"""The SQLAlchemy-free readers (SQLite, PostgreSQL) answer exactly as Store.reports does."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from tollwatch.errors import StoreError
from tollwatch.model import Claim, Document
from tollwatch.store import (
    Filters,
    PostgresReader,
    SQLiteReader,
    Store,
    open_reports,
    read_reports,
)
from tollwatch.store.db import MIGRATIONS
from tollwatch.store.location import sqlite_file

V = "test-1"


def _claim(metric: str, value: int, actor: str | None, origin: list[str],
           date: str | None = None, civilian: bool | None = None) -> Claim:
    return Claim(metric=metric, value=value, actor=actor, origin=origin, speaker=["a spokesman"],
                 quote=f"{value} {metric}", start=0, end=5, date=date, civilian=civilian,
                 qualifier="approx", confidence=0.75)


@pytest.fixture
def filled(db_url: str) -> str:
    """A store (SQLite, then PostgreSQL) with dated and undated documents, aliases, a review
    and a superseded claim: everything a read has to get right."""
    path = db_url
    with Store.open(path) as s:
        s.add_document(Document(id="d2", text="Second report.", published="2024-02-10",
                                url="https://news.example/2", outlet="Wire Two"), [
            _claim("killed", 3, "The Army", ["Health Ministry"], civilian=True),
            _claim("injured", 8, "rebels", ["the health ministry", "a medic"]),
        ], V)
        s.add_document(Document(id="d1", text="First report.", published="2024-01-01",
                                title="A title"), [
            _claim("killed", 5, "army", ["UN monitors"], date="2023-12-30", civilian=False),
        ], V)
        s.add_document(Document(id="d3", text="Undated report."), [
            _claim("killed", 1, None, []),
            _claim("detained", 40, "the army", ["Health Ministry"], date="2024-03"),
        ], V)
        first = s.reports()[0]
        s.add_review(first.claim_id, "rejected")
        s.add_review(first.claim_id, "accepted", {"value": 6, "actor": "the army"})
        stale = s.stale_documents("test-2")
        row = next(r for r, d in stale if d.id == "d3")
        s.replace_claims([(row, [_claim("killed", 2, None, []),
                                 _claim("detained", 40, "the army", ["Health Ministry"],
                                        date="2024-03")])], "test-2")
    return path


FILTERS = [
    Filters(**dict(zip(("actor", "metric", "origin", "since", "until"), values, strict=True)))
    for values in itertools.product(
        (None, "ARMY", "the army", "The Army.", "rebels", "nobody"),
        (None, "killed", "detained"),
        (None, "health ministry", "A Medic"),
        (None, "2024-01-15"),
        (None, "2024-02", "2023"),
    )
] + [Filters(doc_id="d2"), Filters(doc_id="d3", metric="killed"), Filters(doc_id="none")]


def _reader(location: str) -> SQLiteReader | PostgresReader:
    reader = SQLiteReader.open(location) or PostgresReader.open(location)
    assert reader is not None
    return reader


def test_every_filter_gives_what_store_reports_gives(filled: str) -> None:
    reader = _reader(filled)
    with reader, Store.open(filled) as store:
        for f in FILTERS:
            want = store.reports(f.actor, f.metric, f.origin, f.since, f.until, f.doc_id)
            assert reader.reports(f) == want, f
            assert reader.count(f) == len(want), f


def test_limit_offset_and_reviews_match(filled: str) -> None:
    reader = _reader(filled)
    with reader, Store.open(filled) as store:
        everything = store.reports()
        assert reader.reports() == everything
        reviewed = [r for r in everything if r.status is not None]
        assert len(reviewed) == 1 and reviewed[0].claim.value == 6
        assert reviewed[0].claim.civilian is False and reviewed[0].claim.origin == ["UN monitors"]
        for limit, offset in [(1, 0), (2, 1), (None, 2), (10, 4), (3, 10)]:
            assert reader.reports(None, limit, offset) == store.reports(limit=limit,
                                                                        offset=offset)


def test_superseded_claims_are_not_read(filled: str) -> None:
    values = [r.claim.value for r in read_reports(filled, Filters(doc_id="d3"))]
    assert values == [2, 40]


def test_hostile_names_are_parameters_not_sql(filled: str) -> None:
    for name in ("x' OR 1=1 --", "army' --", "%", "_", "\"; DROP TABLE claims; --"):
        assert read_reports(filled, Filters(actor=name, origin=name)) == []
    assert len(read_reports(filled)) == 5  # nothing dropped


def test_the_reader_cannot_write(filled: str) -> None:
    with _reader(filled) as reader, pytest.raises(StoreError, match="read-?only"):
        reader._fetch("DELETE FROM claims RETURNING id", [])


def test_what_the_reader_does_not_serve_goes_through_the_store(tmp_path: Path) -> None:
    missing = tmp_path / "new.db"
    assert SQLiteReader.open(str(missing)) is None
    assert read_reports(str(missing)) == []  # Store.open creates it, as before
    assert missing.is_file() and SQLiteReader.open(str(missing)) is not None
    assert SQLiteReader.open(f"sqlite:///{missing}?mode=ro") is None
    not_a_store = tmp_path / "other.db"
    sqlite3.connect(not_a_store).execute("CREATE TABLE t (x)").connection.commit()
    assert SQLiteReader.open(str(not_a_store)) is None


def test_an_older_schema_is_migrated_by_the_store_path(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    assert SQLiteReader.open(str(path)) is None  # revision 0001: not this code's
    with open_reports(str(path)) as source:
        assert not isinstance(source, SQLiteReader) and source.count() == 0
    reader = SQLiteReader.open(str(path))  # migrated on the way
    assert reader is not None
    reader.close()


def test_postgresql_is_read_without_sqlalchemy_when_it_can(pg_url: str) -> None:
    assert PostgresReader.open(pg_url) is None  # no schema yet
    with open_reports(pg_url) as source:  # the store creates it
        assert not isinstance(source, PostgresReader) and source.count() == 0
    with Store.open(pg_url) as s:
        s.add_document(Document(id="p", text="P.", published="2024-05-01"),
                       [_claim("killed", 7, "army", ["UN monitors"])], V)
    for url in (pg_url, pg_url.replace("postgresql+psycopg://", "postgresql://", 1)):
        with open_reports(url) as source:
            assert isinstance(source, PostgresReader)
            assert [r.claim.value for r in source.reports(Filters(actor="Army"))] == [7]
            assert source.count(Filters(metric="injured")) == 0


def test_an_unreachable_server_is_a_store_error_without_the_password(unused_port: int) -> None:
    url = f"postgresql+psycopg://who:s3cret@127.0.0.1:{unused_port}/db"
    with pytest.raises(StoreError, match="cannot open the database") as e:
        read_reports(url)
    assert "s3cret" not in str(e.value) and "***" in str(e.value)


def test_locations() -> None:
    assert sqlite_file("x.db") == Path("x.db")
    assert sqlite_file("sqlite:////abs/x.db") == Path("/abs/x.db")
    assert sqlite_file("sqlite:///rel.db") == Path("rel.db")
    assert sqlite_file("sqlite://") is None
    assert sqlite_file("sqlite:///:memory:") is None
    assert sqlite_file("postgresql+psycopg://u@h/db") is None


def test_a_database_error_is_a_store_error_naming_the_file(tmp_path: Path) -> None:
    broken = SQLiteReader(sqlite3.connect(":memory:"), tmp_path / "x.db")
    with pytest.raises(StoreError, match="cannot read the database") as e:
        broken.reports()
    assert str(tmp_path / "x.db") in str(e.value)
