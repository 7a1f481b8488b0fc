"""The local engine: reading, extraction and writing in this process (extraction in
``n_process`` worker processes when asked); the simple path."""

from __future__ import annotations

from collections.abc import Sequence

from tollwatch.engines.base import ExtractorFactory, default_factory
from tollwatch.extract.pipeline import ExtractOptions
from tollwatch.ingest.run import IngestOptions, IngestSummary, OnError, OnProgress, ingest
from tollwatch.store import Store

__all__ = ["LocalEngine"]


class LocalEngine:
    """``tollwatch.ingest.run.ingest`` with an extractor built from the options."""

    name = "local"

    def __init__(self, factory: ExtractorFactory | None = None) -> None:
        self.factory = factory or default_factory

    def run(self, store: Store, inputs: Sequence[str], extract: ExtractOptions,
            options: IngestOptions, *, on_error: OnError | None = None,
            on_progress: OnProgress | None = None) -> IngestSummary:
        if self.factory is default_factory and extract.n_process > 1:
            from tollwatch.engines.pool import PooledExtractor

            # one pool for the whole run, forked with the pipeline loaded; a few documents
            # are extracted in this process (tollwatch.engines.pool)
            with PooledExtractor(extract, extract.n_process) as pooled:
                return ingest(store, inputs, pooled, options, on_error=on_error,
                              on_progress=on_progress)
        return ingest(store, inputs, self.factory(extract), options, on_error=on_error,
                      on_progress=on_progress)
