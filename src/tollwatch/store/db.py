"""Opening the database: URL resolution, engine settings and migrations.

A store location is a SQLAlchemy URL (``sqlite:///x.db``, ``postgresql+psycopg://...``) or
a bare file path, which means SQLite. ``None`` means ``$TOLLWATCH_DB`` or
``./tollwatch.db``. SQLite runs in WAL mode with foreign keys on.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from tollwatch.errors import StoreError, brief
from tollwatch.store.location import DEFAULT_DB, ENV_VAR, location_of
from tollwatch.store.revision import SCHEMA_REVISION

__all__ = ["DEFAULT_DB", "ENV_VAR", "LOCK_TIMEOUT", "MIGRATION_LOCK_KEY", "create_store_engine",
           "migrate", "migration_lock_file", "resolve_url", "shown_url", "store_error"]

MIGRATIONS = Path(__file__).parent / "migrations"

#: Seconds a process waits for another one migrating the same store.
LOCK_TIMEOUT = 600.0

#: The PostgreSQL advisory lock key held while migrating (any fixed 64-bit number; this
#: one spells "tollwtch" in ASCII).
MIGRATION_LOCK_KEY = 0x746F6C6C77746368

#: How much of a SQLite store each connection maps into memory (shared with the OS cache).
MMAP_BYTES = 2 * 1024 ** 3

log = logging.getLogger("tollwatch.store")


def resolve_url(location: str | None = None) -> str:
    """The SQLAlchemy URL for ``location``, ``$TOLLWATCH_DB`` or ``./tollwatch.db``."""
    loc = location_of(location)
    if loc == ":memory:":  # SQLite's name for a database in memory, not a file of that name
        return "sqlite:///:memory:"
    if "://" in loc:
        try:
            make_url(loc)
        except (ArgumentError, ValueError) as e:  # ValueError: a port that is no number
            shown = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", loc)  # never the password
            raise StoreError(f"not a database URL: {brief(e)}", source=shown) from e
        if loc.startswith(("postgresql://", "postgres://")):
            loc = "postgresql+psycopg://" + loc.split("://", 1)[1]
        return loc
    return "sqlite:///" + str(Path(loc).expanduser().resolve())


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")  # first: the others may wait on a writer
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    # read through a memory map of the file rather than a read() per page (SQLite caps
    # it at 2 GiB): reads of pages already in the OS cache cost no system call or copy
    cur.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    cur.close()


def shown_url(engine: Engine) -> str:
    """The engine's URL as messages show it (no password)."""
    return engine.url.render_as_string(hide_password=True)


def store_error(what: str, e: BaseException, source: str) -> StoreError:
    """A one-line StoreError, ``what: <the driver's first line>``, naming the store; the
    full text (SQL, background link) goes to the ``tollwatch.store`` log at debug level,
    which ``tollwatch --verbose`` prints."""
    log.debug("%s: %s: %s", source, what, e, exc_info=e)
    return StoreError(f"{what}: {brief(e)}", source=source)


def create_store_engine(url: str, **options: Any) -> Engine:
    """An engine for ``url`` with tollwatch's connection settings; ``options`` go to
    SQLAlchemy's ``create_engine`` (e.g. ``pool_size`` for a server)."""
    try:
        if url.startswith("sqlite"):
            path = make_url(url).database
            # a URI filename (``sqlite:///file:x.db?mode=ro&uri=true``) is SQLite's to open
            if path and path != ":memory:" and not path.startswith("file:"):
                parent = Path(path).parent
                if not parent.is_dir():
                    raise StoreError("directory does not exist", source=str(parent))
            engine = create_engine(url, **options)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(url, pool_pre_ping=True, **options)
    except (SQLAlchemyError, ImportError) as e:
        raise store_error("cannot open the database", e, make_url(url).render_as_string(
            hide_password=True) if "://" in url else url) from e


def _current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision_of(conn)


