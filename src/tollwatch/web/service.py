"""What the API and the pages read: the store, plus the reconciled view of it (underlying
claims, timelines, series, sources, actors) kept in memory until the store changes.

Reconciliation needs every report at once (origins are resolved across documents), so the
server builds it once per state of the store and answers timelines from an index by actor.
The state is ``Store.fingerprint()`` (largest document, claim, review and name ids), checked
on each request: a write through this server, or an ``ingest`` run beside it, is seen by
the next request. A small store is rebuilt at once; when the last build took longer than
``Settings.sync_rebuild_s`` the previous view keeps answering (marked ``stale``) while a
background thread rebuilds. Claim lists filtered only by actor and metric are answered
from the same view (in the store's order, with the store's filter semantics); other
filters, and a stale view, go to the database. JSON answers are cached per state.
"""

from __future__ import annotations

import gc
import heapq
import threading
import time
from collections.abc import Callable
from typing import Any

from tollwatch.model import Claim, Document, Report
from tollwatch.reconcile.group_series import parse_group, select_group
from tollwatch.reconcile.groups import groups_for
from tollwatch.reconcile.items import timeline_item
from tollwatch.reconcile.names import Names, default_names, fold
from tollwatch.reconcile.own_voice import DEFAULT_VOICE, Voice, select_voice
from tollwatch.reconcile.timeline import filter_claims
from tollwatch.reconcile.underlying import ReconcileOptions, UnderlyingClaim
from tollwatch.store import AddResult, Store
from tollwatch.web.read_cache import CACHED_PATHS, AnswerCache, cache_key
from tollwatch.web.read_memo import ReadMemo
from tollwatch.web.settings import Settings
from tollwatch.web.snapshot import (
    Fingerprint,
    NameCount,
    Series,
    Snapshot,
    build_snapshot,
    report_dict,
)

# the view (web/snapshot.py) and the answer cache (web/read_cache.py) are re-exported here,
# where the API and the pages have always imported them from
__all__ = ["CACHED_PATHS", "Fingerprint", "NameCount", "Series",
           "Service", "Snapshot", "cache_key", "report_dict", "timeline_item"]


