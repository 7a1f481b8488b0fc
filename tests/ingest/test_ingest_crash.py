"""A real ``kill -9`` of a ``tollwatch ingest`` process (real Extractor), then a re-run:
the store must end exactly as after one clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus_gen import make_corpus, write_jsonl
from tollwatch.store import Store

N_DOCS = 30
BATCH = 3

Snapshot = tuple[int, int, int, list[str]]


def _ingest(corpus: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tollwatch.cli", "ingest", str(corpus), "--db", db,
         "--batch-size", str(BATCH), "--no-progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _snapshot(db: str) -> Snapshot:
    with Store.open(db) as s:
        st = s.stats()
        rows = sorted(json.dumps([r.doc_id, r.claim.to_dict()]) for r in s.reports())
    return st.documents, st.claims, st.copies, rows


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "corpus.jsonl"
    return write_jsonl(path, make_corpus(N_DOCS, seed=21))


@pytest.fixture(scope="module")
def clean(corpus: Path) -> Snapshot:
    """What one uninterrupted run stores (the backend does not change it)."""
    db = str(corpus.with_name("clean.db"))
    assert _ingest(corpus, db).wait(timeout=300) == 0
    snap = _snapshot(db)
    assert snap[0] == N_DOCS and snap[1] > 0
    return snap


def test_kill_9_mid_run_then_rerun_equals_a_clean_run(db_url: str, corpus: Path,
                                                       clean: Snapshot) -> None:
    killed_at: list[int] = []
    with Store.open(db_url) as watch:
        for target in (2 * BATCH, 6 * BATCH):  # two kills, at different points
            proc = _ingest(corpus, db_url)
            deadline = time.monotonic() + 300
            while watch.stats().documents < target and proc.poll() is None:
                assert time.monotonic() < deadline
                time.sleep(0.005)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            assert proc.returncode == -signal.SIGKILL, "the run ended before it was killed"
            killed_at.append(watch.stats().documents)
    assert all(0 < n < N_DOCS for n in killed_at)

    proc = _ingest(corpus, db_url)
    assert proc.wait(timeout=300) == 0
    assert _snapshot(db_url) == clean
    with Store.open(db_url) as s:
        statuses = [s.run_info(i)["status"] for i in (1, 2, 3)]  # type: ignore[index]
    assert statuses == ["interrupted", "interrupted", "done"]
