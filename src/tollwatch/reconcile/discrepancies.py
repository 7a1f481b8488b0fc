"""Where origins disagree, and where an origin revised its figure.

A *disagreement*: two origins' current figures for one actor and metric, at the same
time, differ by more than ``threshold`` (relative to the larger). An origin's current
figure at a day is its latest claim on or before that day, no older than ``stale_days``.
Hedges widen a figure before comparing: "at least 300" is 300 or more and so agrees with
"4,000"; "up to 300" is at most 300; a range is its two ends.

A *revision*: an origin's figure replaced by a different one (an update).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from tollwatch.reconcile.names import Names, default_names, fold
from tollwatch.reconcile.underlying import UnderlyingClaim, parse_date

__all__ = ["Discrepancy", "find_discrepancies", "relative_gap"]

DiscrepancyKind = Literal["disagreement", "revision"]


@dataclass(slots=True)
class Discrepancy:
    """Two claims that disagree (two origins) or a revision (one origin, earlier first)."""

    kind: DiscrepancyKind
    actor: str | None
    metric: str
    date: str | None
    claims: tuple[UnderlyingClaim, UnderlyingClaim]
    gap: float

    def describe(self) -> str:
        a, b = self.claims
        if self.kind == "revision":
            return (f"{a.origin} revised {self.metric} from {a.figure()} ({a.date}) "
                    f"to {b.figure()} ({b.date})")
        return (f"{a.origin} says {a.figure()} ({a.date}) but {b.origin} says "
                f"{b.figure()} ({b.date})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "actor": self.actor, "metric": self.metric, "date": self.date,
            "gap": round(self.gap, 4) if math.isfinite(self.gap) else None,
            "description": self.describe(),
            "claims": [c.to_record() for c in self.claims],
        }


def _interval(c: UnderlyingClaim) -> tuple[float, float]:
    if c.value is None:
        lo = c.low if c.low is not None else c.high
        hi = c.high if c.high is not None else c.low
        return float(lo or 0), float(hi or 0)
    v = float(c.value)
    if c.qualifier == "min":
        return v, math.inf
    if c.qualifier == "max":
        return 0.0, v
    return v, v


def relative_gap(a: UnderlyingClaim, b: UnderlyingClaim) -> float:
    """How far apart two figures are, as a share of the larger: 0 when they overlap."""
    alo, ahi = _interval(a)
    blo, bhi = _interval(b)
    gap = max(0.0, blo - ahi, alo - bhi)
    if gap == 0.0:
        return 0.0
    scale = max(a.point, b.point, 1.0)
    return gap / scale


def find_discrepancies(claims: Sequence[UnderlyingClaim], *, actor: str | None = None,
                       threshold: float = 0.2, stale_days: int = 30,
                       revisions: bool = True, disagreements: bool = True,
                       names: Names | None = None) -> list[Discrepancy]:
    """Disagreements between origins and revisions by one origin, in date order."""
    nm = names or default_names()
    want = fold(nm.actor(actor) or actor) if actor else None
    series: dict[tuple[Any, ...], list[UnderlyingClaim]] = defaultdict(list)
    for c in claims:
        if c.stance != "asserted" or c.date is None:
            continue
        if want is not None and fold(c.actor or "") != want:
            continue
        # issue 16: figures of different groups or statuses do not compete ("hostages
        # released" against "hostages still held"); a named side's series as before
        # (the group part of the series key, SeriesKey.group)
        series[(c.actor, c.metric, c.series.group)].append(c)
    out: list[Discrepancy] = []
    by_id = {c.id: c for c in claims}
    for (who, metric, _group), seq in series.items():
        seq.sort(key=lambda c: (c.date or "", c.origin))
        if revisions:
            for c in seq:
                if c.kind == "update" and c.revises in by_id:
                    prev = by_id[c.revises]
                    out.append(Discrepancy("revision", who, metric, c.date, (prev, c),
                                           relative_gap(prev, c)))
        if not disagreements:
            continue
        current: dict[str, UnderlyingClaim] = {}
        seen: set[tuple[str, str]] = set()
        for c in seq:
            day = parse_date(c.date)
            current[c.origin_key] = c
            for key, other in list(current.items()):
                if key == c.origin_key or day is None:
                    continue
                odate = parse_date(other.date)
                if odate is None or (day - odate).days > stale_days:
                    continue
                gap = relative_gap(other, c)
                pair = (other.id, c.id)
                if gap > threshold and pair not in seen:
                    seen.add(pair)
                    out.append(Discrepancy("disagreement", who, metric, c.date, (other, c), gap))
    out.sort(key=lambda d: (d.date or "", d.metric, d.kind, d.claims[0].origin))
    return out
