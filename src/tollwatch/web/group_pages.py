"""Series by counted group in the web app (issue 16): the overview's busiest series with
group series among them, and what the series page needs for a group.

Kept apart from ``pages.py``/``api.py`` so that reconciliation's own series (actor and
metric) can change without touching this."""

from __future__ import annotations

from typing import Any, Literal

from tollwatch.web.service import Snapshot

__all__ = ["SeriesKind", "busiest", "series_query"]

SeriesKind = Literal["all", "actor", "group"]


def busiest(snap: Snapshot, kind: SeriesKind = "all") -> list[dict[str, Any]]:
    """The series of ``snap`` as JSON-ready dicts, busiest first (by reports, then
    claims; an actor series before a group series on a tie). Each has ``kind`` ("actor"
    or "group") and the query string of its page (``href``)."""
    rows: list[tuple[tuple[int, int, int], dict[str, Any]]] = []
    if kind in ("all", "actor"):
        for s in snap.series:
            d = s.to_dict()
            d.update(kind="actor", group=None, statuses=[],
                     href=series_query(actor=s.actor, metric=s.metric))
            rows.append(((-s.reports, -s.claims, 0), d))
    if kind in ("all", "group"):
        for g in snap.group_series:
            d = g.to_dict()
            d.update(actor=None, href=series_query(group=g.group, metric=g.metric))
            rows.append(((-g.reports, -g.claims, 1), d))
    rows.sort(key=lambda r: r[0])  # stable: each list is already in its own order
    return [d for _, d in rows]


def series_query(*, actor: str | None = None, group: str | None = None,
                 metric: str | None = None, own_voice: str | None = None) -> str:
    """The query string of a series page: ``actor=...&group=...&metric=...`` (and
    ``own_voice=`` when not the default, "hide")."""
    from urllib.parse import urlencode

    voice = own_voice if own_voice and own_voice != "hide" else None
    items = [(k, v) for k, v in (("actor", actor), ("group", group), ("metric", metric),
                                 ("own_voice", voice)) if v]
    return urlencode(items)
