"""Reading the stored documents: one with its provenance, the list (newest first, searched
by a plain substring of text, title or id), the latest claims, which documents are
reviewed, which content hashes are stored, and the store's counts and fingerprint."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, or_, select

from tollwatch.model import Document, Report
from tollwatch.store.names import Canonicaliser
from tollwatch.store.query import Filters, report_query, rows_to_reports
from tollwatch.store.records import DocumentSummary, StoredDocument, StoreStats
from tollwatch.store.schema import (
    AliasRow,
    ClaimReviewRow,
    ClaimRow,
    DocumentCopyRow,
    DocumentRow,
    NameRow,
    RunErrorRow,
    RunRow,
)

__all__ = ["Documents"]


class Documents:
    """The document-reading part of ``Store`` (a mixin over its engine)."""

    engine: Engine
    canonicalise: Canonicaliser

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored."""
        wanted = list(set(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                found.update(conn.execute(select(DocumentRow.content_hash).where(
                    DocumentRow.content_hash.in_(wanted[i:i + 500]))).scalars())
        return found

    def get_document(self, doc_id: str) -> StoredDocument | None:
        """The document stored under ``doc_id`` with its provenance, or None."""
        with self.engine.connect() as conn:
            r = conn.execute(select(DocumentRow).where(DocumentRow.doc_id == doc_id)).first()
            if r is None:
                return None
            root = None
            if r.near_duplicate_of is not None:
                root = conn.execute(select(DocumentRow.doc_id).where(
                    DocumentRow.id == r.near_duplicate_of)).scalar()
            copies = list(conn.execute(select(DocumentCopyRow.source).where(
                DocumentCopyRow.document_id == r.id).order_by(DocumentCopyRow.id)).scalars())
            n = conn.execute(select(func.count(ClaimRow.id)).where(
                ClaimRow.document_id == r.id, ClaimRow.superseded.is_(False))).scalar_one()
        doc = Document(id=r.doc_id, text=r.text, published=r.published, url=r.url,
                       outlet=r.outlet, title=r.title)
        fetched: datetime = r.fetched
        return StoredDocument(doc, r.content_hash, fetched, r.language, r.source, root,
                              r.similarity, r.extractor_version, copies, int(n))

    def stats(self) -> StoreStats:
        def count(col: Any, *where: Any) -> int:
            return int(conn.execute(select(func.count(col)).where(*where)).scalar_one())

        with self.engine.connect() as conn:
            return StoreStats(
                documents=count(DocumentRow.id),
                claims=count(ClaimRow.id, ClaimRow.superseded.is_(False)),
                sources=count(NameRow.id, NameRow.kind == "source"),
                actors=count(NameRow.id, NameRow.kind == "actor"),
                runs=count(RunRow.id),
                copies=count(DocumentCopyRow.id) - count(DocumentRow.id),
                near_duplicates=count(DocumentRow.id, DocumentRow.near_duplicate_of.is_not(None)),
                reviews=count(ClaimReviewRow.id),
                run_errors=count(RunErrorRow.id),
            )

    def latest_reports(self, limit: int = 20) -> list[Report]:
        """The most recently published claims first (undated ones last)."""
        q = (report_query(Filters(), self.canonicalise).order_by(None)
             .order_by(DocumentRow.published.is_(None), DocumentRow.published.desc(),
                       ClaimRow.id.desc()).limit(limit))
        with self.engine.connect() as conn:
            return rows_to_reports(conn, conn.execute(q))

    @staticmethod
    def _text_filter(text: str | None) -> list[Any]:
        if not text or not text.strip():
            return []
        needle = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{needle}%"
        return [or_(DocumentRow.text.ilike(pattern, escape="\\"),
                    DocumentRow.title.ilike(pattern, escape="\\"),
                    DocumentRow.doc_id.ilike(pattern, escape="\\"))]

    def documents(self, text: str | None = None, limit: int = 50,
                  offset: int = 0) -> list[DocumentSummary]:
        """Stored documents, newest first, whose text, title or id contains ``text``
        (case-insensitively; a plain substring, no wildcards)."""
        n_claims = (select(func.count(ClaimRow.id)).where(
            ClaimRow.document_id == DocumentRow.id, ClaimRow.superseded.is_(False))
            .correlate(DocumentRow).scalar_subquery())
        q = (select(DocumentRow.doc_id, DocumentRow.url, DocumentRow.outlet, DocumentRow.title,
                    DocumentRow.published, n_claims, func.length(DocumentRow.text))
             .where(*self._text_filter(text))
             .order_by(DocumentRow.published.is_(None), DocumentRow.published.desc(),
                       DocumentRow.id.desc()).limit(limit).offset(offset))
        with self.engine.connect() as conn:
            return [DocumentSummary(r[0], r[1], r[2], r[3], r[4], int(r[5]), int(r[6] or 0))
                    for r in conn.execute(q)]

    def count_documents(self, text: str | None = None) -> int:
        q = select(func.count(DocumentRow.id)).where(*self._text_filter(text))
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())

    def reviewed_doc_ids(self) -> list[str]:
        """Documents with at least one reviewed (current) claim, in storage order."""
        q = (select(DocumentRow.doc_id).where(DocumentRow.id.in_(
            select(ClaimRow.document_id).join(ClaimReviewRow,
                                              ClaimReviewRow.claim_id == ClaimRow.id)
            .where(ClaimRow.superseded.is_(False)))).order_by(DocumentRow.id))
        with self.engine.connect() as conn:
            return list(conn.execute(q).scalars())

    def fingerprint(self) -> tuple[int, int, int, int]:
        """A cheap value that changes whenever documents, claims, reviews or names are
        added (for caches of derived data, such as timelines)."""
        q = select(select(func.max(DocumentRow.id)).scalar_subquery(),
                   select(func.max(ClaimRow.id)).scalar_subquery(),
                   select(func.max(ClaimReviewRow.id)).scalar_subquery(),
                   select(func.max(AliasRow.id)).scalar_subquery())
        with self.engine.connect() as conn:
            row = conn.execute(q).one()
        return (int(row[0] or 0), int(row[1] or 0), int(row[2] or 0), int(row[3] or 0))
