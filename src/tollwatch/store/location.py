"""Where the store is, worked out without importing SQLAlchemy.

``None`` means ``$TOLLWATCH_DB`` or ``./tollwatch.db``; a value with ``://`` is a SQLAlchemy
URL, anything else a SQLite file path.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DEFAULT_DB", "ENV_VAR", "location_of", "sqlite_file"]

ENV_VAR = "TOLLWATCH_DB"
DEFAULT_DB = "tollwatch.db"

_SQLITE_PREFIX = "sqlite:///"


def location_of(location: str | None = None) -> str:
    """``location``, else ``$TOLLWATCH_DB``, else ``tollwatch.db``."""
    return location or os.environ.get(ENV_VAR) or DEFAULT_DB


def sqlite_file(location: str | None = None) -> Path | None:
    """The SQLite file ``location`` names, or None when it is a server URL, an in-memory
    database, or a URL with options (those go through SQLAlchemy)."""
    loc = location_of(location)
    if loc == ":memory:":
        return None
    if "://" not in loc:
        return Path(loc).expanduser()
    if not loc.startswith(_SQLITE_PREFIX):
        return None
    path = loc[len(_SQLITE_PREFIX):]
    if not path or path == ":memory:" or any(c in path for c in "?%#"):
        return None
    return Path(path)
