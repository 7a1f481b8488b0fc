"""The Engine protocol, and engines by name."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from tollwatch.errors import ConfigError
from tollwatch.extract.pipeline import ExtractOptions
from tollwatch.ingest.run import (
    ExtractFn,
    ExtractorLike,
    IngestOptions,
    IngestSummary,
    OnError,
    OnProgress,
)
from tollwatch.store import Store

__all__ = ["ENGINES", "Engine", "ExtractorFactory", "default_factory", "get_engine"]

ENGINES = ("local", "ray")

ExtractorFactory = Callable[[ExtractOptions], ExtractorLike | ExtractFn]
"""Builds the extractor a worker uses; the default is ``tollwatch.extract.Extractor``.
For the Ray engine it must pickle (a module-level function or class)."""


def default_factory(options: ExtractOptions) -> ExtractorLike:
    from tollwatch.extract.pipeline import Extractor

    return Extractor(options)


class Engine(Protocol):
    """Reads ``inputs``, extracts the claims of the new texts and hands everything, in
    input order, to the store writer; returns the run's summary."""

    name: str

    def run(self, store: Store, inputs: Sequence[str], extract: ExtractOptions,
            options: IngestOptions, *, on_error: OnError | None = None,
            on_progress: OnProgress | None = None) -> IngestSummary:
        ...


def get_engine(name: str, *, address: str | None = None, workers: int | None = None,
               factory: ExtractorFactory | None = None) -> Engine:
    """The engine called ``name``; ``address`` (a Ray cluster) and ``workers`` (Ray
    extraction actors) apply to ``ray`` only. ConfigError for an unknown name, or for
    ``ray`` when Ray is not installed."""
    if name == "local":
        if address is not None:
            raise ConfigError("--address needs --engine ray")
        from tollwatch.engines.local import LocalEngine

        return LocalEngine(factory=factory)
    if name == "ray":
        from tollwatch.engines.ray_engine import RayEngine

        return RayEngine(address=address, workers=workers, factory=factory)
    raise ConfigError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
