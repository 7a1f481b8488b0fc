"""A real ``kill -9`` of a ``tollwatch ingest`` process (real Extractor), then a re-run:
the store must end exactly as after one clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus_gen import make_corpus, write_jsonl
from tollwatch.store import Store

N_DOCS = 40
BATCH = 4


def _ingest(corpus: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tollwatch.cli", "ingest", str(corpus), "--db", db,
         "--batch-size", str(BATCH), "--no-progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _snapshot(db: str) -> tuple[int, int, int, list[str]]:
    with Store.open(db) as s:
        st = s.stats()
        rows = sorted(json.dumps([r.doc_id, r.claim.to_dict()]) for r in s.reports())
    return st.documents, st.claims, st.copies, rows


@pytest.fixture
def clean_db(db_url: str, tmp_path: Path) -> Iterator[str]:
    """A second, empty database on the same backend, for the clean run."""
    if "://" not in db_url:
        yield str(tmp_path / "clean.db")
        return
    from conftest import _pg_admin

    base, _, dbname = db_url.rpartition("/")
    other = f"{dbname}_clean"
    _pg_admin(f"{base}/postgres", f'CREATE DATABASE "{other}"')
    try:
        yield f"{base}/{other}"
    finally:
        _pg_admin(f"{base}/postgres", f'DROP DATABASE IF EXISTS "{other}" WITH (FORCE)')


def test_kill_9_mid_run_then_rerun_equals_a_clean_run(db_url: str, clean_db: str,
                                                       tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", make_corpus(N_DOCS, seed=21))
    proc = _ingest(corpus, clean_db)
    assert proc.wait(timeout=300) == 0
    clean = _snapshot(clean_db)
    assert clean[0] == N_DOCS and clean[1] > 0

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
    proc = _ingest(corpus, db_url)  # and once more: nothing added
    assert proc.wait(timeout=300) == 0
    assert _snapshot(db_url) == clean
    with Store.open(db_url) as s:
        statuses = [s.run_info(i)["status"] for i in range(1, 5)]  # type: ignore[index]
    assert statuses == ["interrupted", "interrupted", "done", "done"]
