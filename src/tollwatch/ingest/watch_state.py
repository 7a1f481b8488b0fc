"""What ``watch`` remembers between polls and restarts, in the store (``watch_sources``):
each source's validators (ETag, Last-Modified) and backoff, and which entry links are
stored already (so a changed feed's old entries are not fetched again)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from tollwatch.errors import StoreError, TollwatchError
from tollwatch.store import Store
from tollwatch.store.db import store_error
from tollwatch.store.schema import DocumentCopyRow
from tollwatch.store.watch_schema import WatchSourceRow

__all__ = ["SourceState", "WatchState", "backoff_seconds"]


@dataclass(frozen=True, slots=True)
class SourceState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_try: datetime | None = None
    last_error: str | None = None

    def due(self, now: datetime) -> bool:
        return self.next_try is None or _aware(self.next_try) <= now


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)


def backoff_seconds(failures: int, every: float, retry_after: float | None,
                    cap: float) -> float:
    """How long a source that failed ``failures`` times in a row is left alone: the
    server's ``Retry-After`` when it gave one, else the interval doubled per failure
    after the first, at most ``cap``."""
    doubled = min(cap, every * 2.0 ** max(0, failures - 1))
    return float(max(retry_after or 0.0, doubled))


def _source_key(source: str) -> str:
    # as the store keys a document's sources (tollwatch.store.writer)
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()


class WatchState:
    """The ``watch_sources`` rows of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def load(self, url: str) -> SourceState:
        try:
            with self.store.engine.connect() as conn:
                row = conn.execute(select(
                    WatchSourceRow.etag, WatchSourceRow.last_modified, WatchSourceRow.failures,
                    WatchSourceRow.next_try, WatchSourceRow.last_error).where(
                    WatchSourceRow.url == url)).first()
        except SQLAlchemyError as e:
            raise store_error("cannot read the watch state", e, self.store.url) from e
        if row is None:
            return SourceState(url)
        etag, modified, failures, next_try, last_error = row
        return SourceState(url, etag, modified, failures or 0, next_try, last_error)

    def _save(self, state: SourceState, **stamps: datetime | None) -> None:
        values = {"etag": state.etag, "last_modified": state.last_modified,
                  "failures": state.failures, "next_try": state.next_try,
                  "last_error": state.last_error, **stamps}
        try:
            for _attempt in range(2):  # another watcher may insert the row meanwhile
                with self.store.engine.begin() as conn:
                    done = conn.execute(update(WatchSourceRow).where(
                        WatchSourceRow.url == state.url).values(**values)).rowcount
                    if done:
                        return
                    try:
                        conn.execute(insert(WatchSourceRow).values(url=state.url, **values))
                        return
                    except IntegrityError:
                        conn.rollback()
        except SQLAlchemyError as e:
            raise store_error("cannot write the watch state", e, self.store.url) from e
        raise StoreError("cannot write the watch state", source=self.store.url)

    def succeeded(self, state: SourceState, etag: str | None, last_modified: str | None,
                  changed: bool, now: datetime) -> SourceState:
        new = replace(state, etag=etag, last_modified=last_modified, failures=0,
                      next_try=None, last_error=None)
        stamps: dict[str, datetime | None] = {"checked": now}
        if changed:
            stamps["changed"] = now
        self._save(new, **stamps)
        return new

    def failed(self, state: SourceState, error: TollwatchError, every: float,
               retry_after: float | None, cap: float, now: datetime) -> SourceState:
        failures = state.failures + 1
        wait = backoff_seconds(failures, every, retry_after, cap)
        new = replace(state, failures=failures, next_try=now + timedelta(seconds=wait),
                      last_error=str(error))
        self._save(new, checked=now)
        return new

    def stored(self, sources: Iterable[str]) -> set[str]:
        """Which of ``sources`` (entry links) a document was stored from."""
        keys = {_source_key(s): s for s in sources}
        found: set[str] = set()
        wanted = list(keys)
        try:
            with self.store.engine.connect() as conn:
                for i in range(0, len(wanted), 500):
                    found.update(keys[k] for k in conn.execute(
                        select(DocumentCopyRow.source_key).where(
                            DocumentCopyRow.source_key.in_(wanted[i:i + 500]))).scalars())
        except SQLAlchemyError as e:
            raise store_error("cannot read the store", e, self.store.url) from e
        return found
