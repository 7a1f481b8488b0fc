"""Extraction on every core by default, one process for small inputs (issue 12's first
point): ``tollwatch.engines.pool``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tollwatch.engines.pool import (
    MIN_PARALLEL,
    PooledExtractor,
    available_cores,
    chunk_size,
    processes_for,
)
from tollwatch.extract import ExtractOptions, Extractor
from tollwatch.model import Claim, Document

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from corpus_gen import make_corpus


def test_every_core_unless_told_or_the_input_is_small() -> None:
    cores = available_cores()
    assert cores >= 1 and cores <= (os.cpu_count() or cores)
    assert processes_for(None) == cores
    assert processes_for(3) == 3 and processes_for(1) == 1
    assert processes_for(None, MIN_PARALLEL - 1) == 1
    assert processes_for(None, MIN_PARALLEL) == cores
    assert processes_for(4, 2) == 4  # -j wins


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return [Document(id=str(d["id"]), text=str(d["text"])) for d in make_corpus(40, seed=3)]


def test_the_pool_gives_what_one_process_gives(docs: list[Document]) -> None:
    one = [(d.id, [c.to_dict() for c in cs]) for d, cs in Extractor().extract_many(docs)]
    with PooledExtractor(ExtractOptions(), 2) as pooled:
        small = list(pooled.extract_many(docs[:5]))
        assert not pooled.started  # five documents: no workers
        many = [(d.id, [c.to_dict() for c in cs]) for d, cs in pooled.extract_many(docs)]
        assert pooled.started
        again = list(pooled.extract_many(iter(docs)))  # the same workers, an iterator
    assert many == one
    assert [d.id for d, _ in small] == [d.id for d in docs[:5]]
    assert [d.id for d, _ in again] == [d.id for d in docs]
    assert not pooled.started  # closed


def test_j_1_is_one_process(docs: list[Document]) -> None:
    with PooledExtractor(ExtractOptions(), 1) as pooled:
        assert len(list(pooled.extract_many(docs))) == len(docs)
        assert not pooled.started


def test_the_commands_default_to_every_core() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "400"}
    for command in ("extract", "ingest", "reextract", "eval", "bench"):
        r = subprocess.run([sys.executable, "-m", "tollwatch.cli", command, "--help"],
                           capture_output=True, text=True, env=env, timeout=60, check=False,
                           )
        assert r.returncode == 0
        assert "every core" in " ".join(r.stdout.split()), command


def test_batches_are_full_when_there_are_documents_enough() -> None:
    assert chunk_size(64, 32, 2) == 32 and chunk_size(1000, 32, 2) == 32
    assert chunk_size(30, 32, 2) == 15  # a few dozen documents: shared out
    assert chunk_size(24, 32, 4) == 6 and chunk_size(1, 32, 2) == 1


def test_a_long_input_is_handed_out_in_full_batches(docs: list[Document]) -> None:
    """All the documents come back, in order, when the look-ahead covers full batches."""
    opts = ExtractOptions(batch_size=8)
    with PooledExtractor(opts, 2) as pooled:
        got = [d.id for d, _ in pooled.extract_many(iter(docs))]
    assert got == [d.id for d in docs]


def _id_and_count(doc: Document, claims: list[Claim]) -> str:
    """A render for extract_rendered (module-level: it is sent to the workers by name)."""
    return f"{doc.id}:{len(claims)}:{os.getpid()}"


def test_rendered_lines_come_in_input_order_from_the_workers(docs: list[Document]) -> None:
    one = [f"{d.id}:{len(cs)}" for d, cs in Extractor().extract_many(docs)]
    with PooledExtractor(ExtractOptions(), 2) as pooled:
        small = list(pooled.extract_rendered(docs[:5], _id_and_count))
        assert not pooled.started  # five documents: rendered here
        many = list(pooled.extract_rendered(docs, _id_and_count))
        assert pooled.started
    assert [s.rsplit(":", 1)[0] for s in many] == one
    assert {s.rsplit(":", 1)[1] for s in small} == {str(os.getpid())}
    # made in the workers, not in this process
    assert str(os.getpid()) not in {s.rsplit(":", 1)[1] for s in many}


def test_extract_jsonl_lines_are_the_same_from_the_workers(docs: list[Document]) -> None:
    from tollwatch.commands.extracting import jsonl_line

    here = [jsonl_line(d, cs) for d, cs in Extractor().extract_many(docs)]
    with PooledExtractor(ExtractOptions(), 2) as pooled:
        pooled_lines = list(pooled.extract_rendered(docs, jsonl_line))
    assert pooled_lines == here
    assert all(line.endswith("\n") and line.count("\n") == 1 for line in here)
