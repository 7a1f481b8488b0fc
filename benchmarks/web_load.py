"""Load test of the web API on loopback: p95 latency of claims and timeline queries.

    python benchmarks/web_load.py [--claims 100000] [--clients 50] [--requests 4000]
                                  [--seconds 60] [--workers 0] [--db PATH]

Builds (or reuses) a synthetic store of ``--claims`` claims (invented figures about 60
actors from 40 origins over three years; bulk-inserted, no extraction), starts
``tollwatch serve`` on a free 127.0.0.1 port, waits until the reconciled view is built,
then runs ``--clients`` concurrent clients (keep-alive HTTP/1.1 on asyncio streams, or
``--client httpx`` for httpx's AsyncClient), each looping over
``GET /api/v1/claims?actor=...`` and ``GET /api/v1/timeline?actor=...`` with actors drawn
from the store (Zipf-weighted, so busy actors come up more often, and varying page offsets)
until ``--requests`` requests are done or ``--seconds`` pass. A request counts as an error
unless it answers 200 with an ``items`` list (one answer in 25 is parsed whole, after its
latency is taken, so that the client's JSON parsing does not crowd the server's 2 CPUs). Prints one JSON line per
endpoint (count, errors, p50/p95/p99/max ms, requests/s) and a summary, and writes them to
``--out`` (default benchmarks/web_load.json). Loopback only: the URL is always 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ["Russia", "Ukraine", "Israel", "Sudan", "Myanmar", "Ethiopia", "Yemen", "Syria",
          "Somalia", "Mali", "Nigeria", "Colombia", "Mexico", "Iraq", "Afghanistan",
          "Pakistan", "India", "Armenia", "Azerbaijan", "Lebanon", "Libya", "Chad", "Niger",
          "Burkina Faso", "Mozambique", "Cameroon", "Kenya", "Uganda", "Rwanda", "Burundi",
          "Haiti", "Venezuela", "Peru", "Philippines", "Thailand", "Indonesia", "Iran",
          "Turkey", "Egypt", "Tunisia", "Algeria", "Morocco", "Georgia", "Moldova",
          "Belarus", "Kazakhstan", "Tajikistan", "Kyrgyzstan", "Bangladesh", "Nepal",
          "Sri Lanka", "Cambodia", "Laos", "Vietnam", "Eritrea", "Djibouti", "Benin", "Togo",
          "Ghana", "Senegal"]
ORIGINS = [f"{a} Ministry of Defence" for a in ACTORS[:20]] + [
    f"Monitor Group {i}" for i in range(1, 21)]
METRICS = ["killed", "injured", "captured", "missing", "displaced", "detained"]


def build(db: str, n_claims: int, per_doc: int = 5, seed: int = 7) -> dict[str, Any]:
    """Bulk-load a synthetic store (reused when it already holds ``n_claims``)."""
    from sqlalchemy import func, insert, select, text

    from tollwatch.store import Store, fold
    from tollwatch.store.schema import (
        AliasRow,
        ClaimRow,
        ClaimSourceRow,
        DocumentCopyRow,
        DocumentRow,
        NameRow,
    )

    rng = random.Random(seed)
    now = datetime.now(UTC)
    day0 = date(2023, 1, 1)
    with Store.open(db) as store, store.engine.begin() as conn:
        have = conn.execute(select(func.count(ClaimRow.id))).scalar_one()
        if have >= n_claims:
            return {"reused": True, "claims": have}
        names = [("actor", a) for a in ACTORS] + [("source", o) for o in ORIGINS]
        conn.execute(insert(NameRow), [{"id": i + 1, "kind": k, "canonical": fold(n, k)}
                                       for i, (k, n) in enumerate(names)])
        conn.execute(insert(AliasRow), [{"id": i + 1, "name_id": i + 1, "kind": k, "alias": n}
                                        for i, (k, n) in enumerate(names)])
        alias = {n: i + 1 for i, (_, n) in enumerate(names)}
        weights = [1 / (k + 1) for k in range(len(ACTORS))]
        n_docs = n_claims // per_doc
        claim_id = 0
        for start in range(0, n_docs, 4000):
            docs, claims, links = [], [], []
            for d in range(start, min(n_docs, start + 4000)):
                published = (day0 + timedelta(days=rng.randrange(1095))).isoformat()
                sentences, spans = [], []
                picks = []
                for _ in range(per_doc):
                    actor = rng.choices(ACTORS, weights)[0]
                    origin = rng.choice(ORIGINS[:8] if rng.random() < 0.7 else ORIGINS)
                    metric = rng.choice(METRICS)
                    value = rng.randrange(10, 400) * 10
                    s = (f"The {origin} said {value:,} people from {actor} were counted as "
                         f"{metric} in the latest figures.")
                    pos = sum(len(x) + 1 for x in sentences)
                    sentences.append(s)
                    spans.append((pos, pos + len(s)))
                    picks.append((actor, origin, metric, value, s))
                body = " ".join(sentences)
                docs.append({"id": d + 1, "doc_id": f"load-{d}", "content_hash": f"{d:064x}",
                             "url": f"https://news.example/{d}", "outlet": f"Wire {d % 12}",
                             "title": f"Report {d}", "published": published, "fetched": now,
                             "language": "en", "text": body, "source": f"load:{d}",
                             "run_id": None, "near_duplicate_of": None, "similarity": None,
                             "minhash": None, "extractor_version": "load"})
                for (actor, origin, metric, value, s), (a, b) in zip(picks, spans, strict=True):
                    claim_id += 1
                    claims.append({
                        "id": claim_id, "document_id": d + 1, "metric": metric, "value": value,
                        "low": None, "high": None, "qualifier": "exact",
                        "subject": f"people from {actor}", "actor": actor,
                        "actor_alias_id": alias[actor], "civilian": None, "location": None,
                        "origin": [origin], "speaker": [], "date": published,
                        "stance": "asserted", "quote": s, "char_start": a, "char_end": b,
                        "confidence": round(rng.random(), 3), "extractor_version": "load",
                        "superseded": False, "created": now,
                        "published_order": published})
                    links.append({"claim_id": claim_id, "alias_id": alias[origin],
                                  "role": "origin", "position": 0})
            conn.execute(insert(DocumentRow), docs)
            conn.execute(insert(DocumentCopyRow), [
                {"document_id": x["id"], "source_key": f"{x['id']:064x}", "source": x["source"],
                 "given_id": x["doc_id"], "url": x["url"], "outlet": x["outlet"],
                 "published": x["published"], "run_id": None, "seen": now} for x in docs])
            conn.execute(insert(ClaimRow), claims)
            conn.execute(insert(ClaimSourceRow), links)
        conn.execute(text("ANALYZE"))
    return {"reused": False, "claims": claim_id}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of ``pid`` and its child processes (Linux /proc)."""
    kids = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True,
                          text=True, check=False).stdout.split()
    total = 0.0
    for p in [pid, *(int(k) for k in kids)]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _pct(xs: list[float], q: float) -> float:
    if not xs:
        return 0.0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))]


