"""The REST API, ``/api/v1``: claims, documents, timelines, sources, actors and reviews.

Reads are open (on loopback); ``POST /documents`` and ``PATCH /claims/{id}`` need
``Authorization: Bearer <token>`` (``security.require_write``). Lists are objects with
``items`` and ``total`` (and ``limit``/``offset`` where paginated).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from tollwatch.web import api_write
from tollwatch.web.api_common import (
    check_dates,
    check_metric,
    check_series,
    claim_detail,
    json_response,
    page_size,
    service_of,
)
from tollwatch.web.api_models import (
    ClaimPage,
    Corrections,
    DocumentIn,
    ItemPage,
    ReviewIn,
    TimelineOut,
)
from tollwatch.web.fast_read import claims_key, timeline_key
from tollwatch.web.read_answers import claims_answer, stored_timeline_answer
from tollwatch.web.service import report_dict
from tollwatch.web.snapshot import report_dicts

# the bodies (web/api_models.py), the shared helpers (web/api_common.py) and the writes
# (web/api_write.py) live beside; these names stay importable from here
__all__ = [
    "ClaimPage",
    "Corrections",
    "DocumentIn",
    "ReviewIn",
    "claim_detail",
    "report_dict",
    "router",
]

router = APIRouter(prefix="/api/v1", tags=["api"])

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@router.get("/health")
async def health(request: Request, warm: bool = False) -> dict[str, Any]:
    """Liveness; with ``warm=1`` waits until the reconciled view is built."""
    svc = service_of(request)
    if warm and await run_in_threadpool(svc.view_current):
        # the counts and the busiest first pages are made at start-up (read_answers)
        await run_in_threadpool(svc.warmed.wait, 120.0)
        return {"ok": True, "ready": True, "view": "stored"}
    if warm:
        snap = await run_in_threadpool(svc.snapshot)
        return {"ok": True, "ready": True, "reports": len(snap.reports),
                "claims": len(snap.claims), "build_s": round(snap.seconds, 3)}
    return {"ok": True, "ready": svc.current is not None}


@router.get("/claims", response_model=ClaimPage)
async def list_claims(
    request: Request,
    actor: Annotated[str | None, Query(max_length=512)] = None,
    metric: Annotated[str | None, Query(max_length=32)] = None,
    origin: Annotated[str | None, Query(max_length=512)] = None,
    since: Annotated[str | None, Query(pattern=_DATE)] = None,
    until: Annotated[str | None, Query(pattern=_DATE)] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """Stored claims as ``tollwatch claims`` lists them (filters on the extraction,
    reviewers' corrections shown), in published order; ``items`` and ``total``."""
    check_metric(metric)
    check_dates(since, until)
    svc = service_of(request)
    n = page_size(request, limit)
    fp = svc.fingerprint()
    snap = svc.current

    def make() -> bytes:
        if snap is not None and snap.fingerprint == fp and not (origin or since or until):
            positions = svc.claim_positions(snap, actor, metric)
            page = ",".join(snap.report_json(p) for p in positions[offset:offset + n])
            return (f'{{"total":{len(positions)},"limit":{n},"offset":{offset},'
                    f'"items":[{page}]}}').encode()
        return claims_answer(svc, fp, actor, metric, origin, since, until, n, offset)

    key = claims_key(actor, metric, origin, since, until, n, offset)
    fast = snap is not None and snap.fingerprint == fp and not (origin or since or until)
    if fast:
        body = svc.cached(key, fp, make)
    else:
        body = await run_in_threadpool(svc.cached, key, fp, make)
    return Response(body, media_type="application/json")


@router.get("/claims/{claim_id}")
def get_claim(request: Request, claim_id: int) -> Response:
    """One claim with its extraction, reviews and underlying claim."""
    out = claim_detail(service_of(request), claim_id)
    if out is None:
        raise HTTPException(404, "no such claim")
    return json_response(out)


@router.get("/documents", response_model=ItemPage)
def list_documents(
    request: Request,
    q: Annotated[str | None, Query(max_length=500, description="text to search for")] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """Stored documents, newest first; ``q`` keeps those whose text, title or id
    contains it."""
    svc = service_of(request)
    n = page_size(request, limit)
    items = svc.store.documents(q, limit=n, offset=offset)
    return json_response({"items": [d.to_dict() for d in items],
                          "total": svc.store.count_documents(q), "limit": n, "offset": offset})


@router.get("/documents/{doc_id:path}")
def get_document(request: Request, doc_id: str) -> Response:
    """One document: its text, provenance and claims."""
    svc = service_of(request)
    stored = svc.store.get_document(doc_id)
    if stored is None:
        raise HTTPException(404, "no such document")
    d = stored.document
    return json_response({"id": d.id, "text": d.text, "published": d.published, "url": d.url,
                          "outlet": d.outlet, "title": d.title, "language": stored.language,
                          "fetched": stored.fetched.isoformat(), "source": stored.source,
                          "near_duplicate_of": stored.near_duplicate_of,
                          "copies": stored.copies,
                          "claims": report_dicts(svc.store.reports(doc_id=doc_id))})


@router.get("/timeline", response_model=TimelineOut)
async def timeline(
    request: Request,
    actor: Annotated[str | None, Query(min_length=1, max_length=512)] = None,
    metric: Annotated[str | None, Query(max_length=32)] = None,
    location: Annotated[str | None, Query(max_length=512)] = None,
    origin: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=20_000)] = 500,
    offset: Annotated[int, Query(ge=0)] = 0,
    group: Annotated[str | None, Query(min_length=1, max_length=512)] = None,
    own_voice: Annotated[Literal["hide", "show", "only"], Query()] = "hide",
) -> Response:
    """The underlying claims about one actor and/or counting one group ("hostages",
    "captives", "child hostages", "hostages released") in date order, as ``tollwatch
    timeline`` (reviewers' corrections applied; rejected reports left out); ``limit`` at a
    time. At least one of ``actor`` and ``group``. ``own_voice``: figures an outlet gives
    in its own voice (no source named) are hidden by default; "show" lists them too
    (``own_voice: true``), "only" lists only them."""
    check_metric(metric)
    svc = service_of(request)
    check_series(svc, actor, group)
    fp = svc.fingerprint()

    key = timeline_key(actor, metric, location, origin, group, limit, offset, own_voice)

    def make_stored() -> bytes:
        return stored_timeline_answer(svc, fp, actor, metric, limit, offset, group,
                                      own_voice)

    if location is None and origin is None:
        current = svc.view_known(fp)
        if current is None:
            current = await run_in_threadpool(svc.view_current, fp)
        if current:
            # the store keeps a current view: read the actor's (or group's) claims from
            # its index
            body = await run_in_threadpool(svc.cached, key, fp, make_stored)
            return Response(body, media_type="application/json")

    def make() -> bytes:
        snap = svc.snapshot(fp)
        entries = svc.timeline(actor, metric=metric, location=location, origin=origin,
                               snap=snap, group=group, voice=own_voice)
        head = json.dumps({"actor": svc.canonical_actor(actor) if actor else None,
                          "group": group, "own_voice": own_voice, "total": len(entries),
                          "limit": limit, "offset": offset,
                          "stale": snap.fingerprint != fp}, ensure_ascii=False)
        items = ",".join(snap.item_json(c) for c in entries[offset:offset + limit])
        return (head[:-1] + ',"items":[' + items + "]}").encode("utf-8")

    snap = svc.current
    if snap is not None and snap.fingerprint == fp:
        body = svc.cached(key, fp, make)
    else:
        body = await run_in_threadpool(make)
    return Response(body, media_type="application/json")


