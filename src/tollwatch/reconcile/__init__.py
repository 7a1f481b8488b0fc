"""Reconciliation: reports of count claims into underlying claims, timelines and exports."""

from __future__ import annotations

from tollwatch.reconcile.names import (
    Names,
    actor_for,
    actor_in,
    canonical_place,
    canonical_source,
    default_names,
)

__all__ = [
    "Names",
    "actor_for",
    "actor_in",
    "canonical_place",
    "canonical_source",
    "default_names",
]
