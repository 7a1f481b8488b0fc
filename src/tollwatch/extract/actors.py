"""Sides and sources for extraction, through the shared name tables.

Thin wrappers over :mod:`tollwatch.reconcile.names` so that extraction and reconciliation
use one set of alias tables (``tollwatch/data/*.yaml`` plus the user's YAML file).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from tollwatch.reconcile import names as _names

__all__ = ["actor_for", "actor_in", "canonical_source", "country_of_region", "is_armed_group"]


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


# region names that are also plain words of direction or kind ("North", "Central")
_GENERIC_REGIONS = {"north", "south", "east", "west", "central", "northern", "southern",
                    "eastern", "western", "capital", "coast", "centre", "center", "islands",
                    "north east", "north west", "south east", "south west", "northeast",
                    "northwest", "southeast", "southwest", "interior", "lakes", "upper",
                    "lower", "city", "federal", "plateau", "highlands", "lowlands"}


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """The first-level regions of ISO 3166-2 (pycountry) whose name only one country has,
    folded, to that country's canonical name ("sinaloa" -> "Mexico")."""
    import pycountry  # (loaded on the first use: 5,000 regions)

    owners: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        name = _fold(str(sub.name))
        if len(name) >= 4 and name not in _GENERIC_REGIONS:
            owners.setdefault(name, set()).add(str(sub.country_code))
    out: dict[str, str] = {}
    for name, codes in owners.items():
        country = pycountry.countries.get(alpha_2=next(iter(codes))) if len(codes) == 1 else None
        found = actor_for(str(country.name)) if country is not None else None
        if found is not None and actor_for(name) is None:
            out[name] = found
    return out


def country_of_region(name: str) -> str | None:
    """The country whose first-level region ``name`` is ("Sinaloa" -> "Mexico"), when only
    one country has a region of that name; else None."""
    return _regions().get(_fold(name))
