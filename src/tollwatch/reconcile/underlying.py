"""Reports into underlying claims: one figure, from one origin, first reported on one day.

A *report* is one document carrying a claim. Reports of the same figure (metric, numbers,
actor) from the same origin are one *underlying claim* when they fall within a window
(``window_days``, 7 by default) of the claim's previous report: the claim keeps its
first-reported date and every report behind it. A report whose claim names no day
(its date is only the publication date) that repeats a figure its origin had already
given is taken as a back-reference and joins that earlier claim, however much later.

Origins are canonical source names (:mod:`tollwatch.reconcile.names`): the body that
produced the figure, else the person who relays it, else, for a figure a document states
in its own voice, the outlet. Syndicated copies (the same sentence carrying the same
figure in several outlets) share one origin: a named one if any copy names it, else the
earliest outlet that ran the sentence.

Among the claims of one origin about one actor and metric, a later claim with a different
figure is an *update* that revises the earlier one; claims from other origins compete.

A figure in an outlet's own voice that restates another origin's figure is a report of
that origin's claim (:mod:`tollwatch.reconcile.own_voice`); the outlet's own figures left
are claims marked ``own_voice``, which timelines hide unless asked.

    >>> claims = underlying_claims(reports)
    >>> [c.to_record() for c in claims]
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from tollwatch.model import Report
from tollwatch.reconcile.identity import FIRST, Group, group_items
from tollwatch.reconcile.names import Names, default_names
from tollwatch.reconcile.origins import (
    UNATTRIBUTED,
    Item,
    Origin,
    parse_date,
    prepare_items,
    resolve_origins,
)
from tollwatch.reconcile.updates import SeriesKey, link_updates

__all__ = [
    "UNATTRIBUTED",
    "ReconcileOptions",
    "ReportRef",
    "SeriesKey",
    "UnderlyingClaim",
    "build_claim",
    "format_figure",
    "keep_report",
    "parse_date",
    "reconcile_reports",
    "underlying_claims",
]

Kind = Literal["first", "update", "repeat"]


@dataclass(frozen=True, slots=True)
class ReconcileOptions:
    """How reports group into underlying claims.

    ``window_days``: reports of one figure from one origin this close together (to the
    claim's previous report) are one claim. ``attach_undated``: a report with no claim
    date that repeats an earlier figure of its origin joins that claim. Rejected reports,
    denied and hypothetical figures are left out unless asked for.
    """

    window_days: int = 7
    attach_undated: bool = True
    include_rejected: bool = False
    include_denied: bool = False
    include_hypothetical: bool = False


@dataclass(frozen=True, slots=True)
class ReportRef:
    """One report behind an underlying claim."""

    doc_id: str
    url: str | None
    outlet: str | None
    published: str | None
    quote: str
    claim_id: int
    date: str | None
    dated: bool
    names: tuple[str, ...]
    location: str | None
    title: str | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The report in the timeline's JSON shape (with why it belongs to the claim)."""
        return {"doc_id": self.doc_id, "url": self.url, "outlet": self.outlet,
                "published": self.published, "quote": self.quote, "reason": self.reason}


@dataclass(slots=True)
class UnderlyingClaim:
    """One figure from one origin, with its first-reported date and all its reports."""

    id: str
    actor: str | None
    metric: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    origin: str
    origin_key: str
    aliases: list[str]
    date: str | None
    last_date: str | None
    reports: list[ReportRef]
    own_voice: bool = False
    location: str | None = None
    civilian: bool | None = None
    stance: str = "asserted"
    kind: Kind = "first"
    revises: str | None = None
    subject: str | None = None
    unnamed: bool = False
    part: str | None = None
    reason: str = ""
    # -- counted group (issue 16): head, subset and status of what the figure counts
    group: str | None = None
    subset: str | None = None
    group_status: str | None = None

    @property
    def series(self) -> SeriesKey:
        """The series this claim belongs to (actor, metric, origin, part, group)."""
        return SeriesKey.of(self)

    @property
    def numbers(self) -> tuple[int | None, int | None, int | None]:
        return (self.value, self.low, self.high)

    @property
    def point(self) -> float:
        """One number for the figure: the value, or the middle of a range."""
        if self.value is not None:
            return float(self.value)
        lo = self.low if self.low is not None else self.high
        hi = self.high if self.high is not None else self.low
        return (float(lo or 0) + float(hi or 0)) / 2.0

    @property
    def outlets(self) -> list[str]:
        seen: list[str] = []
        for r in self.reports:
            if r.outlet and r.outlet not in seen:
                seen.append(r.outlet)
        return seen

    def figure(self) -> str:
        """The figure as text, with its hedge: "~300", ">=1,000", "10,000-12,000"."""
        return format_figure(self.value, self.low, self.high, self.qualifier)

    def to_record(self) -> dict[str, Any]:
        """The timeline's JSON shape."""
        return {
            "actor": self.actor, "metric": self.metric, "value": self.value,
            "low": self.low, "high": self.high, "qualifier": self.qualifier,
            "origin": self.origin, "aliases": list(self.aliases), "unnamed": self.unnamed,
            "date": self.date, "kind": self.kind, "revises": self.revises, "id": self.id,
            "reason": self.reason, "group": self.group, "subset": self.subset,
            "group_status": self.group_status, "own_voice": self.own_voice,
            "reports": [r.to_dict() for r in self.reports],
        }

    def to_dict(self) -> dict[str, Any]:
        """Every field, for exports and debugging."""
        out = self.to_record()
        out.update(last_date=self.last_date, own_voice=self.own_voice,
                   location=self.location, civilian=self.civilian, stance=self.stance,
                   subject=self.subject, part=self.part, origin_key=self.origin_key,
                   group=self.group, subset=self.subset, group_status=self.group_status)
        return out


def format_figure(value: int | None, low: int | None, high: int | None, qualifier: str) -> str:
    """A figure as text: "300", "~300", ">=300", "<=300", "10,000-12,000"."""
    if value is None:
        if low is not None and high is not None:
            return f"{low:,}-{high:,}"
        one = low if low is not None else high
        return f"{one:,}" if one is not None else "?"
    mark = {"approx": "~", "min": "\u2265", "max": "\u2264"}.get(qualifier, "")
    return f"{mark}{value:,}"


def _claim_id(actor: str | None, metric: str, numbers: tuple[int | None, ...], origin_key: str,
              first: str | None, group: tuple[str | None, ...] = ()) -> str:
    text = f"{actor}|{metric}|" + "|".join(map(str, numbers)) + f"|{origin_key}|{first}"
    if any(group):  # a counted group (issue 16) tells apart figures of one origin and day
        text += "|" + "|".join(str(x) for x in group)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _majority(values: Iterable[Any]) -> Any:
    present = [v for v in values if v is not None]
    if len(present) <= 1:  # most underlying claims have one report
        return present[0] if present else None
    return Counter(present).most_common(1)[0][0]


def _aliases(group: Group) -> list[str]:
    """The names the origin appears under in these reports, in order of appearance."""
    out: list[str] = []
    own = group[0][0].own_voice
    for it, _ in group:
        if it.own_voice != own:
            continue  # an outlet restating the origin's figure is not a name of the origin
        for n in it.names:
            tidy = " ".join(n.split())
            if tidy not in out:
                out.append(tidy)
    return out


def _ref(it: Item, reason: str) -> ReportRef:
    r = it.report
    if it.voice and reason == FIRST:
        reason = f"{reason}; origin: {it.voice}"
    return ReportRef(doc_id=r.doc_id, url=r.url, outlet=r.outlet, published=r.published,
                     quote=r.claim.quote, claim_id=r.claim_id,
                     date=it.date.isoformat() if it.date else None, dated=it.dated,
                     names=tuple(it.names), location=r.claim.location, title=r.title,
                     reason=reason)


def build_claim(group: Group, origin: Origin) -> UnderlyingClaim:
    """One underlying claim from its reports (``group``: items with their reasons)."""
    head = group[0][0]
    if len(group) == 1:  # most underlying claims have one report: no counting
        c = head.report.claim
        day = head.date.isoformat() if head.date is not None else None
        value, low, high = head.numbers
        return UnderlyingClaim(
            id=_claim_id(head.actor, head.metric, head.numbers, head.origin_key, day,
                         head.group_key),
            actor=head.actor, metric=head.metric, value=value, low=low, high=high,
            qualifier=c.qualifier, origin=origin.display, origin_key=head.origin_key,
            aliases=_aliases(group), date=day, last_date=day,
            reports=[_ref(head, group[0][1])], own_voice=head.own_voice, location=head.place,
            civilian=c.civilian, stance=c.stance, subject=c.subject, unnamed=origin.unnamed,
            part=head.part, group=head.counted.head, subset=head.counted.subset,
            group_status=head.counted.status)
    # the claim's dates span all its reports; its hedge and details come from its origin's
    # own reports (an outlet restating the figure in its own voice, own_voice.py, only
    # reports it)
    dates = [it.date for it, _ in group if it.date is not None]
    items = [it for it, _ in group if it.own_voice == head.own_voice]
    first = min(dates).isoformat() if dates else None
    last = max(dates).isoformat() if dates else None
    quals = Counter(i.report.claim.qualifier for i in items)
    # "about 300" and "300" from one origin: keep the hedge the reports agree on most,
    # preferring a hedged form on a tie (it is the more careful reading)
    qualifier = max(quals, key=lambda q: (quals[q], q != "exact")) if len(quals) > 1 \
        else head.report.claim.qualifier
    value, low, high = head.numbers
    return UnderlyingClaim(
        id=_claim_id(head.actor, head.metric, head.numbers, head.origin_key, first,
                     head.group_key),
        actor=head.actor, metric=head.metric, value=value, low=low, high=high,
        qualifier=qualifier, origin=origin.display, origin_key=head.origin_key,
        aliases=_aliases(group), date=first, last_date=last,
        reports=[_ref(i, why) for i, why in group], own_voice=head.own_voice,
        location=_majority(i.place for i in items),
        civilian=_majority(i.report.claim.civilian for i in items),
        stance=head.report.claim.stance,
        subject=_majority(i.report.claim.subject for i in items),
        unnamed=origin.unnamed, part=_majority(i.part for i in items),
        group=_majority(i.counted.head for i in items),
        subset=_majority(i.counted.subset for i in items),
        group_status=head.counted.status,
    )


def keep_report(report: Report, options: ReconcileOptions) -> bool:
    """Whether a report takes part in reconciliation (a figure; not rejected, denied or
    hypothetical unless the options ask for them)."""
    c = report.claim
    if c.value is None and c.low is None and c.high is None:
        return False
    if report.status == "rejected" and not options.include_rejected:
        return False
    if c.stance == "denied" and not options.include_denied:
        return False
    return not (c.stance == "hypothetical" and not options.include_hypothetical)


def underlying_claims(reports: Sequence[Report], options: ReconcileOptions | None = None, *,
                      names: Names | None = None) -> list[UnderlyingClaim]:
    """Group reports into underlying claims, in date order (undated last).

    Each claim's ``kind`` is "first" (its origin's first figure for that series,
    :class:`~tollwatch.reconcile.updates.SeriesKey`), "update" (a changed figure;
    ``revises`` is the id of the claim it replaces) or "repeat" (a figure the origin gave
    before, stated again after the window); ``reason`` says why, and each report's
    ``reason`` why it belongs to the claim.
    """
    return reconcile_reports(reports, options, names=names)[0]


def reconcile_reports(reports: Sequence[Report], options: ReconcileOptions | None = None, *,
                      names: Names | None = None,
                      ) -> tuple[list[UnderlyingClaim], list[Item], dict[str, Origin]]:
    """:func:`underlying_claims`, with the items (reports with their origin keys) and the
    origins behind them (what the stored view keeps)."""
    opts = options or ReconcileOptions()
    nm = names or default_names()
    items = prepare_items([r for r in reports if keep_report(r, opts)], nm)
    origins = resolve_origins(items, nm)
    groups = group_items(items, origins, nm, window=opts.window_days,
                         attach_undated=opts.attach_undated)
    claims = [build_claim(g, origins[g[0][0].origin_key]) for g in groups]
    link_updates(claims, opts.window_days)
    claims.sort(key=_sort_key)
    return claims, items, origins


def _sort_key(c: UnderlyingClaim) -> tuple[str, str, str, str, float]:
    return (c.date or "9999-99-99", c.metric, c.actor or "", c.origin, c.point)
