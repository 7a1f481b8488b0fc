"""Reading claims back as Reports, with filters and reviewers' corrections applied.

Filters work on the extraction (a reviewer's corrections change what a Report shows, not
which filter it matches). ``actor`` and ``origin`` match the normalised name (the store's
canonicaliser) or any alias of it, case-insensitively. ``since``/``until`` (ISO dates,
inclusive) apply to the claim's date, or the document's published date when the claim has
none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, bindparam, func, or_, select

from tollwatch.model import Claim, Report
from tollwatch.store.names import ACTOR, SOURCE, Canonicaliser
from tollwatch.store.rows import Filters, Review, build_reports
from tollwatch.store.schema import (
    AliasRow,
    ClaimReviewRow,
    ClaimRow,
    ClaimSourceRow,
    DocumentRow,
    NameRow,
)

__all__ = ["AliasIds", "Filters", "alias_ids_query", "claim_counts", "count_query",
           "extracted_claim", "read_page", "report_query", "resolve_alias_ids",
           "rows_to_reports"]

_CHUNK = 500


_COLUMNS = (
    ClaimRow.id, DocumentRow.doc_id, DocumentRow.url, DocumentRow.outlet,
    DocumentRow.published, DocumentRow.title,
    ClaimRow.metric, ClaimRow.value, ClaimRow.low, ClaimRow.high, ClaimRow.qualifier,
    ClaimRow.subject, ClaimRow.actor, ClaimRow.civilian, ClaimRow.location, ClaimRow.origin,
    ClaimRow.speaker, ClaimRow.date, ClaimRow.stance, ClaimRow.quote, ClaimRow.char_start,
    ClaimRow.char_end, ClaimRow.confidence, ClaimRow.attribution,
)


def _alias_ids(kind: str, name: str, canonicalise: Canonicaliser) -> Select[Any]:
    key = canonicalise(name, kind)
    names = select(NameRow.id).where(NameRow.kind == kind, NameRow.canonical == key)
    by_alias = select(AliasRow.name_id).where(
        AliasRow.kind == kind, func.lower(AliasRow.alias) == name.strip().lower())
    return select(AliasRow.id).where(AliasRow.kind == kind,
                                     or_(AliasRow.name_id.in_(names),
                                         AliasRow.name_id.in_(by_alias)))


@dataclass(frozen=True, slots=True)
class AliasIds:
    """The alias ids the actor and origin filters match, looked up before the main query:
    a planner that sees the ids (PostgreSQL) then uses the actor index instead of guessing
    how many a subquery returns (on 1M claims: 176 ms became a few ms)."""

    actor: tuple[int, ...] | None = None
    origin: tuple[int, ...] | None = None


def resolve_alias_ids(conn: Connection, f: Filters, canonicalise: Canonicaliser) -> AliasIds:
    def ids(kind: str, name: str | None) -> tuple[int, ...] | None:
        if not name:
            return None
        return tuple(conn.execute(_alias_ids(kind, name, canonicalise)).scalars())

    return AliasIds(ids(ACTOR, f.actor), ids(SOURCE, f.origin))


def _where(q: Select[Any], f: Filters, canonicalise: Canonicaliser,
           ids: AliasIds | None = None, join: bool = True) -> Select[Any]:
    ids = ids or AliasIds()
    if join:  # every claim has its document (a foreign key that cascades)
        q = q.join(DocumentRow, DocumentRow.id == ClaimRow.document_id)
    q = q.where(ClaimRow.superseded.is_(False))
    if f.actor:
        actor_ids = ids.actor if ids.actor is not None else \
            _alias_ids(ACTOR, f.actor, canonicalise)
        q = q.where(ClaimRow.actor_alias_id.in_(
            actor_ids if isinstance(actor_ids, Select)
            else bindparam("actor_ids", list(actor_ids), expanding=True)))
    if f.metric:
        q = q.where(ClaimRow.metric == f.metric)
    if f.origin:
        origin_ids = ids.origin if ids.origin is not None else \
            _alias_ids(SOURCE, f.origin, canonicalise)
        q = q.where(ClaimRow.id.in_(select(ClaimSourceRow.claim_id).where(
            ClaimSourceRow.role == "origin", ClaimSourceRow.alias_id.in_(origin_ids))))
    when = func.coalesce(ClaimRow.date, DocumentRow.published)
    if f.since:
        q = q.where(when >= f.since)
    if f.until:
        q = q.where(func.substr(when, 1, len(f.until)) <= f.until)
    if f.doc_id:
        q = q.where(DocumentRow.doc_id == f.doc_id)
    return q


def report_query(f: Filters, canonicalise: Canonicaliser, limit: int | None = None,
                 offset: int = 0, ids: AliasIds | None = None) -> Select[Any]:
    q: Select[Any] = _where(select(*_COLUMNS), f, canonicalise, ids)
    # the document's published date, undated last, as the claim keeps it (0008): an
    # actor's page is read in order from ix_claims_actor_(metric_)live_order
    q = q.order_by(ClaimRow.published_order, ClaimRow.id)
    if limit is not None:
        q = q.limit(limit)
    if offset:
        q = q.offset(offset)
    return q


def page_ids_query(f: Filters, canonicalise: Canonicaliser, limit: int, offset: int = 0,
                   ids: AliasIds | None = None) -> Select[Any]:
    """The ids of one page of ``report_query``, in its order: without a filter on the
    document it reads an index of the claims alone (an actor's page, even far in, from
    ``ix_claims_actor_(metric_)live_order`` without touching the rows it skips)."""
    q: Select[Any] = _where(select(ClaimRow.id), f, canonicalise, ids,
                            join=bool(f.since or f.until or f.doc_id))
    q = q.order_by(ClaimRow.published_order, ClaimRow.id).limit(limit)
    return q.offset(offset) if offset else q


def read_page(conn: Connection, f: Filters, canonicalise: Canonicaliser, limit: int | None,
              offset: int = 0, ids: AliasIds | None = None) -> list[Report]:
    """The Reports of ``report_query(f, limit, offset)``. A page is read in two steps, its
    ids first and then those rows only: the rows an offset skips are never read (on 1M
    claims, an actor's page at offset 150 went from 3.7 ms to well under one)."""
    if limit is None:
        return rows_to_reports(conn, conn.execute(report_query(f, canonicalise, None, offset,
                                                               ids)))
    page = list(conn.execute(page_ids_query(f, canonicalise, limit, offset, ids)).scalars())
    if not page:
        return []
    return rows_to_reports(conn, conn.execute(_ROWS_BY_ID, {"page": page}))


# built once: SQLAlchemy then finds it compiled, and the ids are one expanding parameter
_ROWS_BY_ID = (select(*_COLUMNS).join(DocumentRow, DocumentRow.id == ClaimRow.document_id)
               .where(ClaimRow.id.in_(bindparam("page", expanding=True)))
               .order_by(ClaimRow.published_order, ClaimRow.id))


def claim_counts(conn: Connection) -> dict[tuple[int | None, str], int]:
    """(extracted actor's alias id, metric) -> how many current claims: one pass over
    ``ix_claims_actor_metric_live`` (about 0.13 s of CPU on 1M claims), from which every
    count of a list filtered by actor and/or metric alone is a sum."""
    rows = conn.execute(select(ClaimRow.actor_alias_id, ClaimRow.metric, func.count())
                        .where(ClaimRow.superseded.is_(False))
                        .group_by(ClaimRow.actor_alias_id, ClaimRow.metric))
    return {(alias, str(metric)): int(n) for alias, metric, n in rows}


def count_query(f: Filters, canonicalise: Canonicaliser,
                ids: AliasIds | None = None) -> Select[Any]:
    """The number of claims the filters keep; without a filter on the document (dates,
    ``doc_id``) it counts from the claims' own index, not joined to every document."""
    q = _where(select(func.count(ClaimRow.id)), f, canonicalise, ids,
               join=bool(f.since or f.until or f.doc_id))
    return q


# built once (found compiled in SQLAlchemy's cache; the ids one expanding parameter)
_ANY_REVIEW = select(ClaimReviewRow.id).limit(1)
_REVIEWS_OF = (select(ClaimReviewRow.claim_id, ClaimReviewRow.status, ClaimReviewRow.corrected)
               .where(ClaimReviewRow.claim_id.in_(bindparam("ids", expanding=True)))
               .order_by(ClaimReviewRow.created, ClaimReviewRow.id))


def _latest_reviews(conn: Connection, claim_ids: Sequence[int]) -> dict[int, Review]:
    out: dict[int, Review] = {}
    if not claim_ids or conn.execute(_ANY_REVIEW).first() is None:
        return out
    for i in range(0, len(claim_ids), _CHUNK):
        chunk = list(claim_ids[i:i + _CHUNK])
        rows = conn.execute(_REVIEWS_OF, {"ids": chunk})
        for claim_id, status, corrected in rows:
            out[claim_id] = (status, corrected or {})
    return out


def rows_to_reports(conn: Connection, rows: Iterable[Any]) -> list[Report]:
    """Reports from rows of ``report_query``, with their latest reviews applied."""
    rows = [tuple(r) for r in rows]
    return build_reports(rows, _latest_reviews(conn, [r[0] for r in rows]))


def extracted_claim(conn: Connection, claim_id: int) -> Claim | None:
    """The claim as extracted (no review applied), or None."""
    cols = _COLUMNS[6:]
    row = conn.execute(select(*cols).where(ClaimRow.id == claim_id)).first()
    if row is None:
        return None
    (metric, value, low, high, qualifier, subject, actor, civilian, location, origin, speaker,
     date, stance, quote, start, end, confidence, attribution) = tuple(row)
    return Claim(metric, value, low, high, qualifier, subject, actor, civilian, location,
                 list(origin or ()), list(speaker or ()), date, stance, quote, start, end,
                 confidence, _attribution(attribution))


def _attribution(value: Any) -> dict[str, Any] | None:
    """The stored attribution reason as a dict (JSON text on drivers that return text)."""
    if isinstance(value, str):
        import json

        value = json.loads(value) if value else None
    return dict(value) if isinstance(value, dict) else None


def alias_ids_query(kind: str, name: str, canonicalise: Canonicaliser) -> Select[Any]:
    """The alias ids a filter on ``name`` matches (public form of the filters' subquery)."""
    return _alias_ids(kind, name, canonicalise)
