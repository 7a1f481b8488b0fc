"""Which BLAS does the pipeline's matrix products, and with how many threads.

thinc's CPU backend multiplies matrices with its bundled BLIS by default. On the
sentences tollwatch parses, the matrix products of the two token-to-vector encoders (the
shared one and the entity recognizer's own), the parser's and the recognizer's hidden
layers are about a third of spaCy's time; the optimised BLAS that ships with NumPy
(OpenBLAS in NumPy's wheels, with kernels for the processor it runs on) computes the same
float32 products in less time (about 1.6 times faster for a 5,000 x 288 by 288 x 288
product on the 2-core machine of docs/evaluation.md).

- :func:`use_numpy_blas` gives every layer of the pipeline's components a ``NumpyOps``
  that multiplies through NumPy (``use_blis=False``; everything else is thinc's usual
  CPU code). It does so only when NumPy's BLAS is an optimised one (OpenBLAS, MKL or
  BLIS, as ``threadpoolctl`` reports it); with any other (a reference BLAS) the pipeline
  is left as it is. The parser's transition loop (compiled code calling BLIS directly)
  is unchanged.
- :func:`one_blas_thread` runs a block with NumPy's BLAS on one thread: extraction uses
  processes (``-j``) for the cores, and a BLAS spreading each product over every core
  would have the workers' threads wait on each other.

Different BLAS libraries may sum a product's terms in a different order, so a score can
differ in its last bits; the annotation (tags, dependencies, entities) is the same on the
sentences of ``tests/extract/test_nlp.py`` and ``test_fast_ner.py``, and the extracted claims
are byte-identical on the gold sets (docs/evaluation.md, "Extraction speed").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

__all__ = ["FAST_BLAS", "numpy_blas", "one_blas_thread", "use_numpy_blas"]

#: The BLAS implementations (threadpoolctl's ``internal_api``) worth using over BLIS.
FAST_BLAS = frozenset({"openblas", "mkl", "blis"})


@lru_cache(maxsize=1)
def _controller() -> Any:
    import numpy  # noqa: F401  (NumPy's BLAS is loaded with it)
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@lru_cache(maxsize=1)
def numpy_blas() -> str | None:
    """The optimised BLAS NumPy multiplies with (``"openblas"``, ``"mkl"``, ``"blis"``), or
    None when it has none of these."""
    for info in _controller().info():
        if info.get("user_api") == "blas" and info.get("internal_api") in FAST_BLAS:
            return str(info["internal_api"])
    return None


def use_numpy_blas(nlp: Any) -> bool:
    """Have every layer of ``nlp``'s components multiply through NumPy's BLAS; False (and
    ``nlp`` unchanged) when NumPy has no optimised BLAS."""
    if numpy_blas() is None:
        return False
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """NumPy's BLAS on one thread for the block (restored after it)."""
    with _controller().limit(limits=1, user_api="blas"):
        yield
