"""The ingest loop: read inputs, extract claims from new texts, store them per batch.

Each batch commits whole (documents, copies, claims, the run's errors and counters), so a
run killed at any moment and run again ends with what one clean run would have stored:
inputs already stored are recognised by content hash and source, and skipped. Texts whose
hash is already stored are not extracted again.

The extractor is anything with ``extract_many(docs) -> Iterator[(Document, claims)]``
(a ``tollwatch.extract.Extractor``) or a plain function ``Document -> list[Claim]``.

An engine that extracts elsewhere (``tollwatch.engines``: Ray workers) hands the loop
``Extracted`` items, documents with their claims (or their extraction failure) already
known; the loop stores them by the same rules, and extracts here only what came without.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from tollwatch.errors import ModelError, TollwatchError
from tollwatch.ingest.dedup import content_hash
from tollwatch.ingest.fetch import Fetcher, FetchOptions
from tollwatch.ingest.inputs import read_inputs
from tollwatch.ingest.readers import ReadOptions, Sourced
from tollwatch.model import Claim, Document
from tollwatch.store import DUPLICATE, NEAR_DUPLICATE, NEW, SEEN, AddResult, Incoming, Store

__all__ = [
    "ExtractFn",
    "Extracted",
    "ExtractorLike",
    "IngestOptions",
    "IngestSummary",
    "OnError",
    "OnProgress",
    "ReextractSummary",
    "as_extractor",
    "extract_documents",
    "ingest",
    "ingest_items",
    "reextract",
]


@runtime_checkable
class ExtractorLike(Protocol):
    def extract_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Claim]]]:
        ...


ExtractFn = Callable[[Document], list[Claim]]


class _FnExtractor:
    def __init__(self, fn: ExtractFn) -> None:
        self.fn = fn

    def extract_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Claim]]]:
        for d in docs:
            yield d, self.fn(d)


def as_extractor(x: ExtractorLike | ExtractFn) -> ExtractorLike:
    return x if isinstance(x, ExtractorLike) else _FnExtractor(x)


@dataclass(frozen=True, slots=True)
class IngestOptions:
    extractor_version: str
    batch_size: int = 64
    read: ReadOptions = field(default_factory=ReadOptions)
    fetch: FetchOptions = field(default_factory=FetchOptions)


@dataclass(slots=True)
class IngestSummary:
    """What a run did; ``failed`` counts inputs (files, lines, URLs) that could not be used."""

    run_id: int
    new: int = 0
    duplicate: int = 0
    near_duplicate: int = 0
    seen: int = 0
    failed: int = 0
    claims: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.new + self.duplicate + self.near_duplicate + self.seen

    def to_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "new": self.new, "duplicate": self.duplicate,
                "near_duplicate": self.near_duplicate, "seen": self.seen,
                "failed": self.failed, "claims": self.claims,
                "renamed": [list(r) for r in self.renamed]}


@dataclass(frozen=True, slots=True)
class Extracted:
    """A read document whose extraction was done upstream: ``claims``, or ``error`` when
    it failed; neither when it was not extracted (its text was already stored)."""

    item: Sourced
    claims: list[Claim] | None = None
    error: TollwatchError | None = None


OnError = Callable[[TollwatchError], None]
OnProgress = Callable[[IngestSummary], None]


def extract_documents(extractor: ExtractorLike, docs: Sequence[Document]
                      ) -> tuple[dict[int, list[Claim]], dict[int, TollwatchError]]:
    """Claims by position; a batch that fails is retried one document at a time so that
    one bad document fails alone. A ModelError (no pipeline) stops the run."""
    got: dict[int, list[Claim]] = {}
    failed: dict[int, TollwatchError] = {}
    if not docs:
        return got, failed
    try:
        for i, (_, claims) in enumerate(extractor.extract_many(docs)):
            got[i] = claims
        if len(got) == len(docs):
            return got, failed
    except ModelError:
        raise
    except Exception:  # noqa: BLE001, S110 - retried one by one below, each failure reported
        pass
    got.clear()
    for i, d in enumerate(docs):
        try:
            got[i] = next(iter(extractor.extract_many([d])))[1]
        except ModelError:
            raise
        except Exception as e:  # noqa: BLE001 - the document fails, the run goes on
            failed[i] = TollwatchError(f"extraction failed: {type(e).__name__}: {e}",
                                       source=d.id)
    return got, failed



def _tally(summary: IngestSummary, results: Iterable[AddResult]) -> None:
    for r in results:
        if r.outcome == NEW:
            summary.new += 1
        elif r.outcome == DUPLICATE:
            summary.duplicate += 1
        elif r.outcome == NEAR_DUPLICATE:
            summary.near_duplicate += 1
        elif r.outcome == SEEN:
            summary.seen += 1
        summary.claims += r.claims_added
        if r.renamed_from is not None:
            summary.renamed.append((r.renamed_from, r.doc_id))


class _Batcher:
    def __init__(self, store: Store, extractor: ExtractorLike, opts: IngestOptions,
                 summary: IngestSummary, on_error: OnError | None) -> None:
        self.store, self.extractor, self.opts = store, extractor, opts
        self.summary, self.on_error = summary, on_error
        self.items: list[Sourced | Extracted] = []
        self.errors: list[TollwatchError] = []

    def fail(self, err: TollwatchError) -> None:
        self.errors.append(err)
        self.summary.failed += 1
        if self.on_error is not None:
            self.on_error(err)

    def full(self) -> bool:
        return len(self.items) >= self.opts.batch_size or len(self.errors) >= 1000

    def flush(self) -> None:
        if not self.items and not self.errors:
            return
        got, self.items = self.items, []
        items = [g.item if isinstance(g, Extracted) else g for g in got]
        hashes = [content_hash(s.doc.text) for s in items]
        known = self.store.known_hashes(hashes)
        first: dict[str, int] = {}
        todo: list[int] = []
        for i, h in enumerate(hashes):
            if h not in known and h not in first:
                first[h] = i
                todo.append(i)
        extracted: dict[int, list[Claim]] = {}
        failures: dict[int, TollwatchError] = {}
        here: list[int] = []  # todo documents that came without their extraction
        for i in todo:
            g = got[i]
            if isinstance(g, Extracted) and g.error is not None:
                failures[i] = g.error
            elif isinstance(g, Extracted) and g.claims is not None:
                extracted[i] = g.claims
            else:
                here.append(i)
        claims, failed_here = extract_documents(self.extractor, [items[i].doc for i in here])
        extracted.update({here[j]: c for j, c in claims.items()})
        failures.update({here[j]: e for j, e in failed_here.items()})
        bad_hashes = {hashes[i] for i in failures}
        for i in sorted(failures):
            self.fail(failures[i])
        incoming: list[Incoming] = []
        for i, s in enumerate(items):
            if hashes[i] in bad_hashes:
                if first.get(hashes[i]) != i:
                    self.fail(TollwatchError("not stored: the copy it repeats failed",
                                             source=s.source))
                continue
            incoming.append(Incoming(s.doc, extracted.get(i), source=s.source,
                                     language=s.language))
        errors, self.errors = self.errors, []
        results = self.store.add_batch(incoming, self.opts.extractor_version,
                                       run_id=self.summary.run_id, errors=errors)
        _tally(self.summary, results)


@contextmanager
def _recorded_run(store: Store, kind: str, inputs: list[str], version: str) -> Iterator[int]:
    """A run row for the body's work: "done", "interrupted" (Ctrl-C) or "failed"."""
    run_id = store.start_run(kind, inputs, version)
    status = "failed"
    try:
        yield run_id
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        store.finish_run(run_id, status)


