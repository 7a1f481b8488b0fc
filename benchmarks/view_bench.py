"""The reconciled view's speed: reconciling N reports from scratch, and keeping a big
store's stored view current after a small ingest.

    python benchmarks/view_bench.py --reports 100000            # from scratch, in memory
    python benchmarks/view_bench.py --store-claims 1000000 --new 100

The store is the synthetic one of ``benchmarks/web_load.py`` (built once, reused); its
view is rebuilt when missing, then ``--new`` documents with one claim each are added and
``refresh`` (what ``ingest`` runs at its end) is timed. Figures go to stdout as JSON: wall
seconds and this process's CPU seconds (on a shared machine the wall time is mostly
waiting for a CPU), with the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def synthetic_reports(n: int, seed: int = 7) -> list:  # type: ignore[type-arg]
    from web_load import ACTORS, METRICS, ORIGINS

    from tollwatch.model import Claim, Report

    rng = random.Random(seed)
    weights = [1 / (k + 1) for k in range(len(ACTORS))]
    out = []
    for i in range(n):
        actor = rng.choices(ACTORS, weights)[0]
        origin = rng.choice(ORIGINS[:8] if rng.random() < 0.7 else ORIGINS)
        metric = rng.choice(METRICS)
        value = rng.randrange(10, 400) * 10
        day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        quote = (f"The {origin} said {value:,} people from {actor} were counted as {metric} "
                 f"in the latest figures.")
        c = Claim(metric=metric, value=value, actor=actor, origin=[origin],
                  subject=f"people from {actor}", date=day, quote=quote)
        out.append(Report(claim_id=i + 1, doc_id=f"doc-{i // 5}", claim=c,
                          outlet=f"Wire {i % 12}", published=day))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=0, help="reconcile this many from scratch")
    ap.add_argument("--store-claims", type=int, default=0, help="store size for the refresh")
    ap.add_argument("--new", type=int, default=100, help="documents added before the refresh")
    ap.add_argument("--db", default=str(ROOT / ".bench" / "web-load.db"))
    args = ap.parse_args()
    out: dict[str, object] = {"bench": "view", "when": datetime.now(UTC).isoformat()}
    if args.reports:
        from tollwatch.reconcile.names import default_names
        from tollwatch.reconcile.underlying import underlying_claims

        reports = synthetic_reports(args.reports)
        default_names()
        t, cpu = time.perf_counter(), time.process_time()
        claims = underlying_claims(reports)
        out.update(reports=args.reports, underlying=len(claims),
                   from_scratch_s=round(time.perf_counter() - t, 2),
                   from_scratch_cpu_s=round(time.process_time() - cpu, 2),
                   load=os.getloadavg()[0])
    if args.store_claims:
        from web_load import build

        from tollwatch.model import Claim, Document
        from tollwatch.reconcile.stored import refresh, view_state
        from tollwatch.store import Store

        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.store_claims)
        with Store.open(args.db) as store:
            if view_state(store) is None:
                t = time.perf_counter()
                stats = refresh(store)
                out["view_rebuild_s"] = round(time.perf_counter() - t, 1)
                out["view_underlying"] = stats.underlying
            else:
                refresh(store)
            rng = random.Random(int(time.time()))
            tag = rng.randrange(10**9)
            for i in range(args.new):
                reports = synthetic_reports(1, seed=tag + i)
                c = reports[0].claim
                text = c.quote
                doc = Document(id=f"view-bench-{tag}-{i}", text=text, published=c.date,
                               url=f"https://news.example/v/{tag}/{i}", outlet="Wire X")
                store.add_document(doc, [Claim.from_dict({**c.to_dict(), "start": 0,
                                                  "end": len(text)})], "bench")
            t, cpu = time.perf_counter(), time.process_time()
            stats = refresh(store)
            out.update(store_claims=args.store_claims, new_documents=args.new,
                       refresh_s=round(time.perf_counter() - t, 3),
                       refresh_cpu_s=round(time.process_time() - cpu, 3),
                       refresh=stats.to_dict(), load=os.getloadavg()[0])
    print(json.dumps(out))


if __name__ == "__main__":
    main()
