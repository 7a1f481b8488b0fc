"""What the read endpoints look up again and again, kept once per store state: the alias
ids a filter's name matches and the totals of claim lists and stored timelines.

A total is the costly part of a page: on 1,000,000 claims, counting one busy actor's
200,000 claims took about 30 ms of CPU, reading its page of 50 well under one. So totals
are memoised per ``Store.fingerprint()`` (the state that also keys the answer cache):
the first request of a state counts, the others look it up. ``warm`` counts everything
in one grouped pass per table (about 0.13 s of CPU each on 1M claims), so that a freshly
started server never counts an actor; after a change of the store, totals are counted
again one filter at a time, as requests ask for them (a store that keeps changing never
pays for a full pass per change).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from tollwatch.reconcile.names import fold
from tollwatch.store import Store
from tollwatch.web.snapshot import Fingerprint

__all__ = ["ReadMemo", "StateMemo"]

T = TypeVar("T")

#: The most values one state keeps (each is an id tuple or an int; names are user input).
MAX_ENTRIES = 20_000


class StateMemo:
    """Values by key, all of one store state: a value for another state empties it. At
    most ``size`` values (the oldest go first)."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._fp: Fingerprint | None = None
        self._values: dict[Hashable, Any] = {}

    def peek(self, fp: Fingerprint, key: Hashable) -> Any:
        """The value of ``key`` at state ``fp``, or None."""
        with self._lock:
            return self._values.get(key) if self._fp == fp else None

    def put(self, fp: Fingerprint, key: Hashable, value: Any) -> None:
        with self._lock:
            if self._fp != fp:
                self._fp, self._values = fp, {}
            self._values[key] = value
            while len(self._values) > self.size:
                del self._values[next(iter(self._values))]

    def get(self, fp: Fingerprint, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``'s value for ``key`` at state ``fp``, computed once per state (two
        requests arriving together may both compute it; the values are the same)."""
        found: T | None = self.peek(fp, key)
        if found is not None:
            return found
        value = make()
        self.put(fp, key, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._fp, self._values = None, {}


class ReadMemo:
    """The memoised reads of one store (see the module's docstring)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.memo = StateMemo()

    def clear(self) -> None:
        self.memo.clear()

    def alias_ids(self, fp: Fingerprint, kind: str, name: str | None) -> tuple[int, ...] | None:
        """The ids of the spellings a filter on ``name`` matches (``Store.alias_ids``);
        None without a name."""
        if not name:
            return None
        return self.memo.get(fp, ("alias", kind, name),
                             lambda: tuple(sorted(self.store.alias_ids(kind, name))))

    def warm(self, fp: Fingerprint, timelines: bool) -> None:
        """Count every actor and metric of the claims (and of the stored timelines when
        ``timelines``) in one pass each, for state ``fp``."""
        claims = self.store.claim_counts()
        timeline = None
        if timelines:
            from tollwatch.reconcile.stored import timeline_counts

            timeline = timeline_counts(self.store)
        if self.store.fingerprint() != fp:
            return  # the store changed while counting: the counts are of neither state
        self.memo.put(fp, ("claims-table",), claims)
        if timeline is not None:
            self.memo.put(fp, ("timeline-table",), timeline)

    def claims_total(self, fp: Fingerprint, actor: tuple[int, ...] | None,
                     metric: str | None, count: Callable[[], int]) -> int:
        """The number of claims a list filtered by the actor's alias ids (None: any) and
        ``metric`` alone holds: from the grouped counts when warm at ``fp``, else
        ``count()`` once per state."""
        table: dict[tuple[int | None, str], int] | None = self.memo.peek(fp, ("claims-table",))
        if table is not None:
            wanted = None if actor is None else set(actor)
            return sum(n for (alias, m), n in table.items()
                       if (wanted is None or alias in wanted) and (metric is None or m == metric))
        return self.memo.get(fp, ("claims", actor, metric), count)

    def total(self, fp: Fingerprint, key: Hashable, count: Callable[[], int]) -> int:
        """Any other count, ``count()`` once per state under ``key``."""
        return self.memo.get(fp, ("count", key), count)

    def timeline_total(self, fp: Fingerprint, actor: str | None, metric: str | None,
                       group: Hashable | None, voice: str = "hide") -> int | None:
        """The total of a stored timeline if known at ``fp`` (else None: the page query
        counts it, and ``note_timeline_total`` keeps it); ``voice``: own-voice figures
        hidden, shown or only (:mod:`tollwatch.reconcile.own_voice`)."""
        if group is None and actor is not None:
            table: dict[tuple[str, str, bool], int] | None = self.memo.peek(
                fp, ("timeline-table",))
            if table is not None:
                key = fold(actor)
                return sum(n for (a, m, own), n in table.items()
                           if a == key and (metric is None or m == metric)
                           and (voice == "show" or own == (voice == "only")))
        found: int | None = self.memo.peek(fp, ("timeline", actor, metric, group, voice))
        return found

    def note_timeline_total(self, fp: Fingerprint, actor: str | None, metric: str | None,
                            group: Hashable | None, total: int, voice: str = "hide") -> None:
        self.memo.put(fp, ("timeline", actor, metric, group, voice), total)
