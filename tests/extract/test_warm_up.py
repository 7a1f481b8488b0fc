"""The warm-up before the workers fork (extract/warm_up.py): it loads the rules read on
first use and changes nothing extracted afterwards. Sentences written for this test."""

from __future__ import annotations

import functools
import gc
import sys

from tollwatch.extract import Extractor
from tollwatch.extract.warm_up import WARM_UP_ID, call_loaders, warm_up, warm_up_document
from tollwatch.model import Claim, Document

_DOCS = [
    Document(id="a", text=("Rebels killed 12 villagers near Torvik on Sunday, the provincial "
                           "governor said on Monday. Another 30 people were wounded.")),
    Document(id="b", text=("OSTRAVEN, June 4, 2030 – Police detained 45 protesters, and "
                           "about 200 families were displaced, officials said.")),
]


def _rows(claims: list[Claim]) -> list[dict[str, object]]:
    return [c.to_dict() for c in claims]


def test_the_warm_up_document_has_figures_to_extract() -> None:
    doc = warm_up_document()
    assert doc.id == WARM_UP_ID and doc.published is None
    claims = Extractor().extract(doc)
    assert len(claims) >= 10
    assert {c.metric for c in claims} >= {"killed", "injured", "captured", "displaced",
                                          "deployed", "detained"}


def test_what_is_extracted_after_the_warm_up_is_unchanged() -> None:
    cold = Extractor()
    before = [_rows(cs) for cs in cold.extract_batch(_DOCS)]
    warm = Extractor()
    rendered: list[str] = []
    warm_up(warm, lambda d, cs: rendered.append(f"{d.id}:{len(cs)}"))
    assert rendered and rendered[0].startswith(WARM_UP_ID + ":")
    assert [_rows(cs) for cs in warm.extract_batch(_DOCS)] == before
    assert gc.get_freeze_count() > 0  # what it loaded is out of the collector's way


def _cached_loaders() -> list[functools._lru_cache_wrapper[object]]:
    out = []
    for name, module in list(sys.modules.items()):
        if name.startswith("tollwatch.extract.") and module is not None:
            for f in vars(module).values():
                if isinstance(f, functools._lru_cache_wrapper) and f.__module__ == name:
                    out.append(f)
    return out


def test_call_loaders_calls_each_loader_taking_no_argument_once() -> None:
    Extractor()  # imports the extraction modules
    call_loaders()
    assert call_loaders() == []  # all called already: nothing more
    from tollwatch.extract import force_of

    force_of._force_nouns.cache_clear()
    assert call_loaders() == ["tollwatch.extract.force_of._force_nouns"]
    assert force_of._force_nouns.cache_info().currsize == 1
    # a cached function that needs an argument is not called
    from tollwatch.extract.actors import actor_for

    assert actor_for in _cached_loaders()
    actor_for.cache_clear()
    assert call_loaders() == []
    assert actor_for.cache_info().currsize == 0
