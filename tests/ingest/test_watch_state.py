"""What ``watch`` keeps in the store between polls (``WatchState``), on real SQLite and
PostgreSQL stores: a source's validators and backoff round-trip, failures back off by
doubling up to the cap (or as the server asks), a success clears them, two watchers share
one row, entry links are found however many, and a read-only store is one TW400 line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tollwatch.errors import FetchError, StoreError
from tollwatch.ingest.watch_state import SourceState, WatchState, backoff_seconds
from tollwatch.model import Document
from tollwatch.store import Incoming, Store

URL = "https://feeds.example.test/harbour.xml"
NOW = datetime(2032, 3, 4, 5, 6, 7, tzinfo=UTC)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = Store.open(db_url)
    yield s
    s.close()


def test_an_unknown_source_is_due_with_nothing_known(store: Store) -> None:
    state = WatchState(store).load(URL)
    assert state == SourceState(URL)
    assert state.due(NOW)


def test_validators_round_trip(store: Store) -> None:
    ws = WatchState(store)
    saved = ws.succeeded(ws.load(URL), '"v1-abc"', "Tue, 02 Mar 2032 08:00:00 GMT", True, NOW)
    got = WatchState(store).load(URL)
    assert got == saved
    assert (got.etag, got.last_modified, got.failures, got.next_try) == (
        '"v1-abc"', "Tue, 02 Mar 2032 08:00:00 GMT", 0, None)


def test_failures_back_off_and_a_success_clears_them(store: Store) -> None:
    ws = WatchState(store)
    state = ws.load(URL)
    waits = []
    for n in range(1, 6):
        state = ws.failed(state, FetchError("HTTP 500 Internal Server Error", source=URL),
                          every=60.0, retry_after=None, cap=600.0, now=NOW)
        loaded = ws.load(URL)
        assert loaded.failures == n
        assert loaded.last_error == f"{URL}: HTTP 500 Internal Server Error [TW200]"
        assert loaded.next_try is not None
        waits.append((loaded.next_try.replace(tzinfo=UTC) - NOW).total_seconds())
        assert not loaded.due(NOW)
        assert loaded.due(NOW + timedelta(seconds=waits[-1]))
    assert waits == [60.0, 120.0, 240.0, 480.0, 600.0]
    cleared = ws.succeeded(state, None, None, False, NOW)
    assert WatchState(store).load(URL) == cleared
    assert (cleared.failures, cleared.next_try, cleared.last_error) == (0, None, None)


def test_the_servers_retry_after_wins_when_longer(store: Store) -> None:
    ws = WatchState(store)
    busy = FetchError("HTTP 503 Service Unavailable", source=URL)
    state = ws.failed(ws.load(URL), busy, every=30.0, retry_after=900.0, cap=300.0, now=NOW)
    assert state.next_try == NOW + timedelta(seconds=900)
    state = ws.failed(state, busy, every=30.0, retry_after=5.0, cap=300.0, now=NOW)
    assert state.next_try == NOW + timedelta(seconds=60)  # the doubled interval is longer


@pytest.mark.parametrize("failures", range(12))
def test_backoff_grows_and_stays_under_the_cap(failures: int) -> None:
    wait = backoff_seconds(failures, 10.0, None, 1000.0)
    assert 10.0 <= wait <= 1000.0
    assert backoff_seconds(failures + 1, 10.0, None, 1000.0) >= wait
    assert backoff_seconds(failures, 10.0, 5000.0, 1000.0) == 5000.0


def test_validators_are_kept_through_a_failure(store: Store) -> None:
    ws = WatchState(store)
    good = ws.succeeded(ws.load(URL), '"e1"', None, True, NOW)
    ws.failed(good, FetchError("timed out after 15s", source=URL), every=10.0,
              retry_after=None, cap=100.0, now=NOW)
    got = ws.load(URL)
    assert got.etag == '"e1"' and got.failures == 1


def test_two_watchers_share_one_row(store: Store) -> None:
    a, b = WatchState(store), WatchState(store)
    a.succeeded(SourceState(URL), '"a"', None, True, NOW)
    b.succeeded(SourceState(URL), '"b"', None, True, NOW)  # b had not loaded it first
    assert a.load(URL).etag == '"b"'
    other = "https://feeds.example.test/valley.xml"
    a.failed(SourceState(other), FetchError("HTTP 404 Not Found", source=other), every=5.0,
             retry_after=None, cap=50.0, now=NOW)
    assert b.load(other).failures == 1 and b.load(URL).failures == 0


def test_stored_finds_entry_links_in_chunks(store: Store) -> None:
    links = [f"https://news.example.test/story/{n}" for n in range(1200)]
    kept = links[::97]
    items = [Incoming(Document(id=f"s{n}", text=f"Story number {n} says {n} were hurt."),
                      [], source=link) for n, link in enumerate(kept)]
    store.add_batch(items, "watch-1")
    assert WatchState(store).stored(links) == set(kept)
    assert WatchState(store).stored([]) == set()
    assert WatchState(store).stored(["https://news.example.test/never"]) == set()


def test_a_read_only_store_refuses_the_state_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    Store.open(str(path)).close()
    with Store.open(f"sqlite:///file:{path}?mode=ro&uri=true") as ro:
        ws = WatchState(ro)
        assert ws.load(URL) == SourceState(URL)  # reading works
        with pytest.raises(StoreError) as e:
            ws.succeeded(SourceState(URL), '"x"', None, True, NOW)
        assert e.value.code == "TW400" and "cannot write the watch state" in str(e.value)
        assert "\n" not in str(e.value)
