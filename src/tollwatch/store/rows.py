"""Claims read back: the filters of a read, and rows turned into Reports.

Shared by the SQLAlchemy queries (:mod:`tollwatch.store.query`) and the SQLAlchemy-free
readers of :mod:`tollwatch.store.reader`, so both give the same Reports. This
module imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tollwatch.model import Claim, Report

__all__ = ["REPORT_COLUMNS", "Filters", "Review", "build_reports"]

#: (status, corrected fields) of a claim's latest review.
Review = tuple[str, dict[str, Any]]

_CLAIM_FIELDS = frozenset(Claim.__dataclass_fields__)

#: The columns of a report row, in order: ``table.column``.
REPORT_COLUMNS: tuple[str, ...] = (
    "claims.id", "documents.doc_id", "documents.url", "documents.outlet",
    "documents.published", "documents.title",
    "claims.metric", "claims.value", "claims.low", "claims.high", "claims.qualifier",
    "claims.subject", "claims.actor", "claims.civilian", "claims.location", "claims.origin",
    "claims.speaker", "claims.date", "claims.stance", "claims.quote", "claims.char_start",
    "claims.char_end", "claims.confidence", "claims.attribution",
)


@dataclass(frozen=True, slots=True)
class Filters:
    """What a read keeps. ``actor`` and ``origin`` match any name of the actor or source;
    ``since``/``until`` are ISO dates (inclusive; a prefix such as ``2025-03`` works)."""

    actor: str | None = None
    metric: str | None = None
    origin: str | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None


def build_reports(rows: Iterable[tuple[Any, ...]], reviews: Mapping[int, Review]) -> list[Report]:
    """Reports from report rows (``REPORT_COLUMNS`` order, JSON columns already decoded),
    each with its latest review's corrections applied and status set."""
    out: list[Report] = []
    append = out.append
    for (claim_id, doc_id, url, outlet, published, title, metric, value, low, high, qualifier,
         subject, actor, civilian, location, origin, speaker, date, stance, quote, start, end,
         confidence, attribution) in rows:
        claim = Claim(metric, value, low, high, qualifier, subject, actor, civilian, location,
                      list(origin or ()), list(speaker or ()), date, stance, quote, start, end,
                      confidence, attribution if isinstance(attribution, dict) else None)
        status: str | None = None
        review = reviews.get(claim_id)
        if review is not None:
            status, corrected = review
            fields = {k: v for k, v in corrected.items() if k in _CLAIM_FIELDS}
            if fields:
                claim = Claim.from_dict({**claim.to_dict(), **fields})
        append(Report(claim_id, doc_id, claim, url, outlet, published, title, status))
    return out
