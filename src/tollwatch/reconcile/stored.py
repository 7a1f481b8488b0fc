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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, tuple_, update
from sqlalchemy.engine import Connection

from tollwatch.model import Report
from tollwatch.reconcile.groups import Group
from tollwatch.reconcile.identity import group_items
from tollwatch.reconcile.items import timeline_item
from tollwatch.reconcile.names import Names, default_names, fold
from tollwatch.reconcile.origins import (
    UNNAMED_PREFIX,
    Item,
    Origin,
    item_keys,
    origin_side,
    prepare_items,
    resolve_origins,
)
from tollwatch.reconcile.rules import default_rules
from tollwatch.reconcile.underlying import (
    ReconcileOptions,
    UnderlyingClaim,
    build_claim,
    keep_report,
    reconcile_reports,
)
from tollwatch.reconcile.updates import link_updates
from tollwatch.store import Store
from tollwatch.store.query import report_query, rows_to_reports
from tollwatch.store.rows import Filters
from tollwatch.store.schema import ClaimReviewRow, ClaimRow, DocumentRow
from tollwatch.store.view_schema import OriginKeyRow, UnderlyingLinkRow, UnderlyingRow, ViewStateRow

__all__ = ["VIEW_VERSION", "ViewState", "ViewStats", "rebuild", "refresh", "timeline_page",
           "underlying_of", "view_state"]

#: Bumped when the view's rules change so much that stored views must be rebuilt.
VIEW_VERSION = "2"  # 2: the counted group (migration 0007)
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


def view_state(store: Store) -> ViewState | None:
    """The stored view's state, or None when it was never built."""
    with store.engine.connect() as conn:
        row = conn.execute(select(ViewStateRow.claims, ViewStateRow.reviews,
                                  ViewStateRow.version).where(ViewStateRow.id == 1)).first()
    return ViewState(int(row[0]), int(row[1]), str(row[2])) if row is not None else None


def _store_maxima(conn: Connection) -> tuple[int, int]:
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
            "group_key": _group_key(c),
            "item": json.dumps(timeline_item(c, status), ensure_ascii=False,
                               separators=(",", ":"))}


def _group_key(c: UnderlyingClaim) -> str | None:
    key = c.series.group
    return key[:255] if key else None


def _links(c: UnderlyingClaim, quotes: dict[int, str]) -> list[dict[str, Any]]:
    return [{"claim_id": r.claim_id, "doc_id": r.doc_id[:255], "underlying_id": c.id,
             "reason": r.reason,
             "quote_key": _qhash(quotes.get(r.claim_id, ""))} for r in c.reports]


def _write(conn: Connection, claims: Sequence[UnderlyingClaim], status: dict[int, str],
           quotes: dict[int, str]) -> None:
    rows = [_row(c, status) for c in claims]
    links = [x for c in claims for x in _links(c, quotes)]
    for i in range(0, len(rows), 5000):
        conn.execute(insert(UnderlyingRow), rows[i:i + 5000])
    for i in range(0, len(links), 10000):
        conn.execute(insert(UnderlyingLinkRow), links[i:i + 10000])


def _set_state(conn: Connection) -> None:
    claims, reviews = _store_maxima(conn)
    conn.execute(delete(ViewStateRow))
    conn.execute(insert(ViewStateRow), [{"id": 1, "claims": claims, "reviews": reviews,
                                         "version": VIEW_VERSION, "built": datetime.now(UTC)}])


def _origin_rows(items: Iterable[Item], origins: dict[str, Origin], names: Names,
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
        for table in (UnderlyingLinkRow, UnderlyingRow, OriginKeyRow, ViewStateRow):
            conn.execute(delete(table))
        _write(conn, claims, status, quotes)
        okeys = _origin_rows(items, origins, nm)
        for i in range(0, len(okeys), 5000):
            conn.execute(insert(OriginKeyRow), okeys[i:i + 5000])
        _set_state(conn)
    return ViewStats("rebuild", len(reports), len(claims), time.perf_counter() - start)


def _reports_by_id(conn: Connection, ids: Sequence[int], canon: Any) -> list[Report]:
    out: list[Report] = []
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), _CHUNK):
        q = report_query(Filters(), canon).where(ClaimRow.id.in_(ordered[i:i + _CHUNK]))
        out.extend(rows_to_reports(conn, conn.execute(q)))
    return out


