"""The ``pipe`` of tollwatch's own pipeline components: documents annotated a batch at a
time and yielded in their order (``extract/fast_ner.py``, ``extract/fast_parser.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["annotate_in_batches"]


def annotate_in_batches(docs: Iterable[Any], batch_size: int,
                        annotate: Callable[[list[Any]], None]) -> Iterator[Any]:
    """``docs`` again, in order, each batch of ``batch_size`` handed to ``annotate`` (which
    sets its annotation in place) before it is yielded."""
    batch: list[Any] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= batch_size:
            annotate(batch)
            yield from batch
            batch = []
    if batch:
        annotate(batch)
        yield from batch
