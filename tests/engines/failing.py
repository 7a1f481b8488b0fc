"""An extractor for the engine tests that fails on documents holding a marker word; it
lives in its own module so that Ray workers can import it (tests/ is put on their
PYTHONPATH by the conftest)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from tollwatch.extract import ExtractOptions, Extractor
from tollwatch.model import Claim, Document

POISON = "Zyxwvut"


class FailingExtractor:
    """The real extractor, except that a batch holding ``POISON`` raises."""

    def __init__(self, options: ExtractOptions) -> None:
        self.inner = Extractor(options)

    def extract_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Claim]]]:
        batch = list(docs)
        if any(POISON in d.text for d in batch):
            raise RuntimeError("poisoned document")
        return self.inner.extract_many(batch)


def failing_factory(options: ExtractOptions) -> FailingExtractor:
    return FailingExtractor(options)
