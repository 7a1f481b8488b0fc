"""Unit tests of reconcile/refresh.py and reconcile/relink.py on a real SQLite store: a
refresh relinks only the neighbours of what changed, and ends where a rebuild ends."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tollwatch.model import Claim, Document
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.relink import LIGHT, NO_DATE, light, series_where
from tollwatch.reconcile.stored import rebuild, refresh, timeline_page, view_state
from tollwatch.reconcile.updates import SeriesKey
from tollwatch.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(f"sqlite:///{tmp_path / 'refresh.db'}")
    yield s
    s.close()


def _add(store: Store, doc_id: str, day: str, value: int, origin: str = "Kest Monitor") -> None:
    text = f"{origin} said on {day} that {value} North Korean soldiers were killed near Orlan."
    claim = Claim(metric="killed", value=value, actor="North Korean", origin=[origin],
                  date=day, quote=text, start=0, end=len(text))
    doc = Document(id=doc_id, text=text, published=day, url=f"https://example.test/{doc_id}",
                   outlet="Kest Daily")
    store.add_document(doc, [claim], "test", source=doc_id)


def _series(store: Store) -> list[tuple[Any, ...]]:
    total, rows = timeline_page(store, "North Korea", "killed", 1000, 0)
    items = [json.loads(r) for r in rows]
    assert total == len(items)
    by_id = {i["id"]: i for i in items}
    return [(i["date"], i["value"], i["kind"],
             by_id[i["revises"]]["value"] if i["revises"] else None) for i in items]


def test_a_figure_inserted_mid_series_relinks_its_neighbour(store: Store, names: Names) -> None:
    _add(store, "r1", "2031-03-01", 40)
    _add(store, "r2", "2031-03-20", 90)
    rebuild(store, names=names)
    assert _series(store) == [("2031-03-01", 40, "first", None),
                              ("2031-03-20", 90, "update", 40)]
    _add(store, "r3", "2031-03-10", 60)
    stats = refresh(store, names=names)
    assert stats.mode == "refresh"
    after = _series(store)
    assert after == [("2031-03-01", 40, "first", None),
                     ("2031-03-10", 60, "update", 40),
                     ("2031-03-20", 90, "update", 60)]
    rebuild(store, names=names)
    assert _series(store) == after


def test_a_figure_before_the_first_makes_it_an_update(store: Store, names: Names) -> None:
    _add(store, "r1", "2031-03-10", 60)
    rebuild(store, names=names)
    _add(store, "r2", "2031-03-01", 40)
    refresh(store, names=names)
    assert _series(store) == [("2031-03-01", 40, "first", None),
                              ("2031-03-10", 60, "update", 40)]


def test_the_same_figure_later_is_a_repeat_and_other_origins_stay_apart(
        store: Store, names: Names) -> None:
    _add(store, "r1", "2031-03-01", 40)
    rebuild(store, names=names)
    _add(store, "r2", "2031-03-25", 40)
    _add(store, "r3", "2031-03-02", 70, origin="Orlan Vesk")
    refresh(store, names=names)
    assert sorted(_series(store)) == [("2031-03-01", 40, "first", None),
                                      ("2031-03-02", 70, "first", None),
                                      ("2031-03-25", 40, "repeat", None)]


def test_refresh_with_nothing_new_is_current(store: Store, names: Names) -> None:
    _add(store, "r1", "2031-03-01", 40)
    assert refresh(store, names=names).mode == "rebuild"  # no view yet
    assert view_state(store) is not None
    assert refresh(store, names=names).mode == "current"


def test_a_rejected_figure_leaves_the_series(store: Store, names: Names) -> None:
    _add(store, "r1", "2031-03-01", 40)
    _add(store, "r2", "2031-03-10", 60)
    _add(store, "r3", "2031-03-20", 90)
    rebuild(store, names=names)
    (mid,) = [r for r in store.reports() if r.claim.value == 60]
    store.review(mid.claim_id, "rejected")
    refresh(store, names=names)
    assert _series(store) == [("2031-03-01", 40, "first", None),
                              ("2031-03-20", 90, "update", 40)]


def test_light_rows_read_back_the_stored_series(store: Store, names: Names) -> None:
    _add(store, "r1", "2031-03-01", 40)
    _add(store, "r2", "2031-03-20", 90)
    rebuild(store, names=names)
    with store.engine.connect() as conn:
        rows = conn.execute(select(*LIGHT)).all()
        claims = sorted((light(r) for r in rows), key=lambda c: c.date or NO_DATE)
        assert [(c.value, c.kind) for c in claims] == [(40, "first"), (90, "update")]
        assert claims[1].revises == claims[0].id
        key = SeriesKey.of(claims[0])
        assert key == SeriesKey.of(claims[1])
        in_series = conn.execute(select(*LIGHT).where(series_where(key))).all()
        assert {light(r).id for r in in_series} == {c.id for c in claims}
        other = SeriesKey(key.actor, key.metric, "orlan vesk")
        assert conn.execute(select(*LIGHT).where(series_where(other))).all() == []