def _light(row: Any) -> UnderlyingClaim:
    """A stored underlying claim with what relinking its series needs."""
    (uid, actor, metric, value, low, high, origin, okey, part, stance, sort_date, kind,
     revises, reason, ghead, gsubset, gstatus) = tuple(row)
    return UnderlyingClaim(id=uid, actor=actor, metric=metric, value=value, low=low, high=high,
                           qualifier="exact", origin=origin, origin_key=okey, aliases=[],
                           date=None if sort_date == _NO_DATE else sort_date, last_date=None,
                           reports=[], stance=stance, kind=kind, revises=revises, part=part,
                           reason=reason, group=ghead, subset=gsubset, group_status=gstatus)


_LIGHT = (UnderlyingRow.id, UnderlyingRow.actor, UnderlyingRow.metric, UnderlyingRow.value,
          UnderlyingRow.low, UnderlyingRow.high, UnderlyingRow.origin, UnderlyingRow.origin_key,
          UnderlyingRow.part, UnderlyingRow.stance, UnderlyingRow.sort_date, UnderlyingRow.kind,
          UnderlyingRow.revises, UnderlyingRow.reason, UnderlyingRow.group_head,
          UnderlyingRow.group_subset, UnderlyingRow.group_status)


def _figure_where(actor_key: str, metric: str, numbers: tuple[int | None, ...]) -> Any:
    cols = (UnderlyingRow.value, UnderlyingRow.low, UnderlyingRow.high)
    conds = [UnderlyingRow.actor_key == actor_key, UnderlyingRow.metric == metric]
    conds += [col.is_(None) if n is None else col == n for col, n in zip(cols, numbers, strict=True)]
    return and_(*conds)


def _stored_person(conn: Connection, group: list[Item],
                   names: Names) -> tuple[str, str, bool, str | None] | None:
    """The stored origin of a person these items name under another spelling."""
    for it in group:
        for n in it.names:
            p = names.person(n)
            if p is None or not p.name.split():
                continue
            surname = fold(p.name.split()[-1])
            rows = conn.execute(select(OriginKeyRow.origin_key, OriginKeyRow.display,
                                       OriginKeyRow.unnamed, OriginKeyRow.side).where(
                OriginKeyRow.name_key.like(f"%{surname}")).limit(50)).all()
            for ok, disp, unnamed, side in rows:
                if not unnamed and names.person(disp) is not None \
                        and names.same_person(disp, p.name):
                    return (str(ok), str(disp), bool(unnamed), side)
    return None


