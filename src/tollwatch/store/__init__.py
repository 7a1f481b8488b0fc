"""The evidence store: documents, claims, names and runs in SQLite or PostgreSQL.

    >>> from tollwatch.store import Store
    >>> store = Store.open()                  # $TOLLWATCH_DB or ./tollwatch.db
"""

from __future__ import annotations

from tollwatch.store.names import Canonicaliser, fold
from tollwatch.store.records import (
    DUPLICATE,
    NEAR_DUPLICATE,
    NEW,
    SEEN,
    AddResult,
    DocumentSummary,
    Incoming,
    ReviewRecord,
    StoredDocument,
    StoreStats,
)
from tollwatch.store.store import CORRECTABLE_FIELDS, REVIEW_STATUSES, Store

__all__ = [
    "CORRECTABLE_FIELDS",
    "DUPLICATE",
    "NEAR_DUPLICATE",
    "NEW",
    "REVIEW_STATUSES",
    "SEEN",
    "AddResult",
    "Canonicaliser",
    "DocumentSummary",
    "Incoming",
    "ReviewRecord",
    "Store",
    "StoreStats",
    "StoredDocument",
    "fold",
]
