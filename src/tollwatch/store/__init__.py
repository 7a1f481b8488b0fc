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
    Incoming,
    StoredDocument,
    StoreStats,
)
from tollwatch.store.store import REVIEW_STATUSES, Store

__all__ = [
    "DUPLICATE",
    "NEAR_DUPLICATE",
    "NEW",
    "REVIEW_STATUSES",
    "SEEN",
    "AddResult",
    "Canonicaliser",
    "Incoming",
    "Store",
    "StoreStats",
    "StoredDocument",
    "fold",
]
