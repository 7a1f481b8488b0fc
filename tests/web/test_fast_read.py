"""The fast path of cached reads (web/fast_read.py) and the start-up prefill
(web/read_answers.py): the canonical keys, and over a real server on loopback, that a
cached answer sent before FastAPI is the very answer (status, headers, bytes) of the full
path, that writes through the server or beside it are seen at once, that the guard's
checks still hold, and that prefilled answers are those a request makes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from tollwatch.reconcile.stored import rebuild
from tollwatch.store import Store
from tollwatch.web import Settings, create_app
from tollwatch.web.fast_read import claims_key, fast_key, timeline_key
from tollwatch.web.read_answers import busiest_series

from .conftest import TOKEN, serve_app
from .handmade import add_more

AUTH = {"Authorization": f"Bearer {TOKEN}"}
CFG = Settings()

CLAIMS_QUERIES = ["", "actor=Russia", "actor=Russia&metric=killed", "metric=killed&limit=2",
                  "actor=Russia&limit=1&offset=1", "limit=50&offset=0&actor=Russia",
                  "origin=the+health+ministry", "since=2024-04-01", "actor=Kyiv&limit=500"]
TIMELINE_QUERIES = ["actor=Russia", "actor=Russia&metric=killed", "actor=Ukraine",
                    "actor=Russia&limit=1&offset=1", "actor=Russia&limit=500&offset=0",
                    "actor=Russia&own_voice=show", "actor=Russia&own_voice=only",
                    "own_voice=hide&actor=Russia"]
BAD_QUERIES = ["/api/v1/claims?metric=eaten", "/api/v1/claims?limit=0",
               "/api/v1/claims?since=2024-02-30", "/api/v1/timeline?metric=killed",
               "/api/v1/timeline?actor=Russia&limit=20001", "/api/v1/timeline?group=zzz",
               "/api/v1/timeline?actor=Russia&own_voice=all"]


# -- keys ---------------------------------------------------------------------------


def test_the_defaults_and_any_order_share_one_key() -> None:
    base = claims_key("Russia", None, None, None, None, 50, 0)
    for q in ("actor=Russia", "limit=50&actor=Russia", "offset=0&limit=50&actor=Russia",
              "actor=Russia&limit=50&offset=0"):
        assert fast_key("/api/v1/claims", q, CFG) == base, q
    assert fast_key("/api/v1/claims", "actor=Russia&limit=9999", CFG) == claims_key(
        "Russia", None, None, None, None, 500, 0)  # clamped as the endpoint clamps it
    assert fast_key("/api/v1/timeline", "metric=killed&actor=A", CFG) == timeline_key(
        "A", "killed", None, None, None, 500, 0)
    assert fast_key("/api/v1/timeline", "actor=Burkina%20Faso", CFG) == fast_key(
        "/api/v1/timeline", "actor=Burkina+Faso", CFG)


def test_each_own_voice_choice_has_its_own_key() -> None:
    keys = {fast_key("/api/v1/timeline", f"actor=A&own_voice={v}", CFG)
            for v in ("hide", "show", "only")}
    assert len(keys) == 3 and None not in keys
    assert fast_key("/api/v1/timeline", "actor=A", CFG) == fast_key(
        "/api/v1/timeline", "actor=A&own_voice=hide", CFG)  # the default filled in


def test_values_cannot_run_into_each_other() -> None:
    one = fast_key("/api/v1/claims", "actor=a%26metric%3Dkilled", CFG)
    two = fast_key("/api/v1/claims", "actor=a&metric=killed", CFG)
    assert one is not None and two is not None and one != two
    assert fast_key("/api/v1/claims", "actor=", CFG) != fast_key("/api/v1/claims", "", CFG)


@pytest.mark.parametrize("path,query", [
    ("/api/v1/claims", "actor=A&actor=B"),  # repeated
    ("/api/v1/claims", "actor=A&extra=1"),  # unknown to the endpoint
    ("/api/v1/claims", "location=x"),  # a timeline filter, not a claims one
    ("/api/v1/claims", "limit=0"), ("/api/v1/claims", "limit=050"),
    ("/api/v1/claims", "limit=+5"), ("/api/v1/claims", "offset=-1"),
    ("/api/v1/claims", "offset=10000001"), ("/api/v1/claims", "limit=5.0"),
    ("/api/v1/timeline", "actor=A&limit=20001"), ("/api/v1/timeline", "actor=A&offset=01"),
    ("/api/v1/timeline", "actor=A&own_voice=all"), ("/api/v1/claims", "own_voice=show"),
    ("/api/v1/claims/3", ""), ("/api/v1/claims/", ""), ("/api/v1/documents", "q=x"),
])
def test_anything_unusual_goes_the_full_path(path: str, query: str) -> None:
    assert fast_key(path, query, CFG) is None


# -- over a real server -------------------------------------------------------------


@contextmanager
def _server(db: str, fast: bool = True, **settings: Any) -> Iterator[tuple[httpx.Client, Any]]:
    values: dict[str, Any] = {"token": TOKEN, "fingerprint_ttl": 0.0}
    values.update(settings)
    app = create_app(db, Settings(**values))
    if not fast:
        app.fast = None
    with serve_app(app) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client, app


def _shape(r: httpx.Response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(k, v) for k, v in r.headers.multi_items() if k not in ("date", "server")]
    return r.status_code, headers, r.content


def _targets() -> list[str]:
    return ([f"/api/v1/claims?{q}" for q in CLAIMS_QUERIES]
            + [f"/api/v1/timeline?{q}" for q in TIMELINE_QUERIES] + BAD_QUERIES)


@pytest.mark.parametrize("view", [False, True], ids=["memory-view", "stored-view"])
def test_fast_and_full_paths_answer_the_same(hand_db: str, view: bool) -> None:
    if view:
        with Store.open(hand_db) as store:
            rebuild(store)
    with _server(hand_db, fast=False) as (full, _):
        expected = [_shape(full.get(t)) for t in _targets()]
        again = [_shape(full.get(t)) for t in _targets()]  # the full path, cached
    assert again == expected
    with _server(hand_db) as (client, app):
        first = [_shape(client.get(t)) for t in _targets()]
        svc = app.state.service
        served: list[str] = []
        fp = svc.fingerprint()
        for t in _targets():
            path, _, query = t.partition("?")
            key = fast_key(path, query, svc.settings)
            if key is not None and svc.peek(key, fp) is not None:
                served.append(t)
        cached = [_shape(client.get(t)) for t in _targets()]  # from the fast path
    assert first == expected and cached == expected
    # every good request was cached under the key the fast path finds; no bad one was
    assert len(served) == len(CLAIMS_QUERIES) + len(TIMELINE_QUERIES)
    status, headers, _ = expected[0]
    assert status == 200 and ("content-type", "application/json") in headers
    assert ("x-frame-options", "DENY") in headers and headers[0][0] == "content-length"
    assert [s for s, _, _ in expected[-len(BAD_QUERIES):]] == [422] * len(BAD_QUERIES)


def test_a_review_through_the_server_is_seen_by_the_next_read(hand_db: str) -> None:
    with Store.open(hand_db) as store:
        rebuild(store)
    with _server(hand_db) as (c, _app):
        before = c.get("/api/v1/claims?actor=Russia").json()
        assert c.get("/api/v1/claims?actor=Russia").json() == before  # now cached
        timeline = c.get("/api/v1/timeline?actor=Russia").json()
        claim = before["items"][0]["claim_id"]
        r = c.patch(f"/api/v1/claims/{claim}", headers=AUTH,
                    json={"status": "accepted", "corrections": {"value": 4321}})
        assert r.status_code == 200
        after = c.get("/api/v1/claims?actor=Russia").json()
        mine = next(x for x in after["items"] if x["claim_id"] == claim)
        assert mine["value"] == 4321 and mine["status"] == "accepted"
        again = c.get("/api/v1/timeline?actor=Russia").json()
        assert again != timeline
        assert 4321 in [x["value"] for x in again["items"]]


def test_a_write_beside_the_server_is_seen_by_the_next_read(hand_db: str) -> None:
    with _server(hand_db) as (c, _app):
        before = c.get("/api/v1/claims?metric=killed").json()
        assert c.get("/api/v1/claims?metric=killed").json() == before
        with Store.open(hand_db) as other:  # as an ingest run beside the server would
            add_more(other, 1, 99, "2024-04-09")
        after = c.get("/api/v1/claims?metric=killed").json()
        assert after["total"] == before["total"] + 1
        assert 99 in [x["value"] for x in after["items"]]


def test_the_fast_path_keeps_the_guards(hand_db: str) -> None:
    with _server(hand_db) as (c, _app):
        assert c.get("/api/v1/claims").status_code == 200  # cached now
        bad = c.get("/api/v1/claims", headers={"Host": "evil.example"})
        assert bad.status_code == 400 and bad.json() == {"detail": "unexpected Host header"}
    with _server(hand_db, public_reads=False) as (c, _app):
        assert c.get("/api/v1/claims", headers=AUTH).status_code == 200  # cached now
        refused = c.get("/api/v1/claims")
        assert refused.status_code == 401
        assert c.get("/api/v1/claims", headers=AUTH).status_code == 200


def test_with_the_cache_off_the_fast_path_serves_nothing(hand_db: str) -> None:
    with _server(hand_db, cache=False) as (c, app):
        a, b = c.get("/api/v1/claims"), c.get("/api/v1/claims")
        assert a.content == b.content
        assert app.state.service.peek(claims_key(None, None, None, None, None, 50, 0),
                                      app.state.service.fingerprint()) is None


# -- prefill --------------------------------------------------------------------------


def test_prefilled_answers_are_those_a_request_makes(hand_db: str) -> None:
    with Store.open(hand_db) as store:
        rebuild(store)
    with _server(hand_db, warm=True, prefill_pages=2) as (c, app):
        assert c.get("/api/v1/health", params={"warm": 1}).json()["view"] == "stored"
        svc = app.state.service
        fp = svc.fingerprint()
        series = busiest_series(svc, fp)
        assert series and series[0][1] is None  # an actor alone comes before its metrics
        assert series == sorted(series, key=lambda x: -x[2])
        filled = {}
        for actor, metric, _ in series:
            for key, target in (
                    (timeline_key(actor, metric, None, None, None, 500, 0),
                     "/api/v1/timeline"),
                    (claims_key(actor, metric, None, None, None, 50, 0), "/api/v1/claims"),
                    (claims_key(actor, metric, None, None, None, 50, 50), "/api/v1/claims")):
                body = svc.peek(key, fp)
                assert body is not None or key.endswith("offset=50"), key
                if body is not None:
                    filled[key] = (target, actor, metric, body)
    assert filled
    with _server(hand_db, cache=False) as (c, _app):
        for key, (target, actor, metric, body) in filled.items():
            params: dict[str, Any] = {"actor": actor}
            if metric:
                params["metric"] = metric
            if key.endswith("offset=50"):
                params.update(limit=50, offset=50)
            assert c.get(target, params=params).content == body, key


def test_no_prefill_when_it_has_no_time(hand_db: str) -> None:
    with Store.open(hand_db) as store:
        rebuild(store)
    with _server(hand_db, warm=True, prefill_s=0.0) as (c, app):
        assert c.get("/api/v1/health", params={"warm": 1}).json()["view"] == "stored"
        svc = app.state.service
        key = claims_key("Russia", None, None, None, None, 50, 0)
        assert svc.peek(key, svc.fingerprint()) is None


def test_the_prefill_budget_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from tollwatch.web.settings import PREFILL_ENV

    assert Settings.from_env().prefill_s == Settings().prefill_s == 5.0
    monkeypatch.setenv(PREFILL_ENV, "1.5")
    assert Settings.from_env().prefill_s == 1.5