class Service:
    """The store and its reconciled view, shared by every request of one app."""

    def __init__(self, store: Store, settings: Settings, names: Names | None = None) -> None:
        self.store = store
        self.settings = settings
        self.names = names or default_names()
        self.options = ReconcileOptions(window_days=settings.window_days)
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._extract_lock = threading.Lock()
        self._extractor: Any = None
        self.answers = AnswerCache(4096 if settings.cache else 0)
        self.reads = ReadMemo(store)  # alias ids and totals, per store state
        self._rebuild_lock = threading.Lock()
        self._rebuilding: threading.Thread | None = None
        self._fingerprint: tuple[Fingerprint, float] | None = None
        self._view_seen: tuple[Fingerprint, bool] | None = None
        #: set once the start-up warming (``warm_counts``) is over, or when there is none
        self.warmed = threading.Event()
        if not settings.warm:
            self.warmed.set()

    # -- state ---------------------------------------------------------------------------
    def fingerprint(self) -> Fingerprint:
        """The store's state, read at most every ``settings.fingerprint_ttl`` seconds (and
        after every write through this server)."""
        now = time.monotonic()
        seen = self._fingerprint
        if seen is not None and now - seen[1] < self.settings.fingerprint_ttl:
            return seen[0]
        fp = self.store.fingerprint()
        self._fingerprint = (fp, now)
        return fp

    def _rebuild(self, fp: Fingerprint) -> Snapshot:
        # the fingerprint is read before the reports: a write landing meanwhile gives a
        # newer fingerprint, so the next request rebuilds again
        with self._lock:
            snap = self._snapshot
            if snap is not None and snap.fingerprint == fp:
                return snap
            start = time.perf_counter()
            reports = self.store.reports()
            index = self.store.claim_index()
            snap = build_snapshot(fp, reports, index, self.options, self.names)
            if self.settings.prerender:
                for c in snap.claims:
                    snap.item_json(c)
                for pos in range(len(snap.reports)):
                    snap.report_json(pos)
            snap.seconds = time.perf_counter() - start
            self._snapshot = snap
            # the view is millions of long-lived objects: keep them out of the cyclic
            # collector's full passes, which otherwise stall every request for a while
            gc.collect()
            gc.freeze()
            return snap

    def _background(self) -> None:
        try:
            self._rebuild(self.fingerprint())
        finally:
            self._rebuilding = None

    def snapshot(self, fp: Fingerprint | None = None) -> Snapshot:
        """The reconciled view of the store: rebuilt now when it changed and is quick to
        rebuild, else the previous view while a background thread rebuilds."""
        fp = fp or self.fingerprint()
        snap = self._snapshot
        if snap is not None and snap.fingerprint == fp:
            return snap
        if snap is None or snap.seconds <= self.settings.sync_rebuild_s:
            return self._rebuild(fp)
        with self._rebuild_lock:
            if self._rebuilding is None:
                self._rebuilding = threading.Thread(target=self._background,
                                                    name="tollwatch-reconcile", daemon=True)
                self._rebuilding.start()
        return snap

    @property
    def current(self) -> Snapshot | None:
        """The last built view (current or not), without touching the database."""
        return self._snapshot

    def invalidate(self) -> None:
        """Forget cached answers (after a write through this server)."""
        self._fingerprint = None
        self.answers.clear()
        self.reads.clear()

    def cached(self, key: str, fp: Fingerprint, make: Callable[[], bytes]) -> bytes:
        """``make()``'s answer for ``key`` at store state ``fp``, from the cache if there."""
        return self.answers.get(key, fp, make)

    def peek(self, key: str, fp: Fingerprint) -> bytes | None:
        """The cached answer for ``key`` at state ``fp``, if any (never computes)."""
        return self.answers.peek(key, fp)

    @property
    def cache_size(self) -> int:
        return self.answers.size

    # -- the view kept in the store -------------------------------------------------------
    def view_current(self, fp: Fingerprint | None = None) -> bool:
        """Whether the store keeps a reconciled view of its current state (migration
        0005, ``tollwatch reconcile``), so that timelines can be read from its index."""
        from tollwatch.reconcile.stored import VIEW_VERSION, view_state

        if self.options != ReconcileOptions():
            return False  # the stored view is reconciled with the default options
        fp = fp or self.fingerprint()
        seen = self._view_seen
        if seen is not None and seen[0] == fp:
            return seen[1]
        state = view_state(self.store)
        ok = (state is not None and state.version == VIEW_VERSION
              and state.claims == fp[1] and state.reviews == fp[2])
        self._view_seen = (fp, ok)
        return ok

    def view_known(self, fp: Fingerprint) -> bool | None:
        """``view_current(fp)`` when already checked at ``fp`` (no database), else None."""
        seen = self._view_seen
        if seen is not None and seen[0] == fp and self.options == ReconcileOptions():
            return seen[1]
        return None

    def stored_timeline(self, actor: str | None, metric: str | None, limit: int,
                        offset: int, group: str | None = None,
                        fp: Fingerprint | None = None,
                        voice: Voice = DEFAULT_VOICE) -> tuple[int, bytes]:
        """(total, items as the inside of a JSON array) of an actor's and/or a counted
        group's timeline from the stored view (its total counted once per state ``fp``),
        own-voice figures as ``voice`` says."""
        from tollwatch.reconcile.stored import timeline_json

        want = parse_group(group, groups_for(self.names.aliases_path)) \
            if group is not None else None
        key = self.canonical_actor(actor) if actor else None
        fp = fp or self.fingerprint()
        known = self.reads.timeline_total(fp, key, metric, want, voice)
        total, items = timeline_json(self.store, key, metric, limit, offset, group=want,
                                     total=known, voice=voice)
        if known is None:
            self.reads.note_timeline_total(fp, key, metric, want, total, voice)
        return total, items

    def warm_counts(self) -> None:
        """Count the claims (and the stored timelines, when current) by actor and metric
        in one pass each, so that no request of this state counts, then render the
        busiest series' first pages into the answer cache (``read_answers.prefill``); run
        at start-up, ``/health?warm=1`` waits for it (a failure only leaves the work to
        the requests)."""
        import logging

        start = time.monotonic()
        try:
            fp = self.store.fingerprint()
            current = self.view_current(fp)
            self.reads.warm(fp, current)
            if current:
                from tollwatch.web.read_answers import prefill

                # the counts and the prefill together within prefill_s (ready stays near)
                cfg = self.settings
                prefill(self, fp, series=cfg.prefill_series, pages=cfg.prefill_pages,
                        budget_s=cfg.prefill_s - (time.monotonic() - start))
        except Exception as e:  # noqa: BLE001 - the store closed under it, or went away
            logging.getLogger("tollwatch.web").debug("counting at start-up failed: %s", e)
        finally:
            self.warmed.set()

    def refresh_view(self) -> None:
        """Bring the stored view up to date after a write (when the store keeps one)."""
        from tollwatch.reconcile.stored import refresh, view_state

        if view_state(self.store) is not None:
            refresh(self.store, self.options, names=self.names)
            # a request may have found the view behind at this very state before the
            # refresh: forget that, or the view would not be used until the next write
            self._view_seen = None

    # -- views ---------------------------------------------------------------------------
    def canonical_actor(self, actor: str) -> str:
        return self.names.actor(actor) or actor

    def timeline(self, actor: str | None, *, metric: str | None = None,
                 location: str | None = None, origin: str | None = None,
                 snap: Snapshot | None = None, group: str | None = None,
                 voice: Voice = DEFAULT_VOICE) -> list[UnderlyingClaim]:
        """The underlying claims about ``actor`` (any of its names) and/or counting
        ``group``, in date order, own-voice figures hidden unless ``voice`` says "show"
        or "only" (as ``tollwatch timeline``)."""
        snap = snap or self.snapshot()
        every = self._timeline(actor, metric=metric, location=location, origin=origin,
                               snap=snap, group=group)
        if voice == "show":
            return every
        key = ("voice", voice, actor, metric, location, origin, group)
        found: list[UnderlyingClaim] | None = snap.memo.get(key)
        if found is None:
            found = snap.memo[key] = select_voice(every, voice)
        return found

    def _timeline(self, actor: str | None, *, metric: str | None, location: str | None,
                  origin: str | None, snap: Snapshot, group: str | None
                  ) -> list[UnderlyingClaim]:
        if group is not None or actor is None:  # issue 16: a group series
            return self.group_timeline(group or "", actor=actor, metric=metric,
                                       location=location, origin=origin, snap=snap)
        subset = snap.by_actor.get(fold(self.canonical_actor(actor)), [])
        if location is None and origin is None:
            # already in filter_claims' order; the metric filter keeps it
            if metric is None:
                return subset
            key = ("timeline", fold(self.canonical_actor(actor)), metric)
            found: list[UnderlyingClaim] | None = snap.memo.get(key)
            if found is None:
                found = snap.memo[key] = [c for c in subset if c.metric == metric]
            return found
        return filter_claims(subset, actor=actor, metric=metric, location=location,
                             origin=origin, names=self.names)

    def group_timeline(self, group: str, *, actor: str | None = None,
                       metric: str | None = None, location: str | None = None,
                       origin: str | None = None,
                       snap: Snapshot | None = None) -> list[UnderlyingClaim]:
        """The underlying claims counting ``group`` (any synonym, subset or status), of
        ``actor`` and the other filters when given, in date order. ConfigError when the
        group names nothing the vocabulary knows."""
        snap = snap or self.snapshot()
        want = parse_group(group, groups_for(self.names.aliases_path))
        key = ("group", want, metric)  # memoised for the vocabulary's groups only
        chosen: list[UnderlyingClaim] | None = snap.memo.get(key)
        if chosen is None:
            chosen = snap.memo[key] = filter_claims(select_group(snap.claims, want),
                                                    metric=metric, names=self.names)
        if actor is None and location is None and origin is None:
            return chosen
        return filter_claims(chosen, actor=actor, location=location, origin=origin,
                             names=self.names)

    def claim_positions(self, snap: Snapshot, actor: str | None,
                        metric: str | None) -> list[int]:
        """Positions in ``snap.reports`` of ``store.reports(actor=, metric=)``, in order
        (``snap`` must be current)."""
        key = ("claims", actor, metric)
        found: list[int] | None = snap.memo.get(key)
        if found is not None:
            return found
        if actor:
            ids = self.store.alias_ids("actor", actor)
            lists = [snap.by_alias.get(a, []) for a in sorted(ids)]
            positions: list[int] = (lists[0] if len(lists) == 1
                                    else list(heapq.merge(*lists)))
        else:
            positions = list(range(len(snap.reports)))
        if metric:
            at = snap.metric_at
            positions = [p for p in positions if at[p] == metric]
        snap.memo[key] = positions
        return positions

    def claims_page(self, snap: Snapshot, actor: str | None, metric: str | None,
                    limit: int, offset: int) -> tuple[list[Report], int]:
        """``store.reports(actor=, metric=)`` and its count, answered from ``snap``."""
        positions = self.claim_positions(snap, actor, metric)
        page = positions[offset:offset + limit]
        return [snap.reports[p] for p in page], len(positions)

    def by_origin(self, origin: str, snap: Snapshot | None = None) -> list[UnderlyingClaim]:
        snap = snap or self.snapshot()
        seq = snap.by_origin.get(fold(origin))
        if seq is None:
            want = self.names.source_key(origin)
            seq = [c for c in snap.claims if self.names.source_key(c.origin) == want]
        return sorted(seq, key=lambda c: (c.date or "9999", c.actor or "", c.metric))

    # -- writing -------------------------------------------------------------------------
    def extract(self, doc: Document) -> list[Claim]:
        """Claims of ``doc`` with the server's one Extractor (loaded on first use)."""
        with self._extract_lock:
            if self._extractor is None:
                from tollwatch.extract import ExtractOptions, Extractor

                self._extractor = Extractor(ExtractOptions(model=self.settings.model))
            claims: list[Claim] = self._extractor.extract(doc)
            return claims

    def add_document(self, doc: Document, source: str) -> tuple[AddResult, list[Claim]]:
        from tollwatch.extract import EXTRACTOR_VERSION

        claims = self.extract(doc)
        result = self.store.add_document(doc, claims, EXTRACTOR_VERSION, source=source)
        self.refresh_view()
        self.invalidate()
        return result, claims

    def review(self, claim_id: int, status: str, corrections: dict[str, Any],
               note: str | None, reviewer: str | None) -> int:
        review_id = self.store.review(claim_id, status, corrections, note, reviewer)
        self.refresh_view()
        self.invalidate()
        return review_id
