"""The reconciled view kept in the store (tables of migration 0005), built once and then
kept current a few figures at a time.

* :func:`rebuild` reconciles every report and writes underlying claims, links (with their
  reasons), origin keys and the state.
* :func:`refresh` brings the view to the store's state: new claims (``ingest``,
  ``reextract``), superseded ones and new reviews. Only the *figures* they touch (actor,
  metric and numbers: what one underlying claim can hold) are regrouped, from their
  stored reports; then the kinds of the series those figures belong to are relinked. A
  new report's origin comes from the stored origin keys of its names (a name never seen
  gets its own key); ``rebuild`` regroups origins across the whole store.
* :func:`view_state` says how far the view is built; :func:`timeline_page` answers a
  timeline from ``ix_underlying_claims_actor_order``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import LargeBinary, cast, delete, func, insert, select, text, true, update
from sqlalchemy.engine import Connection

from tollwatch.reconcile.groups import Group
from tollwatch.reconcile.items import timeline_item
from tollwatch.reconcile.names import Names, default_names, fold
from tollwatch.reconcile.origins import (
    Item,
    Origin,
    item_keys,
)
from tollwatch.reconcile.own_voice import DEFAULT_VOICE, Voice
from tollwatch.reconcile.rules import default_rules
from tollwatch.reconcile.underlying import (
    ReconcileOptions,
    UnderlyingClaim,
    reconcile_reports,
)
from tollwatch.store import Store
from tollwatch.store.schema import ClaimReviewRow, ClaimRow
from tollwatch.store.view_schema import OriginKeyRow, UnderlyingLinkRow, UnderlyingRow, ViewStateRow

__all__ = ["VIEW_VERSION", "ViewState", "ViewStats", "rebuild", "refresh", "timeline_counts",
           "timeline_json", "timeline_page", "underlying_of", "view_state"]

#: Bumped when the view's rules change so much that stored views must be rebuilt.
VIEW_VERSION = "3"  # 2: the counted group (migration 0007); 3: own voice (0010)
_CHUNK = 500
_NO_DATE = "9999-99-99"


@dataclass(frozen=True, slots=True)
class ViewState:
    """How far the stored view is built: the largest claim and review ids it covers."""

    claims: int
    reviews: int
    version: str


@dataclass(frozen=True, slots=True)
class ViewStats:
    """What a rebuild or refresh did."""

    mode: str
    reports: int
    underlying: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {"mode": self.mode, "reports": self.reports, "underlying": self.underlying,
                "seconds": round(self.seconds, 3)}


def _qhash(key: str) -> str | None:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16] if key else None


#: The PostgreSQL advisory lock key held while a process rewrites the stored view (any fixed
#: 64-bit number; this one spells "tollview" in ASCII).
VIEW_LOCK_KEY = 0x746F6C6C76696577


def lock_view(conn: Connection) -> None:
    """Hold the view's lock until ``conn``'s transaction ends, so that two processes (an
    ingest and the server, say) never rewrite the view at once: on PostgreSQL a
    transaction-level advisory lock; on SQLite the write lock, taken first by rewriting the
    view's state row as it is (the driver begins a transaction only at a write, so the
    reads of the state would otherwise run before the lock, and two processes that read
    the same state would both write the same new rows)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": VIEW_LOCK_KEY})
    elif conn.dialect.name == "sqlite":
        conn.execute(update(ViewStateRow).where(ViewStateRow.id == 1)
                     .values(version=ViewStateRow.version))


def state_of(conn: Connection) -> ViewState | None:
    """The stored view's state as ``conn`` sees it, or None when it was never built."""
    row = conn.execute(select(ViewStateRow.claims, ViewStateRow.reviews,
                              ViewStateRow.version).where(ViewStateRow.id == 1)).first()
    return ViewState(int(row[0]), int(row[1]), str(row[2])) if row is not None else None


def view_state(store: Store) -> ViewState | None:
    """The stored view's state, or None when it was never built."""
    with store.engine.connect() as conn:
        return state_of(conn)


def store_maxima(conn: Connection) -> tuple[int, int]:
    row = conn.execute(select(select(func.max(ClaimRow.id)).scalar_subquery(),
                              select(func.max(ClaimReviewRow.id)).scalar_subquery())).one()
    return int(row[0] or 0), int(row[1] or 0)


