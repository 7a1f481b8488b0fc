"""The REST API's parameters, pages and errors over a live loopback server and a store of
hand-made claims (no spaCy needed): bounds, filters, 404s and 422s, review bodies, and the
guards' headers on every answer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tollwatch.store import Store
from tollwatch.web.security import CSP

from .conftest import TOKEN, app_client
from .handmade import fill

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def any_db(db_url: str) -> str:
    """The hand-made store on SQLite, then on PostgreSQL."""
    with Store.open(db_url) as store:
        fill(store)
    return db_url


@pytest.fixture
def api(any_db: str) -> Iterator[httpx.Client]:
    with app_client(any_db, page_size=2, max_page_size=3) as (client, _svc):
        yield client


def _values(out: dict[str, Any]) -> list[int]:
    return [c["value"] for c in out["items"]]


# -- reading ------------------------------------------------------------------------


def test_health(api: httpx.Client) -> None:
    cold = api.get("/api/v1/health").json()
    assert cold["ok"] is True
    warm = api.get("/api/v1/health?warm=1").json()
    assert warm["ready"] is True and warm["reports"] == 5 and warm["claims"] == 5
    assert api.get("/api/v1/health").json()["ready"] is True


def test_page_sizes_default_and_clamp(api: httpx.Client) -> None:
    default = api.get("/api/v1/claims").json()
    assert (default["limit"], len(default["items"]), default["total"]) == (2, 2, 5)
    clamped = api.get("/api/v1/claims?limit=400").json()
    assert clamped["limit"] == 3 and len(clamped["items"]) == 3
    assert api.get("/api/v1/claims?limit=0").status_code == 422
    assert api.get("/api/v1/claims?offset=-1").status_code == 422
    assert api.get("/api/v1/claims?limit=two").status_code == 422


def test_pages_cover_the_list_once(api: httpx.Client) -> None:
    seen: list[int] = []
    for offset in range(0, 6, 2):
        seen += [c["claim_id"] for c in api.get(f"/api/v1/claims?offset={offset}").json()["items"]]
    assert len(seen) == len(set(seen)) == 5
    past = api.get("/api/v1/claims?offset=50").json()
    assert past["items"] == [] and past["total"] == 5


def test_claims_in_published_order_undated_last(api: httpx.Client) -> None:
    docs = [c["doc_id"] for c in api.get("/api/v1/claims?limit=3&offset=0").json()["items"]]
    docs += [c["doc_id"] for c in api.get("/api/v1/claims?limit=3&offset=3").json()["items"]]
    assert docs == ["ridge-1", "ridge-1", "ridge-2", "coast-1", "coast-2"]


@pytest.mark.parametrize("bad", ["eaten", "KILLED", "kill", ""])
def test_unknown_metrics_are_refused(api: httpx.Client, bad: str) -> None:
    r = api.get(f"/api/v1/claims?metric={bad}")
    assert r.status_code == 422 and "unknown metric" in r.text
    assert api.get(f"/api/v1/timeline?actor=Russia&metric={bad}").status_code == 422


def test_date_filters(api: httpx.Client) -> None:
    since = api.get("/api/v1/claims?since=2024-04-02&limit=3").json()
    assert since["total"] == 2 and {c["doc_id"] for c in since["items"]} == {"ridge-2",
                                                                              "coast-1"}
    # inclusive, on the claim's date; a month or a year covers all its days
    march = api.get("/api/v1/claims?since=2024-03&until=2024-03&limit=3").json()
    assert sorted(_values(march)) == [12, 30]
    assert api.get("/api/v1/claims?since=2024").json()["total"] == 4  # the undated one out
    upto = api.get("/api/v1/claims?until=2024-04-02&limit=3").json()
    assert sorted(_values(upto)) == [12, 15, 30]
    for bad in ("04/01/2024", "2024-4-1", "yesterday", "2024-04-01T00:00", "2024-13",
                "2024-02-30", "2023-02-29", "0000"):
        assert api.get(f"/api/v1/claims?since={bad}").status_code == 422, bad


def test_origin_and_actor_filters(api: httpx.Client) -> None:
    un = api.get("/api/v1/claims", params={"origin": "a UN agency"}).json()
    assert un["total"] == 1 and _values(un) == [2000]
    kyiv = api.get("/api/v1/claims", params={"actor": "Kyiv"}).json()
    assert _values(kyiv) == [40]
    none = api.get("/api/v1/claims", params={"actor": "a band nobody named"}).json()
    assert none == {"total": 0, "limit": 2, "offset": 0, "items": []}


def test_overlong_parameters_are_refused(api: httpx.Client) -> None:
    assert api.get("/api/v1/claims", params={"actor": "x" * 513}).status_code == 422
    assert api.get("/api/v1/documents", params={"q": "x" * 501}).status_code == 422


def test_one_claim_in_full(api: httpx.Client) -> None:
    first = api.get("/api/v1/claims?limit=1").json()["items"][0]
    out = api.get(f"/api/v1/claims/{first['claim_id']}").json()
    assert out["value"] == first["value"] and out["extracted"]["value"] == first["value"]
    assert out["reviews"] == []
    assert out["underlying"]["value"] == first["value"]
    assert first["claim_id"] in [r["claim_id"] for r in out["underlying"]["reports"]]
    assert api.get("/api/v1/claims/999999").status_code == 404
    assert api.get("/api/v1/claims/abc").status_code == 422


def test_documents_list_search_and_detail(api: httpx.Client) -> None:
    listed = api.get("/api/v1/documents?limit=3").json()
    assert listed["total"] == 4 and [d["doc_id"] for d in listed["items"]] == [
        "coast-1", "ridge-2", "ridge-1"]
    assert api.get("/api/v1/documents", params={"q": "harbour"}).json()["total"] == 1
    one = api.get("/api/v1/documents/ridge-1").json()
    assert one["outlet"] == "North Desk" and one["title"] == "Ridge clashes"
    assert [c["value"] for c in one["claims"]] == [12, 30]
    assert one["copies"] == ["ridge-1"] and one["near_duplicate_of"] is None
    assert api.get("/api/v1/documents/nothing").status_code == 404
    assert api.get("/api/v1/documents/a/b/c").status_code == 404  # path ids are looked up


def test_timeline_parameters(api: httpx.Client) -> None:
    out = api.get("/api/v1/timeline", params={"actor": "Moscow"}).json()
    assert out["actor"] == "Russia" and out["total"] == 3 and out["stale"] is False
    assert [i["value"] for i in out["items"]] == [30, 12, 15]
    paged = api.get("/api/v1/timeline", params={"actor": "Russia", "limit": 1,
                                                "offset": 1}).json()
    assert [i["value"] for i in paged["items"]] == [12] and paged["total"] == 3
    assert api.get("/api/v1/timeline").status_code == 422
    assert api.get("/api/v1/timeline?actor=").status_code == 422
    assert api.get("/api/v1/timeline?actor=Russia&limit=20001").status_code == 422
    assert api.get("/api/v1/timeline?group=nobody%20at%20all").status_code == 422
    group = api.get("/api/v1/timeline", params={"group": "displaced people"}).json()
    assert group["actor"] is None and [i["value"] for i in group["items"]] == [2000]


def test_series_sources_actors(api: httpx.Client) -> None:
    series = api.get("/api/v1/series").json()
    kinds = {i["kind"] for i in series["items"]}
    assert kinds == {"actor", "group"}
    actors_only = api.get("/api/v1/series?kind=actor").json()["items"]
    assert {i["kind"] for i in actors_only} == {"actor"}
    assert len(api.get("/api/v1/series?limit=1").json()["items"]) == 1
    assert api.get("/api/v1/series?kind=place").status_code == 422
    sources = api.get("/api/v1/sources").json()
    assert sources["total"] == 3 and sources["items"][0]["name"] == "Ministry of Health"
    actors = api.get("/api/v1/actors").json()
    assert [a["name"] for a in actors["items"]] == ["Russia", "Ukraine"]


def test_review_queue_pages(api: httpx.Client) -> None:
    q = api.get("/api/v1/review-queue").json()
    assert q["total"] == 5 and [c["confidence"] for c in q["items"]] == [0.2, 0.4]
    nxt = api.get("/api/v1/review-queue?offset=2").json()
    assert [c["confidence"] for c in nxt["items"]] == [0.7, 0.8]


# -- reviewing ----------------------------------------------------------------------


def _first_id(api: httpx.Client) -> int:
    cid: int = api.get("/api/v1/claims?limit=1").json()["items"][0]["claim_id"]
    return cid


@pytest.mark.parametrize("body", [
    {"status": "accepted", "extra": 1},
    {"status": "accepted", "corrections": {"value": -1}},
    {"status": "accepted", "corrections": {"value": 10**13}},
    {"status": "accepted", "corrections": {"date": "31 March"}},
    {"status": "accepted", "corrections": {"metric": "eaten"}},
    {"status": "accepted", "corrections": {"qualifier": "roughly"}},
    {"status": "accepted", "corrections": {"origin": ["x"] * 21}},
    {"status": "accepted", "corrections": {"actor": "x" * 513}},
    {"status": "accepted", "note": "n" * 4001},
    {"corrections": {"value": 3}},
    {},
])
def test_bad_review_bodies_are_refused_and_nothing_is_stored(api: httpx.Client,
                                                             body: dict[str, Any]) -> None:
    cid = _first_id(api)
    r = api.patch(f"/api/v1/claims/{cid}", json=body, headers=AUTH)
    assert r.status_code == 422, r.text
    assert api.get(f"/api/v1/claims/{cid}").json()["reviews"] == []


def test_a_review_that_is_not_json_is_refused(api: httpx.Client) -> None:
    cid = _first_id(api)
    for body in (b"\xff\xfe not json", b"{'status': 'accepted'}", b'{"status": "accep'):
        r = api.patch(f"/api/v1/claims/{cid}", content=body,
                      headers={**AUTH, "content-type": "application/json"})
        assert r.status_code in (400, 422), body
    assert api.get(f"/api/v1/claims/{cid}").json()["reviews"] == []


def test_a_review_corrects_lists_and_timelines(api: httpx.Client) -> None:
    ridge = api.get("/api/v1/claims", params={"actor": "Russian forces", "metric": "killed"})
    (claim,) = ridge.json()["items"]
    r = api.patch(f"/api/v1/claims/{claim['claim_id']}", headers=AUTH, json={
        "status": "accepted", "corrections": {"value": 13, "location": None},
        "note": "the hospital count", "reviewer": "sam"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["review_id"] > 0 and out["value"] == 13 and out["location"] is None
    assert out["extracted"]["value"] == 12 and out["extracted"]["location"] == "Harl"
    assert out["reviews"][0]["reviewer"] == "sam"
    listed = api.get("/api/v1/claims", params={"actor": "Russian forces",
                                              "metric": "killed"}).json()
    assert _values(listed) == [13] and listed["items"][0]["status"] == "accepted"
    timeline = api.get("/api/v1/timeline", params={"actor": "Russia",
                                                  "metric": "killed"}).json()
    assert 13 in [i["value"] for i in timeline["items"]]
    queue = api.get("/api/v1/review-queue?limit=3").json()
    assert queue["total"] == 4


def test_rejected_reports_leave_the_timeline(api: httpx.Client) -> None:
    items = api.get("/api/v1/timeline", params={"actor": "Kyiv"}).json()["items"]
    (only,) = items
    cid = only["reports"][0]["claim_id"]
    assert api.patch(f"/api/v1/claims/{cid}", headers=AUTH,
                     json={"status": "rejected"}).status_code == 200
    assert api.get("/api/v1/timeline", params={"actor": "Kyiv"}).json()["total"] == 0


# -- documents that never reach the extractor ---------------------------------------


@pytest.mark.parametrize(("body", "status"), [
    ({"text": "Two were hurt.", "id": "has space"}, 422),
    ({"text": "Two were hurt.", "id": "-leading-dash"}, 422),
    ({"text": "Two were hurt.", "published": "yesterday"}, 422),
    ({"text": "Two were hurt.", "colour": "red"}, 422),
    ({"text": "\n\t  "}, 422),
    ({"url": "ftp://files.example/a.txt"}, 422),
    ({"url": "http://127.0.0.1:9/private"}, 422),
    ({"text": "word " * 100}, 413),
])
def test_documents_refused_before_extraction(hand_db: str, body: dict[str, Any],
                                             status: int) -> None:
    with app_client(hand_db, max_text_chars=300) as (client, svc):
        r = client.post("/api/v1/documents", json=body, headers=AUTH)
        assert r.status_code == status, r.text
        assert svc._extractor is None  # never loaded
        assert client.get("/api/v1/documents").json()["total"] == 4


# -- guards -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/claims", "/api/v1/claims/999999", "/", "/sources",
                                  "/static/style.css", "/api/v1/timeline"])
def test_security_headers_on_every_answer(api: httpx.Client, path: str) -> None:
    r = api.get(path)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize(("host", "ok"), [
    ("127.0.0.1", True), ("127.0.0.1:8000", True), ("localhost:1", True), ("[::1]:80", True),
    ("LOCALHOST", True), ("evil.example", False), ("127.0.0.1.evil.example", False),
    ("[::2]:80", False), ("", False)])
def test_only_loopback_host_headers(api: httpx.Client, host: str, ok: bool) -> None:
    r = api.get("/api/v1/health", headers={"Host": host})
    assert (r.status_code == 200) is ok, (host, r.status_code)


@pytest.mark.parametrize("header", ["Bearer", "Basic " + TOKEN, TOKEN,
                                    "bearer  " + TOKEN + "x"])
def test_malformed_authorisation_is_refused(api: httpx.Client, header: str) -> None:
    cid = _first_id(api)
    r = api.patch(f"/api/v1/claims/{cid}", json={"status": "accepted"},
                  headers={"Authorization": header})
    assert r.status_code in (401, 403)
    assert api.get(f"/api/v1/claims/{cid}").json()["reviews"] == []


def test_the_scheme_is_case_insensitive(api: httpx.Client) -> None:
    cid = _first_id(api)
    r = api.patch(f"/api/v1/claims/{cid}", json={"status": "accepted"},
                  headers={"Authorization": "bearer " + TOKEN})
    assert r.status_code == 200


# -- pages --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/sources", "/review", "/login", "/search?q=harbour",
                                  "/series?actor=Russia", "/source?name=a%20UN%20agency",
                                  "/documents/ridge-1"])
def test_pages_render(api: httpx.Client, path: str) -> None:
    r = api.get(path)
    assert r.status_code == 200, (path, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    assert "<html" in r.text


def test_page_404s(api: httpx.Client) -> None:
    assert api.get("/claims/999999").status_code == 404
    assert api.get("/documents/nothing-stored").status_code == 404


def test_the_claim_page_shows_the_claim(api: httpx.Client) -> None:
    cid = _first_id(api)
    page = api.get(f"/claims/{cid}")
    assert page.status_code == 200 and "Ministry of Health" in page.text
