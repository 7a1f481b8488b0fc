"""The evidence store: documents, claims, names and runs in SQLite or PostgreSQL.

    >>> from tollwatch.store import Store
    >>> store = Store.open()                  # $TOLLWATCH_DB or ./tollwatch.db
    >>> reports = read_reports(filters=Filters(actor="Russia", metric="killed"))

Names are imported on first use, so that a command which only reads (``read_reports``)
doesn't load SQLAlchemy with ``Store``, and starts quickly.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tollwatch.store.names import Canonicaliser, fold
    from tollwatch.store.reader import (
        PostgresReader,
        ReportSource,
        SQLiteReader,
        open_reports,
        read_reports,
    )
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
    from tollwatch.store.rows import Filters
    from tollwatch.store.store import CORRECTABLE_FIELDS, REVIEW_STATUSES, Store

#: Where each public name lives; a submodule is imported on first use of one of its names.
_HOME = {
    **dict.fromkeys(("Canonicaliser", "fold"), "names"),
    **dict.fromkeys(("DUPLICATE", "NEAR_DUPLICATE", "NEW", "SEEN", "AddResult",
                     "DocumentSummary", "Incoming", "ReviewRecord", "StoredDocument",
                     "StoreStats"), "records"),
    "Filters": "rows",
    **dict.fromkeys(("PostgresReader", "ReportSource", "SQLiteReader", "open_reports",
                     "read_reports"), "reader"),
    **dict.fromkeys(("CORRECTABLE_FIELDS", "REVIEW_STATUSES", "Store"), "store"),
}

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
    "Filters",
    "Incoming",
    "PostgresReader",
    "ReportSource",
    "ReviewRecord",
    "SQLiteReader",
    "Store",
    "StoreStats",
    "StoredDocument",
    "fold",
    "open_reports",
    "read_reports",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"tollwatch.store.{home}"), name)
