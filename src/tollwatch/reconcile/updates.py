"""Series and updates: which underlying claims are one origin's successive figures for one
measure, and why a figure counts as an update.

A series is identified by :class:`SeriesKey` (this is the one place that defines it): the
actor, the metric, the origin, the part of the force the figure is about (None for the
whole; "an elite unit", "one region" are parts, ``reconcile.yaml`` ``part_cues``) and the
counted group (issue 16, :func:`group_part`: "hostages (children), released"; for a named
side's figure only the status, so "released" and "still held" never revise each other). Within
a series, in date order, a changed figure is an ``update`` that ``revises`` the previous
claim; the same figure again (after the window) is a ``repeat``. A part's figure is never
an update of the whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tollwatch.reconcile.underlying import UnderlyingClaim

__all__ = ["SeriesKey", "group_part", "link_one", "link_updates", "no_series", "series_order",
           "series_what"]


@lru_cache(maxsize=65536)
def group_part(actor: str | None, head: str | None, subset: str | None,
               status: str | None) -> str | None:
    """The counted group's part of a series key (issue 16): "hostages (children), released"
    for a figure of no named side; only its status ("released") for a named side's figure,
    whose series the actor already names; None when there is nothing to tell apart."""
    if actor is not None:
        head = subset = None
    if head is None and subset is None and status is None:
        return None
    out = head or ""
    if subset:
        out += f" ({subset})"
    if status:
        out += f", {status}" if out else status
    return out


@dataclass(frozen=True, slots=True, order=True)
class SeriesKey:
    """What makes claims one series: actor, metric, origin (its key), part (None for
    the whole force) and counted group (:func:`group_part`, None when none)."""

    actor: str | None
    metric: str
    origin: str
    part: str | None = None
    group: str | None = None

    @classmethod
    def of(cls, claim: UnderlyingClaim) -> SeriesKey:
        return cls(claim.actor, claim.metric, claim.origin_key, claim.part,
                   group_part(claim.actor, claim.group, claim.subset, claim.group_status))

    def label(self, origin_name: str) -> str:
        """The series as a legend shows it: "Ministry of Defence (Russia) · killed",
        "Red Cross · abducted [hostages, released]"."""
        text = f"{origin_name} \u00b7 {self.metric}"
        if self.part:
            text += f" ({self.part})"
        return f"{text} [{self.group}]" if self.group else text

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "metric": self.metric, "origin": self.origin,
                "part": self.part, "group": self.group}


def series_order(c: UnderlyingClaim) -> tuple[str, float, str]:
    """A claim's place in its series: date (undated last), figure, id (for ties). The
    stored view orders ``ix_underlying_claims_series_order`` the same way."""
    return (c.date or "9999-99-99", c.point, c.id)


def series_what(key: SeriesKey) -> str:
    """The measure a series counts, as its reasons say it ("killed of an elite unit")."""
    return key.metric + (f" of {key.part}" if key.part else "") \
        + (f" [{key.group}]" if key.group else "")


def link_one(c: UnderlyingClaim, prev: UnderlyingClaim | None, what: str,
             window_days: int = 7) -> None:
    """Set ``c``'s kind, ``revises`` and ``reason`` from the claim before it in its series
    (``prev``, None for the first)."""
    c.revises = None
    if prev is None:
        c.kind = "first"
        c.reason = f"the origin's first figure for {what}"
    elif c.numbers == prev.numbers:
        c.kind = "repeat"
        c.reason = (f"the same figure as its claim of {prev.date or 'an undated day'}, "
                    f"stated again more than {window_days} days later")
    else:
        c.kind = "update"
        c.revises = prev.id
        c.reason = (f"a new figure from the same origin for {what}: revises "
                    f"{prev.figure()} of {prev.date or 'an undated day'}")


def no_series(c: UnderlyingClaim) -> None:
    """A denied or hypothetical figure: in no series."""
    c.kind, c.revises, c.reason = "first", None, f"a {c.stance} figure: no series"


def link_updates(claims: Iterable[UnderlyingClaim], window_days: int = 7) -> None:
    """Set each asserted claim's ``kind``, ``revises`` and ``reason`` within its series."""
    series: dict[SeriesKey, list[UnderlyingClaim]] = defaultdict(list)
    for c in claims:
        if c.stance == "asserted":
            series[SeriesKey.of(c)].append(c)
        else:
            no_series(c)
    for key, seq in series.items():
        seq.sort(key=series_order)
        prev: UnderlyingClaim | None = None
        what = series_what(key)
        for c in seq:
            link_one(c, prev, what, window_days)
            prev = c
