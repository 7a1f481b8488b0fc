"""The day of a sourced headline figure from the same source's other headline figures.

A title block (headline and subheads) sums up one moment: "Ministry says 40 killed in raid"
above "Ministry: 12 children among the dead, 60 wounded". When the body dates one headline
figure of a source (its repeat, its statement) and another headline figure of that source
has no day, the second takes the day the first has, when the source's dated headline
figures agree on one day and none is a denial (``headline_mates.yaml``; ``date_how:
"headline"``). A headline figure in no one's voice and one put earlier (``date_how``
"earlier" or "later") stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from tollwatch.extract.datafile import enabled_flag, read_mapping
from tollwatch.model import Claim

__all__ = ["date_headline_mates", "headline_mates_enabled"]


@lru_cache(maxsize=4)
def headline_mates_enabled(path: str | None = None) -> bool:
    """Whether the rule of ``headline_mates.yaml`` (or the file at ``path``) is on."""
    data, where = read_mapping("headline_mates.yaml", path, "headline-mate rules", "are")
    on = enabled_flag(data, where)
    return on


def _headline(c: Claim) -> bool:
    """A figure of the headline, or of a subhead sourced by its tag ("Ministry: ...")."""
    att = c.attribution or {}
    return bool(att.get("headline")) or att.get("how") == "headline"


def date_headline_mates(claims: list[Claim],
                        same_source: Callable[[Claim, Claim], bool]) -> None:
    """Give each undated sourced headline claim of ``claims`` the one day of the dated
    headline claims of the same source (``same_source``)."""
    if not headline_mates_enabled():
        return
    heads = [c for c in claims if _headline(c) and (c.origin or c.speaker)]
    for h in heads:
        if h.date is not None or (h.attribution or {}).get("date_how") is not None or \
                h.stance == "denied":
            continue
        mates = [g for g in heads if g is not h and g.date is not None and same_source(g, h)]
        days = {g.date for g in mates}
        if len(days) == 1 and all(g.stance != "denied" for g in mates):
            h.date = days.pop()
            h.attribution = dict(h.attribution or {}, date_how="headline")