def _revision_of(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    found: str | None = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return found


def migrate(engine: Engine, *, lock_timeout: float = LOCK_TIMEOUT) -> None:
    """Bring the schema to the head revision (a no-op, one query, when it is there).

    Safe under concurrency: the upgrade runs under an exclusive lock (a lock file beside a
    SQLite database, a transaction-level advisory lock on PostgreSQL); a process that finds
    the lock taken waits up to ``lock_timeout`` seconds, then looks again and finds the
    schema there. The upgrade is one transaction on both (SQLite's ``BEGIN IMMEDIATE``),
    so a server reading the store sees the old schema or the new one, never half of it.
    A store at a revision this code does not know (a newer tollwatch migrated it) is
    refused with a StoreError.
    """
    where = shown_url(engine)
    try:
        if not _first_connection_locked(engine) and _unlocked_revision(engine) == SCHEMA_REVISION:
            return
        with _exclusive(engine, lock_timeout) as conn:
            current = _revision_of(conn)
            if current == SCHEMA_REVISION:
                return  # another process migrated it while this one waited
            _upgrade(conn, current, where)
    except SQLAlchemyError as e:
        raise store_error("cannot migrate the database", e, where) from e


def _unlocked_revision(engine: Engine) -> str | None:
    """The schema revision read without the migration lock; on SQLite, a "database is
    locked" answer (another process creating the store) reads as "not known", so the
    caller looks again under the lock."""
    try:
        return _current_revision(engine)
    except OperationalError as e:
        if engine.dialect.name == "sqlite" and "locked" in str(e.orig):
            log.debug("%s: locked while reading the revision; asking under the lock",
                      shown_url(engine))
            return None
        raise


def _first_connection_locked(engine: Engine) -> bool:
    """True when a SQLite store file is not in WAL mode yet (missing, empty, or still in
    rollback-journal mode, as its header says): its first connections must then be made
    under the migration lock. Switching a file to WAL takes a shared lock and then an
    exclusive one; two processes doing it at once on a new store deadlock, and SQLite
    answers one of them "database is locked" at once, whatever the busy timeout."""
    db = _sqlite_file(engine)
    if db is None:
        return False
    try:
        with db.open("rb") as f:
            header = f.read(20)
    except OSError:
        return True  # not created yet
    # bytes 18 and 19: the file format's write and read versions, 2 in WAL mode
    return len(header) < 20 or header[18] != 2 or header[19] != 2


def _upgrade(conn: Connection, current: str | None, where: str) -> None:
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    known = {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(f"the store's schema is at revision {current}, which this tollwatch "
                         f"(schema {SCHEMA_REVISION}) does not know: a newer tollwatch "
                         "migrated it; upgrade tollwatch", source=where)
    log.info("%s: migrating the schema from %s to %s", where, current, SCHEMA_REVISION)
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


@contextmanager
def _exclusive(engine: Engine, timeout: float) -> Iterator[Connection]:
    """A connection in a transaction that holds the store's migration lock."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT set_config('lock_timeout', :ms, true)"),
                         {"ms": f"{int(timeout * 1000)}"})
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            yield conn
        return
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            yield conn
        return
    lockfile = migration_lock_file(engine)
    if lockfile is None:  # in memory: this process's alone
        with engine.begin() as conn:
            yield conn
        return
    try:
        with FileLock(str(lockfile), timeout=timeout), _sqlite_transaction(engine) as conn:
            yield conn
    except Timeout as e:
        raise StoreError(f"waited {timeout:.0f}s for another process migrating the store "
                         f"(lock file {lockfile})", source=shown_url(engine)) from e


def migration_lock_file(engine: Engine) -> Path | None:
    """The lock file beside a SQLite database file (None for an in-memory one)."""
    db = _sqlite_file(engine)
    return None if db is None else db.with_name(db.name + "-migrate.lock")


def _sqlite_file(engine: Engine) -> Path | None:
    """The file of a SQLite store (None for an in-memory one, a URI filename or a server)."""
    path = engine.url.database
    if engine.dialect.name != "sqlite" or not path or path == ":memory:" or \
            path.startswith("file:"):
        return None
    return Path(path)


@contextmanager
def _sqlite_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection of its own whose whole use is one ``BEGIN IMMEDIATE`` transaction
    (the sqlite3 module would otherwise run each DDL statement on its own), with foreign
    keys off as SQLite's own procedure for altering tables asks."""
    migrating = create_engine(engine.url, poolclass=NullPool)

    @event.listens_for(migrating, "connect")
    def _manual(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # the driver issues no BEGIN/COMMIT of its own
        cur = dbapi_conn.cursor()
        for pragma in ("busy_timeout=30000", "journal_mode=WAL", "foreign_keys=OFF"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(migrating, "begin")
    def _immediate(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with migrating.begin() as conn:
            yield conn
    finally:
        migrating.dispose()


def _revision(message: str) -> None:  # pragma: no cover - a developer tool
    """Write a new autogenerated revision against a scratch SQLite database."""
    import tempfile

    from alembic import command
    from alembic.config import Config

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_store_engine(f"sqlite:///{tmp}/scratch.db")
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            command.revision(cfg, message=message, autogenerate=True)


if __name__ == "__main__":  # pragma: no cover
    _revision(sys.argv[2] if len(sys.argv) > 2 else "change")
