"""Many writers, one store (issue 17's bar): rounds of ``tollwatch ingest`` runs started at
the same moment on a store that does not exist yet.

    .venv/bin/python benchmarks/concurrent_ingest.py                      # 6 rounds, SQLite
    .venv/bin/python benchmarks/concurrent_ingest.py --rounds 3 --writers 3
    .venv/bin/python benchmarks/concurrent_ingest.py --db postgresql+psycopg://u@h/postgres

Each round writes ``--writers`` corpora of ``--docs`` documents (distinct documents; with
``--overlap`` every writer ingests the same corpus, so the store's duplicate check decides),
deletes the store, then starts one ``tollwatch ingest`` process per corpus, all released at
the same instant by a barrier file. Per round it reports every exit status, whether any
error message held SQL, and the store's document count against the number of distinct
documents. With ``--db`` naming a PostgreSQL server, each round uses a fresh database on it
(created and dropped with psycopg).

Work files go to ``.bench/concurrent/`` (git-ignored). Results print as JSON lines; the
last line is the summary. Exit status 0 when every round passed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from corpus_gen import make_corpus, write_jsonl

#: Each writer imports what ``tollwatch ingest`` imports, waits for the barrier file to
#: appear, then runs the command line (``tollwatch.cli.main``) with its arguments: every
#: writer is loaded and ready before any of them touches the store, so they reach it
#: within a millisecond or two of each other (the case a race needs).
_LAUNCH = """
import os, sys, time
import alembic.command, tollwatch.cli, tollwatch.commands.storing, tollwatch.engines
import tollwatch.ingest.run, tollwatch.store, tollwatch.extract
barrier = sys.argv[1]
while not os.path.exists(barrier):
    time.sleep(0.0005)
sys.argv = ["tollwatch", *sys.argv[2:]]
tollwatch.cli.main()
"""

_SQL_MARKERS = ("[SQL:", "CREATE TABLE", "INSERT INTO", "SELECT ", "sqlalche.me")


def _report(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


def _pg_admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1),
                         autocommit=True) as conn:
        conn.execute(sql)


def _new_store(work: Path, server: str | None, round_no: int) -> tuple[str, str | None]:
    """(location, database to drop afterwards) for a store that does not exist yet."""
    if server is None:
        db = work / f"round{round_no}.db"
        for suffix in ("", "-wal", "-shm", "-migrate.lock"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        return str(db), None
    name = f"tw_bench_{uuid.uuid4().hex[:10]}"
    _pg_admin(server, f'CREATE DATABASE "{name}"')
    return f"{server.rsplit('/', 1)[0]}/{name}", name


def _count_documents(location: str) -> int:
    from tollwatch.store import Store

    with Store.open(location) as store:
        return store.stats().documents


def _round(round_no: int, corpora: list[Path], expected: int, work: Path,
           server: str | None, processes: int) -> dict[str, Any]:
    location, dropme = _new_store(work, server, round_no)
    barrier = work / f"go-{round_no}"
    barrier.unlink(missing_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    procs = [subprocess.Popen(
        [sys.executable, "-c", _LAUNCH, str(barrier), "ingest", str(corpus), "--db", location,
         "--no-progress", "--json", "-j", str(processes)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for corpus in corpora]
    time.sleep(6.0)  # every interpreter loaded and polling the barrier
    start = time.monotonic()
    barrier.touch()
    results = [p.communicate() for p in procs]
    seconds = time.monotonic() - start
    statuses = [p.returncode for p in procs]
    errors = [err.strip() for _, err in results if err.strip()]
    try:
        stored = _count_documents(location)
    finally:
        if dropme is not None and server is not None:
            _pg_admin(server, f'DROP DATABASE IF EXISTS "{dropme}" WITH (FORCE)')
    new = [json.loads(out.strip().splitlines()[-1]).get("new") if out.strip() else None
           for out, _ in results]
    ok = all(s == 0 for s in statuses) and stored == expected
    return {"round": round_no, "exit_statuses": statuses, "new_per_run": new,
            "documents_stored": stored, "documents_expected": expected,
            "sql_in_errors": any(m in e for e in errors for m in _SQL_MARKERS),
            "errors": [e[:300] for e in errors], "seconds": round(seconds, 2), "ok": ok}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--writers", type=int, default=2)
    ap.add_argument("--docs", type=int, default=200, help="documents a writer ingests")
    ap.add_argument("--overlap", action="store_true",
                    help="every writer ingests the same documents")
    ap.add_argument("-j", "--processes", type=int, default=1,
                    help="-j of each ingest (default 1: the writers are the concurrency)")
    ap.add_argument("--db", help="a PostgreSQL server URL (an admin database); default SQLite")
    args = ap.parse_args()
    work = ROOT / ".bench" / "concurrent"
    work.mkdir(parents=True, exist_ok=True)
    docs = make_corpus(args.docs * (1 if args.overlap else args.writers), seed=17)
    corpora = []
    for w in range(args.writers):
        part = docs if args.overlap else docs[w * args.docs:(w + 1) * args.docs]
        corpora.append(write_jsonl(work / f"writer{w}.jsonl", part))
    expected = len({str(d["id"]) for d in docs})
    server = args.db.replace("postgresql://", "postgresql+psycopg://", 1) if args.db else None
    passed = 0
    for r in range(1, args.rounds + 1):
        result = _round(r, corpora, expected, work, server, args.processes)
        passed += result["ok"]
        _report(**result)
    _report(summary=True, backend="postgresql" if server else "sqlite", rounds=args.rounds,
            writers=args.writers, docs_per_writer=args.docs, overlap=args.overlap,
            rounds_passed=passed)
    return 0 if passed == args.rounds else 1


if __name__ == "__main__":
    sys.exit(main())
