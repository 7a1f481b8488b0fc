"""One body under two names the alias table knows as one.

The origin model's table of well-known bodies (``data/sources.yaml`` and
``data/origins.yaml``) lists, for each body, its full name, acronym, translations and
descriptions: "Inter-Services Public Relations", "ISPR" and "the military's media wing";
"the Pentagon" and "the Defense Department". Two sources of one document with a name that
the table resolves to the same known body are one body, though neither name contains the
other. Only bodies are joined so (a person speaking for a body may speak on another day),
and only names the table knows (a bare "the ministry" resolves to nothing).

A bare kind phrase ("the military", "the police": no name or country of its own) names a
body of that kind ("the Zorvian General Staff", "Kenyan police"), for the kinds
``bare_kind_links`` of ``data/coreference.yaml`` lists; whoever shares days through it
(``source_dates``) takes one only when a single such body was dated.
"""

from __future__ import annotations

from functools import lru_cache

from tollwatch.extract.coreference_rules import load_coreference_rules
from tollwatch.reconcile import names as _names

__all__ = ["bare_kind_of", "known_bodies", "same_kind_body", "same_known_body"]


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


@lru_cache(maxsize=65536)
def _bare_kind(name: str) -> str | None:
    kind = _names.default_names().bare_kind(name)
    return kind if kind in load_coreference_rules().bare_kind_links else None


@lru_cache(maxsize=65536)
def _body_kind(name: str) -> str | None:
    return _names.default_names().body_kind(name)


def bare_kind_of(names: list[str]) -> str | None:
    """The kind a source's names name when every one is a bare kind phrase of a linked
    kind ("the military", "military"); None otherwise."""
    kinds = {_bare_kind(n) for n in names}
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def same_kind_body(a_names: list[str], a_person: bool, b_names: list[str],
                   b_person: bool) -> bool:
    """True when one body is named only by a bare kind phrase and the other has a name of
    a body of that kind."""
    if a_person or b_person:
        return False
    for bare, named in ((a_names, b_names), (b_names, a_names)):
        kind = bare_kind_of(bare)
        if kind is not None and any(_body_kind(n) == kind for n in named):
            return True
    return False
