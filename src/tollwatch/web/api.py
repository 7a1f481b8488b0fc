"""The REST API, ``/api/v1``: claims, documents, timelines, sources, actors and reviews.

Reads are open (on loopback); ``POST /documents`` and ``PATCH /claims/{id}`` need
``Authorization: Bearer <token>`` (``security.require_write``). Lists are objects with
``items`` and ``total`` (and ``limit``/``offset`` where paginated).
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from tollwatch.errors import FetchError, InputError
from tollwatch.ingest.dedup import content_hash
from tollwatch.model import METRICS, Document
from tollwatch.web.security import require_write, safe_fetch
from tollwatch.web.service import Service, cache_key, report_dict, timeline_item

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
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:~-]{0,254}$")
MetricName = Literal["killed", "injured", "casualties", "captured", "missing", "deployed",
                     "displaced", "detained", "abducted", "defected"]


# ------------------------------------------------------------------------- models (OpenAPI)


class ClaimOut(BaseModel):
    claim_id: int
    doc_id: str
    metric: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    subject: str | None
    actor: str | None
    civilian: bool | None
    location: str | None
    origin: list[str]
    speaker: list[str]
    date: str | None
    stance: str
    quote: str
    start: int
    end: int
    confidence: float
    attribution: dict[str, Any] | None = None
    url: str | None
    outlet: str | None
    published: str | None
    title: str | None
    status: str | None
    # issue 16: the counted group, from the subject (see docs/reconcile.md)
    group: str | None = None
    subset: str | None = None
    group_status: str | None = None


class ClaimPage(BaseModel):
    items: list[ClaimOut]
    total: int
    limit: int
    offset: int


class ItemPage(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int | None = None
    offset: int | None = None


class TimelineOut(BaseModel):
    actor: str | None
    group: str | None = None
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    stale: bool


class Corrections(BaseModel):
    """Corrected fields; a field left out keeps the extraction's value, ``null`` clears it."""

    model_config = ConfigDict(extra="forbid")
    metric: MetricName | None = None
    value: int | None = Field(None, ge=0, le=10**12)
    low: int | None = Field(None, ge=0, le=10**12)
    high: int | None = Field(None, ge=0, le=10**12)
    qualifier: Literal["exact", "approx", "min", "max", "range"] | None = None
    subject: str | None = Field(None, max_length=512)
    actor: str | None = Field(None, max_length=512)
    civilian: bool | None = None
    location: str | None = Field(None, max_length=512)
    origin: list[Annotated[str, Field(max_length=512)]] | None = Field(None, max_length=20)
    speaker: list[Annotated[str, Field(max_length=512)]] | None = Field(None, max_length=20)
    date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    stance: Literal["asserted", "denied", "hypothetical"] | None = None


class ReviewIn(BaseModel):
    """A reviewer's verdict: ``status``, corrected fields (stored beside the extraction,
    which is never changed), a note and who reviewed."""

    model_config = ConfigDict(extra="forbid")
    status: Literal["accepted", "rejected"]
    corrections: Corrections = Field(default_factory=lambda: Corrections.model_validate({}))
    note: str | None = Field(None, max_length=4000)
    reviewer: str | None = Field(None, max_length=255)


