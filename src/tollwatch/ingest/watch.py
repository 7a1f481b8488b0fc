"""``tollwatch watch``: poll feeds and pages, ingest each new item once.

Each poll asks every due source with a conditional request (the ETag and Last-Modified of
its last answer, kept in the store so a restart keeps them). A feed that changed has its
entries read; an entry whose link is stored already is not fetched again, and the others
go through the ingest loop (``ingest_items``: the store's duplicate and near-duplicate
checks, one transaction a batch). A source's validators are saved only once all its new
entries were read, so an entry that failed is asked for again next time. A failing source
(an error, 429 or 503) is reported, left alone for a while (``Retry-After``, else the
interval doubled per failure, at most ``max_backoff``) and retried; the others go on.

``stop`` (a ``threading.Event``, set by the command's SIGINT/SIGTERM handler) is looked at
between sources and between items: what was read is stored, nothing is half-written.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tollwatch.errors import ConfigError, FetchError, TollwatchError
from tollwatch.ingest.feeds import feed_entries, is_feed, page_item
from tollwatch.ingest.fetch import Answer, Fetcher, RetryLater, is_url
from tollwatch.ingest.readers import Sourced
from tollwatch.ingest.run import ExtractFn, ExtractorLike, IngestOptions, ingest_items
from tollwatch.ingest.watch_state import SourceState, WatchState
from tollwatch.store import Store

__all__ = ["PollReport", "WatchOptions", "Watcher", "parse_interval"]

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``2h``, ``1d`` or a plain number of seconds."""
    m = _INTERVAL.match(text)
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"{text!r} is not an interval (e.g. 30s, 15m, 2h)")
    return float(m.group(1)) * _UNIT[(m.group(2) or "s").lower()]


@dataclass(frozen=True, slots=True)
class WatchOptions:
    ingest: IngestOptions
    every: float = 900.0
    max_backoff: float = 6 * 3600.0


@dataclass(slots=True)
class PollReport:
    """What one poll did."""

    poll: int
    started: str
    sources: int = 0
    not_modified: int = 0
    waiting: int = 0
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    seen: int = 0
    claims: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    run_id: int | None = None
    seconds: float = 0.0
    stopped: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"poll": self.poll, "started": self.started, "sources": self.sources,
                "not_modified": self.not_modified, "waiting": self.waiting, "new": self.new,
                "duplicate": self.duplicate, "near_duplicate": self.near_duplicate,
                "seen": self.seen, "claims": self.claims, "failed": len(self.failures),
                "failures": [{"source": s, "error": e} for s, e in self.failures],
                "run_id": self.run_id, "seconds": round(self.seconds, 3),
                "stopped": self.stopped}

    def line(self) -> str:
        """The poll as one line for people."""
        text = (f"poll {self.poll} at {self.started}: {self.sources} sources "
                f"({self.not_modified} not modified, {self.waiting} backing off), "
                f"{self.new} new, {self.duplicate} duplicate, {self.near_duplicate} "
                f"near-duplicate, {self.claims} claims, {len(self.failures)} failed")
        if self.failures:
            text += " (" + "; ".join(f"{e}" for _, e in self.failures[:3])
            text += f"; and {len(self.failures) - 3} more)" if len(self.failures) > 3 else ")"
        if self.stopped:
            text += "; stopped"
        return text + f" in {self.seconds:.1f}s"


def _now() -> datetime:
    return datetime.now(UTC)


class Watcher:
    """Polls ``sources`` into ``store``; ``poll()`` once, or ``run()`` until ``stop``."""

    def __init__(self, store: Store, sources: Sequence[str],
                 extractor: ExtractorLike | ExtractFn, options: WatchOptions,
                 stop: threading.Event | None = None) -> None:
        bad = [s for s in sources if not is_url(s)]
        if bad:
            raise ConfigError(f"watch takes http(s) feeds and pages, not {bad[0]!r}")
        self.store, self.sources = store, list(dict.fromkeys(sources))
        self.extractor, self.options = extractor, options
        self.stop = stop or threading.Event()
        self.state = WatchState(store)
        self.polls = 0

    def poll(self, fetcher: Fetcher) -> PollReport:
        """One pass over the due sources; the new items ingested as one run."""
        self.polls += 1
        start = time.monotonic()
        report = PollReport(self.polls, _now().isoformat(timespec="seconds"),
                            sources=len(self.sources))
        complete: list[tuple[SourceState, Answer]] = []

        def on_error(e: TollwatchError) -> None:
            report.failures.append((e.source or "-", str(e)))

        items = self._items(fetcher, report, complete)
        summary = ingest_items(self.store, items, self.extractor, self.options.ingest,
                               inputs=self.sources, on_error=on_error)
        now = _now()
        for state, answer in complete:  # validators kept only once the items are stored
            self.state.succeeded(state, answer.etag, answer.last_modified, True, now)
        report.run_id, report.new, report.claims = summary.run_id, summary.new, summary.claims
        report.duplicate, report.near_duplicate = summary.duplicate, summary.near_duplicate
        report.seen = summary.seen
        report.seconds = time.monotonic() - start
        report.stopped = self.stop.is_set()
        return report

    def _items(self, fetcher: Fetcher, report: PollReport,
               complete: list[tuple[SourceState, Answer]]
               ) -> Iterator[Sourced | TollwatchError]:
        every, cap = self.options.every, self.options.max_backoff
        for url in self.sources:
            if self.stop.is_set():
                return
            state = self.state.load(url)
            if not state.due(_now()):
                report.waiting += 1
                continue
            try:
                answer = fetcher.get_conditional(url, state.etag, state.last_modified)
            except FetchError as e:
                retry = e.retry_after if isinstance(e, RetryLater) else None
                self.state.failed(state, e, every, retry, cap, _now())
                yield e
                continue
            if answer.fetched is None:
                report.not_modified += 1
                self.state.succeeded(state, answer.etag, answer.last_modified, False, _now())
                continue
            whole = True
            if is_feed(answer.fetched.data, answer.fetched.content_type):
                for got in self._entries(fetcher, answer, url):
                    if got is None:  # stopped part-way
                        return
                    if isinstance(got, FetchError):
                        whole = False
                    yield got
            else:
                yield page_item(answer.fetched, url)
            if whole:
                complete.append((state, answer))
            else:  # asked again next poll; the entries stored meanwhile are skipped
                self.state.succeeded(state, None, None, True, _now())

    def _entries(self, fetcher: Fetcher, answer: Answer, url: str
                 ) -> Iterator[Sourced | TollwatchError | None]:
        assert answer.fetched is not None
        entries = list(feed_entries(answer.fetched.data, url))
        links = [e[0] for e in entries if not isinstance(e, TollwatchError)]
        stored = self.state.stored(links)
        for got in entries:
            if isinstance(got, TollwatchError):
                yield got
                continue
            link, meta = got
            if link in stored:
                continue
            if self.stop.is_set():
                yield None
                return
            try:
                page = fetcher.get(link)
            except TollwatchError as e:
                yield e
                continue
            yield page_item(page, link, meta)

    def run(self, on_poll: Callable[[PollReport], None], *, once: bool = False) -> int:
        """Poll every ``options.every`` seconds until ``stop`` is set (or once); returns
        the number of polls."""
        with Fetcher(self.options.ingest.fetch) as fetcher:
            while not self.stop.is_set():
                started = time.monotonic()
                on_poll(self.poll(fetcher))
                if once:
                    break
                self.stop.wait(max(0.0, self.options.every - (time.monotonic() - started)))
        return self.polls
