from __future__ import annotations

import pytest

from tollwatch.extract import Extractor
from tollwatch.model import Claim, Document


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def claims_of(extractor: Extractor):  # type: ignore[no-untyped-def]
    def run(text: str, published: str | None = None) -> list[Claim]:
        return extractor.extract(Document(id="t", text=text, published=published))

    return run
