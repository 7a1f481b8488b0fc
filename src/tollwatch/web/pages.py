"""Server-rendered pages: overview, series (timeline chart), claim, document, sources,
search, review queue. Jinja2 with autoescaping on for every template: article text,
titles, names and URLs are untrusted and always escaped; links are only made of http(s)
URLs; chart data goes to the page as JSON inside a non-executed script element (Jinja's
``tojson`` escapes ``<``, ``>``, ``&`` and quotes)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from tollwatch.model import METRICS, Report
from tollwatch.reconcile.underlying import format_figure
from tollwatch.store import CORRECTABLE_FIELDS
from tollwatch.web.security import TOKEN_COOKIE, safe_link
from tollwatch.web.service import Service, timeline_item

__all__ = ["Segment", "highlight", "router", "templates"]

router = APIRouter(include_in_schema=False)


def _figure(r: Report) -> str:
    c = r.claim
    return format_figure(c.value, c.low, c.high, c.qualifier)


def _env() -> Environment:
    from tollwatch.web.app import TEMPLATES

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["link"] = safe_link
    env.filters["figure"] = _figure
    env.globals["METRICS"] = METRICS
    return env


templates = _env()


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of document text, with the claims whose quote covers it (none: plain)."""

    text: str
    claims: tuple[int, ...] = ()
    focus: bool = False


def highlight(text: str, spans: list[tuple[int, int, int]], focus: int | None = None
              ) -> list[Segment]:
    """``text`` cut at every claim span (start, end, claim id); each piece carries the
    claims covering it. Offsets outside the text are clipped."""
    n = len(text)
    cuts = {0, n}
    for s, e, _ in spans:
        cuts.add(max(0, min(n, s)))
        cuts.add(max(0, min(n, e)))
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in pairwise(points):
        if a == b:
            continue
        ids = tuple(cid for s, e, cid in spans if s <= a and b <= e)
        out.append(Segment(text[a:b], ids, focus is not None and focus in ids))
    return out


def _service(request: Request) -> Service:
    svc: Service = request.app.state.service
    return svc


def _render(request: Request, template: str, status: int = 200,
            **context: Any) -> HTMLResponse:
    html = templates.get_template(template).render(request_path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    svc = _service(request)
    snap = svc.snapshot()
    stats = svc.store.stats()
    from tollwatch.web.group_pages import busiest  # issue 16: group series among them

    return _render(request, "index.html", latest=svc.store.latest_reports(20),
                   series=busiest(snap)[:15], stats=stats,
                   queue=svc.store.count_review_queue())


@router.get("/series", response_class=HTMLResponse)
def series_page(request: Request,
                actor: Annotated[str | None, Query(min_length=1, max_length=512)] = None,
                metric: Annotated[str | None, Query(max_length=32)] = None,
                group: Annotated[str | None, Query(min_length=1, max_length=512)] = None,
                own_voice: Annotated[Literal["hide", "show", "only"], Query()] = "hide",
                ) -> HTMLResponse:
    from tollwatch.web.group_pages import series_query

    svc = _service(request)
    if metric is not None and metric not in METRICS:
        raise HTTPException(422, "unknown metric")
    if group is not None or actor is None:  # issue 16: a counted group's series
        from tollwatch.web.api_common import check_series as _check_series

        _check_series(svc, actor, group)
    snap = svc.snapshot()
    entries = svc.timeline(actor, metric=metric, snap=snap, group=group, voice=own_voice)
    items = [timeline_item(c, snap.status) for c in entries]
    canonical = svc.canonical_actor(actor) if actor else None
    if group is not None:
        every = svc.timeline(actor, snap=snap, group=group, voice=own_voice)
        metrics = sorted({c.metric for c in every})
    elif own_voice == "hide":  # the series list counts what the default shows
        metrics = sorted({s.metric for s in snap.series if s.actor == canonical})
    else:
        metrics = sorted({c.metric for c in svc.timeline(actor, snap=snap, voice=own_voice)})
    title = ", ".join(x for x in (canonical, group) if x)
    from tollwatch.web.responses import series_marks

    marks = series_marks(svc, entries)
    return _render(request, "series.html", actor=title, given=actor, metric=metric,
                   items=items, metrics=metrics, marks=marks,
                   base=series_query(actor=actor, group=group, own_voice=own_voice),
                   group=group, own_voice=own_voice,
                   voice_links=[(v, series_query(actor=actor, group=group, metric=metric,
                                                 own_voice=v)) for v in ("hide", "show", "only")],
                   chart={"actor": canonical, "group": group, "metric": metric,
                          "items": items, "responses": marks})


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: int) -> HTMLResponse:
    from tollwatch.web.api_common import claim_detail
    from tollwatch.web.reasons import explain

    svc = _service(request)
    detail = claim_detail(svc, claim_id)
    if detail is None:
        return _render(request, "missing.html", 404, what="claim")
    stored = svc.store.get_document(detail["doc_id"])
    text = stored.document.text if stored is not None else ""
    segments = highlight(text, [(detail["start"], detail["end"], claim_id)], focus=claim_id)
    return _render(request, "claim.html", c=detail, segments=segments,
                   fields=CORRECTABLE_FIELDS, under=detail["underlying"],
                   reasons=explain(detail.get("attribution")))


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    svc = _service(request)
    stored = svc.store.get_document(doc_id)
    if stored is None:
        return _render(request, "missing.html", 404, what="document")
    reports = svc.store.reports(doc_id=doc_id)
    spans = [(r.claim.start, r.claim.end, r.claim_id) for r in reports]
    return _render(request, "document.html", doc=stored.document, stored=stored,
                   reports=reports, segments=highlight(stored.document.text, spans))


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request) -> HTMLResponse:
    snap = _service(request).snapshot()
    return _render(request, "sources.html", sources=snap.sources, actors=snap.actors)


@router.get("/source", response_class=HTMLResponse)
def source_page(request: Request,
                name: Annotated[str, Query(min_length=1, max_length=512)]) -> HTMLResponse:
    svc = _service(request)
    snap = svc.snapshot()
    claims = svc.by_origin(name, snap)
    info = next((s for s in snap.sources if s.name == name), None)
    return _render(request, "source.html", name=name, info=info,
                   items=[timeline_item(c, snap.status) for c in claims])


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request,
                q: Annotated[str, Query(max_length=500)] = "",
                offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    svc = _service(request)
    q = q.strip()
    docs = svc.store.documents(q, limit=50, offset=offset) if q else []
    total = svc.store.count_documents(q) if q else 0
    snap = svc.snapshot()
    needle = q.casefold()
    actors = [a for a in snap.actors if needle and needle in a.name.casefold()][:20]
    sources = [s for s in snap.sources if needle and (
        needle in s.name.casefold() or any(needle in a.casefold() for a in s.aliases))][:20]
    return _render(request, "search.html", q=q, docs=docs, total=total, offset=offset,
                   actors=actors, sources=sources)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    svc = _service(request)
    return _render(request, "review.html", items=svc.store.review_queue(100, offset),
                   total=svc.store.count_review_queue(), offset=offset)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    return _render(request, "login.html", failed=False)


@router.post("/login")
def login(request: Request, token: Annotated[str, Form(max_length=1000)]) -> Response:
    """Set the read cookie on a server whose reads need the token (not loopback)."""
    from tollwatch.web.security import _token_matches

    settings = _service(request).settings
    if not _token_matches(token, settings.token):
        return _render(request, "login.html", 403, failed=True)
    resp = RedirectResponse("/", status_code=303)
    resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict",
                    secure=request.url.scheme == "https")
    return resp
