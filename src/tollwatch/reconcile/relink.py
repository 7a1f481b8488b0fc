"""Relinking the stored view's series after a refresh, touching only the neighbours.

Within a series (:class:`~tollwatch.reconcile.updates.SeriesKey`) a claim's kind depends
only on the claim right before it (:func:`~tollwatch.reconcile.updates.series_order`).
So when a refresh replaces some underlying claims, the kinds that can change are those of
the new claims and of the first stored claim after each place where a claim came or went.
For each such place (an *anchor*) the stored claim just before and just after it are read
from ``ix_underlying_claims_series_order`` (two indexed look-ups, ``LIMIT 1``); the new
claims and those neighbours, in series order, give every changed kind. Nothing else of the
series is read, however long it is.

Call :func:`relink` after the replaced rows are deleted and before the new ones are
written; it returns the stored claims whose kind, ``revises`` or reason changed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, select, tuple_
from sqlalchemy.engine import Connection

from tollwatch.reconcile.names import fold
from tollwatch.reconcile.underlying import UnderlyingClaim
from tollwatch.reconcile.updates import SeriesKey, link_one, no_series, series_order, series_what
from tollwatch.store.view_schema import UnderlyingRow

__all__ = ["LIGHT", "NO_DATE", "Relinked", "light", "relink", "series_where"]

NO_DATE = "9999-99-99"

LIGHT = (UnderlyingRow.id, UnderlyingRow.actor, UnderlyingRow.metric, UnderlyingRow.value,
         UnderlyingRow.low, UnderlyingRow.high, UnderlyingRow.origin, UnderlyingRow.origin_key,
         UnderlyingRow.part, UnderlyingRow.stance, UnderlyingRow.sort_date, UnderlyingRow.kind,
         UnderlyingRow.revises, UnderlyingRow.reason, UnderlyingRow.group_head,
         UnderlyingRow.group_subset, UnderlyingRow.group_status, UnderlyingRow.own_voice)


def light(row: Any, qualifier: str = "exact") -> UnderlyingClaim:
    """A stored underlying claim (a row of :data:`LIGHT`) with what relinking needs."""
    (uid, actor, metric, value, low, high, origin, okey, part, stance, sort_date, kind,
     revises, reason, ghead, gsubset, gstatus) = tuple(row)[:17]
    return UnderlyingClaim(id=uid, actor=actor, metric=metric, value=value, low=low, high=high,
                           qualifier=qualifier, origin=origin, origin_key=okey, aliases=[],
                           date=None if sort_date == NO_DATE else sort_date, last_date=None,
                           reports=[], stance=stance, kind=kind, revises=revises, part=part,
                           reason=reason, group=ghead, subset=gsubset, group_status=gstatus,
                           own_voice=bool(tuple(row)[17]))


def _eq(col: Any, value: str | None) -> Any:
    return col.is_(None) if value is None else col == value


def series_where(key: SeriesKey) -> Any:
    """The stored rows of one series (asserted figures), as ``ix_underlying_claims_series_order``
    holds them."""
    return and_(UnderlyingRow.actor_key == (fold(key.actor) if key.actor else ""),
                UnderlyingRow.metric == key.metric,
                UnderlyingRow.origin_key == key.origin[:512],
                _eq(UnderlyingRow.part, key.part[:64] if key.part else None),
                _eq(UnderlyingRow.group_key, key.group[:255] if key.group else None),
                UnderlyingRow.stance == "asserted")


@dataclass(slots=True)
class Relinked:
    """A stored claim whose kind changed, with its stored item (JSON text)."""

    claim: UnderlyingClaim
    item: str


def _anchor(c: UnderlyingClaim) -> tuple[str, float, str]:
    d, p, i = series_order(c)
    return (d[:10], p, i)


_ORDER = (UnderlyingRow.sort_date, UnderlyingRow.point, UnderlyingRow.id)
_NEIGHBOUR: dict[tuple[bool, bool, bool], Any] = {}


def _statement(before: bool, no_part: bool, no_group: bool) -> Any:
    """The neighbour look-up, built once per shape (values are bound parameters, so the
    statement compiles once and each look-up is one indexed ``LIMIT 1``)."""
    key = (before, no_part, no_group)
    q = _NEIGHBOUR.get(key)
    if q is None:
        pos = tuple_(*_ORDER)
        at = tuple_(bindparam("d"), bindparam("p"), bindparam("i"))
        conds = [UnderlyingRow.actor_key == bindparam("a"),
                 UnderlyingRow.metric == bindparam("m"),
                 UnderlyingRow.origin_key == bindparam("o"),
                 UnderlyingRow.part.is_(None) if no_part
                 else UnderlyingRow.part == bindparam("pt"),
                 UnderlyingRow.group_key.is_(None) if no_group
                 else UnderlyingRow.group_key == bindparam("g"),
                 UnderlyingRow.stance == "asserted",
                 pos < at if before else pos > at]
        q = select(*LIGHT, UnderlyingRow.item).where(*conds).order_by(
            *(c.desc() for c in _ORDER) if before else _ORDER).limit(1)
        _NEIGHBOUR[key] = q
    return q


def _neighbour(conn: Connection, key: SeriesKey, at: tuple[str, float, str],
               before: bool) -> tuple[UnderlyingClaim, str] | None:
    part = key.part[:64] if key.part else None
    group = key.group[:255] if key.group else None
    params: dict[str, Any] = {"a": fold(key.actor) if key.actor else "", "m": key.metric,
                              "o": key.origin[:512], "d": at[0], "p": at[1], "i": at[2]}
    if part is not None:
        params["pt"] = part
    if group is not None:
        params["g"] = group
    row = conn.execute(_statement(before, part is None, group is None), params).first()
    if row is None:
        return None
    item = str(row[len(LIGHT)] or "")
    qualifier = "exact"
    if item:
        qualifier = str(json.loads(item).get("qualifier") or "exact")
    return light(row, qualifier), item


def relink(conn: Connection, claims: Sequence[UnderlyingClaim],
           removed: Sequence[UnderlyingClaim], window_days: int) -> list[Relinked]:
    """Set the kinds of ``claims`` (about to be written) against their stored series, and
    return the stored claims whose kind changed because ``claims`` came or ``removed``
    (already deleted) went."""
    fresh: dict[SeriesKey, list[UnderlyingClaim]] = defaultdict(list)
    anchors: dict[SeriesKey, set[tuple[str, float, str]]] = defaultdict(set)
    for c in claims:
        if c.stance != "asserted":
            no_series(c)
            continue
        fresh[c.series].append(c)
        anchors[c.series].add(_anchor(c))
    for r in removed:
        if r.stance == "asserted":
            anchors[r.series].add(_anchor(r))
    out: list[Relinked] = []
    for key in sorted(anchors):
        local: dict[str, UnderlyingClaim] = {c.id: c for c in fresh.get(key, [])}
        targets = set(local)
        stored: dict[str, tuple[UnderlyingClaim, str]] = {}
        for at in sorted(anchors[key]):
            for before in (True, False):
                hit = _neighbour(conn, key, at, before)
                if hit is None:
                    continue
                cid = hit[0].id
                if cid not in local:
                    local[cid] = hit[0]
                    stored[cid] = hit
                if not before and cid in stored:
                    targets.add(cid)
        what = series_what(key)
        prev: UnderlyingClaim | None = None
        for c in sorted(local.values(), key=series_order):
            if c.id in targets:
                was = (c.kind, c.revises, c.reason)
                link_one(c, prev, what, window_days)
                if c.id in stored and (c.kind, c.revises, c.reason) != was:
                    out.append(Relinked(c, stored[c.id][1]))
            prev = c
    return out
