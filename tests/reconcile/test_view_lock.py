"""One process at a time rewrites the stored view: on PostgreSQL a refresh waits for the
view's advisory lock and then works from the state the other process left (two refreshes
of the same new claims once inserted the same underlying claims twice)."""

from __future__ import annotations

import threading
import time
from typing import Any

from sqlalchemy import create_engine, select, text

from tollwatch.model import Claim, Document
from tollwatch.reconcile.stored import VIEW_LOCK_KEY, rebuild, refresh, view_state
from tollwatch.store import Store
from tollwatch.store.view_schema import UnderlyingRow


def _add(store: Store, i: int) -> None:
    quote = f"The Lakeside Monitoring Network said {10 + i} soldiers of Chile were killed."
    store.add_document(
        Document(id=f"lock-{i}", text=quote, published=f"2031-03-0{1 + i % 8}"),
        [Claim(metric="killed", value=10 + i, actor="Chile",
               origin=["the Lakeside Monitoring Network"], subject="soldiers of Chile",
               date=f"2031-03-0{1 + i % 8}", quote=quote, start=0, end=len(quote))],
        "test")


def test_a_refresh_waits_for_the_view_lock_and_then_adds_each_claim_once(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        _add(store, 0)
        rebuild(store)
        _add(store, 1)
        _add(store, 2)
        engine = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://", 1)
                               if pg_url.startswith("postgresql://") else pg_url)
        done: list[Any] = []
        with engine.begin() as holder:  # another process rewriting the view
            holder.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": VIEW_LOCK_KEY})
            worker = threading.Thread(target=lambda: done.append(refresh(store)))
            worker.start()
            time.sleep(1.5)
            assert not done  # still waiting for the lock
        worker.join(60)
        assert done and done[0].mode == "refresh"
        assert refresh(store).mode == "current"  # nothing left to do, nothing done twice
        with store.engine.connect() as conn:
            values = sorted(conn.execute(select(UnderlyingRow.value)).scalars())
        assert values == [10, 11, 12]
        state = view_state(store)
        assert state is not None and state.claims >= 3
        engine.dispose()
