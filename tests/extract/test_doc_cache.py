"""The per-Doc caches give what spaCy itself gives, and the lower-case number-word path of
find_numbers matches the case-insensitive one."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from tollwatch.extract.doc_cache import ents_of, span_text, text_of, tokens_of
from tollwatch.extract.numbers import find_numbers

# written for this test
_SENTENCES = [
    "Officials said on Tuesday that  twelve people were hurt (three of them badly).",
    "“We counted 40,” the mayor told reporters\u00a0– and left.",
    "Rain. ",
    "x",
]


def _docs() -> list[Doc]:
    nlp = spacy.blank("en")
    return [nlp(s) for s in _SENTENCES]


def test_text_of_is_the_doc_text_and_is_kept() -> None:
    for doc in _docs():
        assert text_of(doc) == doc.text
        assert text_of(doc) is text_of(doc)


def test_span_text_equals_spacy_slicing_everywhere() -> None:
    for doc in _docs():
        n = len(doc)
        for a in range(-2, n + 3):
            for b in range(-2, n + 3):
                assert span_text(doc, a, b) == doc[a:b].text, (doc.text, a, b)


def test_tokens_of_lists_the_tokens_once() -> None:
    doc = _docs()[0]
    toks = tokens_of(doc)
    assert [t.i for t in toks] == list(range(len(doc)))
    assert [t.text for t in toks] == [t.text for t in doc]
    assert tokens_of(doc) is toks


def test_ents_of_gives_the_entities() -> None:
    doc = _docs()[0]
    doc.ents = [Span(doc, 6, 7, label="CARDINAL")]
    assert [(e.start, e.end, e.label_) for e in ents_of(doc)] == [(6, 7, "CARDINAL")]
    assert ents_of(doc) is ents_of(doc)


def _found(text: str) -> list[tuple[int, int, str, int | None]]:
    return [(m.start, m.end, m.text, m.value) for m in find_numbers(text)]


def test_number_words_in_any_case_ascii_or_not() -> None:
    # the ASCII path (lower-cased text) and the other path (case-insensitive pattern)
    # find the same words at the same offsets, kept as written
    for text in ("ONE HUNDRED AND Twelve soldiers and a Dozen others",
                 "ONE HUNDRED AND Twelve soldiers and a Dozen others ’"):
        assert _found(text)[:2] == [(0, 22, "ONE HUNDRED AND Twelve", 112),
                                    (36, 43, "a Dozen", 12)]
    assert _found("Twenty-Five were hurt, not seven-and-twenty") == [
        (0, 11, "Twenty-Five", 25), (27, 32, "seven", 7), (37, 43, "twenty", 20)]
    assert _found("anyone, an eleventh, often") == []


def test_release_drops_the_kept_answers_and_frees_the_doc_without_the_collector() -> None:
    import gc
    import weakref

    from tollwatch.extract.doc_cache import columns, memo, release

    doc = _docs()[0]
    doc.ents = [Span(doc, 6, 7, label="CARDINAL")]
    toks, ents, cols = tokens_of(doc), ents_of(doc), columns(doc)
    kept = memo(doc, "tw_test", 1, toks[:1].copy)
    assert kept == toks[:1] and memo(doc, "tw_test", 1, list) is kept
    assert text_of(doc) == doc.text and len(cols.lower) == len(doc) and len(ents) == 1
    del toks, ents, cols, kept
    ref = weakref.ref(doc)
    gc.disable()
    try:
        release([doc])
        assert doc.user_data == {}
        assert text_of(doc) == doc.text  # built again when asked
        release([doc])
        del doc
        assert ref() is None  # no cycle left: freed at once
    finally:
        gc.enable()


def test_a_doc_with_kept_tokens_is_a_cycle_until_released() -> None:
    import gc
    import weakref

    doc = _docs()[0]
    tokens_of(doc)
    ref = weakref.ref(doc)
    gc.disable()
    try:
        del doc
        assert ref() is not None  # the kept Tokens point back at it
    finally:
        gc.enable()
    gc.collect()
    assert ref() is None
