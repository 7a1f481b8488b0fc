"""Server CPU time per request of the web API, a measure that other work on the machine
disturbs far less than latency.

    python benchmarks/web_cpu.py --db PATH [--requests 300] [--only claims|timeline]
                                 [--cache] [--workers 1]

Starts ``tollwatch serve`` over the store at ``--db`` (as ``benchmarks/web_load.py``
builds it) on a free 127.0.0.1 port, waits until it is ready, then sends the load test's
mix of ``GET /api/v1/claims`` and ``GET /api/v1/timeline`` requests (or only one kind)
one at a time on one keep-alive connection, and prints the CPU time (user + system, from
/proc, of the server and its child processes) divided by the number of requests. The
answer cache is off unless ``--cache``: every request then does its full work.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web_load

_cpu_seconds = web_load._cpu_seconds


def _targets(n: int, only: str | None, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    weights = [1 / (k + 1) for k in range(len(web_load.ACTORS))]
    out: list[str] = []
    while len(out) < n:
        actor = rng.choices(web_load.ACTORS, weights)[0]
        kind = "claims" if rng.random() < 0.5 else "timeline"
        params: dict[str, str | int] = {"actor": actor}
        if kind == "claims":
            params.update(limit=50, offset=50 * rng.randrange(4))
        if rng.random() < 0.5:
            params["metric"] = rng.choice(web_load.METRICS)
        if only is None or kind == only:
            out.append(f"/api/v1/{kind}?" + urlencode(params))
    return out


async def _send(port: int, targets: list[str]) -> None:
    conn = web_load._RawConnection("127.0.0.1", port)
    try:
        for target in targets:
            status, _ = await conn.get(target)
            if status != 200:
                raise SystemExit(f"{target}: HTTP {status}")
    finally:
        await conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--only", choices=["claims", "timeline"])
    ap.add_argument("--cache", action="store_true", help="keep the answer cache on")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    port = web_load._free_port()
    env = {**os.environ, "TOLLWATCH_WEB_CACHE": "1" if args.cache else "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "tollwatch", "serve", "--db", args.db, "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(args.workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if server.poll() is not None:
                raise SystemExit("the server exited")
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", params={"warm": 1},
                              timeout=600)
                if r.status_code == 200 and r.json().get("ready"):
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        targets = _targets(args.requests + 20, args.only)
        asyncio.run(_send(port, targets[:20]))  # warm up (imports, first connections)
        time.sleep(1.0)
        cpu0, wall0 = _cpu_seconds(server.pid), time.perf_counter()
        asyncio.run(_send(port, targets[20:]))
        cpu, wall = _cpu_seconds(server.pid) - cpu0, time.perf_counter() - wall0
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps({"bench": "web_cpu", "requests": args.requests,
                      "only": args.only or "mix", "cache": args.cache,
                      "workers": args.workers,
                      "server_cpu_ms_per_request": round(cpu / args.requests * 1000, 2),
                      "wall_ms_per_request": round(wall / args.requests * 1000, 2)}))


if __name__ == "__main__":
    main()
