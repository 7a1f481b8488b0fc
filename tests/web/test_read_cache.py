"""The answer cache and the middleware that answers cached reads before routing
(web/read_cache.py), over a real app and store on loopback (FastAPI TestClient)."""

from __future__ import annotations

import threading

from tollwatch.store import Store
from tollwatch.web.fast_read import claims_key
from tollwatch.web.read_cache import CACHED_PATHS, AnswerCache, cache_key
from tollwatch.web.service import CACHED_PATHS as OLD_PATHS
from tollwatch.web.service import cache_key as old_cache_key

from .conftest import app_client
from .handmade import add_more


def test_old_import_places_still_work() -> None:
    assert OLD_PATHS is CACHED_PATHS and old_cache_key is cache_key
    assert CACHED_PATHS == {"/api/v1/claims", "/api/v1/timeline"}


def test_cache_key_sorts_query_items() -> None:
    assert cache_key("/p", "b=2&a=1") == cache_key("/p", "a=1&b=2") == "/p?a=1&b=2"
    assert cache_key("/p", "") == "/p?"
    assert cache_key("/p", "a=") == "/p?a="  # blank values kept
    assert cache_key("/p", "a=1&a=0") == "/p?a=0&a=1"
    assert cache_key("/p", "q=%C3%A9") == "/p?q=é"  # decoded
    assert cache_key("/p", "a=1") != cache_key("/q", "a=1")


def test_answers_are_made_once_per_key_and_state() -> None:
    cache = AnswerCache(10)
    calls: list[str] = []

    def make(tag: str) -> bytes:
        calls.append(tag)
        return tag.encode()

    fp = (1, 1, 1, 1)
    assert cache.get("a", fp, lambda: make("a")) == b"a"
    assert cache.get("a", fp, lambda: make("again")) == b"a"
    assert cache.peek("a", fp) == b"a" and cache.peek("b", fp) is None
    assert calls == ["a"]


def test_a_new_state_empties_the_cache() -> None:
    cache = AnswerCache(10)
    cache.get("a", (1, 0, 0, 0), lambda: b"old")
    assert cache.peek("a", (2, 0, 0, 0)) is None
    assert cache.get("a", (2, 0, 0, 0), lambda: b"new") == b"new"
    assert cache.peek("a", (1, 0, 0, 0)) is None  # the old state's answers are gone


def test_the_least_recently_used_answer_goes_first() -> None:
    cache = AnswerCache(2)
    fp = (0, 0, 0, 1)
    cache.get("a", fp, lambda: b"A")
    cache.get("b", fp, lambda: b"B")
    cache.get("a", fp, lambda: b"x")  # a hit: a is now the most recent
    cache.get("c", fp, lambda: b"C")
    assert cache.peek("b", fp) is None
    assert cache.peek("a", fp) == b"A" and cache.peek("c", fp) == b"C"


def test_size_zero_caches_nothing() -> None:
    cache = AnswerCache(0)
    n = []
    for _ in range(3):
        cache.get("a", (0, 0, 0, 0), lambda: n.append(1) or b"x")  # type: ignore[func-returns-value]
    assert len(n) == 3 and cache.peek("a", (0, 0, 0, 0)) is None


def test_clear_forgets_everything() -> None:
    cache = AnswerCache(5)
    cache.get("a", (0, 0, 0, 0), lambda: b"A")
    cache.clear()
    assert cache.peek("a", (0, 0, 0, 0)) is None


def test_an_answer_made_while_the_state_changed_is_not_kept() -> None:
    cache = AnswerCache(5)
    fp_old, fp_new = (1, 0, 0, 0), (2, 0, 0, 0)

    def slow() -> bytes:
        cache.get("other", fp_new, lambda: b"N")  # another request sees a newer state
        return b"OLD"

    assert cache.get("k", fp_old, slow) == b"OLD"
    assert cache.peek("k", fp_old) is None and cache.peek("k", fp_new) is None
    assert cache.peek("other", fp_new) == b"N"


def test_concurrent_gets_agree() -> None:
    cache = AnswerCache(100)
    fp = (3, 3, 3, 3)
    out: list[bytes] = []

    def work(i: int) -> None:
        out.append(cache.get(f"k{i % 7}", fp, lambda: f"v{i % 7}".encode()))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(set(out)) == sorted({f"v{i}".encode() for i in range(7)})


# -- the middleware, over a real app and server ---------------------------------------


def test_a_cached_read_is_answered_again_the_same(hand_db: str) -> None:
    with app_client(hand_db) as (client, svc):
        first = client.get("/api/v1/claims?metric=killed&limit=5")
        assert first.status_code == 200
        fp = svc.fingerprint()
        key = claims_key(None, "killed", None, None, None, 5, 0)
        assert svc.peek(key, fp) == first.content
        again = client.get("/api/v1/claims?limit=5&metric=killed")  # same items, reordered
        assert again.content == first.content
        assert again.headers["content-type"] == "application/json"
        assert int(again.headers["content-length"]) == len(again.content)


def test_a_write_beside_the_server_is_seen_by_the_next_read(hand_db: str) -> None:
    with app_client(hand_db) as (client, _svc):
        before = client.get("/api/v1/claims?metric=killed").json()
        with Store.open(hand_db) as other:  # as an ingest run beside the server would
            add_more(other, 1, 99, "2024-04-09")
        after = client.get("/api/v1/claims?metric=killed").json()
        assert after["total"] == before["total"] + 1
        assert 99 in [c["value"] for c in after["items"]]


def test_invalid_requests_are_never_cached(hand_db: str) -> None:
    with app_client(hand_db) as (client, svc):
        assert client.get("/api/v1/claims?metric=eaten").status_code == 422
        fp = svc.fingerprint()
        assert svc.peek(claims_key(None, "eaten", None, None, None, 50, 0), fp) is None
        assert client.get("/api/v1/claims?metric=eaten").status_code == 422


def test_with_the_cache_off_nothing_is_kept(hand_db: str) -> None:
    with app_client(hand_db, cache=False) as (client, svc):
        assert svc.cache_size == 0
        a = client.get("/api/v1/claims")
        b = client.get("/api/v1/claims")
        assert a.content == b.content and a.json()["total"] == 5
        key = claims_key(None, None, None, None, None, 50, 0)
        assert svc.peek(key, svc.fingerprint()) is None


def test_other_methods_and_paths_pass_through(hand_db: str) -> None:
    with app_client(hand_db) as (client, _svc):
        client.get("/api/v1/claims")
        assert client.post("/api/v1/claims").status_code == 405
        assert client.get("/api/v1/actors").status_code == 200