@router.get("/series", response_model=ItemPage)
def series(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 50,
           kind: Annotated[Literal["all", "actor", "group"], Query()] = "all") -> Response:
    """The busiest series (actor and metric; counted group and metric), by number of
    reports; each item's ``kind`` is "actor" or "group"."""
    from tollwatch.web.group_pages import busiest

    snap = service_of(request).snapshot()
    items = busiest(snap, kind)
    return json_response({"items": items[:limit], "total": len(items)})


@router.get("/sources", response_model=ItemPage)
def sources(request: Request) -> Response:
    """Every origin of reconciled claims, with its claims, reports and the names seen."""
    snap = service_of(request).snapshot()
    return json_response({"items": [s.to_dict() for s in snap.sources],
                          "total": len(snap.sources)})


@router.get("/actors", response_model=ItemPage)
def actors(request: Request) -> Response:
    """Every actor of reconciled claims, with its claims, reports and metrics."""
    snap = service_of(request).snapshot()
    return json_response({"items": [a.to_dict() for a in snap.actors],
                          "total": len(snap.actors)})


@router.get("/review-queue", response_model=ClaimPage)
def review_queue(request: Request, limit: Annotated[int | None, Query(ge=1)] = None,
                 offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    """Claims not yet reviewed, least confident first."""
    svc = service_of(request)
    n = page_size(request, limit)
    items = svc.store.review_queue(n, offset)
    return json_response({"items": report_dicts(items),
                          "total": svc.store.count_review_queue(), "limit": n,
                          "offset": offset})


# the writes: POST /documents, PATCH /claims/{id}
router.include_router(api_write.router)
