"""Group series (issue 16) from the reconciled view kept in the store: with a current
view the server reads ``/api/v1/timeline?group=`` from ``underlying_claims`` (migration
0007's group columns), and answers as it does without one. Live server, real SQLite."""

from __future__ import annotations

from typing import Any

import httpx

from tollwatch.reconcile.stored import rebuild
from tollwatch.store import Store

from .conftest import make_client
from .group_story import MINISTRY, MONITOR, group_db, group_template_db  # noqa: F401


def _timelines(client: httpx.Client) -> list[dict[str, Any]]:
    out = []
    for params in ({"group": "detainees"}, {"group": "those arrested"},
                   {"group": "detainees still held"}, {"group": "released detainees"},
                   {"group": "detainees", "metric": "detained"},
                   {"group": "detainees", "limit": 2, "offset": 5},
                   {"group": "soldiers", "actor": "Russia"}):
        r = client.get("/api/v1/timeline", params=params)
        assert r.status_code == 200, params
        body = r.json()
        out.append({"total": body["total"], "group": body["group"], "actor": body["actor"],
                    "items": [(c["id"], c["kind"], c["group_status"], c["line"])
                              for c in body["items"]]})
    return out


def test_group_timeline_from_the_stored_view(group_db: str, extractor: Any) -> None:  # noqa: F811
    with make_client(group_db, extractor) as c:
        assert c.get("/api/v1/health", params={"warm": 1}).json().get("view") != "stored"
        memory = _timelines(c)
    with Store.open(group_db) as store:
        rebuild(store)
    with make_client(group_db, extractor) as c:
        assert c.get("/api/v1/health", params={"warm": 1}).json()["view"] == "stored"
        stored = _timelines(c)
        held = c.get("/api/v1/timeline", params={"group": "detainees held"}).json()
        assert [(i["value"], i["origin"]) for i in held["items"]] == [(430, MONITOR)]
        ministry = c.get("/api/v1/timeline", params={"group": "detainees"}).json()
        assert {i["origin"] for i in ministry["items"]} == {MINISTRY, MONITOR}
        assert c.get("/api/v1/timeline", params={"group": "nonsense words"}).status_code == 422
    assert stored == memory
    assert memory[0]["total"] == 7 and memory[0]["actor"] is None
