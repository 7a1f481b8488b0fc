"""The Service (web/service.py) over a real SQLite store of hand-made claims: the view
follows the store, a slow rebuild answers stale while a thread rebuilds, and the claim
lists answered from the view equal the store's own answers."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from tollwatch.errors import ConfigError
from tollwatch.store import Store
from tollwatch.web.service import Service
from tollwatch.web.settings import Settings

from .handmade import add_more, fill


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:  # SQLite and PostgreSQL
        fill(s)
        yield s


def _service(store: Store, **settings: object) -> Service:
    values: dict[str, object] = {"fingerprint_ttl": 0.0}
    values.update(settings)
    return Service(store, Settings(**values))  # type: ignore[arg-type]


def test_the_view_is_built_once_per_state(store: Store) -> None:
    svc = _service(store)
    assert svc.current is None
    snap = svc.snapshot()
    assert svc.current is snap and svc.snapshot() is snap
    assert snap.fingerprint == store.fingerprint()
    add_more(store, 1, 40, "2024-04-10")
    newer = svc.snapshot()
    assert newer is not snap and len(newer.reports) == len(snap.reports) + 1


def test_the_fingerprint_is_trusted_for_its_ttl(store: Store) -> None:
    svc = _service(store, fingerprint_ttl=3600.0)
    fp = svc.fingerprint()
    add_more(store, 2, 41, "2024-04-10")
    assert svc.fingerprint() == fp  # not read again yet
    svc.invalidate()  # what a write through the server does
    assert svc.fingerprint() != fp


def test_prerender_makes_every_fragment(store: Store) -> None:
    on = _service(store).snapshot()
    assert len(on.fragments) == len(on.claims)
    assert len(on.report_fragments) == len(on.reports)
    off = _service(store, prerender=False).snapshot()
    assert off.fragments == {} and off.report_fragments == {}


def test_a_slow_view_answers_stale_while_it_rebuilds(store: Store) -> None:
    svc = _service(store, sync_rebuild_s=0.0)
    first = svc.snapshot()
    first.seconds = 1.0  # as if the last build were slow
    add_more(store, 3, 42, "2024-04-11")
    fp = svc.fingerprint()
    stale = svc.snapshot(fp)
    assert stale is first  # answered at once, from the previous view
    deadline = time.monotonic() + 30
    while (svc.current is first or svc.current is None) and time.monotonic() < deadline:
        time.sleep(0.02)
    fresh = svc.current
    assert fresh is not None and fresh is not first and fresh.fingerprint == fp
    assert 42 in [r.claim.value for r in fresh.reports]
    for t in threading.enumerate():
        if t.name == "tollwatch-reconcile":
            t.join(timeout=30)
    assert svc.snapshot(fp) is fresh  # current now: answered without another rebuild


def test_timeline_by_any_name_of_the_actor(store: Store) -> None:
    svc = _service(store)
    by_country = svc.timeline("Russia")
    assert [c.value for c in by_country] == [30, 12, 15]
    assert [c.id for c in svc.timeline("Moscow")] == [c.id for c in by_country]
    assert [c.value for c in svc.timeline("russian forces", metric="killed")] == [12, 15]
    assert svc.timeline("Russia", metric="displaced") == []
    assert svc.timeline("Atlantis") == []


def test_timeline_filters_by_location_and_origin(store: Store) -> None:
    svc = _service(store)
    assert [c.value for c in svc.timeline("Russia", location="Harl")] == [12]
    assert [c.value for c in svc.timeline("Russia", origin="Ministry of Health")] == [30, 12, 15]
    assert svc.timeline("Russia", origin="a UN agency") == []


def test_the_metric_filter_is_remembered_per_view(store: Store) -> None:
    svc = _service(store)
    snap = svc.snapshot()
    a = svc.timeline("Russia", metric="killed", snap=snap)
    assert svc.timeline("Russia", metric="killed", snap=snap) is a


def test_group_timelines(store: Store) -> None:
    svc = _service(store)
    displaced = svc.group_timeline("displaced people")
    assert [c.value for c in displaced] == [2000]
    assert svc.timeline(None, group="displaced people") == displaced
    assert svc.group_timeline("displaced people", actor="Russia") == []
    with pytest.raises(ConfigError):
        svc.group_timeline("no such group of people at all")


@pytest.mark.parametrize(("actor", "metric"), [
    (None, None), (None, "killed"), ("Russia", None), ("Russian forces", "killed"),
    ("Kyiv", None), ("Kyiv", "killed"), ("nobody", None), (None, "abducted")])
def test_claim_lists_from_the_view_equal_the_stores(store: Store, actor: str | None,
                                                    metric: str | None) -> None:
    svc = _service(store)
    snap = svc.snapshot()
    for limit, offset in ((50, 0), (2, 0), (2, 1), (1, 4), (5, 10)):
        page, total = svc.claims_page(snap, actor, metric, limit, offset)
        want = store.reports(actor=actor, metric=metric, limit=limit, offset=offset)
        assert [r.claim_id for r in page] == [r.claim_id for r in want]
        assert total == store.count_reports(actor=actor, metric=metric)


def test_claim_positions_follow_the_extracted_metric_not_the_correction(store: Store) -> None:
    svc = _service(store)
    first = store.reports(metric="injured")[0]
    store.review(first.claim_id, "accepted", {"metric": "killed"})
    snap = svc.snapshot()
    got, total = svc.claims_page(snap, None, "injured", 50, 0)
    assert [r.claim_id for r in got] == [first.claim_id] and total == 1
    assert got[0].claim.metric == "killed"  # shown corrected
    assert store.count_reports(metric="injured") == 1  # the store's semantics


def test_by_origin_any_spelling(store: Store) -> None:
    svc = _service(store)
    by_canonical = svc.by_origin("Ministry of Health")
    assert [c.value for c in by_canonical] == [30, 12, 15]
    assert [c.id for c in svc.by_origin("the health ministry")] == \
        [c.id for c in by_canonical]
    assert svc.by_origin("a press office nobody knows") == []


def test_canonical_actor(store: Store) -> None:
    svc = _service(store)
    assert svc.canonical_actor("Moscow") == "Russia"
    assert svc.canonical_actor("a militia of no name") == "a militia of no name"


def test_review_through_the_service_is_seen_at_once(store: Store) -> None:
    svc = _service(store, fingerprint_ttl=3600.0)
    snap = svc.snapshot()
    cid = snap.reports[0].claim_id
    svc.review(cid, "rejected", {}, "duplicate figure", "ana")
    after = svc.snapshot()
    assert after is not snap and after.status[cid] == "rejected"
    with pytest.raises(KeyError):
        svc.review(10**9, "accepted", {}, None, None)


def test_cached_answers_are_dropped_after_a_write(store: Store) -> None:
    svc = _service(store)
    fp = svc.fingerprint()
    assert svc.cached("k", fp, lambda: b"one") == b"one"
    assert svc.peek("k", fp) == b"one"
    svc.review(svc.snapshot().reports[0].claim_id, "accepted", {}, None, None)
    assert svc.peek("k", fp) is None


def test_the_stored_view_needs_the_default_options(store: Store) -> None:
    svc = _service(store, window_days=3)
    assert svc.view_current() is False  # reconciled with other options than the stored view
    plain = _service(store)
    assert plain.view_current() is False  # no `tollwatch reconcile` yet


def test_the_stored_view_is_current_after_reconcile(store: Store) -> None:
    from tollwatch.reconcile.stored import refresh

    svc = _service(store)
    refresh(store, svc.options, names=svc.names)
    assert svc.view_current() is True
    total, rows = svc.stored_timeline("Moscow", None, 10, 0)
    items = json.loads(b"[" + rows + b"]")  # the inside of a JSON array, as bytes
    assert total == 3 and len(items) == 3
    assert {i["actor"] for i in items} == {"Russia"}
    add_more(store, 4, 43, "2024-04-12")
    assert svc.view_current() is False  # a write not through the server
    svc.refresh_view()
    assert svc.view_current() is True  # bug: the answer at this state was remembered
    total, rows = svc.stored_timeline("Russia", "killed", 10, 0)
    assert total == 3


def test_settings_are_a_frozen_value() -> None:
    s = Settings()
    assert replace(s, page_size=5).page_size == 5 and s.page_size == 50
    with pytest.raises(AttributeError):
        s.page_size = 3  # type: ignore[misc]