def _row(c: UnderlyingClaim, status: dict[int, str]) -> dict[str, Any]:
    return {"id": c.id, "actor_key": fold(c.actor) if c.actor else "", "actor": c.actor,
            "metric": c.metric, "value": c.value, "low": c.low, "high": c.high,
            "point": c.point, "origin": c.origin[:512], "origin_key": c.origin_key[:512],
            "part": c.part[:64] if c.part else None, "unnamed": c.unnamed, "stance": c.stance,
            "kind": c.kind, "revises": c.revises, "reason": c.reason,
            "sort_date": (c.date or _NO_DATE)[:10], "reports": len(c.reports),
            "group_head": c.group[:64] if c.group else None,
            "group_subset": c.subset[:64] if c.subset else None,
            "group_status": c.group_status[:32] if c.group_status else None,
            "group_key": _group_key(c), "own_voice": c.own_voice,
            "item": json.dumps(timeline_item(c, status), ensure_ascii=False,
                               separators=(",", ":"))}


def _group_key(c: UnderlyingClaim) -> str | None:
    key = c.series.group
    return key[:255] if key else None


def _links(c: UnderlyingClaim, quotes: dict[int, str]) -> list[dict[str, Any]]:
    return [{"claim_id": r.claim_id, "doc_id": r.doc_id[:255], "underlying_id": c.id,
             "reason": r.reason,
             "quote_key": _qhash(quotes.get(r.claim_id, ""))} for r in c.reports]


def write_claims(conn: Connection, claims: Sequence[UnderlyingClaim], status: dict[int, str],
           quotes: dict[int, str]) -> None:
    rows = [_row(c, status) for c in claims]
    links = [x for c in claims for x in _links(c, quotes)]
    for i in range(0, len(rows), 5000):
        conn.execute(insert(UnderlyingRow), rows[i:i + 5000])
    for i in range(0, len(links), 10000):
        conn.execute(insert(UnderlyingLinkRow), links[i:i + 10000])


def set_state(conn: Connection) -> None:
    claims, reviews = store_maxima(conn)
    conn.execute(delete(ViewStateRow))
    conn.execute(insert(ViewStateRow), [{"id": 1, "claims": claims, "reviews": reviews,
                                         "version": VIEW_VERSION, "built": datetime.now(UTC)}])


def origin_rows(items: Iterable[Item], origins: dict[str, Origin], names: Names,
                 known: set[str] | None = None) -> list[dict[str, Any]]:
    rules = default_rules()
    out: dict[str, dict[str, Any]] = {}
    for it in items:
        o = origins.get(it.origin_key)
        if o is None:
            continue
        for k in item_keys(it, names, rules):
            if k and k not in out and (known is None or k not in known):
                out[k] = {"name_key": k[:512], "origin_key": it.origin_key[:512],
                          "display": o.display, "unnamed": o.unnamed, "side": o.side}
    return list(out.values())


def rebuild(store: Store, options: ReconcileOptions | None = None, *,
            names: Names | None = None) -> ViewStats:
    """Reconcile every report of the store and replace the stored view with the result."""
    start = time.perf_counter()
    nm = names or default_names()
    reports = store.reports()
    claims, items, origins = reconcile_reports(reports, options, names=nm)
    status = {r.claim_id: r.status for r in reports if r.status}
    quotes = {it.report.claim_id: it.quote_key for it in items}
    with store.engine.begin() as conn:
        lock_view(conn)
        for table in (UnderlyingLinkRow, UnderlyingRow, OriginKeyRow, ViewStateRow):
            conn.execute(delete(table))
        write_claims(conn, claims, status, quotes)
        okeys = origin_rows(items, origins, nm)
        for i in range(0, len(okeys), 5000):
            conn.execute(insert(OriginKeyRow), okeys[i:i + 5000])
        set_state(conn)
    return ViewStats("rebuild", len(reports), len(claims), time.perf_counter() - start)


def refresh(store: Store, options: ReconcileOptions | None = None, *,
            names: Names | None = None) -> ViewStats:
    """Bring the stored view to the store's state (:func:`tollwatch.reconcile.refresh.refresh`:
    a rebuild when there is none, else only what new, superseded and reviewed claims touch)."""
    from tollwatch.reconcile.refresh import refresh as run

    return run(store, options, names=names)


