"""The table ``tollwatch watch`` keeps per source it polls (migration 0006): the validators
of the last answer (ETag, Last-Modified) for conditional requests, and the state of its
backoff, so that a restarted watcher asks as politely as the one that stopped.

Kept in a module of its own (registered on the store's ``Base``) so that the main schema
module stays as others change it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tollwatch.store.schema import Base

__all__ = ["WatchSourceRow"]


class WatchSourceRow(Base):
    """A feed or page that ``watch`` polls."""

    __tablename__ = "watch_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(String(64))
    checked: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    changed: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_try: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
