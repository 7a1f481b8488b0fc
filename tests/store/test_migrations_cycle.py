"""Every migration runs both ways on real SQLite and PostgreSQL stores: a store taken back to
any older revision is brought to the head again by ``Store.open`` with its documents and
claims intact, and the schema it ends with is the models' (a full down-and-up cycle)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from tollwatch.model import Claim, Document
from tollwatch.store import Store
from tollwatch.store.db import MIGRATIONS, create_store_engine, resolve_url
from tollwatch.store.revision import SCHEMA_REVISION
from tollwatch.store.schema import Base

# SQLite's reflection cannot read an expression index (lower(alias)): batch migrations and
# autogenerate say so (see test_store_db.py)
pytestmark = [
    pytest.mark.filterwarnings(
        "ignore:Skipped unsupported reflection of expression-based index:"
        "sqlalchemy.exc.SAWarning"),
    pytest.mark.filterwarnings(
        "ignore:autogenerate skipping metadata-specified expression-based index:UserWarning"),
]


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


REVISIONS = sorted(s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions())


def _alembic(url: str, action: str, revision: str) -> None:
    engine = create_store_engine(resolve_url(url))
    cfg = _config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            getattr(command, action)(cfg, revision)
    finally:
        engine.dispose()


def _revision(url: str) -> str | None:
    engine = create_store_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def _fill(store: Store) -> None:
    for n in range(3):
        body = f"Harbour officials said {n + 4} sailors were missing after the storm ({n})."
        store.add_document(Document(id=f"m{n}", text=body, published=f"2032-08-0{n + 1}",
                                    outlet="Coast Post"),
                           [Claim("missing", n + 4, actor="Peru", origin=["harbour officials"],
                                  quote=body, start=0, end=len(body))], "mig-1")


def _content(store: Store) -> list[tuple[str, str, int | None, str | None, list[str]]]:
    return [(r.doc_id, r.claim.metric, r.claim.value, r.claim.actor, r.claim.origin)
            for r in store.reports()]


def test_the_revisions_form_one_chain_to_the_head() -> None:
    script = ScriptDirectory.from_config(_config())
    assert script.get_heads() == [SCHEMA_REVISION]
    assert REVISIONS[-1] == SCHEMA_REVISION and REVISIONS[0] == "0001"
    for rev in script.walk_revisions():
        if rev.revision != "0001":
            assert rev.down_revision in REVISIONS


@pytest.mark.parametrize("back_to", [r for r in REVISIONS if r != SCHEMA_REVISION])
def test_a_store_taken_back_comes_forward_with_its_claims(db_url: str, back_to: str) -> None:
    with Store.open(db_url) as store:
        _fill(store)
        before = _content(store)
    _alembic(db_url, "downgrade", back_to)
    assert _revision(db_url) == back_to
    with Store.open(db_url) as store:
        assert _revision(db_url) == SCHEMA_REVISION
        assert _content(store) == before
        assert store.stats().documents == 3
        # and it takes new documents at the head
        store.add_document(Document(id="late", text="Rescuers said 2 sailors were found."),
                           [Claim("missing", 2)], "mig-2")
        assert store.stats().claims == 4


def test_all_the_way_down_and_up_again_gives_the_models_schema(db_url: str) -> None:
    Store.open(db_url).close()
    _alembic(db_url, "downgrade", "base")
    assert _revision(db_url) is None
    engine = create_store_engine(resolve_url(db_url))
    try:
        with engine.connect() as conn:
            tables = set(conn.dialect.get_table_names(conn))
        assert tables <= {"alembic_version"}, tables
    finally:
        engine.dispose()
    with Store.open(db_url) as store, store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        assert ctx.get_current_revision() == SCHEMA_REVISION
        assert compare_metadata(ctx, Base.metadata) == []


def test_one_step_at_a_time_up_from_nothing(tmp_path: Path) -> None:
    url = str(tmp_path / "steps.db")
    for rev in REVISIONS:
        _alembic(url, "upgrade", rev)
        assert _revision(url) == rev
    with Store.open(url) as store:
        _fill(store)
        assert len(_content(store)) == 3
    engine = create_store_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 3
    finally:
        engine.dispose()