def refresh(store: Store, options: ReconcileOptions | None = None, *,
            names: Names | None = None) -> ViewStats:
    """Bring the stored view to the store's state: a rebuild when there is none (or it is of
    another version), else only the
    figures that new claims, superseded claims and new reviews touch."""
    start = time.perf_counter()
    state = view_state(store)
    if state is None or state.version != VIEW_VERSION:
        return rebuild(store, options, names=names)
    opts = options or ReconcileOptions()
    nm = names or default_names()
    rules = default_rules()
    with store.engine.begin() as conn:
        max_claim, max_review = _store_maxima(conn)
        if max_claim == state.claims and max_review == state.reviews:
            return ViewStats("current", 0, 0, time.perf_counter() - start)
        added = list(conn.execute(select(ClaimRow.id).where(
            ClaimRow.id > state.claims, ClaimRow.superseded.is_(False))).scalars())
        docs = list(conn.execute(select(DocumentRow.doc_id).join(
            ClaimRow, ClaimRow.document_id == DocumentRow.id).where(
            ClaimRow.id > state.claims).distinct()).scalars())
        reviewed = list(conn.execute(select(ClaimReviewRow.claim_id).where(
            ClaimReviewRow.id > state.reviews).distinct()).scalars())
        # claims of those documents that re-extraction superseded or deleted
        gone: list[int] = []
        for i in range(0, len(docs), _CHUNK):
            chunk = docs[i:i + _CHUNK]
            live = set(conn.execute(select(ClaimRow.id).join(
                DocumentRow, DocumentRow.id == ClaimRow.document_id).where(
                DocumentRow.doc_id.in_(chunk), ClaimRow.superseded.is_(False))).scalars())
            gone += [cid for cid in conn.execute(select(UnderlyingLinkRow.claim_id).where(
                UnderlyingLinkRow.doc_id.in_(chunk))).scalars() if cid not in live]
        removed = set(gone) | set(reviewed)
        fresh = [r for r in _reports_by_id(conn, added + reviewed, store.canonicalise)
                 if keep_report(r, opts)]
        new_items = prepare_items(fresh, nm, rules)
        # each new item's origin: the stored key of one of its names, else its own
        keys_of = {id(it): item_keys(it, nm, rules) for it in new_items}
        wanted = sorted({k[:512] for ks in keys_of.values() for k in ks})
        stored: dict[str, tuple[str, str, bool, str | None]] = {}
        for i in range(0, len(wanted), _CHUNK):
            for nk, ok, disp, unnamed, side in conn.execute(select(
                    OriginKeyRow.name_key, OriginKeyRow.origin_key, OriginKeyRow.display,
                    OriginKeyRow.unnamed, OriginKeyRow.side).where(
                    OriginKeyRow.name_key.in_(wanted[i:i + _CHUNK]))):
                stored[nk] = (ok, disp, bool(unnamed), side)
        # the new items' origins among themselves, then each onto a stored origin that
        # one of its names (or a spelling of a person's name) already has
        own = resolve_origins(new_items, nm, rules)
        members: dict[str, list[Item]] = defaultdict(list)
        for it in new_items:
            members[it.origin_key].append(it)
        origins: dict[str, Origin] = {}
        for root, group in members.items():
            ks = [k[:512] for it in group for k in keys_of[id(it)]]
            hit = next((stored[k] for k in ks if k in stored), None)
            if hit is None:
                hit = _stored_person(conn, group, nm)
            if hit is not None:
                origins[hit[0]] = Origin(hit[1], hit[2], hit[3])
                for it in group:
                    it.origin_key = hit[0]
            else:
                origins[root] = own[root]
        # the figures touched: the new items' and those of the claims that left
        figures: set[tuple[str, str, tuple[int | None, ...]]] = {
            (fold(it.actor) if it.actor else "", it.metric, it.numbers) for it in new_items}
        old_ids = sorted(removed)
        for i in range(0, len(old_ids), _CHUNK):
            for a, m, v, lo, hi in conn.execute(
                    select(UnderlyingRow.actor_key, UnderlyingRow.metric, UnderlyingRow.value,
                           UnderlyingRow.low, UnderlyingRow.high)
                    .join(UnderlyingLinkRow, UnderlyingLinkRow.underlying_id == UnderlyingRow.id)
                    .where(UnderlyingLinkRow.claim_id.in_(old_ids[i:i + _CHUNK]))):
                figures.add((a, m, (v, lo, hi)))
        old_rows: list[Any] = []
        for a, m, nums in figures:
            old_rows += conn.execute(select(*_LIGHT).where(_figure_where(a, m, nums))).all()
        old_uids = [r[0] for r in old_rows]
        keep_ids: list[int] = []
        row_of: dict[int, Any] = {}
        by_uid = {r[0]: r for r in old_rows}
        skip = removed | set(added)
        for i in range(0, len(old_uids), _CHUNK):
            for cid, uid in conn.execute(select(UnderlyingLinkRow.claim_id,
                                                UnderlyingLinkRow.underlying_id).where(
                    UnderlyingLinkRow.underlying_id.in_(old_uids[i:i + _CHUNK]))):
                if cid not in skip:
                    keep_ids.append(cid)
                    row_of[cid] = by_uid[uid]
        old_reports = [r for r in _reports_by_id(conn, keep_ids, store.canonicalise)
                       if keep_report(r, opts)]
        old_items = prepare_items(old_reports, nm, rules)
        for it in old_items:
            row = row_of[it.report.claim_id]
            it.actor, it.origin_key = row[1], row[7]
            origins.setdefault(row[7], Origin(row[6], row[7].startswith(UNNAMED_PREFIX),
                                              origin_side(row[6], list(it.written), nm)))
        items = old_items + new_items
        groups = group_items(items, origins, nm, window=opts.window_days,
                             attach_undated=opts.attach_undated)
        claims = [build_claim(g, origins[g[0][0].origin_key]) for g in groups]
        # relink the series these figures belong to, with their other stored claims
        series = {_light(r).series for r in old_rows} | {c.series for c in claims}
        others: dict[str, UnderlyingClaim] = {}
        wanted_series = sorted({(fold(k.actor) if k.actor else "", k.metric, k.origin[:512])
                                for k in series})
        for i in range(0, len(wanted_series), 200):
            q = select(*_LIGHT).where(tuple_(UnderlyingRow.actor_key, UnderlyingRow.metric,
                                             UnderlyingRow.origin_key).in_(
                wanted_series[i:i + 200]))
            for r in conn.execute(q):
                if r[0] not in by_uid and _light(r).series in series:
                    others[r[0]] = _light(r)
        before = {u: (c.kind, c.revises, c.reason) for u, c in others.items()}
        link_updates([*claims, *others.values()], opts.window_days)
        # write: the touched figures' claims replaced, the relinked ones updated
        for i in range(0, len(old_uids), _CHUNK):
            chunk = old_uids[i:i + _CHUNK]
            conn.execute(delete(UnderlyingLinkRow).where(UnderlyingLinkRow.underlying_id.in_(chunk)))
            conn.execute(delete(UnderlyingRow).where(UnderlyingRow.id.in_(chunk)))
        for i in range(0, len(old_ids), _CHUNK):
            conn.execute(delete(UnderlyingLinkRow).where(
                UnderlyingLinkRow.claim_id.in_(old_ids[i:i + _CHUNK])))
        status = {it.report.claim_id: it.report.status for it in items if it.report.status}
        quotes = {it.report.claim_id: it.quote_key for it in items}
        _write(conn, claims, status, quotes)
        for uid, c in others.items():
            if (c.kind, c.revises, c.reason) == before[uid]:
                continue
            text = conn.execute(select(UnderlyingRow.item).where(UnderlyingRow.id == uid)).scalar()
            item = json.loads(text) if text else {}
            item.update(kind=c.kind, revises=c.revises, reason=c.reason)
            conn.execute(update(UnderlyingRow).where(UnderlyingRow.id == uid).values(
                kind=c.kind, revises=c.revises, reason=c.reason,
                item=json.dumps(item, ensure_ascii=False, separators=(",", ":"))))
        okeys = _origin_rows(new_items, origins, nm, known=set(stored))
        if okeys:
            have = set(conn.execute(select(OriginKeyRow.name_key).where(
                OriginKeyRow.name_key.in_([o["name_key"] for o in okeys]))).scalars())
            okeys = [o for o in okeys if o["name_key"] not in have]
            if okeys:
                conn.execute(insert(OriginKeyRow), okeys)
        _set_state(conn)
    return ViewStats("refresh", len(items), len(claims), time.perf_counter() - start)


