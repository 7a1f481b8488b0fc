"""Series by counted group (issue 16): select underlying claims by what they count, and
summarise a store's group series.

A group series is one group (its canonical head, e.g. "hostages") and one metric, like an
actor series is one actor and one metric; its *sub-series* are the statuses the figures
give ("held", "released", "dead"), each drawn as its own line per origin.

    >>> claims = underlying_claims(reports)
    >>> held = select_group(claims, "captives still held")   # hostages, status held
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tollwatch.errors import ConfigError
from tollwatch.reconcile.groups import GENERIC, Group, Groups, default_groups
from tollwatch.reconcile.underlying import UnderlyingClaim

__all__ = ["GroupSeries", "group_matches", "group_series", "line_label", "parse_group",
           "select_group"]


def parse_group(text: str, groups: Groups | None = None) -> Group:
    """A user's group name as a filter; ConfigError naming it when it names no group,
    subset or status the vocabulary knows."""
    q = (groups or default_groups()).query(text)
    if q.head is None and q.subset is None and q.status is None:
        raise ConfigError(f"unknown group {text!r}; one of "
                          f"{', '.join((groups or default_groups()).names)}")
    return q


def group_matches(c: UnderlyingClaim, want: Group) -> bool:
    """Whether claim ``c`` belongs to the filter ``want`` (a field left None matches all)."""
    if want.head is not None and c.group != want.head:
        return False
    if want.subset is not None and c.subset != want.subset:
        return False
    return want.status is None or c.group_status == want.status


def select_group(claims: Iterable[UnderlyingClaim], group: str | Group,
                 groups: Groups | None = None) -> list[UnderlyingClaim]:
    """The claims of ``group`` (a name such as "captives", "child hostages", "hostages
    released", or a parsed :class:`Group`), in the given order."""
    want = group if isinstance(group, Group) else parse_group(group, groups)
    return [c for c in claims if group_matches(c, want)]


def line_label(c: UnderlyingClaim) -> str:
    """The line a claim is drawn on: its origin, and its status when it has one
    ("Red Cross", "Red Cross · released")."""
    return f"{c.origin} \u00b7 {c.group_status}" if c.group_status else c.origin


@dataclass(frozen=True, slots=True)
class GroupSeries:
    """One group and metric over time, as ``Series`` is one actor and metric: how many
    underlying claims and reports, from how many origins, between which days, and the
    statuses of its sub-series."""

    group: str
    metric: str
    claims: int
    reports: int
    origins: int
    first: str | None
    last: str | None
    statuses: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["statuses"] = list(self.statuses)
        out["kind"] = "group"
        return out


def group_series(claims: Sequence[UnderlyingClaim], *, include_generic: bool = False,
                 need_unnamed: bool = True) -> list[GroupSeries]:
    """Every (group, metric) series of ``claims``, busiest first. Figures about nobody in
    particular ("people") are left out unless ``include_generic``: their series is the
    store's whole unnamed toll, not a group anyone follows. With ``need_unnamed`` a series
    is listed only when some of its figures have no actor (else the actor series already
    show them all: "soldiers killed" of named sides)."""
    by: dict[tuple[str, str], list[UnderlyingClaim]] = defaultdict(list)
    for c in claims:
        if c.group and (include_generic or c.group != GENERIC):
            by[(c.group, c.metric)].append(c)
    out: list[GroupSeries] = []
    for (group, metric), seq in by.items():
        if need_unnamed and all(c.actor for c in seq):
            continue
        dates = [c.date for c in seq if c.date]
        statuses = tuple(sorted({c.group_status for c in seq if c.group_status}))
        out.append(GroupSeries(group, metric, len(seq), sum(len(c.reports) for c in seq),
                               len({c.origin_key for c in seq}),
                               min(dates) if dates else None, max(dates) if dates else None,
                               statuses))
    out.sort(key=lambda s: (-s.reports, -s.claims, s.group, s.metric))
    return out
