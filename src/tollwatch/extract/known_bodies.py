"""One body under two names the alias table knows as one.

The origin model's table of well-known bodies (``data/sources.yaml`` and
``data/origins.yaml``) lists, for each body, its full name, acronym, translations and
descriptions: "Inter-Services Public Relations", "ISPR" and "the military's media wing";
"the Pentagon" and "the Defense Department". Two sources of one document with a name that
the table resolves to the same known body are one body, though neither name contains the
other. Only bodies are joined so (a person speaking for a body may speak on another day),
and only names the table knows (a bare "the ministry" resolves to nothing).
"""

from __future__ import annotations

from functools import lru_cache

from tollwatch.reconcile import names as _names

__all__ = ["known_bodies", "same_known_body"]


@lru_cache(maxsize=65536)
def _known(name: str) -> str | None:
    table = _names.default_names()
    return table.source(name) if table.is_known_source(name) else None


def known_bodies(names: list[str]) -> set[str]:
    """The canonical names of the known bodies that ``names`` name."""
    return {k for n in names if (k := _known(n)) is not None}


def same_known_body(a_names: list[str], a_person: bool, b_names: list[str],
                    b_person: bool) -> bool:
    """True when two bodies (no person) have a name each that the alias table resolves to
    one known body."""
    if a_person or b_person:
        return False
    return bool(known_bodies(a_names) & known_bodies(b_names))
