"""Totals and alias ids kept per store state (web/read_memo.py), and the claims lists and
stored timelines answered with them: the same pages and totals as the store's own
queries, on SQLite and PostgreSQL, over a live server on loopback; new totals after a
write."""

from __future__ import annotations

import json
from itertools import product
from typing import Any

import httpx
import pytest

from tollwatch.reconcile.stored import rebuild, timeline_counts, timeline_json, timeline_page
from tollwatch.store import Store
from tollwatch.web import Settings, create_app
from tollwatch.web.api_common import dumps
from tollwatch.web.read_memo import ReadMemo, StateMemo

from .conftest import TOKEN, serve_app
from .handmade import add_more, fill

AUTH = {"Authorization": f"Bearer {TOKEN}"}
ACTORS = [None, "Russia", "russian forces", "Kyiv", "Ukraine", "nobody at all"]
METRICS = [None, "killed", "injured", "detained", "displaced"]


def test_state_memo_computes_once_per_state() -> None:
    memo = StateMemo()
    calls: list[str] = []

    def make(tag: str) -> int:
        calls.append(tag)
        return len(calls)

    a, b = (1, 1, 1, 1), (2, 1, 1, 1)
    assert memo.get(a, "k", lambda: make("k")) == 1
    assert memo.get(a, "k", lambda: make("k")) == 1
    assert memo.peek(a, "k") == 1 and memo.peek(b, "k") is None
    assert memo.get(b, "k", lambda: make("k")) == 2  # another state: counted again
    assert memo.peek(a, "k") is None  # ... and the old state's values are gone
    memo.clear()
    assert memo.peek(b, "k") is None
    assert calls == ["k", "k"]


def test_state_memo_keeps_at_most_its_size() -> None:
    memo = StateMemo(size=3)
    fp = (1, 1, 1, 1)
    for i in range(5):
        memo.put(fp, i, i * 10)
    assert [memo.peek(fp, i) for i in range(5)] == [None, None, 20, 30, 40]


@pytest.fixture
def filled(db_url: str) -> str:
    """A store of the hand-made claims (SQLite or PostgreSQL) keeping its view."""
    with Store.open(db_url) as store:
        fill(store)
        rebuild(store)
    return db_url


def test_grouped_counts_match_the_store_counts(filled: str) -> None:
    with Store.open(filled) as store:
        memo = ReadMemo(store)
        fp = store.fingerprint()
        cold = {(a, m): memo.claims_total(fp, memo.alias_ids(fp, "actor", a), m,
                                          lambda a=a, m=m: store.count_reports(actor=a, metric=m))
                for a, m in product(ACTORS, METRICS)}
        memo.warm(fp, timelines=True)
        assert memo.memo.peek(fp, ("claims-table",)) is not None
        for a, m in product(ACTORS, METRICS):
            want = store.count_reports(actor=a, metric=m)
            assert cold[(a, m)] == want, (a, m)
            warm = memo.claims_total(fp, memo.alias_ids(fp, "actor", a), m,
                                     lambda: pytest.fail("counted although warm"))
            assert warm == want, (a, m)
        counts = timeline_counts(store)
        assert sum(counts.values()) > 0
        for (actor_key, metric, own), n in counts.items():
            voice = "only" if own else "hide"
            assert timeline_page(store, actor_key, metric, 1, 0, voice=voice)[0] == n
        for a in ("Russia", "Ukraine", "nobody"):
            for m in METRICS:
                for voice in ("hide", "show", "only"):
                    total = memo.timeline_total(fp, a, m, None, voice)
                    assert total == timeline_page(store, a, m, 1, 0, voice=voice)[0], \
                        (a, m, voice)


def test_timeline_json_is_the_page_as_utf8(filled: str) -> None:
    with Store.open(filled) as store:
        for a, m in product(("Russia", "Ukraine", None), METRICS):
            for limit, offset in ((500, 0), (1, 1)):
                total, items = timeline_page(store, a, m, limit, offset)
                assert timeline_json(store, a, m, limit, offset) == \
                    (total, ",".join(items).encode("utf-8")), (a, m)


