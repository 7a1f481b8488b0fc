"""The incremental refresh of the stored view (issue 11): after new reports, reviews and
re-extraction, the view equals a rebuild (ids, kinds, revisions, reasons, reports), on
long series where only the neighbours of a change are read; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from sqlalchemy import select, text

from tollwatch.model import Claim, Document
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.refresh import refresh as refresh_direct
from tollwatch.reconcile.stored import rebuild, refresh, timeline_page
from tollwatch.store import Store
from tollwatch.store.schema import DocumentRow

ACTORS = ["Chile", "Norway"]
BODIES = ["the Chilean defence ministry", "Norway's interior ministry",
          "the Lakeside Monitoring Network", "the Harbour Aid Coalition"]


def _doc(i: int, rng: random.Random) -> tuple[Document, list[Claim]]:
    """An invented one-claim article: few bodies and figures, so series run long."""
    actor = rng.choice(ACTORS)
    body = rng.choice(BODIES)
    metric = rng.choice(["killed", "injured"])
    value = rng.choice([100, 120, 150, 200])
    day = f"2031-{rng.randrange(1, 13):02d}-{rng.randrange(1, 28):02d}"
    quote = f"{body} said {value} soldiers of {actor} were {metric} (item {i})."
    claim = Claim(metric=metric, value=value, actor=actor, origin=[body],
                  subject=f"soldiers of {actor}", date=day, quote=quote, start=0,
                  end=len(quote))
    return Document(id=f"inc-{i}", text=quote, published=day, url=f"https://example.test/{i}",
                    outlet=f"Outlet {i % 5}"), [claim]


def _add(store: Store, start: int, stop: int, seed: int = 3) -> None:
    rng = random.Random(seed * 100_000 + start)
    for i in range(start, stop):
        doc, claims = _doc(i, rng)
        store.add_document(doc, claims, "test", source=doc.id)


def _view(store: Store) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for actor in ACTORS:
        total, rows = timeline_page(store, actor, None, 100_000, 0)
        assert total == len(rows)
        for r in rows:
            i = json.loads(r)
            out.append((i["id"], i["kind"], i["revises"], i["reason"],
                        tuple(sorted(x["claim_id"] for x in i["reports"]))))
    return sorted(out)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Any:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'inc.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    s = Store.open(url)
    yield s
    s.close()


def test_refresh_after_many_small_ingests_equals_a_rebuild(store: Store, names: Names) -> None:
    _add(store, 0, 120)
    rebuild(store, names=names)
    for lo, hi in ((120, 125), (125, 160), (160, 161)):
        _add(store, lo, hi)
        stats = refresh(store, names=names)
        assert stats.mode == "refresh"
    incremental = _view(store)
    kinds = {k for _, k, *_ in incremental}
    assert {"first", "update", "repeat"} <= kinds  # long series: every kind is present
    rebuild(store, names=names)
    assert incremental == _view(store)


def test_a_review_in_the_middle_of_a_series_relinks_its_neighbours(
        store: Store, names: Names) -> None:
    _add(store, 0, 80)
    rebuild(store, names=names)
    rows = _view(store)
    # reject the reports of an update in the middle of its series: the claim after it
    # must now revise the one before it
    revised = {r[2] for r in rows if r[2]}
    update = next(r for r in rows if r[1] == "update" and r[0] in revised)
    for cid in update[4]:
        store.review(cid, "rejected")
    assert refresh_direct(store, names=names).mode == "refresh"
    incremental = _view(store)
    assert update[0] not in {r[0] for r in incremental}
    rebuild(store, names=names)
    assert incremental == _view(store)


def test_reextraction_in_a_long_series_equals_a_rebuild(store: Store, names: Names) -> None:
    _add(store, 0, 60)
    rebuild(store, names=names)
    with store.engine.connect() as conn:
        pks = list(conn.execute(select(DocumentRow.id, DocumentRow.doc_id).where(
            DocumentRow.doc_id.in_(["inc-5", "inc-17", "inc-33"]))).all())
    changed = []
    for pk, doc_id in pks:
        old = store.reports(doc_id=doc_id)[0].claim
        changed.append((pk, [Claim.from_dict({**old.to_dict(), "value": (old.value or 0) + 7})]))
    store.replace_claims(changed, "test-2")
    refresh(store, names=names)
    incremental = _view(store)
    rebuild(store, names=names)
    assert incremental == _view(store)


def test_the_series_order_index_serves_the_neighbour_lookups(tmp_path: Any,
                                                            names: Names) -> None:
    s = Store.open(f"sqlite:///{tmp_path / 'plan.db'}")
    try:
        _add(s, 0, 10)
        rebuild(s, names=names)
        with s.engine.connect() as conn:
            plan = " ".join(str(r[3]) for r in conn.execute(text(
                "EXPLAIN QUERY PLAN SELECT id FROM underlying_claims WHERE actor_key = 'x' "
                "AND metric = 'killed' AND origin_key = 'y' AND part IS NULL "
                "AND group_key IS NULL AND stance = 'asserted' "
                "AND (sort_date, point, id) < ('2031-01-01', 1.0, 'z') "
                "ORDER BY sort_date DESC, point DESC, id DESC LIMIT 1")))
        assert "ix_underlying_claims_series_order" in plan
        assert "TEMP B-TREE" not in plan
    finally:
        s.close()
