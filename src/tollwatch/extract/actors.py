"""Sides and sources for extraction, through the shared name tables.

Thin wrappers over :mod:`tollwatch.reconcile.names` so that extraction and reconciliation
use one set of alias tables (``tollwatch/data/*.yaml`` plus the user's YAML file).
"""

from __future__ import annotations

from functools import lru_cache

from tollwatch.reconcile import names as _names

__all__ = ["actor_for", "actor_in", "canonical_source", "is_armed_group"]


@lru_cache(maxsize=65536)
def actor_for(text: str) -> str | None:
    """The canonical country or armed group a phrase names ("North Korean" -> "North Korea")."""
    if not text or not text.strip():
        return None
    return _names.actor_for(text)


@lru_cache(maxsize=65536)
def actor_in(text: str) -> str | None:
    """The first country or armed group named inside a longer phrase."""
    if not text or not text.strip():
        return None
    return _names.actor_in(text)


@lru_cache(maxsize=65536)
def canonical_source(name: str) -> str:
    """A stable key for a source name ("NIS", "Seoul's spy agency" -> one key)."""
    return _names.canonical_source(name)


@lru_cache(maxsize=4096)
def is_armed_group(actor: str) -> bool:
    """True for non-state armed groups (as opposed to countries)."""
    return bool(_names.default_names().is_group(actor))
