"""The Store: one object over the evidence database.

    >>> store = Store.open()            # $TOLLWATCH_DB or ./tollwatch.db, migrated
    >>> store.add_document(doc, claims, EXTRACTOR_VERSION).outcome
    'new'
    >>> store.reports(actor="police", metric="killed")
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Self

from sqlalchemy import Engine, delete, func, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from tollwatch.errors import TollwatchError
from tollwatch.model import Claim, Document, Report
from tollwatch.store.db import create_store_engine, migrate, resolve_url, store_error
from tollwatch.store.names import Canonicaliser, fold
from tollwatch.store.query import (
    Filters,
    alias_ids_query,
    count_query,
    extracted_claim,
    report_query,
    resolve_alias_ids,
    rows_to_reports,
)
from tollwatch.store.records import (
    AddResult,
    DocumentSummary,
    Incoming,
    ReviewRecord,
    StoredDocument,
    StoreStats,
)
from tollwatch.store.responses import (
    StoredResponse,
    count_responses,
    read_responses,
    responses_to_claims,
)
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
from tollwatch.store.writer import Writer, now

__all__ = ["CORRECTABLE_FIELDS", "REVIEW_STATUSES", "Store"]

REVIEW_STATUSES = ("accepted", "rejected")

#: The claim fields a reviewer may correct (``Store.review``); the quote and its offsets
#: are evidence and stay as extracted.
CORRECTABLE_FIELDS = ("metric", "value", "low", "high", "qualifier", "subject", "actor",
                      "civilian", "location", "origin", "speaker", "date", "stance")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Store:
    """The evidence store. Open with ``Store.open(url)``; close with ``close()`` (or use it
    as a context manager)."""

    def __init__(self, engine: Engine, canonicalise: Canonicaliser = fold) -> None:
        self.engine = engine
        self.canonicalise = canonicalise
        self.writer = Writer(engine, canonicalise)

    @classmethod
    def open(cls, url: str | None = None, *, canonicalise: Canonicaliser = fold,
             engine_options: dict[str, Any] | None = None) -> Store:
        """Open (creating and migrating as needed) the store at ``url``: a SQLAlchemy URL
        or a file path (SQLite); None means ``$TOLLWATCH_DB`` or ``./tollwatch.db``.
        ``engine_options`` go to SQLAlchemy's ``create_engine`` (pool sizes)."""
        engine = create_store_engine(resolve_url(url), **(engine_options or {}))
        try:
            migrate(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, canonicalise)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------
    def add_document(self, doc: Document, claims: list[Claim], extractor_version: str, *,
                     source: str | None = None, language: str | None = None,
                     run_id: int | None = None) -> AddResult:
        """Store one document with its claims, in its own transaction.

        The outcome is NEW, NEAR_DUPLICATE (stored, linked to the story it copies),
        DUPLICATE (an exact copy: recorded as another report of the stored text, claims
        not stored again) or SEEN (this source was stored before: nothing added). Without
        ``source``, the document's id stands for it.
        """
        item = Incoming(doc, claims, source=source, language=language)
        return self.add_batch([item], extractor_version, run_id=run_id)[0]

    def add_batch(self, items: Sequence[Incoming], extractor_version: str, *,
                  run_id: int | None = None,
                  errors: Iterable[TollwatchError] = ()) -> list[AddResult]:
        """Store ``items`` (and ``errors`` for ``run_id``) in one transaction."""
        try:
            return self.writer.add_batch(items, extractor_version, run_id, errors)
        except SQLAlchemyError as e:
            raise store_error("cannot write", e, self.url) from e

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are stored."""
        wanted = list(set(hashes))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                found.update(conn.execute(select(DocumentRow.content_hash).where(
                    DocumentRow.content_hash.in_(wanted[i:i + 500]))).scalars())
        return found

    def add_review(self, claim_id: int, status: str, corrected: dict[str, Any] | None = None,
                   note: str | None = None, reviewer: str | None = None) -> int:
        """Record a review of a claim; the latest applies in ``reports``."""
        if status not in REVIEW_STATUSES:
            raise ValueError(f"status must be one of {REVIEW_STATUSES}")
        with self.engine.begin() as conn:
            return int(conn.execute(insert(ClaimReviewRow).values(
                claim_id=claim_id, status=status, corrected=corrected or {}, note=note,
                reviewer=reviewer, created=now()).returning(ClaimReviewRow.id)).scalar_one())

    # -- runs --------------------------------------------------------------------------
    def start_run(self, kind: str, inputs: Sequence[str], extractor_version: str) -> int:
        """A new run; runs of this host whose process died are marked 'interrupted'."""
        host = socket.gethostname()
        with self.engine.begin() as conn:
            stale = conn.execute(select(RunRow.id, RunRow.pid).where(
                RunRow.status == "running", RunRow.host == host)).all()
            dead = [rid for rid, pid in stale if pid is not None and not _pid_alive(pid)]
            if dead:
                conn.execute(update(RunRow).where(RunRow.id.in_(dead))
                             .values(status="interrupted"))
            return int(conn.execute(insert(RunRow).values(
                kind=kind, status="running", started=now(), extractor_version=extractor_version,
                inputs=list(inputs), host=host, pid=os.getpid(), docs_new=0, docs_duplicate=0,
                docs_near_duplicate=0, docs_seen=0, docs_failed=0, claims_added=0,
            ).returning(RunRow.id)).scalar_one())

    def finish_run(self, run_id: int, status: str = "done") -> None:
        with self.engine.begin() as conn:
            conn.execute(update(RunRow).where(RunRow.id == run_id)
                         .values(status=status, finished=now()))

    def run_info(self, run_id: int) -> dict[str, Any] | None:
        """A run's row and its errors, as plain data."""
        with self.engine.connect() as conn:
            row = conn.execute(select(RunRow.__table__).where(RunRow.id == run_id)).first()
            if row is None:
                return None
            info = dict(row._mapping)
            info["errors"] = [dict(r._mapping) for r in conn.execute(
                select(RunErrorRow.source, RunErrorRow.line, RunErrorRow.code,
                       RunErrorRow.reason).where(RunErrorRow.run_id == run_id)
                .order_by(RunErrorRow.id))]
            return info

    # -- re-extraction -----------------------------------------------------------------
    def stale_documents(self, extractor_version: str, after: int = 0,
                        limit: int = 64) -> list[tuple[int, Document]]:
        """Documents (row id, Document) last extracted by another version, by row id."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(
                DocumentRow.id, DocumentRow.doc_id, DocumentRow.text, DocumentRow.published,
                DocumentRow.url, DocumentRow.outlet, DocumentRow.title,
            ).where(DocumentRow.id > after,
                    (DocumentRow.extractor_version != extractor_version)
                    | DocumentRow.extractor_version.is_(None))
                .order_by(DocumentRow.id).limit(limit)).all()
        return [(r[0], Document(id=r[1], text=r[2], published=r[3], url=r[4], outlet=r[5],
                                title=r[6])) for r in rows]

    def replace_claims(self, items: Sequence[tuple[int, list[Claim]]], extractor_version: str,
                       run_id: int | None = None,
                       errors: Iterable[TollwatchError] = ()) -> int:
        """Swap documents' claims for a new extraction, in one transaction; returns the
        number of claims added. Reviewed old claims are kept, marked superseded."""
        from tollwatch.store.writer import count_run, record_errors

        errs = list(errors)
        added = 0
        try:
            with self.engine.begin() as conn:
                for row_id, claims in items:
                    self.writer.retire_claims(conn, row_id)
                    added += self.writer.insert_claims(conn, row_id, claims, extractor_version)
                    conn.execute(update(DocumentRow).where(DocumentRow.id == row_id)
                                 .values(extractor_version=extractor_version))
                if run_id is not None:
                    record_errors(conn, run_id, errs)
                    count_run(conn, run_id, [], len(errs))
                    conn.execute(update(RunRow).where(RunRow.id == run_id).values(
                        claims_added=RunRow.claims_added + added))
        except SQLAlchemyError as e:
            self.writer.reset()
            raise store_error("cannot write", e, self.url) from e
        return added

    def renormalise(self, canonicalise: Canonicaliser) -> int:
        """Regroup every stored name under ``canonicalise``; returns aliases moved."""
        moved = 0
        with self.engine.begin() as conn:
            for alias_id, kind, alias, name_id in conn.execute(
                    select(AliasRow.id, AliasRow.kind, AliasRow.alias, AliasRow.name_id)).all():
                key = canonicalise(alias, kind) or alias.casefold()
                target = conn.execute(select(NameRow.id).where(
                    NameRow.kind == kind, NameRow.canonical == key)).scalar()
                if target is None:
                    target = conn.execute(insert(NameRow).values(
                        kind=kind, canonical=key).returning(NameRow.id)).scalar_one()
                if target != name_id:
                    conn.execute(update(AliasRow).where(AliasRow.id == alias_id)
                                 .values(name_id=target))
                    moved += 1
            used = select(AliasRow.name_id)
            conn.execute(delete(NameRow).where(NameRow.id.not_in(used)))
        self.canonicalise = canonicalise
        self.writer.canonicalise = canonicalise
        self.writer.reset()
        return moved

    # -- reading -----------------------------------------------------------------------
    def reports(self, actor: str | None = None, metric: str | None = None,
                origin: str | None = None, since: str | None = None, until: str | None = None,
                doc_id: str | None = None, limit: int | None = None,
                offset: int = 0) -> list[Report]:
        """Stored claims with their documents, ordered by published date (undated last)
        then claim id; the latest review's corrections applied and its status set."""
        f = Filters(actor, metric, origin, since, until, doc_id)
        with self.engine.connect() as conn:
            ids = resolve_alias_ids(conn, f, self.canonicalise)
            rows = conn.execute(report_query(f, self.canonicalise, limit, offset, ids))
            return rows_to_reports(conn, rows)

    def count_reports(self, actor: str | None = None, metric: str | None = None,
                      origin: str | None = None, since: str | None = None,
                      until: str | None = None, doc_id: str | None = None) -> int:
        f = Filters(actor, metric, origin, since, until, doc_id)
        with self.engine.connect() as conn:
            ids = resolve_alias_ids(conn, f, self.canonicalise)
            n: int = conn.execute(count_query(f, self.canonicalise, ids)).scalar_one()
            return n

    def get_report(self, claim_id: int) -> Report | None:
        with self.engine.connect() as conn:
            q = report_query(Filters(), self.canonicalise).where(ClaimRow.id == claim_id)
            found = rows_to_reports(conn, conn.execute(q))
        return found[0] if found else None

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

    # -- reviewing and browsing (the web app) ------------------------------------------
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

    def alias_ids(self, kind: str, name: str) -> set[int]:
        """The ids of every stored spelling that ``name`` matches as a filter (kind
        ``"actor"`` or ``"source"``), exactly as ``reports(actor=...)`` matches them."""
        with self.engine.connect() as conn:
            return set(conn.execute(alias_ids_query(kind, name, self.canonicalise)).scalars())

    # -- responses (0004) ---------------------------------------------------------------
    def responses(self, actor: str | None = None, responder: str | None = None,
                  kind: str | None = None, limit: int | None = None,
                  offset: int = 0) -> list[StoredResponse]:
        """Stored responses (filters: the actor of an answered claim, the responder, the
        kind), by answer day, each with the ids of the claims it answers."""
        with self.engine.connect() as conn:
            return read_responses(conn, self.canonicalise, actor=actor, responder=responder,
                                  kind=kind, limit=limit, offset=offset)

    def count_responses(self, actor: str | None = None, responder: str | None = None,
                        kind: str | None = None) -> int:
        with self.engine.connect() as conn:
            return count_responses(conn, self.canonicalise, actor=actor, responder=responder,
                                   kind=kind)

    def responses_to(self, claim_ids: Sequence[int]) -> dict[int, list[StoredResponse]]:
        """Claim id -> the stored responses that answer it."""
        with self.engine.connect() as conn:
            return responses_to_claims(conn, self.canonicalise, claim_ids)

    def claim_index(self) -> list[tuple[int, int | None, str]]:
        """(claim id, extracted actor's alias id, extracted metric) of every current claim."""
        with self.engine.connect() as conn:
            return [(int(r[0]), r[1], str(r[2])) for r in conn.execute(
                select(ClaimRow.id, ClaimRow.actor_alias_id, ClaimRow.metric)
                .where(ClaimRow.superseded.is_(False)))]
