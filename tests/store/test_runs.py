"""Runs (store/runs.py): a run's row and errors; runs of this host whose process died are
marked interrupted when the next one starts, live and other hosts' runs are left alone."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest
from sqlalchemy import update

from tollwatch.errors import EmptyInputError
from tollwatch.store import Store
from tollwatch.store.runs import pid_alive
from tollwatch.store.schema import RunRow


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as s:
        yield s


def _dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    assert not pid_alive(_dead_pid())


def _set(store: Store, run_id: int, **values: object) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(RunRow).where(RunRow.id == run_id).values(**values))


def test_a_new_run_marks_dead_runs_of_this_host_interrupted(store: Store) -> None:
    dead = store.start_run("ingest", ["a"], "v1")
    alive = store.start_run("ingest", ["b"], "v1")
    elsewhere = store.start_run("ingest", ["c"], "v1")
    finished = store.start_run("ingest", ["d"], "v1")
    gone = _dead_pid()
    _set(store, dead, pid=gone)
    _set(store, elsewhere, pid=gone, host=socket.gethostname() + "-other")
    _set(store, finished, pid=gone)
    store.finish_run(finished)
    store.start_run("reextract", [], "v2")

    def status(run_id: int) -> str:
        info = store.run_info(run_id)
        assert info is not None
        return str(info["status"])

    assert status(dead) == "interrupted"
    assert status(alive) == "running"  # this process is alive
    assert status(elsewhere) == "running"  # another host's process cannot be checked
    assert status(finished) == "done"


def test_a_run_without_a_pid_is_left_running(store: Store) -> None:
    run = store.start_run("ingest", [], "v1")
    _set(store, run, pid=None)
    store.start_run("ingest", [], "v1")
    info = store.run_info(run)
    assert info is not None and info["status"] == "running"


def test_a_new_run_starts_with_zero_counts(store: Store) -> None:
    run = store.start_run("watch", ["https://feed.example/rss"], "v9")
    info = store.run_info(run)
    assert info is not None
    assert info["kind"] == "watch" and info["status"] == "running"
    assert info["extractor_version"] == "v9" and info["host"] == socket.gethostname()
    assert info["inputs"] == ["https://feed.example/rss"] and info["finished"] is None
    counts = ("docs_new", "docs_duplicate", "docs_near_duplicate", "docs_seen",
              "docs_failed", "claims_added")
    assert [info[k] for k in counts] == [0] * len(counts)
    assert info["errors"] == []


@pytest.mark.parametrize("status", ["done", "failed", "interrupted"])
def test_finish_run_records_its_status_and_time(store: Store, status: str) -> None:
    run = store.start_run("ingest", [], "v1")
    store.finish_run(run, status)
    info = store.run_info(run)
    assert info is not None and info["status"] == status and info["finished"] is not None
    assert info["finished"] >= info["started"]


def test_errors_are_listed_in_the_order_recorded(store: Store) -> None:
    run = store.start_run("ingest", ["x"], "v1")
    errs = [EmptyInputError("empty input", source=f"in/{i}.txt") for i in range(5)]
    store.add_batch([], "v1", run_id=run, errors=errs)
    info = store.run_info(run)
    assert info is not None
    assert [e["source"] for e in info["errors"]] == [f"in/{i}.txt" for i in range(5)]
    assert {e["code"] for e in info["errors"]} == {"TW102"}
    assert info["docs_failed"] == 5
    other = store.start_run("ingest", ["y"], "v1")
    info2 = store.run_info(other)
    assert info2 is not None and info2["errors"] == []


def test_run_ids_grow(store: Store) -> None:
    ids = [store.start_run("ingest", [], "v1") for _ in range(3)]
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert store.stats().runs == 3
