"""The timeline of one actor, or of one counted group: its underlying claims in date order.

    >>> entries = build_timeline(reports, actor="North Korean", metric="killed")
    >>> hostages = build_timeline(reports, group="hostages")
    >>> write_jsonl(entries, sys.stdout)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from tollwatch.model import Report
from tollwatch.reconcile.names import Names, default_names, fold
from tollwatch.reconcile.own_voice import DEFAULT_VOICE, Voice, select_voice
from tollwatch.reconcile.underlying import ReconcileOptions, UnderlyingClaim, underlying_claims

__all__ = ["build_timeline", "filter_claims", "to_jsonl", "write_jsonl"]


def filter_claims(claims: Sequence[UnderlyingClaim], *, actor: str | None = None,
                  metric: str | None = None, location: str | None = None,
                  origin: str | None = None, names: Names | None = None,
                  group: str | None = None, voice: Voice = "show") -> list[UnderlyingClaim]:
    """The claims about ``actor`` (any alias), of ``metric``, at ``location`` (any alias,
    matched against every report's place), from ``origin`` (any alias), counting
    ``group`` (any synonym, subset or status: "captives", "child hostages"), with the
    outlets' own-voice figures as ``voice`` says (:mod:`tollwatch.reconcile.own_voice`:
    "show" all, "hide" them, "only" them), in date order."""
    nm = names or default_names()
    if voice != "show":
        claims = select_voice(claims, voice)
    if group is not None:  # issue 16: the counted group, like the actor, picks a series
        from tollwatch.reconcile.group_series import select_group
        from tollwatch.reconcile.groups import groups_for

        claims = select_group(claims, group, groups_for(nm.aliases_path))
    want_actor = fold(nm.actor(actor) or actor) if actor else None
    want_place = fold(nm.place(location) or location) if location else None
    want_origin = nm.source_key(origin) if origin else None
    out: list[UnderlyingClaim] = []
    for c in claims:
        if want_actor is not None and fold(c.actor or "") != want_actor:
            continue
        if metric is not None and c.metric != metric:
            continue
        if want_place is not None:
            places = {fold(nm.place(r.location) or "") for r in c.reports}
            places.add(fold(c.location or ""))
            if not any(p and (p == want_place or want_place in p) for p in places):
                continue
        if want_origin is not None and want_origin not in (
                fold(c.origin), *(nm.source_key(a) for a in c.aliases)):
            continue
        out.append(c)
    out.sort(key=lambda c: (c.date or "9999-99-99", c.metric, c.origin, c.point))
    return out


def build_timeline(reports: Sequence[Report], actor: str | None = None, *,
                   metric: str | None = None, location: str | None = None,
                   options: ReconcileOptions | None = None, names: Names | None = None,
                   group: str | None = None,
                   voice: Voice = DEFAULT_VOICE) -> list[UnderlyingClaim]:
    """Reconcile ``reports`` and keep the claims about ``actor`` and/or counting ``group``
    (and metric, location); an outlet's own-voice figures are hidden unless ``voice`` is
    "show" (or "only")."""
    nm = names or default_names()
    claims = underlying_claims(reports, options, names=nm)
    return filter_claims(claims, actor=actor, metric=metric, location=location, names=nm,
                         group=group, voice=voice)


def to_jsonl(claims: Sequence[UnderlyingClaim]) -> str:
    """One JSON object a line, in the timeline's shape."""
    return "".join(json.dumps(c.to_record(), ensure_ascii=False) + "\n" for c in claims)


def write_jsonl(claims: Sequence[UnderlyingClaim], out: TextIO) -> None:
    out.write(to_jsonl(claims))
