"""Series by counted group through the REST API and the pages, on a live server over
the ingested detainee story (two origins, a subset, released and still-held figures)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from .conftest import make_client
from .group_story import MINISTRY, MONITOR, group_db, group_template_db  # noqa: F401


@pytest.fixture
def client(group_db: str, extractor: Any) -> Iterator[httpx.Client]:  # noqa: F811
    with make_client(group_db, extractor) as c:
        yield c


def test_timeline_by_group(client: httpx.Client) -> None:
    tl = client.get("/api/v1/timeline", params={"group": "detainees"}).json()
    assert tl["group"] == "detainees" and tl["actor"] is None and tl["stale"] is False
    got = [(c["date"], c["value"], c["origin"], c["subset"], c["group_status"], c["kind"])
           for c in tl["items"]]
    assert got == [
        ("2031-05-02", 120, MINISTRY, None, None, "first"),
        ("2031-05-05", 340, MONITOR, None, None, "first"),
        ("2031-05-11", 210, MINISTRY, None, None, "update"),
        ("2031-05-20", 45, MONITOR, "children", None, "first"),
        ("2031-05-20", 600, MONITOR, None, None, "update"),
        ("2031-05-27", 150, MINISTRY, None, "released", "first"),
        ("2031-06-02", 430, MONITOR, None, "held", "first"),
    ]
    assert tl["total"] == 7
    # every report of a figure is listed, with its claim id
    first = tl["items"][0]
    assert [r["doc_id"] for r in first["reports"]] == ["det-01", "det-02"]
    assert tl["items"][-1]["line"] == f"{MONITOR} \u00b7 held"
    # the same through synonyms, a status, a metric and an origin
    assert client.get("/api/v1/timeline", params={"group": "those arrested"}).json()[
        "total"] == 7
    held = client.get("/api/v1/timeline", params={"group": "detainees still held"}).json()
    assert [c["value"] for c in held["items"]] == [430]
    by_origin = client.get("/api/v1/timeline", params={
        "group": "detainees", "origin": MINISTRY, "metric": "detained"}).json()
    assert [c["value"] for c in by_origin["items"]] == [120, 210, 150]
    # a group and an actor: the actor's figures of that group
    both = client.get("/api/v1/timeline", params={"group": "soldiers", "actor": "Russia"})
    assert both.status_code == 200 and both.json()["total"] >= 3
    assert all(c["actor"] == "Russia" for c in both.json()["items"])
    # paging
    page = client.get("/api/v1/timeline", params={"group": "detainees", "limit": 2,
                                                  "offset": 5}).json()
    assert [c["value"] for c in page["items"]] == [150, 430] and page["total"] == 7


def test_timeline_needs_actor_or_known_group(client: httpx.Client) -> None:
    assert client.get("/api/v1/timeline").status_code == 422
    bad = client.get("/api/v1/timeline", params={"group": "zebras"})
    assert bad.status_code == 422 and "unknown group" in bad.text
    # the actor timeline is unchanged
    tl = client.get("/api/v1/timeline", params={"actor": "Russian", "metric": "killed"})
    assert tl.json()["actor"] == "Russia" and tl.json()["total"] == 3


def test_series_include_group_series(client: httpx.Client) -> None:
    items = client.get("/api/v1/series").json()["items"]
    kinds = {(s["kind"], s["actor"] or s["group"], s["metric"]) for s in items}
    assert ("group", "detainees", "detained") in kinds
    assert ("actor", "Russia", "killed") in kinds
    det = next(s for s in items if s["kind"] == "group")
    assert (det["claims"], det["reports"], det["origins"]) == (7, 9, 2)
    assert det["statuses"] == ["held", "released"]
    assert det["href"] == "group=detainees&metric=detained"
    reports = [s["reports"] for s in items]
    assert reports == sorted(reports, reverse=True)
    only = client.get("/api/v1/series", params={"kind": "group"}).json()
    assert {s["kind"] for s in only["items"]} == {"group"}


def test_claim_json_carries_the_group(client: httpx.Client) -> None:
    claims = client.get("/api/v1/claims", params={"metric": "detained", "limit": 50}).json()
    by_doc = {c["doc_id"]: c for c in claims["items"] if c["value"] != 45}
    assert by_doc["det-06"]["group"] == "detainees"
    assert by_doc["det-06"]["group_status"] == "released"
    assert by_doc["det-01"]["group"] == "detainees" and by_doc["det-01"]["subject"] == "people"
    one = client.get(f"/api/v1/claims/{by_doc['det-07']['claim_id']}").json()
    assert one["group_status"] == "held"
    assert one["underlying"]["group"] == "detainees"
    assert [r["doc_id"] for r in one["underlying"]["reports"]] == ["det-07", "det-08"]
    doc = client.get("/api/v1/documents/det-05").json()
    assert {(c["value"], c["subset"]) for c in doc["claims"]} == {(600, None),
                                                                 (45, "children")}
    schema = client.get("/api/v1/openapi.json").json()
    assert "group" in schema["components"]["schemas"]["ClaimOut"]["properties"]


def test_pages_for_a_group(client: httpx.Client) -> None:
    home = client.get("/").text
    assert 'href="/series?group=detainees&amp;metric=detained"' in home
    page = client.get("/series", params={"group": "detainees"})
    assert page.status_code == 200
    assert "<h1>detainees</h1>" in page.text and "7 underlying claims" in page.text
    assert 'href="/series?group=detainees&amp;metric=detained"' in page.text
    assert "released" in page.text and MONITOR in page.text
    assert client.get("/series", params={"group": "zebras"}).status_code == 422
    assert client.get("/series").status_code == 422
    assert client.get("/series", params={"actor": "Russia"}).status_code == 200