def timeline_page(store: Store, actor: str | None, metric: str | None, limit: int,
                  offset: int, group: Group | None = None) -> tuple[int, list[str]]:
    """(total, items as JSON text) of an actor's stored timeline, or a counted group's
    (``group``: a parsed filter, a field left None matching all; with ``actor`` too, the
    group's figures about that actor), in timeline order."""
    where: list[Any] = [] if actor is None else [UnderlyingRow.actor_key == fold(actor)]
    if group is not None:
        for col, want in ((UnderlyingRow.group_head, group.head),
                          (UnderlyingRow.group_subset, group.subset),
                          (UnderlyingRow.group_status, group.status)):
            if want is not None:
                where.append(col == want)
    if metric is not None:
        where.append(UnderlyingRow.metric == metric)
    order = (UnderlyingRow.sort_date, UnderlyingRow.metric, UnderlyingRow.origin,
             UnderlyingRow.point)
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).select_from(UnderlyingRow)
                                 .where(*where)).scalar_one())
        items = list(conn.execute(select(UnderlyingRow.item).where(*where).order_by(*order)
                                  .limit(limit).offset(offset)).scalars())
    return total, items


def underlying_of(store: Store, claim_id: int) -> dict[str, Any] | None:
    """The stored underlying claim a claim (report) belongs to, in the API's shape."""
    with store.engine.connect() as conn:
        text = conn.execute(select(UnderlyingRow.item).join(
            UnderlyingLinkRow, UnderlyingLinkRow.underlying_id == UnderlyingRow.id).where(
            UnderlyingLinkRow.claim_id == claim_id)).scalar()
    return json.loads(text) if text else None
