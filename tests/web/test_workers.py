"""How many server processes ``tollwatch serve`` starts by default (one per CPU but one,
at most 4, when the store keeps a current reconciled view; else 1), and a real server
started with its default processes answering over loopback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tollwatch.commands.serving import MAX_AUTO_WORKERS, default_workers
from tollwatch.reconcile.stored import rebuild
from tollwatch.store import Store

from .conftest import free_port
from .handmade import add_more, fill


def _store(tmp_path: Path, view: bool) -> str:
    path = str(tmp_path / "w.db")
    with Store.open(path) as store:
        fill(store)
        if view:
            rebuild(store)
    return path


def test_one_process_without_a_stored_view(tmp_path: Path) -> None:
    assert default_workers(_store(tmp_path, view=False), cpus=8) == 1


def test_one_process_per_cpu_but_one_with_a_current_view(tmp_path: Path) -> None:
    db = _store(tmp_path, view=True)
    assert default_workers(db, cpus=3) == 2
    assert default_workers(db, cpus=5) == 4
    assert default_workers(db, cpus=2) == 1
    assert default_workers(db, cpus=1) == 1
    assert default_workers(db, cpus=64) == MAX_AUTO_WORKERS == 4


def test_one_process_when_the_view_is_behind(tmp_path: Path) -> None:
    db = _store(tmp_path, view=True)
    with Store.open(db) as store:
        add_more(store, 1, 5, "2024-04-09")  # not reconciled: each process would rebuild
    assert default_workers(db, cpus=4) == 1


def test_one_process_for_a_memory_store() -> None:
    assert default_workers("sqlite:///:memory:", cpus=4) == 1


def test_serve_starts_its_default_processes_and_answers(tmp_path: Path) -> None:
    db = _store(tmp_path, view=True)
    port = free_port()
    env = {**os.environ, "TOLLWATCH_TOKEN": "t0ken-for-workers"}
    proc = subprocess.Popen([sys.executable, "-m", "tollwatch", "serve", "--db", db,
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            try:
                if httpx.get(f"{base}/api/v1/health", params={"warm": 1}).json()["ready"]:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        body = httpx.get(f"{base}/api/v1/claims", params={"actor": "Russia"}).json()
        with Store.open(db) as store:
            assert body["total"] == store.count_reports(actor="Russia")
        tl = httpx.get(f"{base}/api/v1/timeline", params={"actor": "Russia"}).json()
        assert tl["total"] == len(tl["items"]) > 0
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=60)
    n = max(1, min((os.cpu_count() or 1) - 1, MAX_AUTO_WORKERS))
    if n > 1:
        assert f"({n} processes)" in err
    else:
        assert "processes)" not in err
