from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from tollwatch.errors import StoreError
from tollwatch.store import Store
from tollwatch.store.db import MIGRATIONS, resolve_url
from tollwatch.store.schema import SCHEMA_REVISION, Base


def test_bare_path_means_sqlite(tmp_path: Path) -> None:
    assert resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"


def test_env_var_then_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TOLLWATCH_DB", "sqlite:///elsewhere.db")
    assert resolve_url(None) == "sqlite:///elsewhere.db"
    assert resolve_url(str(tmp_path / "x.db")).endswith("x.db")
    monkeypatch.delenv("TOLLWATCH_DB")
    monkeypatch.chdir(tmp_path)
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'tollwatch.db'}"


def test_plain_postgres_url_gets_the_psycopg_driver() -> None:
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_open_default_creates_tollwatch_db_in_cwd(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.delenv("TOLLWATCH_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    Store.open().close()
    assert (tmp_path / "tollwatch.db").exists()


def test_missing_directory_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "nope" / "x.db"))


def test_models_revision_is_the_migrations_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_current_head() == SCHEMA_REVISION


# SQLite's reflection cannot read an expression index (lower(alias)); its existence is
# checked by name in the test below.
@pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection of expression-based index:sqlalchemy.exc.SAWarning")
@pytest.mark.filterwarnings(
    "ignore:autogenerate skipping metadata-specified expression-based index:UserWarning")
def test_migrated_schema_matches_the_models(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        assert ctx.get_current_revision() == SCHEMA_REVISION
        assert compare_metadata(ctx, Base.metadata) == []


def test_the_read_indexes_exist_and_are_used(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "i.db")) as store, store.engine.connect() as conn:
        names = set(conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index'")).scalars())
        assert {"ix_claims_actor_metric_live", "ix_name_aliases_kind_lower_alias"} <= names
        plan = " ".join(str(r[3]) for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT name_id FROM name_aliases "
            "WHERE kind = 'actor' AND lower(alias) = 'army'")))
        assert "ix_name_aliases_kind_lower_alias" in plan


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "w.db")) as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_reopening_is_idempotent(db_url: str) -> None:
    Store.open(db_url).close()
    with Store.open(db_url) as store:
        assert store.stats().runs == 0
