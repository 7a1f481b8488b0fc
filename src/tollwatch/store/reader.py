"""Reading claims without SQLAlchemy: the quick path of commands that only read.

Importing SQLAlchemy (and building its models) takes longer than answering a query on a
million claims, so ``tollwatch claims`` reads through :func:`open_reports`. A store at this
code's schema revision is read here over the driver itself, with the same filters, order and
reviews as :meth:`tollwatch.store.Store.reports` (``tests/store/test_reader.py`` checks the
two agree on SQLite and PostgreSQL):

* :class:`SQLiteReader`: a SQLite file, opened read-only with the standard library;
* :class:`PostgresReader`: a ``postgresql+psycopg://`` URL, in a read-only session.

Anything else (a file that does not exist yet, an older schema to migrate, another driver,
a SQLite URL with options) goes through :class:`~tollwatch.store.Store`, which creates and
migrates as it always does. Every value from outside reaches the database as a bound
parameter; the SQL text is fixed fragments and integer ids the database itself returned.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, Protocol, Self

from tollwatch.errors import StoreError, brief
from tollwatch.model import Report
from tollwatch.store.location import location_of, sqlite_file
from tollwatch.store.names import ACTOR, SOURCE, Canonicaliser, fold
from tollwatch.store.revision import SCHEMA_REVISION
from tollwatch.store.rows import REPORT_COLUMNS, Filters, Review, build_reports

__all__ = ["PostgresReader", "ReportSource", "SQLiteReader", "open_reports", "read_reports"]

_CHUNK = 500
_WHEN = "coalesce(claims.date, documents.published)"
# The ids of the aliases a name matches: every alias of the name whose normalised key is the
# given key, or of a name that has the given alias (case-insensitively). Two parameters:
# the key and the lower-cased alias; {kind} is ACTOR or SOURCE, {p} the driver's
# placeholder, never user input.
_ALIAS_IDS = (
    "SELECT a.id FROM name_aliases a WHERE a.kind = '{kind}' AND ("
    "a.name_id IN (SELECT n.id FROM names n WHERE n.kind = '{kind}' AND n.canonical = {p}) "
    "OR a.name_id IN (SELECT b.name_id FROM name_aliases b WHERE b.kind = '{kind}' "
    "AND lower(b.alias) = {p}))"
)
_CIVILIAN = REPORT_COLUMNS.index("claims.civilian")
_ORIGIN = REPORT_COLUMNS.index("claims.origin")
_SPEAKER = REPORT_COLUMNS.index("claims.speaker")
_ATTRIBUTION = REPORT_COLUMNS.index("claims.attribution")


class ReportSource(Protocol):
    """Where ``open_reports`` reads from: a reader, or a store."""

    def reports(self, filters: Filters | None = None, limit: int | None = None,
                offset: int = 0) -> list[Report]: ...

    def count(self, filters: Filters | None = None) -> int: ...


class _DBAPIReader:
    """The queries of ``Store.reports`` and ``count_reports`` over a DB-API connection."""

    placeholder: ClassVar[str] = "?"
    false: ClassVar[str] = "0"

    def __init__(self, conn: Any, where: str, canonicalise: Canonicaliser = fold,
                 errors: type[Exception] = sqlite3.Error) -> None:
        self._conn = conn
        self.where = where  # the store, for messages (no password)
        self.canonicalise = canonicalise
        self.errors = errors  # the driver's exception base

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reports(self, filters: Filters | None = None, limit: int | None = None,
                offset: int = 0) -> list[Report]:
        """What ``Store.reports`` returns for the same filters, limit and offset."""
        where, params = self._where(filters or Filters())
        p = self.placeholder
        sql = (f"SELECT {', '.join(REPORT_COLUMNS)} FROM claims "
               f"JOIN documents ON documents.id = claims.document_id WHERE {where} "
               "ORDER BY documents.published IS NULL, documents.published, claims.id")
        if limit is not None or offset:
            sql += f" LIMIT {p} OFFSET {p}"
            params += [self._no_limit() if limit is None else limit, offset]
        rows = [self._decode(r) for r in self._fetch(sql, params)]
        return build_reports(rows, self._reviews([r[0] for r in rows]))

    def count(self, filters: Filters | None = None) -> int:
        """How many claims ``reports`` would return without a limit."""
        f = filters or Filters()
        where, params = self._where(f)
        # Every claim has its document (a foreign key, not null): join only to filter on it.
        join = ("JOIN documents ON documents.id = claims.document_id "
                if f.since or f.until or f.doc_id else "")
        n: int = self._fetch(f"SELECT count(*) FROM claims {join}WHERE {where}", params)[0][0]
        return n

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[Any]:
        try:
            cur = self._conn.cursor()
            try:
                cur.execute(sql, params)
                return list(cur.fetchall())
            finally:
                cur.close()
        except self.errors as e:
            raise StoreError(f"cannot read the database: {brief(e)}", source=self.where) from e

    def _no_limit(self) -> int | None:
        return -1

    def _where(self, f: Filters) -> tuple[str, list[Any]]:
        p = self.placeholder
        where = [f"claims.superseded IS {self.false}"]
        params: list[Any] = []
        if f.actor:
            where.append(f"claims.actor_alias_id IN ({self._ids(ACTOR, f.actor)})")
        if f.metric:
            where.append(f"claims.metric = {p}")
            params.append(f.metric)
        if f.origin:
            where.append("claims.id IN (SELECT s.claim_id FROM claim_sources s WHERE "
                         f"s.role = 'origin' AND s.alias_id IN ({self._ids(SOURCE, f.origin)}))")
        if f.since:
            where.append(f"{_WHEN} >= {p}")
            params.append(f.since)
        if f.until:
            where.append(f"substr({_WHEN}, 1, {p}) <= {p}")
            params += [len(f.until), f.until]
        if f.doc_id:
            where.append(f"documents.doc_id = {p}")
            params.append(f.doc_id)
        return " AND ".join(where), params

    def _ids(self, kind: str, name: str) -> str:
        """The alias ids ``name`` matches, looked up first and written into the query as
        integers: a planner that sees them (PostgreSQL's) uses the actor index instead of
        guessing how many a subquery returns (on 1M claims, 178 ms became a few)."""
        rows = self._fetch(_ALIAS_IDS.format(kind=kind, p=self.placeholder),
                           [self.canonicalise(name, kind), name.strip().lower()])
        return ", ".join(str(int(r[0])) for r in rows) or "NULL"

    def _reviews(self, claim_ids: Sequence[int]) -> dict[int, Review]:
        out: dict[int, Review] = {}
        if not claim_ids or not self._fetch("SELECT 1 FROM claim_reviews LIMIT 1", []):
            return out
        for i in range(0, len(claim_ids), _CHUNK):
            chunk = list(claim_ids[i:i + _CHUNK])
            marks = ", ".join([self.placeholder] * len(chunk))
            rows = self._fetch("SELECT claim_id, status, corrected FROM claim_reviews "
                               f"WHERE claim_id IN ({marks}) ORDER BY created, id", chunk)
            for claim_id, status, corrected in rows:
                out[claim_id] = (status, self._json(corrected) or {})
        return out

    @staticmethod
    def _json(value: Any) -> Any:
        return value

    def _decode(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """JSON columns (origin, speaker) as lists, the boolean (civilian) as a bool."""
        r = list(row)
        if r[_CIVILIAN] is not None:
            r[_CIVILIAN] = bool(r[_CIVILIAN])
        r[_ORIGIN] = self._json(r[_ORIGIN]) or []
        r[_SPEAKER] = self._json(r[_SPEAKER]) or []
        r[_ATTRIBUTION] = self._json(r[_ATTRIBUTION])
        return tuple(r)


class SQLiteReader(_DBAPIReader):
    """A SQLite store file, opened read-only with the standard library."""

    def __init__(self, conn: sqlite3.Connection, path: Path,
                 canonicalise: Canonicaliser = fold) -> None:
        super().__init__(conn, str(path), canonicalise)
        self.path = path

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

    @staticmethod
    def _json(value: Any) -> Any:
        return json.loads(value) if value else None


_PG_URL = re.compile(r"^postgres(?:ql)?(?:\+psycopg)?://", re.IGNORECASE)
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


class PostgresReader(_DBAPIReader):
    """A PostgreSQL store, in a read-only session through psycopg (no SQLAlchemy)."""

    placeholder = "%s"
    false = "FALSE"

    @classmethod
    def open(cls, location: str | None = None, *,
             canonicalise: Canonicaliser = fold) -> PostgresReader | None:
        """A reader for ``postgresql[+psycopg]://`` URLs at this code's schema revision;
        None for anything else, a database without the schema, or no psycopg installed.
        A server that cannot be reached is a StoreError."""
        url = location_of(location)
        if not _PG_URL.match(url):
            return None
        try:
            import psycopg
        except ImportError:
            return None
        shown = _PASSWORD.sub(r"\1***@", url)
        try:
            conn = psycopg.connect(_PG_URL.sub("postgresql://", url), autocommit=True,
                                   connect_timeout=15)
        except psycopg.Error as e:
            raise StoreError(f"cannot open the database: {brief(e)}", source=shown) from e
        try:
            conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except psycopg.Error:
            row = None
        if row is None or row[0] != SCHEMA_REVISION:
            conn.close()
            return None
        return cls(conn, shown, canonicalise, psycopg.Error)

    def _no_limit(self) -> int | None:
        return None  # LIMIT NULL: no limit


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
    """Read claims from the store at ``location``: through a reader where one serves it
    (the common case, and the fast one), else through :class:`~tollwatch.store.Store`
    (which creates or migrates the store as ``Store.open`` does)."""
    reader: _DBAPIReader | None = SQLiteReader.open(location, canonicalise=canonicalise)
    if reader is None:
        reader = PostgresReader.open(location, canonicalise=canonicalise)
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
