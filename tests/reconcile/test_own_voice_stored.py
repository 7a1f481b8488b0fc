"""Own-voice figures in the reconciled view kept in the store (migration 0010): the
``own_voice`` column, the timeline filter, and a refresh that folds (and unfolds)
restatements as a rebuild does, whichever report arrives first. Real SQLite and
PostgreSQL, invented reports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from tollwatch.model import Claim, Document
from tollwatch.reconcile.stored import rebuild, refresh, timeline_counts, timeline_page
from tollwatch.store import Store
from tollwatch.store.view_schema import UnderlyingRow

GOV = "Governor Tobias Renwick"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'ov.db'}" if request.param == "sqlite" \
        else request.getfixturevalue("pg_url")
    with Store.open(url) as s:
        yield s


def _add(store: Store, doc: str, day: str, value: int | None, *, named: bool,
         low: int | None = None, high: int | None = None, outlet: str = "Plains Herald",
         dated: bool = True) -> int:
    figure = f"{value}" if value is not None else f"between {low} and {high}"
    quote = (f"{GOV} said {figure} villagers were abducted." if named
             else f"The {figure} villagers abducted have not been heard from.")
    claim = Claim(metric="abducted", value=value, low=low, high=high, actor=None,
                  origin=[GOV] if named else [], subject="villagers",
                  date=day if dated else None, quote=quote, start=0, end=len(quote))
    store.add_document(Document(id=doc, text=quote, published=day, outlet=outlet,
                                url=f"https://example.test/{doc}"), [claim], "test", source=doc)
    return max(r.claim_id for r in store.reports(doc_id=doc))


def _view(store: Store, voice: str = "show") -> list[tuple[Any, ...]]:
    total, rows = timeline_page(store, None, None, 1000, 0, _hostages(), voice=voice)  # type: ignore[arg-type]
    assert total == len(rows)
    out = []
    for r in rows:
        i = json.loads(r)
        out.append((i["id"], i["kind"], i["reason"], i["own_voice"], i["origin"],
                    tuple((x["doc_id"], x["reason"]) for x in i["reports"])))
    return sorted(out)


def _hostages() -> Any:
    from tollwatch.reconcile.group_series import parse_group
    from tollwatch.reconcile.groups import default_groups

    return parse_group("hostages", default_groups())


def _same_as_rebuild(store: Store) -> list[tuple[Any, ...]]:
    assert refresh(store).mode == "refresh"
    after = _view(store)
    rebuild(store)
    assert _view(store) == after
    return after


def test_a_restatement_after_the_named_figure(store: Store) -> None:
    _add(store, "a", "2031-04-01", 20, named=True)
    rebuild(store)
    _add(store, "b", "2031-04-03", 20, named=False, dated=False)
    view = _same_as_rebuild(store)
    assert len(view) == 1
    (_, _, _, own, origin, reports) = view[0]
    assert (own, origin) == (False, "Tobias Renwick")
    assert reports[1] == ("b", "own-voice restatement of Tobias Renwick's figure")


def test_the_named_figure_arriving_after_the_outlets(store: Store) -> None:
    _add(store, "b", "2031-04-03", 20, named=False, dated=False)
    rebuild(store)
    assert [v[3] for v in _view(store)] == [True]
    assert _view(store, "hide") == []
    _add(store, "a", "2031-04-01", 20, named=True)
    view = _same_as_rebuild(store)
    assert [(v[3], len(v[5])) for v in view] == [(False, 2)]


def test_a_number_within_a_stored_range(store: Store) -> None:
    _add(store, "a", "2031-04-01", None, low=30, high=40, named=True)
    rebuild(store)
    _add(store, "b", "2031-04-02", 35, named=False, dated=False)
    assert [len(v[5]) for v in _same_as_rebuild(store)] == [2]


def test_a_range_holding_a_stored_number(store: Store) -> None:
    _add(store, "b", "2031-04-02", 35, named=False, dated=False)
    rebuild(store)
    _add(store, "a", "2031-04-01", None, low=30, high=40, named=True)
    view = _same_as_rebuild(store)
    assert [(v[3], len(v[5])) for v in view] == [(False, 2)]


def test_rejecting_the_named_report_gives_the_outlet_its_figure_back(store: Store) -> None:
    named = _add(store, "a", "2031-04-01", 20, named=True)
    _add(store, "b", "2031-04-03", 20, named=False, dated=False)
    rebuild(store)
    assert [v[3] for v in _view(store)] == [False]
    store.review(named, "rejected")
    view = _same_as_rebuild(store)
    assert [(v[3], v[4]) for v in view] == [(True, "Plains Herald")]


def test_the_column_the_filter_and_the_counts(store: Store) -> None:
    _add(store, "a", "2031-04-01", 20, named=True)
    _add(store, "b", "2031-04-03", 20, named=False, dated=False)
    _add(store, "c", "2031-04-04", 75, named=False, outlet="Ridge Post")
    rebuild(store)
    with store.engine.connect() as conn:
        rows = sorted(conn.execute(select(UnderlyingRow.value, UnderlyingRow.own_voice)))
    assert rows == [(20, False), (75, True)]
    assert [v[4] for v in _view(store, "hide")] == ["Tobias Renwick"]
    assert [v[4] for v in _view(store, "only")] == ["Ridge Post"]
    assert len(_view(store, "show")) == 2
    assert timeline_page(store, None, None, 10, 0, _hostages())[0] == 1  # hidden by default
    counts = timeline_counts(store)
    assert counts == {("", "abducted", False): 1, ("", "abducted", True): 1}
