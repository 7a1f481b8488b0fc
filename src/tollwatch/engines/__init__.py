"""Engines: how an ingest run reads and extracts its inputs.

    >>> from tollwatch.engines import get_engine
    >>> summary = get_engine("local").run(store, ["inbox/"], ExtractOptions(), opts)

``local`` (the default) reads and extracts in this process (or ``n_process`` worker
processes); ``ray`` runs reading and extraction as Ray Data stages over a Ray cluster
(``pip install 'tollwatch[ray]'``). Both hand their documents to the same store writer
(``tollwatch.ingest.run.ingest_items``) in input order, so they store the same documents
and claims, with the same duplicate, failure and crash-safety rules.
"""

from __future__ import annotations

from tollwatch.engines.base import ENGINES, Engine, ExtractorFactory, get_engine
from tollwatch.engines.local import LocalEngine

__all__ = ["ENGINES", "Engine", "ExtractorFactory", "LocalEngine", "get_engine"]
