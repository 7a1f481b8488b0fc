"""Which failed writes are done again: collisions between concurrent writers only."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from tollwatch.store.writer import retryable


class _PgError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(f"sqlstate {sqlstate}")
        self.sqlstate = sqlstate


def test_a_unique_key_collision_is_retried() -> None:
    assert retryable(IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE failed")))


def test_a_postgres_deadlock_or_serialization_failure_is_retried() -> None:
    assert retryable(OperationalError("UPDATE", {}, _PgError("40P01")))
    assert retryable(DBAPIError("UPDATE", {}, _PgError("40001")))


def test_a_locked_sqlite_database_is_retried() -> None:
    assert retryable(OperationalError("INSERT", {}, sqlite3.OperationalError(
        "database is locked")))


def test_other_failures_are_not_retried() -> None:
    assert not retryable(OperationalError("SELECT", {}, _PgError("42P01")))
    assert not retryable(OperationalError("SELECT", {}, sqlite3.OperationalError(
        "no such table: claims")))
