"""The Ray engine against the local engine (issue 6's bars), on one machine.

    .venv/bin/python benchmarks/ray_bench.py [--docs 300] [--sentences 8] [--workers N]
                                             [--repeat 1]

The same synthetic corpus (``tests/corpus_gen.py``, default 300 documents, one JSONL file)
goes through ``--engine local`` and ``--engine ray``, each into a fresh SQLite store, each
in a fresh process. Timed: ``Engine.run`` (reading, extraction, writing, and for Ray the
actors' start and model loads); not timed: starting Python, and ``ray.init`` with its
worker processes up (a cluster is already running when a real run starts; its start is
reported apart). Then the two stores
are compared: identical documents and claims. Prints JSON lines: docs/s of each engine,
the ratio (bar: Ray at least 0.75 of local), and per-core throughput.

Work files go to ``.bench/`` (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus_gen import make_corpus, write_jsonl

WORK = ROOT / ".bench" / "ray"


def _report(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


def _fresh(path: Path) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return str(path)


def one(engine: str, corpus: str, db: str, workers: int | None) -> None:
    """Run one engine in this process and print its timing as JSON."""
    from tollwatch.engines import get_engine
    from tollwatch.extract import EXTRACTOR_VERSION, ExtractOptions
    from tollwatch.ingest.run import IngestOptions
    from tollwatch.store import Store

    init_s = 0.0
    ray: Any = None
    if engine == "ray":
        import ray

        t = time.perf_counter()
        ray.init(include_dashboard=False, log_to_driver=False, logging_level="WARNING")

        @ray.remote
        def ready() -> int:
            return os.getpid()

        # a running cluster has its worker processes up: wait for them, untimed
        ray.get([ready.remote() for _ in range(int(ray.cluster_resources()["CPU"]))])
        init_s = time.perf_counter() - t
    runner = get_engine(engine, workers=workers)
    with Store.open(db) as store:
        t = time.perf_counter()
        s = runner.run(store, [corpus], ExtractOptions(),
                       IngestOptions(extractor_version=EXTRACTOR_VERSION))
        secs = time.perf_counter() - t
    if ray is not None:
        ray.shutdown()
    print(json.dumps({"engine": engine, "seconds": secs, "init_s": init_s,
                      "documents": s.documents, "claims": s.claims, "failed": s.failed}))


def _snapshot(db: str) -> list[str]:
    from tollwatch.store import Store

    with Store.open(db) as s:
        return sorted(json.dumps([r.doc_id, r.url, r.published, r.claim.to_dict()])
                      for r in s.reports())


def _docs(db: str) -> list[str]:
    from sqlalchemy import text

    from tollwatch.store import Store

    with Store.open(db) as s, s.engine.connect() as c:
        rows = c.execute(text("select doc_id, content_hash, near_duplicate_of, source "
                              "from documents order by id")).all()
    return [json.dumps([str(x) for x in r]) for r in rows]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--sentences", type=int, default=8,
                    help="sentences per document (8: ~800 characters; 30: ~3,000)")
    ap.add_argument("--workers", type=int, default=None, help="Ray actors [one per CPU]")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--one", nargs=3, metavar=("ENGINE", "CORPUS", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        one(args.one[0], args.one[1], args.one[2], args.workers)
        return
    WORK.mkdir(parents=True, exist_ok=True)
    docs = make_corpus(args.docs, seed=6, sentences=args.sentences)
    corpus = str(write_jsonl(WORK / f"corpus-{args.docs}-{args.sentences}.jsonl", docs))
    chars = sum(len(str(d["text"])) for d in docs) / len(docs)
    cores = os.cpu_count() or 1
    results: dict[str, list[dict[str, Any]]] = {"local": [], "ray": []}
    for _ in range(args.repeat):
        for engine in ("local", "ray"):
            db = _fresh(WORK / f"{engine}.db")
            cmd = [sys.executable, __file__, "--one", engine, corpus, db]
            if args.workers:
                cmd += ["--workers", str(args.workers)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            got = json.loads(out.strip().splitlines()[-1])
            got["docs_per_s"] = got["documents"] / got["seconds"]
            results[engine].append(got)
            _report(**got)
    same_claims = _snapshot(str(WORK / "local.db")) == _snapshot(str(WORK / "ray.db"))
    same_docs = _docs(str(WORK / "local.db")) == _docs(str(WORK / "ray.db"))
    best = {e: max(r["docs_per_s"] for r in rs) for e, rs in results.items()}
    ratio = best["ray"] / best["local"]
    _report(docs=args.docs, chars_per_doc=round(chars), cores=cores, workers=args.workers, identical_claims=same_claims,
            identical_documents=same_docs, claims=results["local"][-1]["claims"],
            local_docs_per_s=round(best["local"], 2), ray_docs_per_s=round(best["ray"], 2),
            ratio=round(ratio, 3), bar_ratio=0.75, passed=ratio >= 0.75 and same_claims,
            local_per_core=round(best["local"], 2),  # one extraction process
            ray_per_core=round(best["ray"] / cores, 2),
            ray_init_s=round(results["ray"][-1]["init_s"], 2))


if __name__ == "__main__":
    main()
