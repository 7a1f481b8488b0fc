"""Responses on the web: ``GET /api/v1/responses`` (filters actor, responder, kind; each
response with the claims it answers), and the responses a claim page and a series chart
show (those answering any report of the figure, through reconciliation)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from tollwatch.reconcile.responses import link_responses, response_label
from tollwatch.reconcile.underlying import UnderlyingClaim
from tollwatch.store.responses import StoredResponse
from tollwatch.web.service import Service, report_dict

__all__ = ["figure_responses", "response_dict", "router", "series_marks"]

router = APIRouter(prefix="/api/v1", tags=["api"])

KindName = Literal["confirmed", "denied", "no_comment", "neither"]


def _service(request: Request) -> Service:
    svc: Service = request.app.state.service
    return svc


def response_dict(r: StoredResponse, answers: Sequence[dict[str, Any]] | None = None
                  ) -> dict[str, Any]:
    """A stored response in the API's shape, with its label and answered claims."""
    out = r.to_dict()
    out["day"] = r.day
    out["label"] = response_label(r.kind, r.responder, r.day)
    if answers is not None:
        out["answers"] = list(answers)
    return out


@router.get("/responses")
def list_responses(
    request: Request,
    actor: Annotated[str | None, Query(max_length=512)] = None,
    responder: Annotated[str | None, Query(max_length=512)] = None,
    kind: Annotated[KindName | None, Query()] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """Stored responses (confirmations, denials, refusals to comment), by answer day; the
    actor filter matches the side of a claim a response answers. Each item carries
    ``answers``: the claims it answers, in the claims list's shape."""
    svc = _service(request)
    settings = svc.settings
    n = max(1, min(settings.page_size if limit is None else limit, settings.max_page_size))
    items = svc.store.responses(actor=actor, responder=responder, kind=kind, limit=n,
                                offset=offset)
    total = svc.store.count_responses(actor=actor, responder=responder, kind=kind)
    out = []
    for r in items:
        reports = [svc.store.get_report(cid) for cid in r.claim_ids]
        out.append(response_dict(r, [report_dict(x) for x in reports if x is not None]))
    body = {"items": out, "total": total, "limit": n, "offset": offset}
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(),
                    media_type="application/json")


def figure_responses(svc: Service, claim_id: int,
                     under: UnderlyingClaim | None) -> list[dict[str, Any]]:
    """The responses to a claim, and to every other report of its underlying figure."""
    ids = [r.claim_id for r in under.reports] if under is not None else [claim_id]
    if claim_id not in ids:
        ids.append(claim_id)
    answers = svc.store.responses_to(ids)
    seen: dict[int, StoredResponse] = {}
    for rs in answers.values():
        for r in rs:
            seen.setdefault(r.id, r)
    found = sorted(seen.values(), key=lambda r: (r.day is None, r.day or "", r.id))
    return [response_dict(r) for r in found]


def series_marks(svc: Service, claims: Sequence[UnderlyingClaim]) -> list[dict[str, Any]]:
    """Marks for a series chart: each response to a figure of the series, at its day."""
    ids = [r.claim_id for c in claims for r in c.reports]
    linked = link_responses(claims, svc.store.responses_to(ids))
    marks: dict[int, dict[str, Any]] = {}
    for c in claims:
        for m in linked.get(c.id, []):
            entry = marks.setdefault(m.response_id, m.to_dict() | {"figures": []})
            entry["figures"].append(c.figure() + " " + c.metric + " from " + c.origin)
    return sorted(marks.values(), key=lambda m: (m["date"] is None, m["date"] or ""))
