"""Reconciliation: reports of count claims into underlying claims, timelines and exports.

    >>> from tollwatch.reconcile import underlying_claims, build_timeline, find_discrepancies
    >>> claims = underlying_claims(store.reports())
    >>> timeline = build_timeline(store.reports(), actor="North Korean", metric="killed")

``names`` (actor_for, canonical_source) is imported cheaply; the chart and Parquet export
import matplotlib and pyarrow only when called.
"""

from __future__ import annotations

from tollwatch.reconcile.discrepancies import Discrepancy, find_discrepancies, relative_gap
from tollwatch.reconcile.names import (
    Names,
    Person,
    actor_for,
    actor_in,
    canonical_place,
    canonical_source,
    default_names,
    store_canonicaliser,
)
from tollwatch.reconcile.timeline import build_timeline, filter_claims, to_jsonl, write_jsonl
from tollwatch.reconcile.underlying import (
    ReconcileOptions,
    ReportRef,
    UnderlyingClaim,
    underlying_claims,
)

__all__ = [
    "Discrepancy",
    "Names",
    "Person",
    "ReconcileOptions",
    "ReportRef",
    "UnderlyingClaim",
    "actor_for",
    "actor_in",
    "build_timeline",
    "canonical_place",
    "canonical_source",
    "default_names",
    "filter_claims",
    "find_discrepancies",
    "relative_gap",
    "store_canonicaliser",
    "to_jsonl",
    "underlying_claims",
    "write_jsonl",
]
