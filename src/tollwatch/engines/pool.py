"""Extraction on every core, without paying for processes a small input does not need.

Every command that extracts (``extract``, ``ingest``, ``reextract``, ``eval``, ``bench``)
uses all the cores this process may run on unless ``-j`` says otherwise (``-j 1``: one
process). Two things keep that cheap:

* **Small inputs stay in one process.** Fewer than ``MIN_PARALLEL`` documents in a call
  (one article, a few feed items, a short gold file) are extracted here: a worker pool
  would cost more to start than it saves.
* **Workers start once, with the pipeline already loaded.** The spaCy pipeline is loaded
  here first, then the pool is forked: each worker shares the loaded pipeline
  (copy-on-write) instead of loading its own, and the pool lives until ``close()``, so an
  ``ingest`` that extracts batch after batch starts its workers once, not per batch.
* **No worker waits at the end.** Full batches are handed out while more documents are in
  sight; the last ones (once the input has ended) go out in shrinking batches
  (:func:`tail_sizes`), so that the workers finish together instead of one idling while
  the other parses a full last batch. Workers send back the claims alone (the parent has
  the documents).
* **What the caller writes is made where the claims are.** :meth:`PooledExtractor.extract_rendered`
  has the workers turn each document's claims into what the caller outputs (``extract
  --jsonl``: its JSON line) and send back that string: the parent then neither unpickles
  claim objects nor serialises them, and the workers pickle a string instead of claims.

``PooledExtractor`` is an ``ExtractorLike`` (``extract_many``), built on the public
``Extractor`` API (``extract_batch``).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice
from multiprocessing.pool import Pool
from typing import Self, TypeVar

from tollwatch.extract.pipeline import ExtractOptions, Extractor
from tollwatch.model import Claim, Document, Extraction

__all__ = ["MIN_PARALLEL", "PooledExtractor", "Render", "available_cores", "balanced_batches",
           "chunk_size", "processes_for", "tail_sizes"]

T = TypeVar("T")

#: What a document's claims become before they leave the process that extracted them
#: (a module-level function, so that it reaches the workers by name).
Render = Callable[[Document, list[Claim]], T]

#: Below this many documents in one call, extraction stays in this process.
MIN_PARALLEL = 24

_SHARED: Extractor | None = None  # the parent's loaded extractor, inherited by fork


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def processes_for(requested: int | None, documents: int | None = None) -> int:
    """``requested`` when given (``-j``); else every core, or one when ``documents`` is
    known to be fewer than ``MIN_PARALLEL``."""
    if requested is not None:
        return max(1, requested)
    if documents is not None and documents < MIN_PARALLEL:
        return 1
    return available_cores()


def chunk_size(known: int, batch_size: int, processes: int) -> int:
    """Documents per batch handed to a worker, when ``known`` documents are in sight: a full
    ``batch_size`` when every worker can have one, else an equal share of them."""
    return max(1, min(batch_size, known // max(1, processes) or 1))


def tail_sizes(remaining: int, size: int, processes: int, smallest: int = 4) -> list[int]:
    """Batch sizes for the last ``remaining`` documents of an input: each batch a share of
    what is left (``remaining / (2 * processes)``, at most ``size``, at least ``smallest``),
    so batches shrink towards the end and the workers run out of work at about the same
    time (guided scheduling)."""
    out: list[int] = []
    left = remaining
    while left > 0:
        n = min(left, size, max(smallest, -(-left // (2 * max(1, processes)))))
        out.append(n)
        left -= n
    return out


def balanced_batches(docs: Iterable[Document], size: int,
                     processes: int) -> Iterator[list[Document]]:
    """``docs`` in batches of ``size`` while more than ``size * processes`` further documents
    are in sight; once the input has ended, the rest in shrinking batches (:func:`tail_sizes`).
    The documents stay in input order."""
    it = iter(docs)
    ahead = max(1, size) * (max(1, processes) + 1)
    buf: list[Document] = []
    while True:
        buf.extend(islice(it, ahead - len(buf)))
        if len(buf) < ahead:
            break  # the input has ended
        yield buf[:size]
        buf = buf[size:]
    start = 0
    for n in tail_sizes(len(buf), size, processes):
        yield buf[start:start + n]
        start += n


def _run(batch: list[Document]) -> list[Extraction]:
    assert _SHARED is not None
    return _SHARED.extract_batch(batch)


def _run_rendered(job: tuple[list[Document], Render[T]]) -> list[T]:
    batch, render = job
    assert _SHARED is not None
    return [render(d, cs) for d, cs in zip(batch, _SHARED.extract_batch(batch), strict=True)]


def _in_order(batches: Iterator[list[Document]], pool: Pool
              ) -> Iterator[tuple[Document, list[Claim]]]:
    """Each batch extracted by ``pool``, paired back with its documents, in order."""
    sent: list[list[Document]] = []

    def remember() -> Iterator[list[Document]]:
        for b in batches:
            sent.append(b)
            yield b

    for k, claims in enumerate(pool.imap(_run, remember())):
        batch = sent[k]
        sent[k] = []
        yield from zip(batch, claims, strict=True)


def _rendered_in_order(batches: Iterator[list[Document]], pool: Pool,
                       render: Render[T]) -> Iterator[T]:
    """Each batch extracted and rendered by ``pool``, in order."""
    for out in pool.imap(_run_rendered, ((b, render) for b in batches)):
        yield from out


class PooledExtractor:
    """``extract_many`` in ``processes`` worker processes, started on the first call with
    at least ``min_parallel`` documents and kept until ``close()``."""

    def __init__(self, options: ExtractOptions, processes: int, *,
                 min_parallel: int = MIN_PARALLEL) -> None:
        self.options = replace(options, n_process=1)
        self.processes = max(1, processes)
        self.min_parallel = min_parallel
        self.local = Extractor(self.options)
        self._pool: Pool | None = None

    @property
    def started(self) -> bool:
        """Whether the worker processes were started."""
        return self._pool is not None

    def _workers(self) -> Pool:
        global _SHARED
        if self._pool is None:
            _ = self.local.nlp  # loaded before the fork: the workers share it
            _SHARED = self.local
            self._pool = mp.get_context("fork").Pool(self.processes)
        return self._pool

    def _split(self, docs: Iterable[Document]) -> tuple[Iterator[Document], int]:
        """The documents again, and the batch size for workers (0: stay in this process)."""
        it = iter(docs)
        # enough documents to know whether to start workers, and to size their batches:
        # a full batch each when there are that many (sentences of more documents are
        # parsed together, which costs less per sentence), else an equal share
        head = list(islice(it, max(self.min_parallel, self.options.batch_size * self.processes)))
        if self.processes <= 1 or len(head) < self.min_parallel:
            return chain(head, it), 0
        return chain(head, it), chunk_size(len(head), self.options.batch_size, self.processes)

    def extract_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Claim]]]:
        """(document, claims) for each document, in input order."""
        it, size = self._split(docs)
        if not size:
            yield from self.local.extract_many(it)
            return
        yield from _in_order(balanced_batches(it, size, self.processes), self._workers())

    def extract_rendered(self, docs: Iterable[Document], render: Render[T]) -> Iterator[T]:
        """``render(document, claims)`` for each document, in input order, computed in the
        process that extracted the document. ``render`` must be a module-level function
        (it is sent to the workers by name) and its result picklable."""
        it, size = self._split(docs)
        if not size:
            for d, cs in self.local.extract_many(it):
                yield render(d, cs)
            return
        yield from _rendered_in_order(balanced_batches(it, size, self.processes),
                                      self._workers(), render)

    def close(self) -> None:
        """Stop the worker processes (when they were started)."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
