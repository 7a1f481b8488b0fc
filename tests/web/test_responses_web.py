"""Responses in the API, on the claim page and on the series chart (real store, real
server on loopback, real Extractor; invented articles)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tollwatch.extract import EXTRACTOR_VERSION
from tollwatch.model import Document
from tollwatch.store import Store

from .conftest import make_client, serving

DOCS = [
    Document(id="chad-1", published="2025-02-10", outlet="Desert Wire",
             text="Some 2,000 Chadian troops were sent to the border, a Sudanese official "
                  "said on Monday. Chad has neither confirmed nor denied the deployment."),
    Document(id="chad-2", published="2025-02-12", outlet="Lake Post",
             text="Some 2,000 Chadian troops were sent to the border, a Sudanese official "
                  "said on Monday. The Chadian army denied the reports on Tuesday."),
    Document(id="mali-1", published="2025-02-11", outlet="Desert Wire",
             text="Rebels said 12 Malian soldiers were captured near the river. "
                  "A spokesman for the Malian army declined to comment on the claim."),
]


@pytest.fixture(scope="module")
def resp_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    from tollwatch.extract import Extractor

    ex = Extractor()
    path = tmp_path_factory.mktemp("respdb") / "r.db"
    with Store.open(str(path)) as store:
        for d in DOCS:
            store.add_document(d, ex.extract(d), EXTRACTOR_VERSION, source=d.id)
    return str(path)


@pytest.fixture
def rclient(resp_db: str, tmp_path: Path) -> Iterator[httpx.Client]:
    import shutil

    db = tmp_path / "r.db"
    shutil.copy(resp_db, db)
    with make_client(str(db)) as c:
        yield c


def test_list_and_filters(rclient: httpx.Client) -> None:
    body = rclient.get("/api/v1/responses").json()
    assert body["total"] == 3
    kinds = [(r["kind"], r["day"]) for r in body["items"]]
    assert kinds == [("neither", "2025-02-10"), ("denied", "2025-02-11"),
                     ("no_comment", "2025-02-11")]  # a day's responses in stored order
    neither = body["items"][0]
    assert neither["label"] == "Chad: neither confirmed nor denied, 2025-02-10"
    assert [(a["metric"], a["value"], a["doc_id"]) for a in neither["answers"]] == [
        ("deployed", 2000, "chad-1")]
    assert rclient.get("/api/v1/responses", params={"kind": "denied"}).json()["total"] == 1
    by_actor = rclient.get("/api/v1/responses", params={"actor": "Mali"}).json()
    assert [r["kind"] for r in by_actor["items"]] == ["no_comment"]
    by_resp = rclient.get("/api/v1/responses", params={"responder": "Chad"}).json()
    assert [r["kind"] for r in by_resp["items"]] == ["neither"]
    assert rclient.get("/api/v1/responses", params={"kind": "shrug"}).status_code == 422
    page = rclient.get("/api/v1/responses", params={"limit": 1, "offset": 1}).json()
    assert [r["kind"] for r in page["items"]] == ["denied"]


def _deployed_claim(client: httpx.Client, doc_id: str) -> int:
    items = client.get("/api/v1/claims", params={"actor": "Chad",
                                                 "metric": "deployed"}).json()["items"]
    return int(next(c["claim_id"] for c in items if c["doc_id"] == doc_id))


def test_claim_page_shows_the_responses_to_its_figure(rclient: httpx.Client) -> None:
    cid = _deployed_claim(rclient, "chad-2")
    detail = rclient.get(f"/api/v1/claims/{cid}").json()
    # the figure's other report (chad-1) was answered too: reconciliation brings it here
    assert [r["kind"] for r in detail["responses"]] == ["neither", "denied"]
    html = rclient.get(f"/claims/{cid}").text
    assert "Chad: neither confirmed nor denied, 2025-02-10" in html
    assert "denied, 2025-02-11" in html


def test_series_page_carries_marks(rclient: httpx.Client) -> None:
    html = rclient.get("/series", params={"actor": "Chad"}).text
    assert '"responses": [' in html or '"responses":[' in html
    assert "Chad: neither confirmed nor denied, 2025-02-10" in html


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is absent")
def test_chart_draws_a_mark_per_response(resp_db: str, tmp_path: Path) -> None:
    import shutil

    from playwright.sync_api import sync_playwright

    db = tmp_path / "r.db"
    shutil.copy(resp_db, db)
    errors: list[Any] = []
    with serving(str(db)) as base, tempfile.TemporaryDirectory() as profile, \
            sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            pg = ctx.new_page()
            pg.on("pageerror", lambda e: errors.append(e))
            pg.goto(f"{base}/series?actor=Chad&metric=deployed")
            pg.wait_for_selector("#chart[data-ready='1']")
            assert pg.get_attribute("#chart", "data-responses") == "2"
            marks = pg.locator("#chart .response-mark")
            assert marks.count() == 2
            marks.first.focus()
            assert "neither confirmed nor denied" in (pg.text_content("#tooltip") or "")
        finally:
            ctx.close()
    assert not errors
