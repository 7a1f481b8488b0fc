"""Counted groups (issue 16) through the reconciled view kept in the store (migrations
0005 and 0007): group timelines read from the view equal the in-memory ones, the view's
series are split by group and status, and a refresh after new reports equals a rebuild.
On a real SQLite store with the invented detainee story of tests/fixtures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tollwatch.model import Claim, Document
from tollwatch.reconcile.group_series import parse_group
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.stored import rebuild, refresh, timeline_page
from tollwatch.reconcile.timeline import build_timeline
from tollwatch.reconcile.updates import SeriesKey, group_part
from tollwatch.store import Store
from tollwatch.store.view_schema import UnderlyingRow

STORY = Path(__file__).resolve().parent.parent / "fixtures" / "detainee_story.jsonl"


def _docs() -> list[dict[str, Any]]:
    return [json.loads(x) for x in STORY.read_text(encoding="utf-8").splitlines() if x.strip()]


def _add(store: Store, docs: list[dict[str, Any]]) -> None:
    for d in docs:
        doc = Document(id=d["id"], text=d["text"], published=d["published"], url=d["url"],
                       outlet=d["outlet"], title=d.get("title"))
        store.add_document(doc, [Claim.from_dict(c) for c in d["claims"]], "test",
                           source=d["id"])


def _group_timeline(store: Store, group: str, actor: str | None = None,
                    metric: str | None = None) -> list[dict[str, Any]]:
    total, rows = timeline_page(store, actor, metric, 10_000, 0, group=parse_group(group))
    assert total == len(rows)
    return [json.loads(r) for r in rows]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(f"sqlite:///{tmp_path / 'groups.db'}")
    yield s  # type: ignore[misc]
    s.close()


def test_group_part_of_the_series_key() -> None:
    assert group_part(None, "hostages", "children", "released") == "hostages (children), released"
    assert group_part(None, "detainees", None, None) == "detainees"
    # a named side's figure: the actor names the series, only the status splits it
    assert group_part("Chile", "soldiers", None, None) is None
    assert group_part("Chile", "prisoners of war", None, "released") == "released"
    a = SeriesKey("Chile", "captured", "mod", None, "released")
    assert a != SeriesKey("Chile", "captured", "mod", None, None)
    assert a.label("Ministry") == "Ministry \u00b7 captured [released]"


def test_stored_group_timeline_matches_memory(store: Store, names: Names) -> None:
    _add(store, _docs())
    rebuild(store, names=names)
    for group in ("detainees", "detainees released", "detainees held"):
        stored = _group_timeline(store, group)
        memory = build_timeline(store.reports(), group=group, names=names)
        assert memory, group
        assert [i["id"] for i in stored] == [c.id for c in memory], group
        assert [i["kind"] for i in stored] == [c.kind for c in memory], group
    items = _group_timeline(store, "detainees")
    assert {i["group"] for i in items} == {"detainees"}
    statuses = {i["group_status"] for i in items}
    assert {"released", None} <= statuses
    # each status is a line (and a series) of its own
    lines = {(i["origin"], i["group_status"]): i["line"] for i in items}
    assert all((st is None) == ("\u00b7" not in ln) for (_, st), ln in lines.items())
    series = {i["series"] for i in items}
    assert any("[detainees, released]" in s for s in series)
    assert any(s.endswith("[detainees]") for s in series)
    # a released figure never revises the number detained
    by_id = {i["id"]: i for i in items}
    for i in items:
        if i["revises"]:
            assert by_id[i["revises"]]["group_status"] == i["group_status"]


def test_view_rows_keep_the_group(store: Store, names: Names) -> None:
    _add(store, _docs())
    rebuild(store, names=names)
    with store.engine.connect() as conn:
        rows = conn.execute(select(UnderlyingRow.actor, UnderlyingRow.group_head,
                                   UnderlyingRow.group_status, UnderlyingRow.group_key)).all()
    assert rows
    for actor, head, status, key in rows:
        if actor is not None:
            assert key == status  # a named side's series split by status only
        elif head is not None:
            assert key is not None and key.startswith(head)
            assert (status is None) == (not key.endswith(f", {status}"))
    assert any(h == "detainees" and s == "released" for _, h, s, _ in rows)


def test_refresh_with_group_series_equals_a_rebuild(store: Store, names: Names) -> None:
    docs = _docs()
    _add(store, docs[: len(docs) // 2])
    rebuild(store, names=names)
    _add(store, docs[len(docs) // 2:])
    assert refresh(store, names=names).mode == "refresh"

    def shape() -> list[tuple[Any, ...]]:
        return [(i["id"], i["kind"], i["revises"], i["group_status"],
                 tuple(r["claim_id"] for r in i["reports"]))
                for i in _group_timeline(store, "detainees")]

    incremental = shape()
    rebuild(store, names=names)
    assert incremental == shape()
    assert incremental
