"""Plain result types of the store API."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from tollwatch.model import Claim, Document

__all__ = [
    "DUPLICATE",
    "NEAR_DUPLICATE",
    "NEW",
    "SEEN",
    "AddResult",
    "DocumentSummary",
    "Incoming",
    "ReviewRecord",
    "StoreStats",
    "StoredDocument",
]

NEW: Final = "new"
DUPLICATE: Final = "duplicate"            # an exact copy of a stored text, from another input
NEAR_DUPLICATE: Final = "near-duplicate"  # a new text that copies a stored story
SEEN: Final = "seen"                      # this very input was stored before: nothing added


@dataclass(slots=True)
class Incoming:
    """A document to store, with its claims (None when it is known to be a copy).

    ``source`` names the input it was read from (path, path:line or URL); one input adds a
    document or a copy at most once, which makes re-ingesting the same input a no-op.
    """

    doc: Document
    claims: list[Claim] | None
    source: str | None = None
    language: str | None = None
    fetched: datetime | None = None


@dataclass(frozen=True, slots=True)
class AddResult:
    """What storing one document did.

    ``doc_id`` is the id it is stored under (``renamed_from`` holds the id it came with when
    that id already named a different text); ``duplicate_of`` the doc_id it copies (exactly
    for DUPLICATE and SEEN, nearly for NEAR_DUPLICATE, with ``similarity``).
    """

    outcome: str
    doc_id: str
    claims_added: int = 0
    duplicate_of: str | None = None
    similarity: float | None = None
    renamed_from: str | None = None


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored document with what the store knows about it (``Store.get_document``)."""

    document: Document
    content_hash: str
    fetched: datetime
    language: str | None
    source: str | None
    near_duplicate_of: str | None
    similarity: float | None
    extractor_version: str | None
    copies: list[str] = field(default_factory=list)
    claims: int = 0


@dataclass(frozen=True, slots=True)
class StoreStats:
    documents: int
    claims: int
    sources: int
    actors: int
    runs: int
    copies: int
    near_duplicates: int
    reviews: int
    run_errors: int

    def to_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One stored document in a listing (``Store.documents``): no text, its claim count."""

    doc_id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    claims: int
    chars: int

    def to_dict(self) -> dict[str, object]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One reviewer verdict on a claim (``Store.reviews``); the latest one applies."""

    id: int
    claim_id: int
    status: str
    corrected: dict[str, object]
    note: str | None
    reviewer: str | None
    created: datetime

    def to_dict(self) -> dict[str, object]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["created"] = self.created.isoformat()
        return out
