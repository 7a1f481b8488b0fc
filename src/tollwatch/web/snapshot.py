"""The reconciled view of the store at one state (``Snapshot``) and how it is built from
the store's reports: underlying claims indexed by actor, origin and claim id, the series,
actors and sources with their counts, and JSON fragments made once per view."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tollwatch.model import Report
from tollwatch.reconcile.group_series import GroupSeries, group_series
from tollwatch.reconcile.groups import Groups, default_groups, group_fields
from tollwatch.reconcile.items import timeline_item
from tollwatch.reconcile.names import Names, fold
from tollwatch.reconcile.underlying import ReconcileOptions, UnderlyingClaim, underlying_claims

__all__ = ["Fingerprint", "NameCount", "Series", "Snapshot", "build_snapshot", "report_dict",
           "report_dicts"]

Fingerprint = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Series:
    """One actor and metric over time: how many underlying claims and reports, from how
    many origins, between which days."""

    actor: str
    metric: str
    claims: int
    reports: int
    origins: int
    first: str | None
    last: str | None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class NameCount:
    """An actor or origin with its underlying claims and reports, and the names seen."""

    name: str
    claims: int
    reports: int
    aliases: tuple[str, ...] = ()
    metrics: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "claims": self.claims, "reports": self.reports,
                "aliases": list(self.aliases), "metrics": list(self.metrics)}


@dataclass(slots=True)
class Snapshot:
    """The reconciled store at one fingerprint."""

    fingerprint: Fingerprint
    claims: list[UnderlyingClaim]
    by_actor: dict[str, list[UnderlyingClaim]]
    by_origin: dict[str, list[UnderlyingClaim]]
    by_claim_id: dict[int, UnderlyingClaim]
    status: dict[int, str]
    series: list[Series]
    actors: list[NameCount]
    sources: list[NameCount]
    reports: list[Report] = field(default_factory=list)
    by_alias: dict[int | None, list[int]] = field(default_factory=dict)
    metric_at: list[str] = field(default_factory=list)
    seconds: float = 0.0
    fragments: dict[str, str] = field(default_factory=dict)
    report_fragments: dict[int, str] = field(default_factory=dict)
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    #: issue 16: the (group, metric) series, busiest first
    group_series: list[GroupSeries] = field(default_factory=list)

    def report_json(self, pos: int) -> str:
        """The report at ``pos`` in the API's claim shape, as JSON text, made once."""
        text = self.report_fragments.get(pos)
        if text is None:
            text = json.dumps(report_dict(self.reports[pos]), ensure_ascii=False,
                              separators=(",", ":"))
            self.report_fragments[pos] = text
        return text

    def item_json(self, c: UnderlyingClaim) -> str:
        """``timeline_item(c)`` as JSON text, made once per view."""
        text = self.fragments.get(c.id)
        if text is None:
            text = json.dumps(timeline_item(c, self.status), ensure_ascii=False,
                              separators=(",", ":"))
            self.fragments[c.id] = text
        return text


def report_dict(r: Report, groups: Groups | None = None) -> dict[str, Any]:
    """A report in the API's claim shape (``Report.to_dict``, without deep copies);
    ``groups``: the group vocabulary when the caller has it (``report_dicts``)."""
    c = r.claim
    return {"metric": c.metric, "value": c.value, "low": c.low, "high": c.high,
            "qualifier": c.qualifier, "subject": c.subject, "actor": c.actor,
            "civilian": c.civilian, "location": c.location, "origin": list(c.origin),
            "speaker": list(c.speaker), "date": c.date, "stance": c.stance,
            "quote": c.quote, "start": c.start, "end": c.end, "confidence": c.confidence,
            "attribution": c.attribution, "claim_id": r.claim_id, "doc_id": r.doc_id,
            "url": r.url, "outlet": r.outlet, "published": r.published, "title": r.title,
            "status": r.status, **group_fields(c, groups or default_groups())}


def report_dicts(reports: Iterable[Report]) -> list[dict[str, Any]]:
    """``report_dict`` of each report (the group vocabulary looked up once)."""
    groups = default_groups()
    return [report_dict(r, groups) for r in reports]


def _sort_key(c: UnderlyingClaim) -> tuple[str, str, str, float]:
    return (c.date or "9999-99-99", c.metric, c.origin, c.point)


def build_snapshot(fp: Fingerprint, reports: list[Report],
                   index: list[tuple[int, int | None, str]],
                   options: ReconcileOptions, names: Names) -> Snapshot:
    """The view at store state ``fp`` of ``reports`` (in the store's order), with ``index``
    (claim id, extracted actor alias id, extracted metric) for the claim lists."""
    start = time.perf_counter()
    claims = underlying_claims(reports, options, names=names)
    by_actor: dict[str, list[UnderlyingClaim]] = defaultdict(list)
    by_origin: dict[str, list[UnderlyingClaim]] = defaultdict(list)
    by_claim_id: dict[int, UnderlyingClaim] = {}
    series: dict[tuple[str, str], list[UnderlyingClaim]] = defaultdict(list)
    origin_names: dict[str, str] = {}
    origin_aliases: dict[str, dict[str, None]] = defaultdict(dict)
    actor_metrics: dict[str, dict[str, None]] = defaultdict(dict)
    for c in claims:
        if c.actor:
            key = fold(c.actor)
            by_actor[key].append(c)
            if not c.own_voice:  # the series list counts what timelines show by default
                series[(c.actor, c.metric)].append(c)
            actor_metrics[c.actor][c.metric] = None
        okey = fold(c.origin)
        by_origin[okey].append(c)
        origin_names.setdefault(okey, c.origin)
        for a in c.aliases:
            origin_aliases[okey][a] = None
        for ref in c.reports:
            by_claim_id[ref.claim_id] = c
    for seq in by_actor.values():
        seq.sort(key=_sort_key)
    status = {r.claim_id: r.status for r in reports if r.status}
    extracted = {cid: (alias, metric) for cid, alias, metric in index}
    by_alias: dict[int | None, list[int]] = defaultdict(list)
    metric_at: list[str] = []
    for pos, r in enumerate(reports):
        alias, metric = extracted.get(r.claim_id, (None, r.claim.metric))
        by_alias[alias].append(pos)
        metric_at.append(metric)
    out_series = []
    for (actor, metric), seq in series.items():
        dates = [c.date for c in seq if c.date]
        out_series.append(Series(actor, metric, len(seq), sum(len(c.reports) for c in seq),
                                 len({c.origin_key for c in seq}),
                                 min(dates) if dates else None, max(dates) if dates else None))
    out_series.sort(key=lambda s: (-s.reports, -s.claims, s.actor, s.metric))
    actors = sorted((NameCount(seq[0].actor or k, len(seq), sum(len(c.reports) for c in seq),
                               (), tuple(actor_metrics[seq[0].actor or k]))
                     for k, seq in by_actor.items()), key=lambda n: (-n.reports, n.name))
    sources = sorted((NameCount(origin_names[k], len(seq), sum(len(c.reports) for c in seq),
                                tuple(origin_aliases[k]),
                                tuple(dict.fromkeys(c.metric for c in seq)))
                      for k, seq in by_origin.items()), key=lambda n: (-n.reports, n.name))
    return Snapshot(fp, claims, dict(by_actor), dict(by_origin), by_claim_id, status,
                    out_series, actors, sources, reports, dict(by_alias), metric_at,
                    time.perf_counter() - start,
                    group_series=group_series([c for c in claims if not c.own_voice]))
