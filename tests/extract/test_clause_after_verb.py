"""clause_sources.outside_own_clause: a that-clause right after a reporting verb read in a
phrase is what the verb reports, even when the parser hangs it on the main verb. The parse
is built by hand (the misparse the rule is for); the words are written for this test."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from tollwatch.extract import Extractor
from tollwatch.extract.clause_sources import outside_own_clause

_WORDS = ["Forty", "guards", "were", "seized", ",", "with", "the", "Office", "reporting",
          "that", "12", "remain", "captive", "."]
_HEADS = [1, 3, 3, 3, 3, 3, 7, 8, 5, 11, 11, 3, 11, 3]
_DEPS = ["nummod", "nsubjpass", "auxpass", "ROOT", "punct", "prep", "det", "nsubj", "pobj",
         "mark", "nsubj", "advcl", "acomp", "punct"]
_POS = ["NUM", "NOUN", "AUX", "VERB", "PUNCT", "ADP", "DET", "PROPN", "NOUN", "SCONJ", "NUM",
        "VERB", "ADJ", "PUNCT"]


def _doc(extractor: Extractor, words: list[str] | None = None) -> Any:
    return Doc(extractor.nlp.vocab, words=words or _WORDS, heads=_HEADS, deps=_DEPS,
               pos=_POS)


def test_the_clause_right_after_the_verb_is_its_own(extractor: Extractor) -> None:
    doc = _doc(extractor)
    assert doc[11].head.i == 3  # hung on "seized", not on "reporting"
    assert not outside_own_clause(doc[8], 10)


def test_a_figure_before_the_verb_stays_outside(extractor: Extractor) -> None:
    doc = _doc(extractor)
    assert outside_own_clause(doc[8], 0)


def test_no_that_after_the_verb_leaves_the_figure_outside(extractor: Extractor) -> None:
    words = list(_WORDS)
    words[9] = "as"
    doc = _doc(extractor, words)
    assert outside_own_clause(doc[8], 10)
