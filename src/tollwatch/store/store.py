"""The Store: one object over the evidence database.

    >>> store = Store.open()            # $TOLLWATCH_DB or ./tollwatch.db, migrated
    >>> store.add_document(doc, claims, EXTRACTOR_VERSION).outcome
    'new'
    >>> store.reports(actor="police", metric="killed")
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Self

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from tollwatch.errors import TollwatchError
from tollwatch.model import Claim, Document, Report
from tollwatch.store.db import create_store_engine, migrate, resolve_url, store_error
from tollwatch.store.documents import Documents
from tollwatch.store.names import Canonicaliser, fold
from tollwatch.store.query import (
    AliasIds,
    Filters,
    alias_ids_query,
    claim_counts,
    count_query,
    read_page,
    report_query,
    resolve_alias_ids,
    rows_to_reports,
)
from tollwatch.store.records import AddResult, Incoming
from tollwatch.store.responses import (
    StoredResponse,
    count_responses,
    read_responses,
    responses_to_claims,
)
from tollwatch.store.reviews import CORRECTABLE_FIELDS, REVIEW_STATUSES, Reviews
from tollwatch.store.runs import Runs
from tollwatch.store.schema import AliasRow, ClaimRow, DocumentRow, NameRow, RunRow
from tollwatch.store.writer import Writer

# the documents (store/documents.py), reviews (store/reviews.py) and runs (store/runs.py)
# parts are mixed in; the review constants stay importable from here
__all__ = ["CORRECTABLE_FIELDS", "REVIEW_STATUSES", "Store"]


class Store(Documents, Reviews, Runs):
    """The evidence store. Open with ``Store.open(url)``; close with ``close()`` (or use it
    as a context manager). Writing, re-extraction and the claim reads are here; reading
    documents, reviewing and runs come from the ``Documents``, ``Reviews`` and ``Runs``
    parts."""

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
                offset: int = 0, *, alias_ids: AliasIds | None = None) -> list[Report]:
        """Stored claims with their documents, ordered by published date (undated last)
        then claim id; the latest review's corrections applied and its status set.
        ``alias_ids``: the ids the actor and origin filters match, when the caller already
        looked them up (``alias_ids``)."""
        f = Filters(actor, metric, origin, since, until, doc_id)
        with self.engine.connect() as conn:
            ids = alias_ids or resolve_alias_ids(conn, f, self.canonicalise)
            return read_page(conn, f, self.canonicalise, limit, offset, ids)

    def count_reports(self, actor: str | None = None, metric: str | None = None,
                      origin: str | None = None, since: str | None = None,
                      until: str | None = None, doc_id: str | None = None, *,
                      alias_ids: AliasIds | None = None) -> int:
        f = Filters(actor, metric, origin, since, until, doc_id)
        with self.engine.connect() as conn:
            ids = alias_ids or resolve_alias_ids(conn, f, self.canonicalise)
            n: int = conn.execute(count_query(f, self.canonicalise, ids)).scalar_one()
            return n

    def get_report(self, claim_id: int) -> Report | None:
        with self.engine.connect() as conn:
            q = report_query(Filters(), self.canonicalise).where(ClaimRow.id == claim_id)
            found = rows_to_reports(conn, conn.execute(q))
        return found[0] if found else None

    def claim_counts(self) -> dict[tuple[int | None, str], int]:
        """(extracted actor's alias id, metric) -> number of current claims, in one pass:
        ``count_reports(actor=, metric=)`` is the sum over the actor's ``alias_ids``."""
        with self.engine.connect() as conn:
            return claim_counts(conn)

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
