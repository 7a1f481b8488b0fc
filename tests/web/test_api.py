"""The REST API and pages against a real SQLite store of invented articles."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from tollwatch.cli import app as cli_app
from tollwatch.model import Claim, Document
from tollwatch.store import Store
from tollwatch.web.security import is_public_address, safe_link

from .articles import ARTICLES, HOSTILE
from .conftest import TOKEN, make_client

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _claim_id(client: httpx.Client, **params: Any) -> int:
    items = client.get("/api/v1/claims", params=params).json()["items"]
    assert items, params
    return int(items[0]["claim_id"])


# ------------------------------------------------------------------------------ reading


def test_the_server_answers_the_main_routes(client: httpx.Client) -> None:
    assert client.get("/").status_code == 200
    claims = client.get("/api/v1/claims").json()
    assert claims["total"] == len(claims["items"]) >= 7
    docs = client.get("/api/v1/documents").json()
    assert docs["total"] == len(ARTICLES) + 1
    for d in docs["items"]:
        assert client.get(f"/documents/{d['doc_id']}").status_code == 200
    spec = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/claims", "/api/v1/claims/{claim_id}", "/api/v1/documents",
                 "/api/v1/documents/{doc_id}", "/api/v1/timeline", "/api/v1/sources",
                 "/api/v1/actors"):
        assert path in spec["paths"], path
    assert "patch" in spec["paths"]["/api/v1/claims/{claim_id}"]
    assert "post" in spec["paths"]["/api/v1/documents"]


def test_claims_filters_and_pages(client: httpx.Client) -> None:
    russia = client.get("/api/v1/claims", params={"actor": "Russia"}).json()
    assert russia["total"] == 4
    assert {c["actor"] for c in russia["items"]} == {"Russia"}
    killed = client.get("/api/v1/claims", params={"actor": "russia", "metric": "killed"}).json()
    assert [c["value"] for c in killed["items"]] == [240, 310, 400, 75]
    isw = client.get("/api/v1/claims",
                     params={"origin": "Institute for the Study of War"}).json()
    assert [c["value"] for c in isw["items"]] == [400]
    feb = client.get("/api/v1/claims", params={"since": "2025-02-09",
                                               "until": "2025-02-12"}).json()
    assert {c["doc_id"] for c in feb["items"]} == {"web-a2"}
    page = client.get("/api/v1/claims", params={"actor": "Russia", "limit": 2,
                                                "offset": 2}).json()
    assert page["total"] == 4 and [c["value"] for c in page["items"]] == [400, 75]
    assert client.get("/api/v1/claims", params={"metric": "eaten"}).status_code == 422
    assert client.get("/api/v1/claims", params={"since": "yesterday"}).status_code == 422
    # the same answers once the reconciled view is built (the in-memory path)
    client.get("/api/v1/timeline", params={"actor": "Russia"})
    again = client.get("/api/v1/claims", params={"actor": "Russia", "limit": 2,
                                                 "offset": 2}).json()
    assert again == page


def test_claim_and_document_detail(client: httpx.Client) -> None:
    cid = _claim_id(client, metric="captured")
    c = client.get(f"/api/v1/claims/{cid}").json()
    assert c["value"] == 45 and c["doc_id"] == "web-a2" and c["status"] is None
    assert c["extracted"]["value"] == 45 and c["reviews"] == []
    assert c["underlying"]["reports"][0]["claim_id"] == cid
    assert client.get("/api/v1/claims/999999").status_code == 404
    d = client.get("/api/v1/documents/web-a2").json()
    assert d["text"] == ARTICLES[1].text and len(d["claims"]) == 2
    assert client.get("/api/v1/documents/nope").status_code == 404
    assert client.get("/claims/999999").status_code == 404


def test_document_search(client: httpx.Client) -> None:
    found = client.get("/api/v1/documents", params={"q": "MARKET"}).json()
    assert [d["doc_id"] for d in found["items"]] == ["web-a3"] and found["total"] == 1
    assert client.get("/api/v1/documents", params={"q": "100%"}).json()["total"] == 0
    assert client.get("/api/v1/documents", params={"q": "_"}).json()["total"] == 0
    page = client.get("/search", params={"q": "crossing"})
    assert page.status_code == 200 and "Clashes near the river crossing" in page.text


def test_timeline_sources_actors(client: httpx.Client) -> None:
    tl = client.get("/api/v1/timeline", params={"actor": "Russian", "metric": "killed"}).json()
    assert tl["actor"] == "Russia" and tl["stale"] is False
    dates = [c["date"] for c in tl["items"]]
    assert dates == sorted(dates) and len(tl["items"]) == tl["total"] == 4
    origins = {c["origin"] for c in tl["items"]}
    assert len(origins) == 3
    assert all(c["reports"][0]["quote"] for c in tl["items"])
    assert client.get("/api/v1/timeline").status_code == 422
    sources = client.get("/api/v1/sources").json()
    assert sources["total"] == len(sources["items"]) >= 3
    actors = client.get("/api/v1/actors").json()
    assert "Russia" in {a["name"] for a in actors["items"]}
    series = client.get("/api/v1/series").json()["items"]
    assert series[0]["actor"] == "Russia" and series[0]["metric"] == "killed"
    for path in ("/sources", "/source?name=Institute+for+the+Study+of+War",
                 "/series?actor=Russia&metric=killed", "/review", "/search?q=shell"):
        assert client.get(path).status_code == 200, path


# ------------------------------------------------------------------------------ writing


def test_writes_need_the_token(db: str, extractor: Any) -> None:
    body = {"text": "Officials said 30 Ruritanian soldiers were captured on Monday.",
            "published": "2025-03-01"}
    with make_client(db, extractor) as c:
        assert c.post("/api/v1/documents", json=body).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert c.post("/api/v1/documents", json=body, headers=wrong).status_code == 403
        assert c.patch("/api/v1/claims/1", json={"status": "accepted"}).status_code == 401
        assert c.patch("/api/v1/claims/1", json={"status": "accepted"},
                       headers=wrong).status_code == 403
        # a cookie never authorises a write
        c.cookies.set("tollwatch_token", TOKEN)
        assert c.post("/api/v1/documents", json=body).status_code == 401
        c.cookies.clear()
        r = c.post("/api/v1/documents", json=body, headers=AUTH)
        assert r.status_code == 201, r.text
        out = r.json()
        assert out["outcome"] == "new" and out["claims"][0]["value"] == 30
        again = c.post("/api/v1/documents", json=body, headers=AUTH).json()
        assert again["outcome"] in ("seen", "duplicate")
        assert c.post("/api/v1/documents", json={"text": "  "}, headers=AUTH).status_code == 422
        assert c.post("/api/v1/documents", json={}, headers=AUTH).status_code == 422
        assert c.post("/api/v1/documents", json={"text": "x", "id": "../etc"},
                      headers=AUTH).status_code == 422
    with make_client(db, extractor, token=None) as c:
        assert c.post("/api/v1/documents", json=body, headers=AUTH).status_code == 403
        assert c.patch("/api/v1/claims/1", json={"status": "accepted"},
                       headers=AUTH).status_code == 403


def test_reviews_are_kept_beside_the_extraction_and_win(client: httpx.Client, db: str) -> None:
    cid = _claim_id(client, origin="Institute for the Study of War")
    bad = client.patch(f"/api/v1/claims/{cid}", headers=AUTH,
                       json={"status": "accepted", "corrections": {"quote": "x"}})
    assert bad.status_code == 422
    assert client.patch(f"/api/v1/claims/{cid}", headers=AUTH,
                        json={"status": "maybe"}).status_code == 422
    assert client.patch("/api/v1/claims/999999", headers=AUTH,
                        json={"status": "accepted"}).status_code == 404
    r = client.patch(f"/api/v1/claims/{cid}", headers=AUTH, json={
        "status": "accepted", "corrections": {"value": 420, "qualifier": "exact"},
        "note": "the figure is 420 in the update", "reviewer": "ana"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["status"] == "accepted" and out["value"] == 420
    assert out["extracted"]["value"] == 400 and out["extracted"]["qualifier"] == "min"
    assert out["reviews"][-1]["note"] == "the figure is 420 in the update"
    listed = client.get("/api/v1/claims", params={"actor": "Russia", "metric": "killed"})
    assert 420 in [c["value"] for c in listed.json()["items"]]
    tl = client.get("/api/v1/timeline", params={"actor": "Russia", "metric": "killed"}).json()
    figures = {c["figure"]: c for c in tl["items"]}
    assert "420" in figures and "\u2265400" not in figures
    assert figures["420"]["reports"][0]["status"] == "accepted"
    # the extraction itself is untouched in the database
    with Store.open(db) as store:
        extracted = store.extracted(cid)
        assert extracted is not None and extracted.value == 400
    # a rejection takes the claim out of the timeline
    client.patch(f"/api/v1/claims/{cid}", headers=AUTH, json={"status": "rejected"})
    tl = client.get("/api/v1/timeline", params={"actor": "Russia", "metric": "killed"}).json()
    assert all(r["claim_id"] != cid for c in tl["items"] for r in c["reports"])


def test_review_queue_puts_low_confidence_first(db: str, extractor: Any) -> None:
    doc = Document(id="conf", text="Sixty were killed. Nine were injured.",
                   published="2025-01-01")
    with Store.open(db) as store:
        store.add_document(doc, [
            Claim("killed", 60, quote="Sixty were killed.", start=0, end=18, confidence=0.9),
            Claim("injured", 9, quote="Nine were injured.", start=19, end=37,
                  confidence=0.05)], "test")
    with make_client(db, extractor) as c:
        q = c.get("/api/v1/review-queue").json()
        confidences = [i["confidence"] for i in q["items"]]
        assert confidences[0] == 0.05 and confidences == sorted(confidences)
        first = q["items"][0]["claim_id"]
        c.patch(f"/api/v1/claims/{first}", headers=AUTH, json={"status": "rejected"})
        after = c.get("/api/v1/review-queue").json()
        assert after["total"] == q["total"] - 1
        assert first not in [i["claim_id"] for i in after["items"]]
        page = c.get("/review").text
        assert "Sixty were killed" in page and "Nine were injured" not in page


# ------------------------------------------------------------------------------- safety

_HOSTILE_RAW = ["<script>alert", "<img src=x", "<iframe", "<svg onload", 'href="javascript:',
                "onerror=alert(\"", "<a href=\"javascript"]


def _assert_escaped(html: str) -> None:
    for raw in _HOSTILE_RAW:
        assert raw not in html, raw
    # the only scripts are the server's own files
    for src in re.findall(r"<script\b([^>]*)>", html):
        assert 'src="/static/' in src or 'type="application/json"' in src, src


def test_hostile_article_text_is_escaped_everywhere(client: httpx.Client) -> None:
    hostile = client.get("/api/v1/claims", params={"origin": "regional governor"}).json()
    cid = hostile["items"][0]["claim_id"]
    pages = ["/", f"/documents/{HOSTILE.id}", f"/claims/{cid}", "/search?q=script",
             "/search?q=<script>alert(1)</script>", "/series?actor=Russia&metric=killed",
             "/series?actor=Russia", "/sources", "/review",
             "/source?name=<script>alert(1)</script>"]
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, path
        _assert_escaped(r.text)
    doc = client.get(f"/documents/{HOSTILE.id}").text
    assert "&lt;script&gt;alert(&#34;text&#34;)&lt;/script&gt;" in doc
    assert "&lt;img src=x onerror=alert(&#34;title&#34;)&gt;" in doc
    assert 'href="javascript' not in doc
    series = client.get("/series?actor=Russia&metric=killed").text
    data = series.split('id="series-data">')[1].split("</script>")[0]
    assert "<" not in data and ">" not in data
    assert json.loads(data)["items"]


def test_pages_load_nothing_from_elsewhere(client: httpx.Client) -> None:
    cid = _claim_id(client)
    for path in ("/", f"/claims/{cid}", "/documents/web-a1", "/series?actor=Russia",
                 "/sources", "/review", "/search?q=river"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        for tag, attr, url in re.findall(
                r"<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?"
                r"\b(src|href|data)=\"([^\"]*)\"", r.text):
            assert url.startswith("/") and not url.startswith("//") or url.startswith(
                "data:"), (path, tag, attr, url)
    for name in ("chart.js", "review.js", "style.css"):
        body = client.get(f"/static/{name}").text
        assert "http://" not in body.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in body and "@import" not in body


def test_request_size_and_host_limits(db: str, extractor: Any) -> None:
    with make_client(db, extractor, max_body_bytes=1000, max_text_chars=200) as c:
        big = {"text": "x" * 5000}
        assert c.post("/api/v1/documents", json=big, headers=AUTH).status_code == 413
        long_text = {"text": "Officials said 3 soldiers were killed. " * 10}
        assert c.post("/api/v1/documents", json=long_text, headers=AUTH).status_code == 413
        r = c.get("/api/v1/claims", headers={"Host": "evil.example"})
        assert r.status_code == 400


class _Article(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = (b"<html lang='en'><head><title>Night raid</title></head><body><article>"
                b"<h1>Night raid</h1><p>The district police said on Wednesday that 14 "
                b"protesters were detained after the night raid on the square.</p>"
                b"<p>Relatives gathered outside the station until the morning.</p>"
                b"</article></body></html>")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def article_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Article)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/story"
    finally:
        server.shutdown()
        server.server_close()


def test_url_fetches_refuse_private_addresses(db: str, extractor: Any,
                                              article_server: str) -> None:
    with make_client(db, extractor) as c:
        for url in (article_server, "http://localhost:9/x", "http://10.1.2.3/x",
                    "http://169.254.169.254/latest/meta-data", "http://[::1]:9/",
                    "file:///etc/passwd", "http://user:pw@example.com/"):
            r = c.post("/api/v1/documents", json={"url": url}, headers=AUTH)
            assert r.status_code == 422, (url, r.text)
        assert "refused" in c.post("/api/v1/documents", json={"url": article_server},
                                   headers=AUTH).json()["detail"]
    with make_client(db, extractor, allow_private_fetch=True) as c:
        r = c.post("/api/v1/documents", json={"url": article_server, "published": "2025-04-02"},
                   headers=AUTH)
        assert r.status_code == 201, r.text
        claims = r.json()["claims"]
        assert [(x["metric"], x["value"]) for x in claims] == [("detained", 14)]


def test_address_and_link_checks() -> None:
    for a in ("127.0.0.1", "10.0.0.1", "192.168.1.1", "172.16.0.1", "169.254.169.254",
              "::1", "fe80::1", "::ffff:127.0.0.1", "0.0.0.0", "100.64.0.1", "fc00::1"):
        assert not is_public_address(a), a
    assert is_public_address("93.184.216.34") and is_public_address("2606:4700::1111")
    assert safe_link("https://a.example/x") == "https://a.example/x"
    for bad in ("javascript:alert(1)", "data:text/html,x", "//evil.example", " vbscript:x",
                None, ""):
        assert safe_link(bad) is None


def test_reads_need_the_token_off_loopback(db: str, extractor: Any) -> None:
    with make_client(db, extractor, public_reads=False) as c:
        assert c.get("/api/v1/claims").status_code == 401
        assert c.get("/").status_code == 401
        assert c.get("/api/v1/claims", headers=AUTH).status_code == 200
        assert c.get("/static/style.css").status_code == 200
        assert c.post("/login", data={"token": "nope"}).status_code == 403
        r = c.post("/login", data={"token": TOKEN}, follow_redirects=False)
        assert r.status_code == 303
        assert c.get("/").status_code == 200


# ------------------------------------------------------------------------------ commands


def test_export_gold_writes_reviewed_documents(client: httpx.Client, db: str,
                                               tmp_path: Path) -> None:
    captured = _claim_id(client, metric="captured")
    client.patch(f"/api/v1/claims/{captured}", headers=AUTH, json={
        "status": "accepted", "corrections": {"value": 46}})
    runner = CliRunner()
    out = tmp_path / "gold.jsonl"
    res = runner.invoke(cli_app, ["export-gold", str(out), "--db", db])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["web-a2"]
    rec = lines[0]
    assert list(rec) == ["id", "url", "outlet", "published", "text", "claims"]
    assert rec["text"] == ARTICLES[1].text
    assert list(rec["claims"][0]) == ["metric", "value", "low", "high", "qualifier", "subject",
                                      "actor", "civilian", "location", "origin", "speaker",
                                      "date", "stance", "quote"]
    assert sorted(c["value"] for c in rec["claims"]) == [46, 310]
    res = runner.invoke(cli_app, ["export-gold", str(out), "--db", db, "--complete-only"])
    assert res.exit_code == 0 and out.read_text("utf-8") == ""
    res = runner.invoke(cli_app, ["export-gold", str(out), "--db", db])
    ev = runner.invoke(cli_app, ["eval", str(out), "--json"])
    assert ev.exit_code == 0, ev.output


def test_serve_stays_on_loopback_unless_asked() -> None:
    res = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0"])
    assert res.exit_code == 2 and "loopback" in res.output
