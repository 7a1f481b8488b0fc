"""Keeping the stored view current: :func:`refresh` after an ingest, a re-extraction or
reviews, touching only what they change.

1. The changed claims: those added since the view's state, those of the same documents
   that re-extraction superseded, and those reviewed since (primary-key ranges and the
   ``doc_id`` index of the links).
2. Each new report's origin: the stored origin key of one of its names (``origin_keys``),
   or of a person's other spelling; else its own.
3. The underlying claims to regroup: of each figure (actor, metric, numbers) a new or
   removed report has (``ix_underlying_claims_figure``), only those whose origin is the
   report's, or of the same side (a side's bare name and its bodies merge, see
   :mod:`tollwatch.reconcile.identity`); their stored reports are regrouped with the new
   ones.
4. The series: only the new claims and the stored neighbours of each place where a claim
   came or went are relinked (:mod:`tollwatch.reconcile.relink`).

Nothing reads a whole series or scans a table, so the time is that of the reports
changed, not of the store.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Connection

from tollwatch.model import Report
from tollwatch.reconcile.identity import group_items
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
from tollwatch.reconcile.relink import LIGHT, light, relink
from tollwatch.reconcile.rules import Rules, default_rules
from tollwatch.reconcile.stored import (
    VIEW_VERSION,
    ViewState,
    ViewStats,
    lock_view,
    origin_rows,
    rebuild,
    set_state,
    state_of,
    store_maxima,
    view_state,
    write_claims,
)
from tollwatch.reconcile.underlying import ReconcileOptions, build_claim, keep_report
from tollwatch.store import Store
from tollwatch.store.query import report_query, rows_to_reports
from tollwatch.store.rows import Filters
from tollwatch.store.schema import ClaimReviewRow, ClaimRow, DocumentRow
from tollwatch.store.view_schema import OriginKeyRow, UnderlyingLinkRow, UnderlyingRow

__all__ = ["refresh"]

_CHUNK = 500
Figure = tuple[str, str, tuple[int | None, ...]]
Hit = tuple[str, str, bool, str | None]


def _reports_by_id(conn: Connection, ids: Sequence[int], canon: Any) -> list[Report]:
    out: list[Report] = []
    ordered = sorted(set(ids))
    for i in range(0, len(ordered), _CHUNK):
        q = report_query(Filters(), canon).where(ClaimRow.id.in_(ordered[i:i + _CHUNK]))
        out.extend(rows_to_reports(conn, conn.execute(q)))
    return out


def _figure_where(actor_key: str, metric: str, numbers: tuple[int | None, ...]) -> Any:
    cols = (UnderlyingRow.value, UnderlyingRow.low, UnderlyingRow.high)
    conds = [UnderlyingRow.actor_key == actor_key, UnderlyingRow.metric == metric]
    conds += [col.is_(None) if n is None else col == n for col, n in zip(cols, numbers, strict=True)]
    return and_(*conds)


def _changed(conn: Connection, state: ViewState) -> tuple[list[int], set[int]]:
    """(claims added since the view, claims to take out of it: superseded or reviewed)."""
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
    return added + reviewed, set(gone) | set(reviewed)


def _stored_person(conn: Connection, group: list[Item], names: Names) -> Hit | None:
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


def _assign_origins(conn: Connection, items: list[Item], names: Names,
                    rules: Rules) -> tuple[dict[str, Origin], set[str]]:
    """Each new item's origin: the stored key of one of its names, else its own; the
    origins by key and the name keys already stored."""
    keys_of = {id(it): item_keys(it, names, rules) for it in items}
    wanted = sorted({k[:512] for ks in keys_of.values() for k in ks})
    stored: dict[str, Hit] = {}
    for i in range(0, len(wanted), _CHUNK):
        for nk, ok, disp, unnamed, side in conn.execute(select(
                OriginKeyRow.name_key, OriginKeyRow.origin_key, OriginKeyRow.display,
                OriginKeyRow.unnamed, OriginKeyRow.side).where(
                OriginKeyRow.name_key.in_(wanted[i:i + _CHUNK]))):
            stored[nk] = (ok, disp, bool(unnamed), side)
    own = resolve_origins(items, names, rules)
    members: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        members[it.origin_key].append(it)
    origins: dict[str, Origin] = {}
    for root, group in members.items():
        ks = [k[:512] for it in group for k in keys_of[id(it)]]
        hit = next((stored[k] for k in ks if k in stored), None)
        if hit is None:
            hit = _stored_person(conn, group, names)
        if hit is not None:
            origins[hit[0]] = Origin(hit[1], hit[2], hit[3])
            for it in group:
                it.origin_key = hit[0]
        else:
            origins[root] = own[root]
    return origins, set(stored)


class _Interest:
    """Per figure, the origin keys and sides whose stored claims a change can regroup; and
    the figures whose stored claims in (or not in) an outlet's own voice a new report can
    join (:mod:`tollwatch.reconcile.own_voice`: an own-voice restatement joins the sourced
    claim of its figure)."""

    def __init__(self) -> None:
        self.keys: dict[Figure, set[str]] = defaultdict(set)
        self.sides: dict[Figure, set[str]] = defaultdict(set)
        self.own: set[Figure] = set()  # figures a new own-voice report has
        self.sourced: set[Figure] = set()  # figures a new sourced report has

    def add(self, figure: Figure, key: str, origin: Origin | None, names: Names,
            own_voice: bool | None = None) -> None:
        self.keys[figure].add(key)
        if own_voice is not None:
            (self.own if own_voice else self.sourced).add(figure)
        if origin is None:
            return
        for side in (origin.side, names.actor(origin.display)):
            if side is not None:
                self.sides[figure].add(side)

    def wants(self, figure: Figure, key: str, side: str | None, own_voice: bool = False) -> bool:
        if figure in (self.sourced if own_voice else self.own):
            return True
        return key in self.keys[figure] or (side is not None and side in self.sides[figure])


def _restated(conn: Connection, items: Sequence[Item]) -> dict[str, Any]:
    """The stored claims an own-voice restatement may join across numbers (a single number
    within a range, :func:`tollwatch.reconcile.own_voice.within`): sourced ranges holding
    a new own-voice number, own-voice numbers within a new sourced range."""
    out: dict[str, Any] = {}
    for it in items:
        value, low, high = it.numbers
        a = fold(it.actor) if it.actor else ""
        base = [UnderlyingRow.actor_key == a, UnderlyingRow.metric == it.metric]
        if it.own_voice and value is not None:
            cond = [UnderlyingRow.value.is_(None), UnderlyingRow.low <= value,
                    UnderlyingRow.high >= value, UnderlyingRow.own_voice.is_(False)]
        elif not it.own_voice and value is None and low is not None and high is not None:
            cond = [UnderlyingRow.value >= low, UnderlyingRow.value <= high,
                    UnderlyingRow.low.is_(None), UnderlyingRow.high.is_(None),
                    UnderlyingRow.own_voice.is_(True)]
        else:
            continue
        for r in conn.execute(select(*LIGHT).where(*base, *cond)):
            out[r[0]] = r
    return out


def _sides(conn: Connection, rows: Sequence[Any], names: Names) -> dict[str, str | None]:
    """The side of each stored origin (``origin_keys``, else from its display name)."""
    okeys = sorted({str(r[7]) for r in rows})
    out: dict[str, str | None] = {}
    for i in range(0, len(okeys), _CHUNK):
        for nk, side in conn.execute(select(OriginKeyRow.name_key, OriginKeyRow.side).where(
                OriginKeyRow.name_key.in_(okeys[i:i + _CHUNK]))):
            out[nk] = side
    for r in rows:
        if str(r[7]) not in out:
            out[str(r[7])] = origin_side(str(r[6]), [], names)
    return out


def refresh(store: Store, options: ReconcileOptions | None = None, *,
            names: Names | None = None) -> ViewStats:
    """Bring the stored view to the store's state: a rebuild when there is none (or it is of
    another version), else only the figures, origins and series neighbours that new
    claims, superseded claims and new reviews touch."""
    start = time.perf_counter()
    state = view_state(store)
    if state is None or state.version != VIEW_VERSION:
        return rebuild(store, options, names=names)
    opts = options or ReconcileOptions()
    nm = names or default_names()
    rules = default_rules()
    # one process at a time rewrites the view; the state is read again under the lock, as
    # another process may have brought the view on while this one waited
    with store.engine.begin() as conn:
        lock_view(conn)
        stats = _refresh_locked(conn, store, opts, nm, rules, start)
    return stats if stats is not None else rebuild(store, options, names=names)


def _refresh_locked(conn: Connection, store: Store, opts: ReconcileOptions, nm: Names,
                    rules: Any, start: float) -> ViewStats | None:
    """:func:`refresh` in a transaction holding the view's lock; None when the view must be
    rebuilt (another process removed it or built it with another version meanwhile)."""
    state = state_of(conn)
    if state is None or state.version != VIEW_VERSION:
        return None
    max_claim, max_review = store_maxima(conn)
    if max_claim == state.claims and max_review == state.reviews:
        return ViewStats("current", 0, 0, time.perf_counter() - start)
    wanted, removed = _changed(conn, state)
    fresh = [r for r in _reports_by_id(conn, wanted, store.canonicalise)
             if keep_report(r, opts)]
    new_items = prepare_items(fresh, nm, rules)
    origins, known = _assign_origins(conn, new_items, nm, rules)
    interest = _Interest()
    for it in new_items:
        interest.add((fold(it.actor) if it.actor else "", it.metric, it.numbers),
                     it.origin_key, origins.get(it.origin_key), nm, it.own_voice)
    # the stored claims that held removed reports: regrouped whole
    old_ids = sorted(removed)
    held: dict[str, Any] = {}
    for i in range(0, len(old_ids), _CHUNK):
        for r in conn.execute(select(*LIGHT).join(
                UnderlyingLinkRow, UnderlyingLinkRow.underlying_id == UnderlyingRow.id)
                .where(UnderlyingLinkRow.claim_id.in_(old_ids[i:i + _CHUNK]))):
            held[r[0]] = r
    # of each touched figure, the stored claims of the same origin or side
    candidates: dict[str, Any] = {}
    for a, m, nums in list(interest.keys):
        for r in conn.execute(select(*LIGHT).where(_figure_where(a, m, nums))):
            candidates[r[0]] = r
    restated = _restated(conn, new_items)
    candidates.update(restated)
    sides = _sides(conn, [*held.values(), *candidates.values()], nm)
    for r in held.values():
        figure = (fold(r[1]) if r[1] else "", r[2], (r[3], r[4], r[5]))
        interest.add(figure, r[7], Origin(r[6], r[7].startswith(UNNAMED_PREFIX),
                                          sides.get(r[7])), nm)
        for r2 in conn.execute(select(*LIGHT).where(_figure_where(*figure))):
            candidates[r2[0]] = r2
    old_rows = {uid: r for uid, r in candidates.items()
                if uid in held or uid in restated or interest.wants(
                    (fold(r[1]) if r[1] else "", r[2], (r[3], r[4], r[5])), r[7],
                    sides.get(r[7]), bool(r[17]))}
    old_uids = sorted(old_rows)
    keep_ids: list[int] = []
    row_of: dict[int, Any] = {}
    skip = removed | set(wanted)
    for i in range(0, len(old_uids), _CHUNK):
        for cid, uid in conn.execute(select(UnderlyingLinkRow.claim_id,
                                            UnderlyingLinkRow.underlying_id).where(
                UnderlyingLinkRow.underlying_id.in_(old_uids[i:i + _CHUNK]))):
            if cid not in skip:
                keep_ids.append(cid)
                row_of[cid] = old_rows[uid]
    old_reports = [r for r in _reports_by_id(conn, keep_ids, store.canonicalise)
                   if keep_report(r, opts)]
    old_items = prepare_items(old_reports, nm, rules)
    for it in old_items:
        row = row_of[it.report.claim_id]
        it.actor, it.origin_key = row[1], row[7]
        origins.setdefault(row[7], Origin(row[6], row[7].startswith(UNNAMED_PREFIX),
                                          sides.get(row[7]) or origin_side(
                                              row[6], list(it.written), nm)))
    # an own-voice report a sourced claim held (a restatement) is the outlet's again
    # until regrouping folds it anew
    own_old = [it for it in old_items if it.own_voice]
    if own_old:
        own_origins, _ = _assign_origins(conn, own_old, nm, rules)
        for k, o in own_origins.items():
            origins.setdefault(k, o)
    items = old_items + new_items
    groups = group_items(items, origins, nm, window=opts.window_days,
                         attach_undated=opts.attach_undated)
    claims = [build_claim(g, origins[g[0][0].origin_key]) for g in groups]
    # out with the regrouped claims, then the series relinked around what changed
    for i in range(0, len(old_uids), _CHUNK):
        chunk = old_uids[i:i + _CHUNK]
        conn.execute(delete(UnderlyingLinkRow).where(UnderlyingLinkRow.underlying_id.in_(chunk)))
        conn.execute(delete(UnderlyingRow).where(UnderlyingRow.id.in_(chunk)))
    for i in range(0, len(old_ids), _CHUNK):
        conn.execute(delete(UnderlyingLinkRow).where(
            UnderlyingLinkRow.claim_id.in_(old_ids[i:i + _CHUNK])))
    changed = relink(conn, claims, [light(r) for r in old_rows.values()], opts.window_days)
    status = {it.report.claim_id: it.report.status for it in items if it.report.status}
    quotes = {it.report.claim_id: it.quote_key for it in items}
    write_claims(conn, claims, status, quotes)
    for ch in changed:
        c = ch.claim
        item = json.loads(ch.item) if ch.item else {}
        item.update(kind=c.kind, revises=c.revises, reason=c.reason)
        conn.execute(update(UnderlyingRow).where(UnderlyingRow.id == c.id).values(
            kind=c.kind, revises=c.revises, reason=c.reason,
            item=json.dumps(item, ensure_ascii=False, separators=(",", ":"))))
    okeys = origin_rows(new_items, origins, nm, known=known)
    if okeys:
        have = set(conn.execute(select(OriginKeyRow.name_key).where(
            OriginKeyRow.name_key.in_([o["name_key"] for o in okeys]))).scalars())
        okeys = [o for o in okeys if o["name_key"] not in have]
        if okeys:
            conn.execute(insert(OriginKeyRow), okeys)
    set_state(conn)
    return ViewStats("refresh", len(items), len(claims), time.perf_counter() - start)