class _RawConnection:
    """One keep-alive HTTP/1.1 connection over asyncio streams: a client far lighter than
    httpx, so that on a small machine the load generator does not starve the server."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n"
                          "Accept: application/json\r\n\r\n".encode("ascii"))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        body = await self.reader.readexactly(length)
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
            self.writer = None


async def _load(base: str, clients: int, total: int, seconds: float,
                seed: int, raw: bool = True) -> dict[str, dict[str, Any]]:
    rng = random.Random(seed)
    weights = [1 / (k + 1) for k in range(len(ACTORS))]
    lat: dict[str, list[float]] = {"claims": [], "timeline": []}
    errors: dict[str, int] = {"claims": 0, "timeline": 0}
    issued = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    port = int(base.rsplit(":", 1)[1])

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal issued
        conn = _RawConnection("127.0.0.1", port) if raw else None
        while issued < total and time.perf_counter() < deadline:
            issued += 1
            actor = rng.choices(ACTORS, weights)[0]
            if rng.random() < 0.5:
                kind = "claims"
                params: dict[str, str | int] = {"actor": actor, "limit": 50,
                                                "offset": 50 * rng.randrange(4)}
                if rng.random() < 0.5:
                    params["metric"] = rng.choice(METRICS)
            else:
                kind = "timeline"
                params = {"actor": actor}
                if rng.random() < 0.5:
                    params["metric"] = rng.choice(METRICS)
            target = f"/api/v1/{kind}?" + urlencode(params)
            t = time.perf_counter()
            try:
                if conn is not None:
                    status, content = await conn.get(target)
                else:
                    resp = await http.get(target)
                    status, content = resp.status_code, resp.content
                ok = status == 200 and b'"items":[' in content
            except (httpx.HTTPError, OSError, asyncio.IncompleteReadError, ValueError):
                ok = False
                if conn is not None:  # start a fresh connection after a broken one
                    await conn.close()
                    conn = _RawConnection("127.0.0.1", port)
            lat[kind].append((time.perf_counter() - t) * 1000)
            if ok and issued % 25 == 0:  # parse a sample fully (off the clock)
                body = json.loads(content)
                ok = isinstance(body.get("items"), list) and isinstance(body.get("total"), int)
            if not ok:
                errors[kind] += 1
        if conn is not None:
            await conn.close()

    start = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    wall = time.perf_counter() - start
    out = {}
    for kind, xs in lat.items():
        out[kind] = {"endpoint": f"GET /api/v1/{kind}?actor=...", "count": len(xs),
                     "errors": errors[kind],
                     "p50_ms": round(_pct(xs, 0.50), 1), "p95_ms": round(_pct(xs, 0.95), 1),
                     "p99_ms": round(_pct(xs, 0.99), 1),
                     "max_ms": round(max(xs), 1) if xs else 0.0,
                     "mean_ms": round(statistics.fmean(xs), 1) if xs else 0.0,
                     "rps": round(len(xs) / wall, 1)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=4000, help="stop after this many")
    ap.add_argument("--seconds", type=float, default=60.0, help="stop after this long")
    ap.add_argument("--workers", type=int, default=0,
                    help="server processes (0: as tollwatch serve chooses)")
    ap.add_argument("--no-cache", action="store_true", help="disable the response cache")
    ap.add_argument("--client", choices=["raw", "httpx"], default="raw",
                    help="raw: keep-alive HTTP/1.1 on asyncio streams (light); httpx: "
                         "httpx.AsyncClient (heavier: on 2 CPUs it slows the server)")
    ap.add_argument("--no-view", action="store_true",
                    help="do not build the stored reconciled view (the server builds one)")
    ap.add_argument("--db", default=str(ROOT / ".bench" / "web-load.db"))
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "web_load.json"))
    args = ap.parse_args()
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    built = build(args.db, args.claims)
    build_s = time.perf_counter() - t
    view_s = 0.0
    if not args.no_view:
        # the reconciled view kept in the store, as ingest leaves it (reused when current)
        from tollwatch.reconcile.stored import refresh
        from tollwatch.store import Store

        t = time.perf_counter()
        with Store.open(args.db) as store:
            refresh(store)
        view_s = time.perf_counter() - t
    port = _free_port()
    env = {**os.environ, "TOLLWATCH_TOKEN": "load-test-token"}
    if args.no_cache:
        env["TOLLWATCH_WEB_CACHE"] = "0"
    server = subprocess.Popen(
        [sys.executable, "-m", "tollwatch", "serve", "--db", args.db, "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(args.workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        t = time.perf_counter()
        while True:
            if server.poll() is not None:
                raise SystemExit("server exited: " + (server.stderr.read().decode()
                                                      if server.stderr else ""))
            try:
                r = httpx.get(f"{base}/api/v1/health", params={"warm": 1}, timeout=600)
                if r.status_code == 200 and r.json().get("ready"):
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        warm_s = time.perf_counter() - t
        load_before = os.getloadavg()[0]
        cpu0, own0 = _cpu_seconds(server.pid), time.process_time()
        results = asyncio.run(_load(base, args.clients, args.requests, args.seconds, 11,
                                    raw=args.client == "raw"))
        server_cpu, client_cpu = _cpu_seconds(server.pid) - cpu0, time.process_time() - own0
    finally:
        server.terminate()
        server.wait(timeout=30)
    done = sum(r["count"] for r in results.values())
    summary = {"bench": "web_load", "when": datetime.now(UTC).isoformat(timespec="seconds"),
               "claims": built["claims"], "clients": args.clients, "workers": args.workers,
               "cache": not args.no_cache, "client": args.client, "cpus": os.cpu_count(),
               "build_s": round(build_s, 1), "view_s": round(view_s, 1),
               "warm_s": round(warm_s, 1),
               "bar_p95_ms": 100,
               "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
               "server_cpu_ms_per_request": round(server_cpu * 1000 / max(1, done), 3),
               "client_cpu_ms_per_request": round(client_cpu * 1000 / max(1, done), 3),
               "rps": round(sum(r["rps"] for r in results.values()), 1),
               "passed": all(r["p95_ms"] < 100 and r["errors"] == 0 for r in results.values()),
               "results": list(results.values())}
    for r in results.values():
        print(json.dumps(r))
    print(json.dumps({k: v for k, v in summary.items() if k != "results"}))
    Path(args.out).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
