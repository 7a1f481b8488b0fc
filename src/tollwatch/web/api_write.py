"""The REST API's writes: ``POST /documents`` (extract and store an article, given or
fetched) and ``PATCH /claims/{id}`` (a review). Both need ``Authorization: Bearer <token>``
(``security.require_write``); ``api.router`` includes these under ``/api/v1``."""

from __future__ import annotations

import re

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response

from tollwatch.errors import FetchError, InputError
from tollwatch.ingest.dedup import content_hash
from tollwatch.model import Document
from tollwatch.web.api_common import claim_detail, json_response, service_of
from tollwatch.web.api_models import DocumentIn, ReviewIn
from tollwatch.web.security import require_write, safe_fetch
from tollwatch.web.service import report_dict

__all__ = ["router"]

router = APIRouter()

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:~-]{0,254}$")


@router.post("/documents", status_code=201, dependencies=[Depends(require_write)])
def post_document(request: Request, body: DocumentIn) -> Response:
    """Extract and store one article (its text, or fetched from ``url``)."""
    svc = service_of(request)
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
    return json_response({"doc_id": result.doc_id, "outcome": result.outcome,
                          "duplicate_of": result.duplicate_of,
                          "claims_added": result.claims_added,
                          "claims": [report_dict(r) for r in reports]}, 201)


@router.patch("/claims/{claim_id}", dependencies=[Depends(require_write)])
def patch_claim(request: Request, claim_id: int, body: ReviewIn) -> Response:
    """Review a claim: accepted or rejected, with corrected fields and a note. The
    extraction is kept; the latest review wins in every list, timeline and export."""
    svc = service_of(request)
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
    return json_response(out)
