"""Unit tests of the engines/pool.py helpers: how many processes and batch sizes."""

from __future__ import annotations

import os

import pytest

from tollwatch.engines.pool import (
    MIN_PARALLEL,
    available_cores,
    balanced_batches,
    chunk_size,
    processes_for,
    tail_sizes,
)
from tollwatch.model import Document


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


# -- the last batches of an input shrink, so that the workers finish together ------------


@pytest.mark.parametrize(("remaining", "size", "procs", "sizes"), [
    (0, 32, 2, []),
    (3, 32, 2, [3]),
    (96, 32, 2, [24, 18, 14, 10, 8, 6, 4, 4, 4, 4]),
    (10, 32, 1, [5, 4, 1]),
    (200, 32, 2, [32, 32, 32, 26, 20, 15, 11, 8, 6, 5, 4, 4, 4, 1]),
])
def test_tail_sizes_shrink_towards_the_end(remaining: int, size: int, procs: int,
                                           sizes: list[int]) -> None:
    assert tail_sizes(remaining, size, procs) == sizes


def test_tail_sizes_cover_the_rest_exactly_within_bounds() -> None:
    for remaining in range(0, 300, 13):
        for procs in (1, 2, 3, 8):
            got = tail_sizes(remaining, 16, procs)
            assert sum(got) == remaining
            assert all(1 <= n <= 16 for n in got)
            assert got == sorted(got, reverse=True)  # never a bigger batch after a smaller


def _docs(n: int) -> list[Document]:
    return [Document(id=str(i), text=f"text {i}") for i in range(n)]


@pytest.mark.parametrize("n", [0, 1, 5, 31, 64, 65, 96, 97, 500])
def test_balanced_batches_keep_every_document_in_order(n: int) -> None:
    docs = _docs(n)
    batches = list(balanced_batches(iter(docs), 32, 2))
    assert [d.id for b in batches for d in b] == [d.id for d in docs]
    assert all(b for b in batches)


def test_balanced_batches_are_full_while_more_is_in_sight() -> None:
    sizes = [len(b) for b in balanced_batches(iter(_docs(500)), 32, 2)]
    # a full batch whenever 32 * (2 + 1) documents are in sight: 13 of them (416 + 96 > 500
    # stops it), then the last 84 in shrinking batches
    assert sizes == [32] * 13 + tail_sizes(84, 32, 2)
    assert sizes[-1] <= 4


def test_balanced_batches_read_only_what_they_hand_out_ahead() -> None:
    """A batch goes out once size * (processes + 1) documents are in sight, not at the end
    of the input: a long stream is not read whole first."""
    read = 0

    def stream() -> object:
        nonlocal read
        for d in _docs(10_000):
            read += 1
            yield d

    first = next(balanced_batches(stream(), 8, 2))  # type: ignore[arg-type]
    assert len(first) == 8 and read == 24
