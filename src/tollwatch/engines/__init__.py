"""Engines: how an ingest run reads and extracts its inputs.

    >>> from tollwatch.engines import get_engine
    >>> summary = get_engine("local").run(store, ["inbox/"], ExtractOptions(), opts)

``local`` (the default) reads and extracts in this process (or ``n_process`` worker
processes); ``ray`` runs reading and extraction as Ray Data stages over a Ray cluster
(``pip install 'tollwatch[ray]'``). Both hand their documents to the same store writer
(``tollwatch.ingest.run.ingest_items``) in input order, so they store the same documents
and claims, with the same duplicate, failure and crash-safety rules.

The names below are imported on first use: ``tollwatch extract`` imports
``tollwatch.engines.pool`` alone, and should not pay for the store and the HTTP client that
the engines' ingest path needs (about 0.7 s of CPU before the first worker starts).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tollwatch.engines.base import ENGINES, Engine, ExtractorFactory, get_engine
    from tollwatch.engines.local import LocalEngine

__all__ = ["ENGINES", "Engine", "ExtractorFactory", "LocalEngine", "get_engine"]

_HOME = {"ENGINES": "base", "Engine": "base", "ExtractorFactory": "base",
         "get_engine": "base", "LocalEngine": "local"}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"tollwatch.engines.{home}"), name)
    globals()[name] = value
    return value