class DocumentIn(BaseModel):
    """An article to extract and store: its ``text`` (with optional metadata), or only a
    ``url`` to fetch (http/https; public addresses unless the server allows private ones)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    url: str | None = Field(None, max_length=2048)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    outlet: str | None = Field(None, max_length=255)
    title: str | None = Field(None, max_length=1000)
    id: str | None = Field(None, max_length=255)


# ------------------------------------------------------------------------------- helpers


def _service(request: Request) -> Service:
    svc: Service = request.app.state.service
    return svc


def _json(data: Any, status: int = 200) -> Response:
    return Response(_dumps(data), status_code=status, media_type="application/json")


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _check_metric(metric: str | None) -> None:
    if metric is not None and metric not in METRICS:
        raise HTTPException(422, f"unknown metric; one of {', '.join(METRICS)}")


def _page(request: Request, limit: int | None) -> int:
    settings = _service(request).settings
    n = settings.page_size if limit is None else limit
    return max(1, min(n, settings.max_page_size))


def _key(request: Request) -> str:
    return cache_key(request.url.path, request.scope.get("query_string", b"").decode("latin-1"))


def _check_series(svc: Service, actor: str | None, group: str | None) -> None:
    """422 unless an actor or a known group is given (issue 16)."""
    from tollwatch.errors import ConfigError
    from tollwatch.reconcile.group_series import parse_group
    from tollwatch.reconcile.groups import groups_for

    if not actor and not group:
        raise HTTPException(422, "give actor, group or both")
    if group is not None:
        try:
            parse_group(group, groups_for(svc.names.aliases_path))
        except ConfigError as e:
            raise HTTPException(422, str(e)) from e


def claim_detail(svc: Service, claim_id: int) -> dict[str, Any] | None:
    """Everything about one claim: effective fields, the extraction, every review, and
    the underlying claim it belongs to with all its reports."""
    report = svc.store.get_report(claim_id)
    if report is None:
        return None
    out = report_dict(report)
    extracted = svc.store.extracted(claim_id)
    out["extracted"] = extracted.to_dict() if extracted is not None else None
    out["reviews"] = [r.to_dict() for r in svc.store.reviews(claim_id)]
    if svc.view_current():
        from tollwatch.reconcile.stored import underlying_of

        out["underlying"] = underlying_of(svc.store, claim_id)
        return out
    snap = svc.snapshot()
    under = snap.by_claim_id.get(claim_id)
    out["underlying"] = timeline_item(under, snap.status) if under is not None else None
    from tollwatch.web.responses import figure_responses

    out["responses"] = figure_responses(svc, claim_id, under)
    return out


# ------------------------------------------------------------------------------- reading


@router.get("/health")
async def health(request: Request, warm: bool = False) -> dict[str, Any]:
    """Liveness; with ``warm=1`` waits until the reconciled view is built."""
    svc = _service(request)
    if warm and await run_in_threadpool(svc.view_current):
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
    _check_metric(metric)
    svc = _service(request)
    n = _page(request, limit)
    fp = svc.fingerprint()
    snap = svc.current

    def make() -> bytes:
        if snap is not None and snap.fingerprint == fp and not (origin or since or until):
            positions = svc.claim_positions(snap, actor, metric)
            page = ",".join(snap.report_json(p) for p in positions[offset:offset + n])
            return (f'{{"total":{len(positions)},"limit":{n},"offset":{offset},'
                    f'"items":[{page}]}}').encode()
        else:
            items = svc.store.reports(actor=actor, metric=metric, origin=origin, since=since,
                                      until=until, limit=n, offset=offset)
            total = svc.store.count_reports(actor=actor, metric=metric, origin=origin,
                                            since=since, until=until)
        return _dumps({"items": [report_dict(r) for r in items], "total": total,
                       "limit": n, "offset": offset})

    key = _key(request)
    fast = snap is not None and snap.fingerprint == fp and not (origin or since or until)
    if fast:
        body = svc.cached(key, fp, make)
    else:
        body = await run_in_threadpool(svc.cached, key, fp, make)
    return Response(body, media_type="application/json")


@router.get("/claims/{claim_id}")
def get_claim(request: Request, claim_id: int) -> Response:
    """One claim with its extraction, reviews and underlying claim."""
    out = claim_detail(_service(request), claim_id)
    if out is None:
        raise HTTPException(404, "no such claim")
    return _json(out)


@router.get("/documents", response_model=ItemPage)
def list_documents(
    request: Request,
    q: Annotated[str | None, Query(max_length=500, description="text to search for")] = None,
    limit: Annotated[int | None, Query(ge=1)] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """Stored documents, newest first; ``q`` keeps those whose text, title or id
    contains it."""
    svc = _service(request)
    n = _page(request, limit)
    items = svc.store.documents(q, limit=n, offset=offset)
    return _json({"items": [d.to_dict() for d in items], "total": svc.store.count_documents(q),
                  "limit": n, "offset": offset})


@router.get("/documents/{doc_id:path}")
def get_document(request: Request, doc_id: str) -> Response:
    """One document: its text, provenance and claims."""
    svc = _service(request)
    stored = svc.store.get_document(doc_id)
    if stored is None:
        raise HTTPException(404, "no such document")
    d = stored.document
    return _json({"id": d.id, "text": d.text, "published": d.published, "url": d.url,
                  "outlet": d.outlet, "title": d.title, "language": stored.language,
                  "fetched": stored.fetched.isoformat(), "source": stored.source,
                  "near_duplicate_of": stored.near_duplicate_of, "copies": stored.copies,
                  "claims": [report_dict(r) for r in svc.store.reports(doc_id=doc_id)]})


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
) -> Response:
    """The underlying claims about one actor and/or counting one group ("hostages",
    "captives", "child hostages", "hostages released") in date order, as ``tollwatch
    timeline`` (reviewers' corrections applied; rejected reports left out); ``limit`` at a
    time. At least one of ``actor`` and ``group``."""
    _check_metric(metric)
    svc = _service(request)
    _check_series(svc, actor, group)
    fp = svc.fingerprint()

    def make_stored() -> bytes:
        total, rows = svc.stored_timeline(actor, metric, limit, offset, group=group)
        head = json.dumps({"actor": svc.canonical_actor(actor) if actor else None,
                           "group": group, "total": total,
                           "limit": limit, "offset": offset, "stale": False},
                          ensure_ascii=False)
        return (head[:-1] + ',"items":[' + ",".join(rows) + "]}").encode("utf-8")

    if location is None and origin is None and await run_in_threadpool(svc.view_current, fp):
        # the store keeps a current view: read the actor's (or group's) claims from its index
        body = await run_in_threadpool(svc.cached, _key(request), fp, make_stored)
        return Response(body, media_type="application/json")

    def make() -> bytes:
        snap = svc.snapshot(fp)
        entries = svc.timeline(actor, metric=metric, location=location, origin=origin,
                               snap=snap, group=group)
        head = json.dumps({"actor": svc.canonical_actor(actor) if actor else None,
                           "group": group, "total": len(entries),
                           "limit": limit, "offset": offset,
                           "stale": snap.fingerprint != fp}, ensure_ascii=False)
        items = ",".join(snap.item_json(c) for c in entries[offset:offset + limit])
        return (head[:-1] + ',"items":[' + items + "]}").encode("utf-8")

    snap = svc.current
    if snap is not None and snap.fingerprint == fp:
        body = svc.cached(_key(request), fp, make)
    else:
        body = await run_in_threadpool(make)
    return Response(body, media_type="application/json")


@router.get("/series", response_model=ItemPage)
def series(request: Request, limit: Annotated[int, Query(ge=1, le=1000)] = 50,
           kind: Annotated[Literal["all", "actor", "group"], Query()] = "all") -> Response:
    """The busiest series (actor and metric; counted group and metric), by number of
    reports; each item's ``kind`` is "actor" or "group"."""
    from tollwatch.web.group_pages import busiest

    snap = _service(request).snapshot()
    items = busiest(snap, kind)
    return _json({"items": items[:limit], "total": len(items)})


@router.get("/sources", response_model=ItemPage)
def sources(request: Request) -> Response:
    """Every origin of reconciled claims, with its claims, reports and the names seen."""
    snap = _service(request).snapshot()
    return _json({"items": [s.to_dict() for s in snap.sources], "total": len(snap.sources)})


@router.get("/actors", response_model=ItemPage)
def actors(request: Request) -> Response:
    """Every actor of reconciled claims, with its claims, reports and metrics."""
    snap = _service(request).snapshot()
    return _json({"items": [a.to_dict() for a in snap.actors], "total": len(snap.actors)})


@router.get("/review-queue", response_model=ClaimPage)
def review_queue(request: Request, limit: Annotated[int | None, Query(ge=1)] = None,
                 offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    """Claims not yet reviewed, least confident first."""
    svc = _service(request)
    n = _page(request, limit)
    items = svc.store.review_queue(n, offset)
    return _json({"items": [report_dict(r) for r in items],
                  "total": svc.store.count_review_queue(), "limit": n, "offset": offset})


# ------------------------------------------------------------------------------- writing


@router.post("/documents", status_code=201, dependencies=[Depends(require_write)])
def post_document(request: Request, body: DocumentIn) -> Response:
    """Extract and store one article (its text, or fetched from ``url``)."""
    svc = _service(request)
    settings = svc.settings
    if body.id is not None and not _ID.match(body.id):
        raise HTTPException(422, "id: letters, digits and . _ : ~ - only")
    if body.text is None and body.url is None:
        raise HTTPException(422, "give text, or a url to fetch")
    doc: Document
    if body.text is not None:
        text = body.text
        source_url = body.url
        source = "api:" + content_hash(text)[:16]
    else:
        assert body.url is not None
        try:
            fetched = safe_fetch(body.url, settings)
        except FetchError as e:
            raise HTTPException(422, str(e)) from e
        from tollwatch.ingest.readers import read_bytes

        kind = "html" if (fetched.content_type or "").endswith(("html", "xml")) else "txt"
        got = next(iter(read_bytes(fetched.data, body.url, kind, "web")), None)
        if got is None or isinstance(got, InputError):
            raise HTTPException(422, str(got) if got else "nothing to read at the URL")
        text = got.text
        source_url = got.url or fetched.url
        source = fetched.url
        body = body.model_copy(update={
            "published": body.published or got.published, "outlet": body.outlet or got.outlet,
            "title": body.title or got.title})
    if not text.strip():
        raise HTTPException(422, "the text is empty")
    if len(text) > settings.max_text_chars:
        raise HTTPException(413, f"text over {settings.max_text_chars} characters")
    doc = Document(id=body.id or "web-" + content_hash(text)[:16], text=text,
                   published=body.published, url=source_url, outlet=body.outlet,
                   title=body.title)
    result, _claims = svc.add_document(doc, source)
    reports = svc.store.reports(doc_id=result.doc_id)
    return _json({"doc_id": result.doc_id, "outcome": result.outcome,
                  "duplicate_of": result.duplicate_of, "claims_added": result.claims_added,
                  "claims": [report_dict(r) for r in reports]}, 201)


@router.patch("/claims/{claim_id}", dependencies=[Depends(require_write)])
def patch_claim(request: Request, claim_id: int, body: ReviewIn) -> Response:
    """Review a claim: accepted or rejected, with corrected fields and a note. The
    extraction is kept; the latest review wins in every list, timeline and export."""
    svc = _service(request)
    corrections = body.corrections.model_dump(exclude_unset=True)
    try:
        review_id = svc.review(claim_id, body.status, corrections, body.note, body.reviewer)
    except KeyError as e:
        raise HTTPException(404, "no such claim") from e
    except ValueError as e:
        raise HTTPException(422, str(e)) from e
    out = claim_detail(svc, claim_id)
    assert out is not None
    out["review_id"] = review_id
    return _json(out)