def _timeline_where(actor: str | None, metric: str | None,
                    group: Group | None, voice: Voice = DEFAULT_VOICE) -> list[Any]:
    where: list[Any] = [] if actor is None else [UnderlyingRow.actor_key == fold(actor)]
    if voice != "show":
        where.append(UnderlyingRow.own_voice.is_(voice == "only"))
    if group is not None:
        for col, want in ((UnderlyingRow.group_head, group.head),
                          (UnderlyingRow.group_subset, group.subset),
                          (UnderlyingRow.group_status, group.status)):
            if want is not None:
                where.append(col == want)
    if metric is not None:
        where.append(UnderlyingRow.metric == metric)
    return where


_ORDER = (UnderlyingRow.sort_date, UnderlyingRow.metric, UnderlyingRow.origin,
          UnderlyingRow.point)


def _page(store: Store, column: Any, actor: str | None, metric: str | None, limit: int,
          offset: int, group: Group | None, total: int | None,
          voice: Voice = DEFAULT_VOICE) -> tuple[int, list[Any]]:
    where = _timeline_where(actor, metric, group, voice)
    with store.engine.connect() as conn:
        if total is None:
            total = int(conn.execute(select(func.count()).select_from(UnderlyingRow)
                                     .where(*where)).scalar_one())
        items = list(conn.execute(select(column).where(*where).order_by(*_ORDER)
                                  .limit(limit).offset(offset)).scalars().all())
    return total, items


def timeline_page(store: Store, actor: str | None, metric: str | None, limit: int,
                  offset: int, group: Group | None = None, *,
                  total: int | None = None,
                  voice: Voice = DEFAULT_VOICE) -> tuple[int, list[str]]:
    """(total, items as JSON text) of an actor's stored timeline, or a counted group's
    (``group``: a parsed filter, a field left None matching all; with ``actor`` too, the
    group's figures about that actor), in timeline order; own-voice figures as ``voice``
    says (hidden by default). ``total``: the count when the caller knows it
    (``timeline_counts``), which saves counting the actor's claims."""
    return _page(store, UnderlyingRow.item, actor, metric, limit, offset, group, total, voice)


def timeline_json(store: Store, actor: str | None, metric: str | None, limit: int,
                  offset: int, group: Group | None = None, *,
                  total: int | None = None,
                  voice: Voice = DEFAULT_VOICE) -> tuple[int, bytes]:
    """``timeline_page``'s items as the inside of a JSON array (UTF-8, comma-separated),
    read from the database as bytes: 500 items (about 0.5 MB) are never decoded, joined
    as text and encoded again."""
    if store.engine.dialect.name == "postgresql":
        column: Any = func.convert_to(UnderlyingRow.item, "UTF8", type_=LargeBinary)
    else:
        column = cast(UnderlyingRow.item, LargeBinary)
    n, items = _page(store, column, actor, metric, limit, offset, group, total, voice)
    return n, b",".join(bytes(i) for i in items)


def timeline_counts(store: Store) -> dict[tuple[str, str, bool], int]:
    """(actor key, metric, own voice) -> stored underlying claims, in one pass: the total
    of any actor's timeline, with or without a metric and own-voice figures, is a lookup
    or a sum."""
    key = (UnderlyingRow.actor_key, UnderlyingRow.metric)
    with store.engine.connect() as conn:
        # all claims from the covering actor-metric index, the own-voice ones from their
        # small partial index (migration 0011); a grouping by the column itself would
        # read a row per claim
        every = conn.execute(select(*key, func.count()).group_by(*key)).all()
        own = {(str(a), str(m)): int(n) for a, m, n in conn.execute(
            select(*key, func.count()).where(UnderlyingRow.own_voice == true())
            .group_by(*key))}
    out: dict[tuple[str, str, bool], int] = {}
    for a, m, n in every:
        k = (str(a), str(m))
        mine = own.get(k, 0)
        if n - mine:
            out[(k[0], k[1], False)] = int(n) - mine
        if mine:
            out[(k[0], k[1], True)] = mine
    return out


def underlying_of(store: Store, claim_id: int) -> dict[str, Any] | None:
    """The stored underlying claim a claim (report) belongs to, in the API's shape."""
    with store.engine.connect() as conn:
        text = conn.execute(select(UnderlyingRow.item).join(
            UnderlyingLinkRow, UnderlyingLinkRow.underlying_id == UnderlyingRow.id).where(
            UnderlyingLinkRow.claim_id == claim_id)).scalar()
    return json.loads(text) if text else None
