"""Reading stored responses: by kind, by responder, by the actor of the claims they answer,
and the responses to one claim."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, exists, func, select

from tollwatch.store.names import ACTOR, SOURCE, Canonicaliser
from tollwatch.store.query import alias_ids_query
from tollwatch.store.schema import ClaimRow, DocumentRow, ResponseClaimRow, ResponseRow

__all__ = ["StoredResponse", "count_responses", "read_responses", "responses_to_claims"]


@dataclass(slots=True)
class StoredResponse:
    """A stored response with its document, and the ids of the claims it answers."""

    id: int
    doc_id: str
    kind: str
    responder: list[str]
    speaker: list[str]
    about: str | None
    date: str | None
    quote: str
    start: int
    end: int
    confidence: float
    published: str | None = None
    claim_ids: list[int] = field(default_factory=list)

    @property
    def day(self) -> str | None:
        """The day of the answer: its own date, else its document's publication date."""
        return self.date or self.published

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "doc_id": self.doc_id, "kind": self.kind,
                "responder": list(self.responder), "speaker": list(self.speaker),
                "about": self.about, "date": self.date, "published": self.published,
                "quote": self.quote, "start": self.start, "end": self.end,
                "confidence": self.confidence, "claims": list(self.claim_ids)}


def _filtered(q: Select[Any], canonicalise: Canonicaliser, actor: str | None,
              responder: str | None, kind: str | None) -> Select[Any]:
    if kind is not None:
        q = q.where(ResponseRow.kind == kind)
    if responder is not None:
        q = q.where(ResponseRow.responder_alias_id.in_(
            alias_ids_query(SOURCE, responder, canonicalise)))
    if actor is not None:
        q = q.where(exists().where(
            ResponseClaimRow.response_id == ResponseRow.id,
            ResponseClaimRow.claim_id == ClaimRow.id,
            ClaimRow.actor_alias_id.in_(alias_ids_query(ACTOR, actor, canonicalise))))
    return q


def read_responses(conn: Connection, canonicalise: Canonicaliser, *, actor: str | None = None,
                   responder: str | None = None, kind: str | None = None,
                   ids: Sequence[int] | None = None, limit: int | None = None,
                   offset: int = 0) -> list[StoredResponse]:
    """Stored responses, by (answer day, id), with the claims each answers."""
    R = ResponseRow
    base: Any = select(R.id, DocumentRow.doc_id, R.kind, R.responder, R.speaker, R.about,
                       R.date, R.quote, R.char_start, R.char_end, R.confidence,
                       DocumentRow.published).join(
        DocumentRow, DocumentRow.id == ResponseRow.document_id)
    q = _filtered(base, canonicalise, actor, responder, kind)
    if ids is not None:
        q = q.where(ResponseRow.id.in_(list(ids)))
    day = func.coalesce(ResponseRow.date, DocumentRow.published)
    q = q.order_by(day.is_(None), day, ResponseRow.id).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    out = [StoredResponse(int(r[0]), r[1], r[2], list(r[3] or []), list(r[4] or []), r[5],
                          r[6], r[7], int(r[8]), int(r[9]), float(r[10]), published=r[11])
           for r in conn.execute(q)]
    if out:
        by_id = {r.id: r for r in out}
        links = conn.execute(select(ResponseClaimRow.response_id, ResponseClaimRow.claim_id)
                             .where(ResponseClaimRow.response_id.in_(list(by_id)))
                             .order_by(ResponseClaimRow.response_id, ResponseClaimRow.position))
        for rid, cid in links:
            by_id[rid].claim_ids.append(int(cid))
    return out


def count_responses(conn: Connection, canonicalise: Canonicaliser, *, actor: str | None = None,
                    responder: str | None = None, kind: str | None = None) -> int:
    base: Any = select(func.count(ResponseRow.id))
    q = _filtered(base, canonicalise, actor, responder, kind)
    n: int = conn.execute(q).scalar_one()
    return n


def responses_to_claims(conn: Connection, canonicalise: Canonicaliser,
                        claim_ids: Sequence[int]) -> dict[int, list[StoredResponse]]:
    """Claim id -> the stored responses that answer it."""
    if not claim_ids:
        return {}
    pairs = list(conn.execute(select(ResponseClaimRow.claim_id, ResponseClaimRow.response_id)
                              .where(ResponseClaimRow.claim_id.in_(list(claim_ids)))))
    if not pairs:
        return {}
    found = {r.id: r for r in read_responses(conn, canonicalise,
                                             ids=sorted({int(p[1]) for p in pairs}))}
    out: dict[int, list[StoredResponse]] = {}
    for cid, rid in pairs:
        if rid in found:
            out.setdefault(int(cid), []).append(found[rid])
    return out