def test_pages_by_ids_match_the_whole_list(filled: str) -> None:
    """``Store.reports`` with a limit reads a page's ids first: every page, at every
    offset, is the matching slice of the whole ordered list."""
    with Store.open(filled) as store:
        for a, m in product(ACTORS, METRICS):
            whole = [r.claim_id for r in store.reports(actor=a, metric=m)]
            for limit, offset in product((1, 2, 3, 50), (0, 1, 2, 5, 40)):
                page = [r.claim_id for r in store.reports(actor=a, metric=m, limit=limit,
                                                          offset=offset)]
                assert page == whole[offset:offset + limit], (a, m, limit, offset)
        since = [r.claim_id for r in store.reports(since="2024-04-02")]
        assert [r.claim_id for r in store.reports(since="2024-04-02", limit=2, offset=1)] \
            == since[1:3]


def _get(c: httpx.Client, path: str, **params: Any) -> Any:
    r = c.get(path, params={k: v for k, v in params.items() if v is not None})
    assert r.status_code == 200, r.text
    return r.json()


def test_claims_and_timelines_over_http_match_the_store(filled: str) -> None:
    app = create_app(filled, Settings(token=TOKEN, fingerprint_ttl=0.0, warm=True))
    svc = app.state.service
    with serve_app(app) as base, httpx.Client(base_url=base, timeout=60) as c, \
            Store.open(filled) as store:
        assert _get(c, "/api/v1/health", warm=1)["view"] == "stored"
        for a, m in product(ACTORS, METRICS):
            want = [r.claim_id for r in store.reports(actor=a, metric=m)]
            for offset in (0, 1, 3):
                body = _get(c, "/api/v1/claims", actor=a, metric=m, limit=2, offset=offset)
                assert body["total"] == len(want), (a, m)
                assert [i["claim_id"] for i in body["items"]] == want[offset:offset + 2]
        for a in ("Russia", "Ukraine"):
            for m in METRICS:
                body = _get(c, "/api/v1/timeline", actor=a, metric=m)
                total, items = timeline_page(store, a, m, 500, 0)
                assert body["total"] == total == len(body["items"])
                assert body["items"] == [json.loads(i) for i in items]
        before = _get(c, "/api/v1/claims", actor="Russia", metric="killed")["total"]
        tl_before = _get(c, "/api/v1/timeline", actor="Russia")["total"]
        # a write beside the server (an ingest), then the view brought up to date
        add_more(store, 1, 77, "2024-04-09")
        svc.refresh_view()
        after = _get(c, "/api/v1/claims", actor="Russia", metric="killed")
        assert after["total"] == before + 1
        assert 77 in [i["value"] for i in after["items"]]
        assert _get(c, "/api/v1/timeline", actor="Russia")["total"] == tl_before + 1
        # a rejection through the server: the claims list keeps it, the timeline drops it
        claim_id = after["items"][0]["claim_id"]
        r = c.patch(f"/api/v1/claims/{claim_id}", headers=AUTH, json={"status": "rejected"})
        assert r.status_code == 200, r.text
        again = _get(c, "/api/v1/claims", actor="Russia", metric="killed")
        assert again["total"] == before + 1
        kept = [x["claim_id"] for i in _get(c, "/api/v1/timeline", actor="Russia")["items"]
                for x in i["reports"]]
        assert claim_id not in kept


def test_counts_of_other_filters_follow_the_store(filled: str) -> None:
    app = create_app(filled, Settings(token=TOKEN, fingerprint_ttl=0.0))
    with serve_app(app) as base, httpx.Client(base_url=base, timeout=60) as c, \
            Store.open(filled) as store:
        for params in ({"origin": "health ministry"}, {"since": "2024-04-02"},
                       {"actor": "Russia", "until": "2024-04-02"},
                       {"origin": "nobody", "metric": "killed"}):
            body = _get(c, "/api/v1/claims", **params)
            assert body["total"] == store.count_reports(**params), params
            assert [i["claim_id"] for i in body["items"]] == \
                [r.claim_id for r in store.reports(**params)][:50]
        n = _get(c, "/api/v1/claims", since="2024-04-02")["total"]
        add_more(store, 2, 88, "2024-04-10")
        assert _get(c, "/api/v1/claims", since="2024-04-02")["total"] == n + 1


def test_dumps_writes_the_standard_librarys_json() -> None:
    values = {"items": [{"quote": "Zürich «12» killed — \u00e9t\u00e9 \u4e2d", "value": 12,
                         "low": None, "confidence": 0.35, "civilian": True,
                         "origin": ["a", "b"], "attribution": {"reason": "x"}}],
              "total": 1, "limit": 50, "offset": 0}
    assert dumps(values) == json.dumps(values, ensure_ascii=False,
                                       separators=(",", ":")).encode("utf-8")
    assert json.loads(dumps({1: "a"})) == {"1": "a"}  # non-string keys as the stdlib does
