"""The API over a store that keeps its reconciled view (migration 0005): the same
timelines as the in-memory view, ready at once, and kept current by the server's writes."""

from __future__ import annotations

from typing import Any

from tollwatch.reconcile.stored import rebuild, view_state
from tollwatch.store import Store

from .conftest import TOKEN, make_client

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _ids(c: Any, actor: str, metric: str | None = None) -> list[tuple[str, str, int]]:
    params = {"actor": actor, **({"metric": metric} if metric else {})}
    body = c.get("/api/v1/timeline", params=params).json()
    return [(i["id"], i["kind"], len(i["reports"])) for i in body["items"]]


def test_stored_view_answers_as_the_memory_view(db: str, extractor: Any) -> None:
    with make_client(db, extractor) as c:
        memory = _ids(c, "Russia"), _ids(c, "Russia", "killed")
    with Store.open(db) as store:
        rebuild(store)
    with make_client(db, extractor) as c:
        health = c.get("/api/v1/health", params={"warm": 1}).json()
        assert health == {"ok": True, "ready": True, "view": "stored"}
        assert (_ids(c, "Russia"), _ids(c, "Russia", "killed")) == memory
        body = c.get("/api/v1/timeline", params={"actor": "Russia"}).json()
        item = body["items"][0]
        assert {"unnamed", "kind", "reason", "series", "aliases"} <= set(item)
        assert all(r["reason"] for r in item["reports"])
        claim_id = item["reports"][0]["claim_id"]
        detail = c.get(f"/api/v1/claims/{claim_id}").json()
        assert detail["underlying"]["id"] == item["id"]
        # a review through the server keeps the stored view current
        r = c.patch(f"/api/v1/claims/{claim_id}", headers=AUTH, json={"status": "rejected"})
        assert r.status_code == 200, r.text
        after = c.get("/api/v1/timeline", params={"actor": "Russia"}).json()
        kept = [x["claim_id"] for i in after["items"] for x in i["reports"]]
        assert claim_id not in kept
        assert c.get("/api/v1/health", params={"warm": 1}).json().get("view") == "stored"
    with Store.open(db) as store:
        state = view_state(store)
        assert state is not None and state.reviews == store.fingerprint()[2]
