"""The reconciled view kept in the store: rebuilt, then kept current a few figures at a
time, on a real SQLite store (the hand-written story of tests/fixtures)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.reconcile.conftest import STORY

from tollwatch.model import Claim, Document
from tollwatch.reconcile.names import Names
from tollwatch.reconcile.stored import (
    rebuild,
    refresh,
    timeline_page,
    underlying_of,
    view_state,
)
from tollwatch.reconcile.timeline import build_timeline
from tollwatch.store import Store


def _docs() -> list[dict[str, Any]]:
    return [json.loads(x) for x in STORY.read_text(encoding="utf-8").splitlines() if x.strip()]


def _add(store: Store, docs: list[dict[str, Any]]) -> None:
    for d in docs:
        doc = Document(id=d["id"], text=d["text"], published=d["published"], url=d["url"],
                       outlet=d["outlet"], title=d.get("title"))
        store.add_document(doc, [Claim.from_dict(c) for c in d["claims"]], "test",
                           source=d["id"])


def _timeline(store: Store, actor: str = "North Korea") -> list[dict[str, Any]]:
    total, rows = timeline_page(store, actor, None, 10_000, 0)
    assert total == len(rows)
    return [json.loads(r) for r in rows]


def _shape(items: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(i["id"], i["kind"], i["revises"], tuple(r["claim_id"] for r in i["reports"]))
            for i in items]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(f"sqlite:///{tmp_path / 'view.db'}")
    yield s  # type: ignore[misc]
    s.close()


def test_rebuild_matches_the_in_memory_timeline(store: Store, names: Names) -> None:
    _add(store, _docs())
    assert view_state(store) is None
    stats = rebuild(store, names=names)
    assert stats.mode == "rebuild" and stats.underlying > 0
    stored = _timeline(store)
    memory = build_timeline(store.reports(), "North Korea", names=names)
    assert [i["id"] for i in stored] == [c.id for c in memory]
    assert all(i["kind"] in ("first", "update", "repeat") and i["reason"] for i in stored)
    assert all(r["reason"] for i in stored for r in i["reports"])
    state = view_state(store)
    assert state is not None and state.claims == store.fingerprint()[1]
    assert refresh(store, names=names).mode == "current"


def test_refresh_after_new_reports_equals_a_rebuild(store: Store, names: Names) -> None:
    docs = _docs()
    _add(store, docs[:9])
    rebuild(store, names=names)
    _add(store, docs[9:])
    stats = refresh(store, names=names)
    assert stats.mode == "refresh"
    incremental = _shape(_timeline(store))
    rebuild(store, names=names)
    assert incremental == _shape(_timeline(store))


def test_a_review_updates_the_view(store: Store, names: Names) -> None:
    _add(store, _docs())
    rebuild(store, names=names)
    first = _timeline(store)[0]
    claim_id = first["reports"][0]["claim_id"]
    store.review(claim_id, "rejected")
    refresh(store, names=names)
    after = {i["id"]: i for i in _timeline(store)}
    kept = [r["claim_id"] for i in after.values() for r in i["reports"]]
    assert claim_id not in kept
    assert underlying_of(store, claim_id) is None
    other = first["reports"][1]["claim_id"] if len(first["reports"]) > 1 else None
    if other is not None:
        store.review(other, "accepted")
        refresh(store, names=names)
        item = underlying_of(store, other)
        assert item is not None
        assert [r["status"] for r in item["reports"] if r["claim_id"] == other] == ["accepted"]


def test_reextraction_replaces_the_superseded_claims(store: Store, names: Names) -> None:
    docs = _docs()
    _add(store, docs)
    rebuild(store, names=names)
    stored = store.get_document(docs[0]["id"])
    assert stored is not None
    doc_row = store.reports(doc_id=docs[0]["id"])
    old_ids = {r.claim_id for r in doc_row}
    changed = [Claim.from_dict({**c, "value": (c["value"] or 0) + 1}) for c in docs[0]["claims"]]
    from sqlalchemy import select

    from tollwatch.store.schema import DocumentRow
    with store.engine.connect() as conn:
        pk = conn.execute(select(DocumentRow.id).where(
            DocumentRow.doc_id == docs[0]["id"])).scalar_one()
    store.replace_claims([(pk, changed)], "test-2")
    refresh(store, names=names)
    in_view = {r["claim_id"] for i in _timeline(store) for r in i["reports"]}
    assert not old_ids & in_view
    incremental = _shape(_timeline(store))
    rebuild(store, names=names)
    assert incremental == _shape(_timeline(store))
