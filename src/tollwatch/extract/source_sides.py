"""The country a source speaks for, as far as its names say, to keep two sources apart.

A headline's source and a body source of the same figure may be one source named two ways
("Rwanda says" and "army spokesperson Col Jane Doe said"), but not when their names put them
in two countries ("Ukraine says ..." and "the U.K. Defence Ministry said ..."). A name gives
its country when it is one (``actors.actor_for``), or when the known-sources table files it
under one ("Ministry of Defence (United Kingdom)", ``actors.canonical_source``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tollwatch.extract.actors import actor_for, canonical_source, is_armed_group

__all__ = ["may_be_one_source", "sides_of"]

_FILED = re.compile(r"\(([^()]+)\)\s*$")


def sides_of(names: Iterable[str]) -> set[str]:
    """The countries ``names`` put a source in (empty when they name none; an armed group
    names no country)."""
    out: set[str] = set()
    for n in names:
        side = actor_for(n)
        if side is None:
            m = _FILED.search(canonical_source(n) or "")
            side = m.group(1) if m else None
        if side is not None and not is_armed_group(side):
            out.add(side)  # (a group is no country: the Taliban speak for Afghanistan)
    return out


def may_be_one_source(a: Iterable[str], b: Iterable[str]) -> bool:
    """False when the two sources' names put them in different countries, with none shared."""
    sa, sb = sides_of(a), sides_of(b)
    return not sa or not sb or bool(sa & sb)
