"""The evidence store's tables, as SQLAlchemy 2 typed models.

Extraction fields of a claim are written once and never updated; a reviewer's
corrections live in ``claim_reviews`` and are applied over them when read. Names are kept
as raw aliases (``name_aliases``) grouped under a normalised ``names`` row, so a better
canonicaliser can regroup them later without touching claims.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tollwatch.store.revision import SCHEMA_REVISION

__all__ = [
    "SCHEMA_REVISION",
    "UNDATED",
    "AliasRow",
    "Base",
    "ClaimReviewRow",
    "ClaimRow",
    "ClaimSourceRow",
    "DocumentCopyRow",
    "DocumentRow",
    "NameRow",
    "ResponseClaimRow",
    "ResponseRow",
    "RunErrorRow",
    "RunRow",
]

_NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


#: ``claims.published_order`` of a claim whose document has no published date.
UNDATED = "9999-99-99"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=_NAMING)


class RunRow(Base):
    """One ``ingest`` or ``reextract`` run, with its running totals."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    started: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    extractor_version: Mapped[str] = mapped_column(String(32))
    inputs: Mapped[list[str]] = mapped_column(JSON)
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    docs_new: Mapped[int] = mapped_column(Integer, default=0)
    docs_duplicate: Mapped[int] = mapped_column(Integer, default=0)
    docs_near_duplicate: Mapped[int] = mapped_column(Integer, default=0)
    docs_seen: Mapped[int] = mapped_column(Integer, default=0)
    docs_failed: Mapped[int] = mapped_column(Integer, default=0)
    claims_added: Mapped[int] = mapped_column(Integer, default=0)


class RunErrorRow(Base):
    """An input a run could not use: where (source, line) and why."""

    __tablename__ = "run_errors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DocumentRow(Base):
    """A stored text, once per normalised content hash."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(255), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    fetched: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))
    near_duplicate_of: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    extractor_version: Mapped[str | None] = mapped_column(String(32))


class DocumentCopyRow(Base):
    """Each input a document was read from: the first and every exact copy."""

    __tablename__ = "document_copies"
    __table_args__ = (UniqueConstraint("document_id", "source_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    source_key: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    given_id: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(255))
    published: Mapped[str | None] = mapped_column(String(10))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id", ondelete="SET NULL"))
    seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class NameRow(Base):
    """A normalised actor or source name (kind 'actor' or 'source')."""

    __tablename__ = "names"
    __table_args__ = (UniqueConstraint("kind", "canonical"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    canonical: Mapped[str] = mapped_column(String(512))


class AliasRow(Base):
    """A name exactly as written in a claim, grouped under its normalised name."""

    __tablename__ = "name_aliases"
    # The filters match a spelling case-insensitively: lower(alias) is indexed (0002).
    __table_args__ = (UniqueConstraint("kind", "alias"),
                      Index("ix_name_aliases_kind_lower_alias", "kind", text("lower(alias)")))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name_id: Mapped[int] = mapped_column(ForeignKey("names.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    alias: Mapped[str] = mapped_column(String(512))


class ClaimRow(Base):
    """One extracted claim; its extraction fields are never updated."""

    __tablename__ = "claims"
    # Covering for "an actor's live claims of one metric, with their documents" (0002).
    # Listing pages (0008): an actor's live claims (of one metric) in published order.
    __table_args__ = (Index("ix_claims_actor_metric_live", "actor_alias_id", "metric",
                            "superseded", "document_id"),
                      Index("ix_claims_actor_live_order", "actor_alias_id", "superseded",
                            "published_order", "id"),
                      Index("ix_claims_actor_metric_live_order", "actor_alias_id", "metric",
                            "superseded", "published_order", "id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    metric: Mapped[str] = mapped_column(String(16), index=True)
    value: Mapped[int | None] = mapped_column(BigInteger)
    low: Mapped[int | None] = mapped_column(BigInteger)
    high: Mapped[int | None] = mapped_column(BigInteger)
    qualifier: Mapped[str] = mapped_column(String(8))
    subject: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(Text)
    actor_alias_id: Mapped[int | None] = mapped_column(ForeignKey("name_aliases.id"))
    civilian: Mapped[bool | None] = mapped_column(Boolean)
    location: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[list[str]] = mapped_column(JSON)
    speaker: Mapped[list[str]] = mapped_column(JSON)
    date: Mapped[str | None] = mapped_column(String(32))
    stance: Mapped[str] = mapped_column(String(16))
    quote: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    # why the claim has its source and date ({"how": "continued", "from": 812, ...})
    attribution: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    extractor_version: Mapped[str] = mapped_column(String(32))
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # the document's published date, undated as "9999-99-99" (0008): listings read
    # claims in this order from an index instead of sorting an actor's every claim
    published_order: Mapped[str] = mapped_column(String(10), default=UNDATED,
                                                 server_default=UNDATED)


class ClaimSourceRow(Base):
    """A claim's origin or speaker name (role 'origin' or 'speaker'), in order."""

    __tablename__ = "claim_sources"
    __table_args__ = (Index("ix_claim_sources_alias_role", "alias_id", "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    alias_id: Mapped[int] = mapped_column(ForeignKey("name_aliases.id"))
    role: Mapped[str] = mapped_column(String(8))
    position: Mapped[int] = mapped_column(Integer)


class ClaimReviewRow(Base):
    """A reviewer's verdict on a claim; the latest one wins."""

    __tablename__ = "claim_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    corrected: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(String(255))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ResponseRow(Base):
    """A response extracted from a document: a confirmation, denial, refusal to comment or
    neither-confirm-nor-deny (0004). Replaced whole when its document is re-extracted."""

    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    responder: Mapped[list[str]] = mapped_column(JSON)
    responder_alias_id: Mapped[int | None] = mapped_column(ForeignKey("name_aliases.id"),
                                                           index=True)
    speaker: Mapped[list[str]] = mapped_column(JSON)
    about: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(32))
    quote: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    extractor_version: Mapped[str] = mapped_column(String(32))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ResponseClaimRow(Base):
    """A claim a response answers, in the response's order (0004)."""

    __tablename__ = "response_claims"
    __table_args__ = (UniqueConstraint("response_id", "claim_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"),
                                             index=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(Integer)


# Tables defined in modules of their own, registered on Base when the schema is imported.
# The reconciled view's tables (migration 0005) live in their own module, on this Base.
from tollwatch.store import view_schema as _view_schema  # noqa: F401
from tollwatch.store import watch_schema as _watch_schema  # noqa: F401
