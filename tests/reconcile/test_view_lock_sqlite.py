"""The view's lock on SQLite is the write lock, taken before the view's state is read: a
second process that would rewrite the view waits for the first to commit, so two refreshes
never write the same new rows (a concurrent refresh used to fail on the unique key of
``underlying_claims``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tollwatch.model import Claim, Document
from tollwatch.reconcile.stored import lock_view, rebuild, refresh, view_state
from tollwatch.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(f"sqlite:///{tmp_path / 'lock.db'}")
    yield s
    s.close()


def _add(store: Store, doc_id: str, value: int) -> None:
    text = f"The Kest Monitor said on 2031-03-02 that {value} soldiers were killed near Orlan."
    claim = Claim(metric="killed", value=value, origin=["Kest Monitor"], date="2031-03-02",
                  quote=text, start=0, end=len(text))
    store.add_document(Document(id=doc_id, text=text, published="2031-03-02"), [claim],
                       "test", source=doc_id)


def _try_write(path: Path) -> bool:
    """Whether another connection can take the write lock at once."""
    other = sqlite3.connect(path, timeout=0.05, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError as e:
        assert "locked" in str(e)
        return False
    finally:
        other.close()


def test_the_view_lock_holds_the_write_lock_until_commit(store: Store, tmp_path: Path) -> None:
    _add(store, "d1", 40)
    rebuild(store)
    path = tmp_path / "lock.db"
    assert _try_write(path)
    with store.engine.begin() as conn:
        lock_view(conn)
        assert not _try_write(path)  # another refresh would wait here, before reading
    assert _try_write(path)


def test_a_refresh_after_the_lock_still_brings_the_view_on(store: Store) -> None:
    _add(store, "d1", 40)
    rebuild(store)
    before = view_state(store)
    _add(store, "d2", 55)
    stats = refresh(store)
    after = view_state(store)
    assert before is not None and after is not None and after.claims > before.claims
    assert stats.mode == "refresh"
    assert refresh(store).mode == "current"
