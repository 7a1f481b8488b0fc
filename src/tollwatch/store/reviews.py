"""Reviews of stored claims: a reviewer's verdict and corrections recorded beside the
extraction (which is never changed), the reviews of a claim, the claim as extracted, and
the queue of claims no one has reviewed yet."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, insert, select

from tollwatch.model import Claim, Report
from tollwatch.store.names import Canonicaliser
from tollwatch.store.query import (
    Filters,
    count_query,
    extracted_claim,
    report_query,
    rows_to_reports,
)
from tollwatch.store.records import ReviewRecord
from tollwatch.store.schema import ClaimReviewRow, ClaimRow
from tollwatch.store.writer import now

__all__ = ["CORRECTABLE_FIELDS", "REVIEW_STATUSES", "Reviews"]

REVIEW_STATUSES = ("accepted", "rejected")

#: The claim fields a reviewer may correct (``Store.review``); the quote and its offsets
#: are evidence and stay as extracted.
CORRECTABLE_FIELDS = ("metric", "value", "low", "high", "qualifier", "subject", "actor",
                      "civilian", "location", "origin", "speaker", "date", "stance")


class Reviews:
    """The reviewing part of ``Store`` (a mixin over its engine)."""

    engine: Engine
    canonicalise: Canonicaliser

    def add_review(self, claim_id: int, status: str, corrected: dict[str, Any] | None = None,
                   note: str | None = None, reviewer: str | None = None) -> int:
        """Record a review of a claim; the latest applies in ``reports``."""
        if status not in REVIEW_STATUSES:
            raise ValueError(f"status must be one of {REVIEW_STATUSES}")
        with self.engine.begin() as conn:
            return int(conn.execute(insert(ClaimReviewRow).values(
                claim_id=claim_id, status=status, corrected=corrected or {}, note=note,
                reviewer=reviewer, created=now()).returning(ClaimReviewRow.id)).scalar_one())

    def review(self, claim_id: int, status: str, corrections: dict[str, Any] | None = None,
               note: str | None = None, reviewer: str | None = None) -> int:
        """Record a reviewer's verdict on a stored claim, beside its extraction (which is
        never changed); returns the review's id. ``corrections`` may only name
        ``CORRECTABLE_FIELDS``; KeyError when no such claim is stored, ValueError for a
        bad status or field."""
        if status not in REVIEW_STATUSES:
            raise ValueError(f"status must be one of {REVIEW_STATUSES}")
        unknown = sorted(set(corrections or {}) - set(CORRECTABLE_FIELDS))
        if unknown:
            raise ValueError(f"cannot correct {', '.join(unknown)}; "
                             f"correctable: {', '.join(CORRECTABLE_FIELDS)}")
        with self.engine.connect() as conn:
            found = conn.execute(select(ClaimRow.id).where(ClaimRow.id == claim_id)).first()
        if found is None:
            raise KeyError(claim_id)
        return self.add_review(claim_id, status, dict(corrections or {}), note, reviewer)

    def reviews(self, claim_id: int) -> list[ReviewRecord]:
        """Every review of a claim, oldest first (the last one applies)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(
                ClaimReviewRow.id, ClaimReviewRow.claim_id, ClaimReviewRow.status,
                ClaimReviewRow.corrected, ClaimReviewRow.note, ClaimReviewRow.reviewer,
                ClaimReviewRow.created).where(ClaimReviewRow.claim_id == claim_id)
                .order_by(ClaimReviewRow.created, ClaimReviewRow.id)).all()
        return [ReviewRecord(r[0], r[1], r[2], dict(r[3] or {}), r[4], r[5], r[6])
                for r in rows]

    def extracted(self, claim_id: int) -> Claim | None:
        """A claim exactly as extracted, without any review applied."""
        with self.engine.connect() as conn:
            return extracted_claim(conn, claim_id)

    def review_queue(self, limit: int = 50, offset: int = 0) -> list[Report]:
        """Claims no one has reviewed yet, least confident first (then by claim id)."""
        reviewed = select(ClaimReviewRow.claim_id)
        q = (report_query(Filters(), self.canonicalise).where(ClaimRow.id.not_in(reviewed))
             .order_by(None).order_by(ClaimRow.confidence, ClaimRow.id)
             .limit(limit).offset(offset))
        with self.engine.connect() as conn:
            return rows_to_reports(conn, conn.execute(q))

    def count_review_queue(self) -> int:
        reviewed = select(ClaimReviewRow.claim_id)
        q = count_query(Filters(), self.canonicalise).where(ClaimRow.id.not_in(reviewed))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())
