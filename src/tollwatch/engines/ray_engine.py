"""The Ray engine: reading and extraction as Ray Data stages, writing on the driver.

    inputs ──(driver)──▶ units (files, URLs) ──from_items──▶ read stage (tasks)
        ──▶ extract stage (actor pool: one Extractor, one spaCy pipeline, per actor)
        ──iter_batches, in input order──▶ driver: ingest_items ──▶ store

The driver lists the inputs (directories walked) into units; a read task reads units into
documents and input errors; each extraction actor loads the pipeline once and extracts
batches of documents, skipping texts that were stored before the run started (a re-run
after a crash does not extract again what it stored). The driver takes the results back
in input order (``preserve_order``) and hands them to the same writer as the local engine
(``tollwatch.ingest.run.ingest_items``): one writer, one transaction per batch, the same
duplicate, failure and crash-safety rules, so both engines store the same documents and
claims. Rows travel between stages as one pickled payload each (documents, claims and
errors are plain picklable objects), which keeps Arrow out of the way of odd text.

Ray is an optional dependency: ``pip install 'tollwatch[ray]'``; it is imported only
when this engine is built.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tollwatch.engines.base import ExtractorFactory, default_factory
from tollwatch.errors import ConfigError, TollwatchError
from tollwatch.extract.pipeline import ExtractOptions
from tollwatch.ingest.dedup import content_hash
from tollwatch.ingest.fetch import Fetcher, FetchOptions
from tollwatch.ingest.inputs import InputUnit, input_units, read_unit
from tollwatch.ingest.readers import ReadOptions, Sourced, kind_of
from tollwatch.ingest.run import (
    Extracted,
    ExtractorLike,
    IngestOptions,
    IngestSummary,
    OnError,
    OnProgress,
    as_extractor,
    extract_documents,
    ingest_items,
)
from tollwatch.model import Claim, Document
from tollwatch.store import Store
from tollwatch.store.schema import DocumentRow

__all__ = ["ACTOR_CPUS", "BLOCK_BYTES", "INSTALL_HINT", "READ_CPUS", "RayEngine", "import_ray"]

INSTALL_HINT = "the Ray engine needs Ray: pip install 'tollwatch[ray]'"

ACTOR_CPUS = 0.875
"""CPUs an extraction actor asks for. Less than one so that, with one actor per CPU (the
default), an eighth of each CPU is left for the read tasks, which are light (I/O and
decoding): actors holding every CPU would leave the read stage unable to run."""

READ_CPUS = 0.25
"""CPUs a read task asks for."""

BLOCK_BYTES = 64 * 1024
"""Target size of a block between stages: a few dozen articles, so that the documents of
one big input are spread over the actors as they are read."""

_READ = "read"            # payload: Sourced or TollwatchError, as read
_EXTRACTED = "extracted"  # payload: Extracted
_FATAL = "fatal"          # payload: TollwatchError that stops the run (ModelError)


def import_ray() -> Any:
    """The ``ray`` module with ``ray.data``; ConfigError with the install line without."""
    try:
        import ray
        import ray.data
    except ImportError as e:
        raise ConfigError(INSTALL_HINT) from e
    return ray


def _pack(tag: str, obj: object) -> bytes:
    return pickle.dumps((tag, obj), protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(blob: bytes) -> tuple[str, Any]:
    tag, obj = pickle.loads(blob)  # written by this run's own stages
    return str(tag), obj


def _table(payloads: list[bytes]) -> Any:
    import pyarrow as pa

    return pa.table({"payload": pa.array(payloads, type=pa.large_binary())})


# -- read stage (Ray tasks) ---------------------------------------------------------------
_FETCHERS: dict[FetchOptions, Fetcher] = {}


def _fetcher(options: FetchOptions) -> Fetcher:
    """One HTTP client per worker process and settings, made when first needed."""
    f = _FETCHERS.get(options)
    if f is None:
        f = _FETCHERS[options] = Fetcher(options)
    return f


def _needs_fetcher(unit: InputUnit) -> bool:
    if unit.kind == "url":
        return True
    return unit.kind == "file" and kind_of(Path(unit.spec)) in ("feed", "xml")


def read_batch(batch: Any, read: ReadOptions, fetch: FetchOptions,
               chunk: int) -> Iterator[Any]:
    """Read stage: a batch of units (pyarrow, columns kind/spec/reason) to tables of
    ``chunk`` payloads, documents and input errors in order."""
    out: list[bytes] = []
    for row in batch.to_pylist():
        unit = InputUnit(row["kind"], row["spec"], row["reason"])
        fetcher = _fetcher(fetch) if _needs_fetcher(unit) else None
        for item in read_unit(unit, read, fetcher):
            out.append(_pack(_READ, item))
            if len(out) >= chunk:
                yield _table(out)
                out = []
    if out:
        yield _table(out)


# -- extract stage (Ray actors) ---------------------------------------------------------
class ExtractStage:
    """Extract stage: one extractor (one spaCy pipeline) per actor, loaded when the actor
    starts (while the first documents are read); texts whose hash prefix is in ``known``
    (stored before the run) are passed on unextracted."""

    def __init__(self, extract: ExtractOptions, factory: ExtractorFactory,
                 known: Any = None) -> None:
        self.known = known
        self._fatal: TollwatchError | None = None
        self._extractor: ExtractorLike | None = None
        try:
            built = factory(extract)
            _ = getattr(built, "nlp", None)  # load the pipeline now, not on the first batch
            self._extractor = as_extractor(built)
        except TollwatchError as e:  # ModelError: no pipeline; the driver stops the run
            self._fatal = e

    def _stored(self, doc: Document) -> bool:
        if self.known is None or len(self.known) == 0:
            return False
        import numpy as np

        key = np.uint64(int(content_hash(doc.text)[:16], 16))
        i = int(np.searchsorted(self.known, key))
        return i < len(self.known) and bool(self.known[i] == key)

    def __call__(self, batch: Any) -> Any:
        rows = [_unpack(b) for b in batch.column("payload").to_pylist()]
        if self._fatal is not None or self._extractor is None:
            return _table([_pack(_FATAL, self._fatal or TollwatchError("no extractor"))])
        todo = [i for i, (_, obj) in enumerate(rows)
                if isinstance(obj, Sourced) and not self._stored(obj.doc)]
        try:
            claims, failed = extract_documents(self._extractor, [rows[i][1].doc for i in todo])
        except TollwatchError as e:  # ModelError raised while extracting
            return _table([_pack(_FATAL, e)])
        got: dict[int, list[Claim]] = {todo[j]: c for j, c in claims.items()}
        bad: dict[int, TollwatchError] = {todo[j]: e for j, e in failed.items()}
        out: list[bytes] = []
        for i, (tag, obj) in enumerate(rows):
            if isinstance(obj, Sourced):
                out.append(_pack(_EXTRACTED, Extracted(obj, got.get(i), bad.get(i))))
            else:
                out.append(_pack(tag, obj))
        return _table(out)


# -- the driver ---------------------------------------------------------------------------
class _LazyExtractor:
    """The driver's own extractor, built only if a document reaches the writer without
    its extraction (a text the workers took for stored that the store no longer has)."""

    def __init__(self, factory: ExtractorFactory, extract: ExtractOptions) -> None:
        self.factory, self.extract = factory, extract
        self._ex: ExtractorLike | None = None

    def extract_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Claim]]]:
        if self._ex is None:
            self._ex = as_extractor(self.factory(self.extract))
        return self._ex.extract_many(docs)


def known_prefixes(store: Store) -> Any:
    """The first 64 bits of every stored content hash, sorted (numpy uint64): what the
    actors skip. A false match only costs an extraction on the driver."""
    import numpy as np
    from sqlalchemy import select

    with store.engine.connect() as conn:
        keys = [int(h[:16], 16) for h in conn.execute(select(DocumentRow.content_hash))
                .scalars()]
    return np.sort(np.array(keys, dtype=np.uint64))


class RayEngine:
    """Ingest with Ray Data. ``address``: a running Ray cluster (``ray://...`` or
    ``host:port``; None starts a local Ray, unless this process is already connected);
    ``workers``: extraction actors (default: one per CPU of the cluster)."""

    name = "ray"

    def __init__(self, address: str | None = None, workers: int | None = None,
                 factory: ExtractorFactory | None = None) -> None:
        self.ray = import_ray()
        self.address, self.workers = address, workers
        self.factory = factory or default_factory

    def _start(self) -> bool:
        """Connect to (or start) Ray; True when this call started it."""
        if self.ray.is_initialized():
            return False
        self.ray.init(address=self.address, include_dashboard=False,
                      logging_level=logging.WARNING, log_to_driver=False,
                      configure_logging=True)
        return True

    def _pool_size(self) -> int:
        if self.workers is not None:
            return max(1, self.workers)
        cpus = float(self.ray.cluster_resources().get("CPU", 1.0))
        return max(1, int(cpus))

    def items(self, store: Store, units: Sequence[InputUnit], extract: ExtractOptions,
              options: IngestOptions) -> Iterator[Sourced | Extracted | TollwatchError]:
        """The documents (extracted) and input errors of ``units``, in input order."""
        if not units:
            return
        ray = self.ray
        workers = self._pool_size()
        chunk = max(1, extract.batch_size)
        ctx = ray.data.DataContext.get_current()
        saved = (ctx.execution_options.preserve_order, ctx.enable_progress_bars,
                 ctx.target_max_block_size)
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False
        # small blocks, so that one input (a big JSONL file) still feeds every actor
        ctx.target_max_block_size = BLOCK_BYTES
        data_log = logging.getLogger("ray.data")
        level = data_log.level
        data_log.setLevel(logging.ERROR)
        try:
            rows = [{"kind": u.kind, "spec": u.spec, "reason": u.reason} for u in units]
            ds = ray.data.from_items(rows, override_num_blocks=min(len(rows), 4 * workers))
            ds = ds.map_batches(
                read_batch, batch_size=None, batch_format="pyarrow", num_cpus=READ_CPUS,
                fn_kwargs={"read": options.read, "fetch": options.fetch, "chunk": chunk})
            ds = ds.map_batches(
                ExtractStage, batch_size=chunk, batch_format="pyarrow", num_cpus=ACTOR_CPUS,
                compute=ray.data.ActorPoolStrategy(size=workers),
                fn_constructor_kwargs={"extract": extract, "factory": self.factory,
                                       "known": known_prefixes(store)})
            for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
                for blob in batch.column("payload").to_pylist():
                    tag, obj = _unpack(blob)
                    if tag == _FATAL:
                        raise obj
                    yield obj
        finally:
            (ctx.execution_options.preserve_order, ctx.enable_progress_bars,
             ctx.target_max_block_size) = saved
            data_log.setLevel(level)

    def run(self, store: Store, inputs: Sequence[str], extract: ExtractOptions,
            options: IngestOptions, *, on_error: OnError | None = None,
            on_progress: OnProgress | None = None) -> IngestSummary:
        started = self._start()
        try:
            units = list(input_units(inputs))
            return ingest_items(store, self.items(store, units, extract, options),
                                _LazyExtractor(self.factory, extract), options,
                                inputs=inputs, on_error=on_error, on_progress=on_progress)
        finally:
            if started:
                self.ray.shutdown()

