"""Unit tests of the engines/pool.py helpers: how many processes and batch sizes."""

from __future__ import annotations

import os

import pytest

from tollwatch.engines.pool import MIN_PARALLEL, available_cores, chunk_size, processes_for


def test_available_cores_follows_the_affinity() -> None:
    assert available_cores() == max(1, len(os.sched_getaffinity(0)))


@pytest.mark.parametrize("requested", [0, -3])
def test_processes_for_at_least_one(requested: int) -> None:
    assert processes_for(requested) == 1
    assert processes_for(requested, 1000) == 1


def test_processes_for_unknown_size_uses_every_core() -> None:
    assert processes_for(None, None) == available_cores()
    assert processes_for(None, 0) == 1


@pytest.mark.parametrize(("known", "batch", "procs", "size"), [
    (0, 32, 2, 1),
    (1, 32, 4, 1),
    (3, 32, 4, 1),
    (64, 32, 2, 32),
    (63, 32, 2, 31),
    (100, 8, 3, 8),
    (10, 32, 0, 10),   # no processes counts as one
    (10, 32, -2, 10),
])
def test_chunk_size(known: int, batch: int, procs: int, size: int) -> None:
    assert chunk_size(known, batch, procs) == size


def test_chunk_size_never_exceeds_the_batch_nor_starves_a_worker() -> None:
    for known in range(0, 200, 7):
        for procs in (1, 2, 3, 8):
            s = chunk_size(known, 16, procs)
            assert 1 <= s <= 16
            if known >= procs:
                assert s * procs <= max(known, 16 * procs)


def test_min_parallel_is_the_threshold() -> None:
    assert processes_for(None, MIN_PARALLEL - 1) == 1
    assert processes_for(None, MIN_PARALLEL) == available_cores()
