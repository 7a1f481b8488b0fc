"""An underlying claim in the API's JSON shape (also what the stored view keeps)."""

from __future__ import annotations

from typing import Any

from tollwatch.reconcile.group_series import line_label
from tollwatch.reconcile.underlying import UnderlyingClaim

__all__ = ["timeline_item"]


def timeline_item(c: UnderlyingClaim, status: dict[int, str]) -> dict[str, Any]:
    """An underlying claim in the API's JSON shape (the timeline's, plus ids, kind and its
    reason, the series, the figure as text and each report's claim id, review status and
    the reason it belongs to the claim)."""
    return {
        "id": c.id, "actor": c.actor, "metric": c.metric, "value": c.value, "low": c.low,
        "high": c.high, "qualifier": c.qualifier, "figure": c.figure(), "point": c.point,
        "origin": c.origin, "aliases": list(c.aliases), "unnamed": c.unnamed, "date": c.date,
        "last_date": c.last_date, "kind": c.kind, "revises": c.revises, "reason": c.reason,
        "series": c.series.label(c.origin), "part": c.part,
        "location": c.location, "civilian": c.civilian, "stance": c.stance,
        "subject": c.subject,
        # the counted group (issue 16) and the chart line the claim is drawn on
        "group": c.group, "subset": c.subset, "group_status": c.group_status,
        "line": line_label(c),
        "own_voice": c.own_voice,  # a figure in the outlet's own voice (no source named)
        "reports": [{"claim_id": r.claim_id, "doc_id": r.doc_id, "url": r.url,
                     "outlet": r.outlet, "published": r.published, "title": r.title,
                     "date": r.date, "quote": r.quote, "status": status.get(r.claim_id),
                     "reason": r.reason}
                    for r in c.reports],
    }
