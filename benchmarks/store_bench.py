"""Benchmarks of the evidence store (issue 3's bars), as whole processes where it matters.

    .venv/bin/python benchmarks/store_bench.py                  # all three, SQLite
    .venv/bin/python benchmarks/store_bench.py --only query --db postgresql+psycopg://...

1. throughput: ``tollwatch ingest corpus.jsonl`` (fresh store) against
   ``tollwatch extract --jsonl corpus.jsonl`` on the same synthetic corpus (default 400
   documents); bar: ingest within 20% of extract.
2. kill: a 400-document ingest killed with SIGKILL part-way (twice), then re-run; the store
   must hold exactly what a clean run stores (documents, copies, every claim).
3. query: a store of 1,000,000 claims (bulk-loaded), then ``tollwatch claims --actor X
   --metric killed`` for a typical actor and the busiest one: the library calls
   (``Store.reports`` and the SQLAlchemy-free reader) and the whole command as a user runs it (the
   installed script; table and jsonl output), medians of interleaved runs beside the floor
   of any Typer + Rich program measured in the same run; bar: under 200 ms.

Work files go to ``.bench/`` (git-ignored). Results print as JSON lines.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus_gen import make_corpus, write_jsonl
from tollwatch.store import Store

TW = [sys.executable, "-m", "tollwatch.cli"]


def _report(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


def _fresh_sqlite(path: Path) -> str:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return str(path)


# Children may cache bytecode, as they do after any install (pip compiles it; a development
# checkout writes it on first import), even where the environment turns that off.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed(cmd: list[str], stdout: Any = subprocess.DEVNULL) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=stdout, stderr=subprocess.DEVNULL, env=CHILD_ENV)
    return time.perf_counter() - t


def throughput(work: Path, n_docs: int, repeats: int) -> None:
    corpus = write_jsonl(work / f"corpus{n_docs}.jsonl", make_corpus(n_docs, seed=42))
    extract, ingest = [], []
    for _ in range(repeats):
        extract.append(_timed([*TW, "extract", "--jsonl", str(corpus)]))
        db = _fresh_sqlite(work / "throughput.db")
        ingest.append(_timed([*TW, "ingest", str(corpus), "--db", db, "--no-progress"]))
    e, i = min(extract), min(ingest)
    _report(bench="throughput", docs=n_docs, extract_s=round(e, 2), ingest_s=round(i, 2),
            extract_docs_per_s=round(n_docs / e, 1), ingest_docs_per_s=round(n_docs / i, 1),
            ingest_over_extract=round(i / e, 3), bar="<= 1.20",
            passed=i / e <= 1.2, runs={"extract": extract, "ingest": ingest})


def _snapshot(db: str) -> tuple[int, int, int, int]:
    with Store.open(db) as s:
        st = s.stats()
        digest = hash(tuple(sorted(json.dumps([r.doc_id, r.claim.to_dict()])
                                   for r in s.reports())))
    return st.documents, st.copies, st.claims, digest


def kill(work: Path, n_docs: int, batch: int) -> None:
    corpus = write_jsonl(work / f"kill{n_docs}.jsonl", make_corpus(n_docs, seed=43))
    clean_db = _fresh_sqlite(work / "kill-clean.db")
    cmd = [*TW, "ingest", str(corpus), "--no-progress", "--batch-size", str(batch)]
    subprocess.run([*cmd, "--db", clean_db], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    clean = _snapshot(clean_db)
    db = _fresh_sqlite(work / "kill.db")
    rng = random.Random(1)
    kills = []
    with Store.open(db) as watch:
        for frac in (0.3, 0.7):
            proc = subprocess.Popen([*cmd, "--db", db], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            target = int(n_docs * frac) + rng.randint(0, batch)
            while watch.stats().documents < target and proc.poll() is None:
                time.sleep(0.002)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            kills.append({"returncode": proc.returncode, "documents": watch.stats().documents})
    subprocess.run([*cmd, "--db", db], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    after = _snapshot(db)
    _report(bench="kill", docs=n_docs, batch=batch, kills=kills,
            clean={"documents": clean[0], "copies": clean[1], "claims": clean[2]},
            resumed={"documents": after[0], "copies": after[1], "claims": after[2]},
            identical=after == clean)


def _build(db: str, n_claims: int, per_doc: int, n_actors: int) -> dict[str, Any]:
    """Bulk-load a store: n_claims over n_claims/per_doc documents, actors Zipf-distributed."""
    from sqlalchemy import func, insert, select

    from tollwatch.store.schema import (
        AliasRow,
        ClaimRow,
        ClaimSourceRow,
        DocumentCopyRow,
        DocumentRow,
        NameRow,
    )

    metrics = ["killed", "injured", "casualties", "captured", "missing", "deployed",
               "displaced", "detained", "abducted", "defected"]
    rng = random.Random(5)
    now = datetime.now(UTC)
    with Store.open(db) as store, store.engine.begin() as conn:
        if conn.execute(select(func.count(ClaimRow.id))).scalar_one() >= n_claims:
            return {"reused": True}
        conn.execute(insert(NameRow), [{"id": i + 1, "kind": "actor", "canonical": f"actor {i}"}
                                       for i in range(n_actors)]
                     + [{"id": n_actors + i + 1, "kind": "source", "canonical": f"source {i}"}
                        for i in range(200)])
        conn.execute(insert(AliasRow), [{"id": i + 1, "name_id": i + 1, "kind": "actor",
                                         "alias": f"Actor {i}"} for i in range(n_actors)]
                     + [{"id": n_actors + i + 1, "name_id": n_actors + i + 1, "kind": "source",
                         "alias": f"Source {i}"} for i in range(200)])
        weights = [1 / (k + 1) for k in range(n_actors)]
        n_docs = n_claims // per_doc
        claim_id = 0
        for start in range(0, n_docs, 5000):
            docs, claims, links = [], [], []
            for d in range(start, min(n_docs, start + 5000)):
                docs.append({"id": d + 1, "doc_id": f"bench-{d}", "content_hash": f"{d:064x}",
                             "url": f"https://news.example/{d}", "outlet": "Bench Wire",
                             "title": None, "published": f"20{10 + d % 15}-{1 + d % 12:02d}-"
                             f"{1 + d % 28:02d}", "fetched": now, "language": "en",
                             "text": f"Document {d}.", "source": f"bench:{d}", "run_id": None,
                             "near_duplicate_of": None, "similarity": None, "minhash": None,
                             "extractor_version": "bench"})
                for actor in rng.choices(range(n_actors), weights, k=per_doc):
                    claim_id += 1
                    claims.append({"id": claim_id, "document_id": d + 1,
                                   "metric": rng.choice(metrics), "value": rng.randint(1, 999),
                                   "low": None, "high": None, "qualifier": "exact",
                                   "subject": "people", "actor": f"Actor {actor}",
                                   "actor_alias_id": actor + 1, "civilian": None,
                                   "location": None, "origin": ["Source 1"], "speaker": [],
                                   "date": None, "stance": "asserted", "quote": "A quote.",
                                   "char_start": 0, "char_end": 8, "confidence": 0.5,
                                   "extractor_version": "bench", "superseded": False,
                                   "created": now,
                                   "published_order": docs[-1]["published"] or "9999-99-99"})
                    links.append({"claim_id": claim_id, "alias_id": n_actors + 1 +
                                  rng.randrange(200), "role": "origin", "position": 0})
            conn.execute(insert(DocumentRow), docs)
            conn.execute(insert(DocumentCopyRow), [
                {"document_id": x["id"], "source_key": f"{x['id']:064x}", "source": x["source"],
                 "given_id": x["doc_id"], "url": x["url"], "outlet": x["outlet"],
                 "published": x["published"], "run_id": None, "seen": now} for x in docs])
            conn.execute(insert(ClaimRow), claims)
            conn.execute(insert(ClaimSourceRow), links)
    if "postgresql" in db:
        from sqlalchemy import text

        with Store.open(db) as store, store.engine.connect() as c:
            c.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    else:
        from sqlalchemy import text

        with Store.open(db) as store, store.engine.begin() as c:
            c.execute(text("ANALYZE"))
    return {"reused": False}


def _tollwatch() -> list[str]:
    """The installed ``tollwatch`` script, as users run it (else ``python -m``)."""
    script = Path(sys.executable).parent / "tollwatch"
    return [str(script)] if script.exists() else TW


def _median_ms(times: list[float]) -> float:
    return round(statistics.median(times) * 1000, 1)


def query(work: Path, db: str | None, n_claims: int, repeats: int) -> None:
    from tollwatch.store import Filters, open_reports

    db = db or str(work / f"claims{n_claims}.db")
    t = time.perf_counter()
    built = _build(db, n_claims, per_doc=10, n_actors=2000)
    build_s = time.perf_counter() - t
    Store.open(db).close()  # migrates an older bench store first
    # The floor of any Typer + Rich command on this machine, measured in the same run.
    floor_cmd = [sys.executable, "-c", "import typer, rich.table, tollwatch.model"]
    actors = ("actor 40", "Actor 0")  # a typical actor, and the most frequent one
    commands: dict[str, dict[str, list[float]]] = {}
    for actor in actors:  # the commands first, before the heavier library runs below
        cmd = [*_tollwatch(), "claims", "--db", db, "--actor", actor, "--metric", "killed"]
        runs: dict[str, list[float]] = {"table": [], "jsonl": [], "floor": []}
        _timed([*cmd, "--format", "jsonl"])  # warm-up: bytecode and the page cache
        _timed(cmd)
        for _ in range(repeats):  # interleaved, so that a noisy spell hits all three
            runs["floor"].append(_timed(floor_cmd))
            runs["table"].append(_timed(cmd))
            runs["jsonl"].append(_timed([*cmd, "--format", "jsonl"]))
        commands[actor] = runs
    for actor in actors:
        f = Filters(actor=actor, metric="killed")
        with Store.open(db) as store:
            via_store = [_time_call(store.reports, f.actor, f.metric) for _ in range(repeats)]
        with open_reports(db) as source:
            reader = type(source).__name__  # SQLiteReader, PostgresReader or the store
            rows = len(source.reports(f))
            via_reader = [_time_call(source.reports, f) for _ in range(repeats)]
            n = source.count()
        runs = commands[actor]
        _report(bench="query", claims=n, actor=actor, rows=rows, reader=reader,
                library_ms={"store": _median_ms(via_store), "reader": _median_ms(via_reader)},
                command_ms={k: _median_ms(v) for k, v in runs.items()},
                command_ms_max={k: round(max(v) * 1000, 1) for k, v in runs.items()},
                table_over_floor=round(statistics.median(runs["table"])
                                       / statistics.median(runs["floor"]), 2),
                bar_ms=200, passed=statistics.median(runs["table"]) < 0.2,
                build_s=round(build_s, 1), **built)


def _time_call(fn: Any, *args: Any) -> float:
    t = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=["throughput", "kill", "query"], action="append")
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--db", help="store URL for the query benchmark (default: SQLite file)")
    ap.add_argument("--work", type=Path, default=ROOT / ".bench")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    todo = args.only or ["throughput", "kill", "query"]
    if "throughput" in todo:
        throughput(args.work, args.docs, args.repeats)
    if "kill" in todo:
        kill(args.work, args.docs, batch=16)
    if "query" in todo:
        query(args.work, args.db, args.claims, max(15, args.repeats))


if __name__ == "__main__":
    main()
