"""Reading claims from a SQLite store with the standard library alone.

Importing SQLAlchemy takes longer than answering a query on a million claims, so a command
that only reads (``tollwatch claims``) goes through :func:`read_reports`: a SQLite file at the
current schema revision is read here, opened read-only, with the same filters, order and
reviews as :meth:`tollwatch.store.Store.reports` (``tests/store/test_sqlite_reader.py``
checks the two agree); anything else (PostgreSQL, a missing file, an older schema that needs
migrating, a URL with options) goes through :class:`~tollwatch.store.Store`.

Every value reaches SQLite as a bound parameter; the SQL text is fixed fragments only.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, Self

from tollwatch.errors import StoreError
from tollwatch.model import Report
from tollwatch.store.location import sqlite_file
from tollwatch.store.names import ACTOR, SOURCE, Canonicaliser, fold
from tollwatch.store.revision import SCHEMA_REVISION
from tollwatch.store.rows import REPORT_COLUMNS, Filters, Review, build_reports

__all__ = ["ReportSource", "SQLiteReader", "open_reports", "read_reports"]

_CHUNK = 500

# The ids of the aliases a name matches: every alias of the name whose normalised key is the
# given key, or of a name that has the given alias (case-insensitively). Two parameters:
# the key and the lower-cased alias; {kind} is ACTOR or SOURCE, never user input.
_ALIAS_IDS = (
    "SELECT a.id FROM name_aliases a WHERE a.kind = '{kind}' AND ("
    "a.name_id IN (SELECT n.id FROM names n WHERE n.kind = '{kind}' AND n.canonical = ?) OR "
    "a.name_id IN (SELECT b.name_id FROM name_aliases b WHERE b.kind = '{kind}' "
    "AND lower(b.alias) = ?))"
)
_WHEN = "coalesce(claims.date, documents.published)"


class ReportSource(Protocol):
    """Where ``open_reports`` reads from: a :class:`SQLiteReader` or a store."""

    def reports(self, filters: Filters | None = None, limit: int | None = None,
                offset: int = 0) -> list[Report]: ...

    def count(self, filters: Filters | None = None) -> int: ...


class SQLiteReader:
    """A read-only connection to a SQLite store, answering ``reports`` and ``count``."""

    def __init__(self, conn: sqlite3.Connection, path: Path,
                 canonicalise: Canonicaliser = fold) -> None:
        self._conn = conn
        self.path = path
        self.canonicalise = canonicalise

    @classmethod
    def open(cls, location: str | None = None, *,
             canonicalise: Canonicaliser = fold) -> SQLiteReader | None:
        """A reader for the store at ``location`` (as :meth:`Store.open` takes it), or None
        when this reader can't serve it: not a SQLite file, no such file yet, not a
        tollwatch store, or a schema revision other than this code's."""
        path = sqlite_file(location)
        if path is None or not path.is_file():
            return None
        try:
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
        except sqlite3.Error:
            return None
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            row = None
        if row is None or row[0] != SCHEMA_REVISION:
            conn.close()
            return None
        return cls(conn, path, canonicalise)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reports(self, filters: Filters | None = None, limit: int | None = None,
                offset: int = 0) -> list[Report]:
        """What ``Store.reports`` returns for the same filters, limit and offset."""
        sql, params = self._query(filters or Filters(), limit, offset)
        try:
            rows = [_decode(r) for r in self._conn.execute(sql, params)]
            return build_reports(rows, self._reviews([r[0] for r in rows]))
        except sqlite3.Error as e:
            raise StoreError(f"cannot read the database: {e}", source=str(self.path)) from e

    def count(self, filters: Filters | None = None) -> int:
        """How many claims ``reports`` would return without a limit."""
        f = filters or Filters()
        where, params = self._where(f)
        # Every claim has its document (a foreign key, not null): join only to filter on it.
        join = ("JOIN documents ON documents.id = claims.document_id "
                if f.since or f.until or f.doc_id else "")
        sql = f"SELECT count(*) FROM claims {join}WHERE {where}"
        try:
            n: int = self._conn.execute(sql, params).fetchone()[0]
        except sqlite3.Error as e:
            raise StoreError(f"cannot read the database: {e}", source=str(self.path)) from e
        return n

    def _query(self, f: Filters, limit: int | None, offset: int) -> tuple[str, list[Any]]:
        where, params = self._where(f)
        sql = (f"SELECT {', '.join(REPORT_COLUMNS)} FROM claims "
               "JOIN documents ON documents.id = claims.document_id "
               f"WHERE {where} "
               "ORDER BY documents.published IS NULL, documents.published, claims.id")
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if limit is None else limit, offset]
        return sql, params

    def _where(self, f: Filters) -> tuple[str, list[Any]]:
        where = ["claims.superseded IS 0"]
        params: list[Any] = []
        if f.actor:
            where.append(f"claims.actor_alias_id IN ({_ALIAS_IDS.format(kind=ACTOR)})")
            params += [self.canonicalise(f.actor, ACTOR), f.actor.strip().lower()]
        if f.metric:
            where.append("claims.metric = ?")
            params.append(f.metric)
        if f.origin:
            where.append("claims.id IN (SELECT s.claim_id FROM claim_sources s WHERE "
                         f"s.role = 'origin' AND s.alias_id IN ({_ALIAS_IDS.format(kind=SOURCE)}))")
            params += [self.canonicalise(f.origin, SOURCE), f.origin.strip().lower()]
        if f.since:
            where.append(f"{_WHEN} >= ?")
            params.append(f.since)
        if f.until:
            where.append(f"substr({_WHEN}, 1, ?) <= ?")
            params += [len(f.until), f.until]
        if f.doc_id:
            where.append("documents.doc_id = ?")
            params.append(f.doc_id)
        return " AND ".join(where), params

    def _reviews(self, claim_ids: Sequence[int]) -> dict[int, Review]:
        out: dict[int, Review] = {}
        if self._conn.execute("SELECT 1 FROM claim_reviews LIMIT 1").fetchone() is None:
            return out
        for i in range(0, len(claim_ids), _CHUNK):
            chunk = claim_ids[i:i + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(
                "SELECT claim_id, status, corrected FROM claim_reviews "
                f"WHERE claim_id IN ({marks}) ORDER BY created, id", chunk)
            for claim_id, status, corrected in rows:
                out[claim_id] = (status, (json.loads(corrected) if corrected else None) or {})
        return out


_CIVILIAN = REPORT_COLUMNS.index("claims.civilian")
_ORIGIN = REPORT_COLUMNS.index("claims.origin")
_SPEAKER = REPORT_COLUMNS.index("claims.speaker")


def _decode(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """JSON columns (origin, speaker) decoded, the boolean (civilian) as a bool."""
    r = list(row)
    if r[_CIVILIAN] is not None:
        r[_CIVILIAN] = bool(r[_CIVILIAN])
    r[_ORIGIN] = json.loads(r[_ORIGIN]) if r[_ORIGIN] else []
    r[_SPEAKER] = json.loads(r[_SPEAKER]) if r[_SPEAKER] else []
    return tuple(r)


class _StoreSource:
    """A store read through SQLAlchemy, as a ReportSource."""

    def __init__(self, location: str | None, canonicalise: Canonicaliser) -> None:
        from tollwatch.store.store import Store

        self.store = Store.open(location, canonicalise=canonicalise)

    def reports(self, filters: Filters | None = None, limit: int | None = None,
                offset: int = 0) -> list[Report]:
        f = filters or Filters()
        return self.store.reports(f.actor, f.metric, f.origin, f.since, f.until, f.doc_id,
                                  limit=limit, offset=offset)

    def count(self, filters: Filters | None = None) -> int:
        f = filters or Filters()
        return self.store.count_reports(f.actor, f.metric, f.origin, f.since, f.until,
                                        f.doc_id)


@contextmanager
def open_reports(location: str | None = None, *,
                 canonicalise: Canonicaliser = fold) -> Iterator[ReportSource]:
    """Read claims from the store at ``location``: through :class:`SQLiteReader`, without
    loading SQLAlchemy, when it is a SQLite file at this code's schema revision (the common
    case, and the fast one); through :class:`~tollwatch.store.Store` otherwise (which
    creates or migrates the store as ``Store.open`` does)."""
    reader = SQLiteReader.open(location, canonicalise=canonicalise)
    if reader is not None:
        with reader:
            yield reader
        return
    source = _StoreSource(location, canonicalise)
    try:
        yield source
    finally:
        source.store.close()


def read_reports(location: str | None = None, filters: Filters | None = None, *,
                 limit: int | None = None, offset: int = 0,
                 canonicalise: Canonicaliser = fold) -> list[Report]:
    """``Store.open(location).reports(...)``, the fast way where it can (``open_reports``)."""
    with open_reports(location, canonicalise=canonicalise) as source:
        return source.reports(filters, limit, offset)