def ingest_items(store: Store, items: Iterable[Sourced | Extracted | TollwatchError],
                 extractor: ExtractorLike | ExtractFn, options: IngestOptions, *,
                 inputs: Sequence[str] = (), on_error: OnError | None = None,
                 on_progress: OnProgress | None = None) -> IngestSummary:
    """Store sourced documents (errors are reported and recorded) as one run."""
    with _recorded_run(store, "ingest", list(inputs), options.extractor_version) as run_id:
        summary = IngestSummary(run_id)
        batcher = _Batcher(store, as_extractor(extractor), options, summary, on_error)
        for it in items:
            if isinstance(it, TollwatchError):
                batcher.fail(it)
            else:
                batcher.items.append(it)
            if batcher.full():
                batcher.flush()
                if on_progress is not None:
                    on_progress(summary)
        batcher.flush()
        if on_progress is not None:
            on_progress(summary)
    return summary


def ingest(store: Store, inputs: Sequence[str], extractor: ExtractorLike | ExtractFn,
           options: IngestOptions, *, on_error: OnError | None = None,
           on_progress: OnProgress | None = None) -> IngestSummary:
    """Ingest files, directories and URLs into ``store`` as one run."""
    with Fetcher(options.fetch) as fetcher:
        items = read_inputs(inputs, options.read, fetcher)
        return ingest_items(store, items, extractor, options, inputs=inputs,
                            on_error=on_error, on_progress=on_progress)


@dataclass(slots=True)
class ReextractSummary:
    run_id: int
    documents: int = 0
    failed: int = 0
    claims: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"run_id": self.run_id, "documents": self.documents, "failed": self.failed,
                "claims": self.claims}


def reextract(store: Store, extractor: ExtractorLike | ExtractFn, extractor_version: str, *,
              batch_size: int = 64, on_error: OnError | None = None,
              on_progress: Callable[[ReextractSummary], None] | None = None
              ) -> ReextractSummary:
    """Re-extract every document last extracted by another version, one batch per
    transaction (a killed run resumes where it stopped)."""
    ex = as_extractor(extractor)
    after = 0
    with _recorded_run(store, "reextract", [], extractor_version) as run_id:
        summary = ReextractSummary(run_id)
        while batch := store.stale_documents(extractor_version, after, batch_size):
            after = batch[-1][0]
            claims, failures = extract_documents(ex, [d for _, d in batch])
            for err in failures.values():
                summary.failed += 1
                if on_error is not None:
                    on_error(err)
            items = [(batch[i][0], claims[i]) for i in sorted(claims)]
            summary.claims += store.replace_claims(items, extractor_version, run_id,
                                                   list(failures.values()))
            summary.documents += len(items)
            if on_progress is not None:
                on_progress(summary)
    return summary
