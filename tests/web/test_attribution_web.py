"""Why a claim has its source: in the REST API's claim endpoints and on the claim page."""

from __future__ import annotations

from typing import Any

import httpx

from tollwatch.model import Claim, Document
from tollwatch.store import Store

from .conftest import make_client

HOWS = {"verb", "according_to", "chain", "quote", "reference", "continued", "headline",
        "repeat", "own_voice"}


def test_claim_endpoints_return_the_attribution(client: httpx.Client) -> None:
    items = client.get("/api/v1/claims", params={"limit": 100}).json()["items"]
    assert items
    for item in items:
        assert item["attribution"] is not None and item["attribution"]["how"] in HOWS
    cid = items[0]["claim_id"]
    one = client.get(f"/api/v1/claims/{cid}").json()
    assert one["attribution"] == items[0]["attribution"]
    assert one["extracted"]["attribution"] == items[0]["attribution"]
    spec = client.get("/api/v1/openapi.json").json()
    assert "attribution" in spec["components"]["schemas"]["ClaimOut"]["properties"]


def test_the_claim_page_says_why_and_escapes_the_reason(db: str, extractor: Any) -> None:
    hostile = {"how": "<script>alert(1)</script>", "from": 0, "date_how": "<b>x</b>"}
    with Store.open(db) as store:
        store.add_document(
            Document(id="why-1", text="Gunmen killed 5 guards, the county sheriff said."),
            [Claim(metric="killed", value=5, origin=["county sheriff"], quote="q", start=0,
                   end=47, attribution=hostile)], "test")
        cid = next(r.claim_id for r in store.reports(doc_id="why-1"))
        verb_id = next(r.claim_id for r in store.reports()
                       if r.claim.attribution and r.claim.attribution.get("how") == "verb")
    with make_client(db, extractor) as client:
        page = client.get(f"/claims/{cid}").text
        assert "<script>alert(1)</script>" not in page and "<b>x</b>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        shown = client.get(f"/claims/{verb_id}").text
        assert 'id="attribution"' in shown
        assert "named with a reporting verb in its sentence" in shown
