"""The options that switch the fast path off, for measuring it: spaCy's own components, and
every sentence parsed. Sentences are invented for these tests."""

from __future__ import annotations

from tollwatch.extract import ExtractOptions, Extractor
from tollwatch.model import Document

TEXT = ("The regional governor said on Monday that 14 villagers were killed in the raid. "
        "The weather was mild. He added that 30 others were wounded.")


def _claims(options: ExtractOptions) -> list[tuple[str, int, list[str]]]:
    ex = Extractor(options)
    doc = Document(id="t", text=TEXT, published="2025-06-02")
    return [(c.metric, c.value, [*c.origin, *c.speaker])
            for c in ex.extract(doc)]


def test_spacy_components_load_spacys_own_parser_and_recognizer() -> None:
    fast = Extractor(ExtractOptions())
    plain = Extractor(ExtractOptions(spacy_components=True))
    assert "fast_parser" in fast.nlp.pipe_names and "parser" not in fast.nlp.pipe_names
    assert {"parser", "ner", "attribute_ruler", "lemmatizer"} <= set(plain.nlp.pipe_names)
    assert fast.nlp is not plain.nlp


def test_the_three_ways_find_the_same_claims_here() -> None:
    want = _claims(ExtractOptions())
    assert [(m, v) for m, v, _ in want] == [("killed", 14), ("injured", 30)]
    assert all(names for _, _, names in want)
    assert _claims(ExtractOptions(spacy_components=True)) == want
    assert _claims(ExtractOptions(spacy_components=True, parse_every_sentence=True)) == want


def test_every_sentence_parses_more_characters() -> None:
    doc = Document(id="t", text=f"Markets opened late on Friday. {TEXT} Shops closed early.")
    planned = Extractor(ExtractOptions()).parsed_chars(doc)
    every = Extractor(ExtractOptions(parse_every_sentence=True)).parsed_chars(doc)
    assert planned < every <= len(doc.text)
