"""Everything extraction loads on first use, loaded once before the workers fork.

Extraction reads most of its rules lazily: a rules file is parsed, and its patterns are
compiled, the first time a sentence needs them (``functools.lru_cache`` loaders, and the
``re`` module's cache of patterns written inline). In a pool of forked workers, whatever
the parent has not loaded before the fork is loaded again by every worker, on its first
batches (about 0.3 s of CPU per worker on the machine of docs/evaluation.md). :func:`warm_up`
has the parent do that work once, before the fork, so that the workers inherit it:

- it extracts a short built-in document (``data/warm_up.txt``: made-up sentences with
  figures, sources, dates, ranges, quotes), which loads what those paths use, and hands its
  claims to ``render`` (what the caller makes of a document's claims, e.g. its JSON line);
- then it calls every loader of :mod:`tollwatch.extract` that takes no argument and has
  not been called yet (a cached function whose parameters all have defaults);
- and, as after loading the pipeline (:func:`tollwatch.extract.nlp.load_pipeline`), moves
  what is now loaded out of the garbage collector's generations (``gc.freeze``), so that
  no worker's collections walk it.

Both only fill caches of pure functions (rules read from the package's files, patterns
compiled from them, answers for the warm-up's own phrases), so nothing extracted afterwards
changes (tests/extract/test_warm_up.py; the default run's output is compared byte for byte
in docs/evaluation.md).
"""

from __future__ import annotations

import functools
import gc
import inspect
import sys
from collections.abc import Callable
from importlib import resources
from typing import Any

from tollwatch.extract.pipeline import Extractor
from tollwatch.model import Claim, Document

__all__ = ["WARM_UP_ID", "call_loaders", "warm_up", "warm_up_document"]

WARM_UP_ID = "tollwatch-warm-up"


def warm_up_document() -> Document:
    """The built-in warm-up document (``data/warm_up.txt``)."""
    text = resources.files("tollwatch.data").joinpath("warm_up.txt").read_text("utf-8")
    return Document(id=WARM_UP_ID, text=text, published=None)


def _takes_no_argument(f: Callable[..., Any]) -> bool:
    try:
        params = inspect.signature(f).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(p.default is not inspect.Parameter.empty or
               p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params)


def call_loaders(prefix: str = "tollwatch.extract.") -> list[str]:
    """Call each cached function of the imported modules under ``prefix`` that takes no
    argument and has nothing cached yet; the names of those called."""
    called: list[str] = []
    for name, module in sorted(sys.modules.items()):
        if not name.startswith(prefix) or module is None:
            continue
        for attr, f in sorted(vars(module).items()):
            if not isinstance(f, functools._lru_cache_wrapper) or \
                    getattr(f, "__module__", None) != name:
                continue  # (not a cached function, or one imported from elsewhere)
            if f.cache_info().currsize or not _takes_no_argument(f):
                continue
            f()
            called.append(f"{name}.{attr}")
    return called


def warm_up(extractor: Extractor,
            render: Callable[[Document, list[Claim]], object] | None = None) -> None:
    """Load, in this process, what extraction with ``extractor`` (and ``render``) loads on
    first use (the module docstring)."""
    doc = warm_up_document()
    claims = extractor.extract_batch([doc])[0]
    if render is not None:
        render(doc, claims)
    call_loaders()
    gc.collect()
    gc.freeze()
