"""quote_spans.py: which sentences are inside a quotation an earlier sentence opened."""

from __future__ import annotations

from tollwatch.extract.quote_spans import close_at, quote_openers
from tollwatch.extract.sentences import split_sentences


def _openers(text: str) -> dict[int, int]:
    return quote_openers(text, split_sentences(text))


def test_sentences_inside_and_closing_a_quotation() -> None:
    text = ("The chief said, \u201cWe were ready. The crews went in at six. "
            "Nobody was lost.\u201d The rain stopped.")
    assert _openers(text) == {1: 0, 2: 0}


def test_a_quotation_closed_in_its_own_sentence_opens_nothing() -> None:
    assert _openers("\u201cWe held,\u201d she said. The road opened.") == {}


def test_an_open_quotation_ends_with_its_paragraph() -> None:
    text = "He said, \u201cWe held the bridge.\nThe army sent more tanks."
    assert _openers(text) == {}


def test_an_open_quotation_goes_on_into_a_quoted_paragraph() -> None:
    text = ("He said, \u201cWe held the bridge.\n"
            "\u201cThen they shelled the town.\u201d\nThe army sent more tanks.")
    assert _openers(text) == {1: 0}


def test_straight_quotes() -> None:
    text = 'The nurse said, "We had no power. Two patients died." The lights came back.'
    assert _openers(text) == {1: 0}


def test_close_at() -> None:
    assert close_at("Two died,\u201d the nurse said.") == 9
    assert close_at("Two died in the night.") == len("Two died in the night.")
    assert close_at("\u201cNew quote\u201d here") == len("\u201cNew quote\u201d here")
