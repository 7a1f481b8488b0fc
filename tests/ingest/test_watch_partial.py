"""The watcher (ingest/watch.py) against the shared loopback server: a feed with a dead
entry is asked again and its stored entries skipped, pages are sources too, sources are
polled once each however often given, a stop before a poll fetches nothing, and the
poll's one-line report."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tollwatch.errors import ConfigError
from tollwatch.ingest.fetch import Fetcher, FetchOptions
from tollwatch.ingest.run import IngestOptions
from tollwatch.ingest.watch import PollReport, Watcher, WatchOptions
from tollwatch.store import Store

OPTIONS = WatchOptions(IngestOptions(extractor_version="watch-test",
                                     fetch=FetchOptions(timeout=3.0)), every=1.0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "watch.db")) as s:
        yield s


def _poll(watcher: Watcher) -> PollReport:
    with Fetcher(OPTIONS.ingest.fetch) as fetcher:
        return watcher.poll(fetcher)


def test_a_feed_with_a_dead_entry_is_asked_again(store: Store, web: str,
                                                 toy_extractor: Any) -> None:
    watcher = Watcher(store, [f"{web}/feed.xml"], toy_extractor, OPTIONS)
    first = _poll(watcher)
    assert first.new + first.near_duplicate == 2 and first.sources == 1  # the two stories
    assert [s for s, _ in first.failures] == [f"{web}/missing"]
    assert "HTTP 404" in first.failures[0][1]
    second = _poll(watcher)
    assert second.not_modified == 0  # not a conditional 304: the feed is read again
    assert second.new + second.near_duplicate + second.seen == 0  # stored entries skipped
    assert [s for s, _ in second.failures] == [f"{web}/missing"]
    assert store.stats().documents == 2


def test_a_page_is_a_source_of_one_item(store: Store, web: str, toy_extractor: Any) -> None:
    watcher = Watcher(store, [f"{web}/article.html"], toy_extractor, OPTIONS)
    first = _poll(watcher)
    assert first.new == 1 and first.failures == [] and first.claims >= 1
    again = _poll(watcher)
    assert again.new == 0 and again.seen + again.duplicate == 1
    assert store.stats().documents == 1


def test_a_page_without_an_article_is_a_failure_of_that_source(store: Store, web: str,
                                                               toy_extractor: Any) -> None:
    watcher = Watcher(store, [f"{web}/nav.html", f"{web}/plain.txt"], toy_extractor,
                      OPTIONS)
    report = _poll(watcher)
    assert report.new == 1
    assert [s for s, _ in report.failures] == [f"{web}/nav.html"]
    assert "no article" in report.failures[0][1]


def test_each_source_once_however_often_given(store: Store, web: str,
                                              toy_extractor: Any) -> None:
    url = f"{web}/plain.txt"
    watcher = Watcher(store, [url, url, url], toy_extractor, OPTIONS)
    assert watcher.sources == [url]
    report = _poll(watcher)
    assert report.sources == 1 and report.new == 1


def test_a_failing_source_waits_its_backoff(store: Store, web: str, toy_extractor: Any,
                                            unused_port: int) -> None:
    dead = f"http://127.0.0.1:{unused_port}/feed"
    # a 30 s interval: the backoff must outlast the first poll on a loaded machine (at 1 s
    # it did not always)
    slow = WatchOptions(OPTIONS.ingest, every=30.0)
    watcher = Watcher(store, [dead, f"{web}/plain.txt"], toy_extractor, slow)
    first = _poll(watcher)
    assert [s for s, _ in first.failures] == [dead] and first.new == 1
    second = _poll(watcher)  # at once: the dead source is backing off
    assert second.waiting == 1 and second.failures == []


def test_a_stop_before_the_poll_fetches_nothing(store: Store, web: str,
                                                toy_extractor: Any) -> None:
    stop = threading.Event()
    stop.set()
    watcher = Watcher(store, [f"{web}/plain.txt"], toy_extractor, OPTIONS, stop)
    report = _poll(watcher)
    assert report.new == 0 and report.stopped is True
    assert store.stats().documents == 0
    assert "; stopped" in report.line()


def test_run_once_polls_once(store: Store, web: str, toy_extractor: Any) -> None:
    seen: list[PollReport] = []
    watcher = Watcher(store, [f"{web}/plain.txt"], toy_extractor, OPTIONS)
    assert watcher.run(seen.append, once=True) == 1
    assert len(seen) == 1 and seen[0].poll == 1 and seen[0].run_id is not None


@pytest.mark.parametrize("bad", ["feed.xml", "ftp://host/feed", "/abs/path.xml", ""])
def test_only_urls_are_watched(store: Store, toy_extractor: Any, bad: str) -> None:
    with pytest.raises(ConfigError, match="http"):
        Watcher(store, ["https://ok.example/feed", bad], toy_extractor, OPTIONS)


def test_the_line_lists_three_failures_and_counts_the_rest() -> None:
    report = PollReport(4, "2024-05-01T10:00:00+00:00", sources=6, not_modified=1,
                        waiting=1, new=2, claims=5, seconds=1.25)
    report.failures = [(f"s{i}", f"s{i}: down [TW200]") for i in range(5)]
    line = report.line()
    assert line.startswith("poll 4 at 2024-05-01T10:00:00+00:00: 6 sources (1 not modified, "
                           "1 backing off), 2 new")
    assert "s0: down [TW200]; s1: down [TW200]; s2: down [TW200]; and 2 more)" in line
    assert "s3" not in line and line.endswith("in 1.2s")
    out = report.to_dict()
    assert out["failed"] == 5 and out["failures"][4] == {"source": "s4",
                                                        "error": "s4: down [TW200]"}


def test_a_quiet_poll_line() -> None:
    line = PollReport(1, "t", sources=2, not_modified=2).line()
    assert "0 failed in 0.0s" in line and "(" in line and "stopped" not in line
