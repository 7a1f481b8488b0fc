"""hedges.py: the qualifier of a figure from the words around it, its stance and location."""

from __future__ import annotations

from typing import Any

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.hedges import location, qualifier, stance
from tollwatch.extract.lexicon import Lexicon
from tollwatch.extract.numbers import find_numbers


@pytest.fixture(scope="module")
def lex(extractor: Extractor) -> Lexicon:
    return extractor.lexicon


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _qual(text: str, lex: Lexicon) -> str:
    m = find_numbers(text)[0]
    return qualifier(text[:m.start], text[m.end:], lex, m)


@pytest.mark.parametrize(("text", "expected"), [
    ("At least 40 people died in the storm", "min"),
    ("More than 40 people died", "min"),
    ("over 40 people died", "min"),
    ("About 40 people died", "approx"),
    ("an estimated 40 people died", "approx"),
    ("roughly 40 people died", "approx"),
    ("nearly 40 people died", "max"),
    ("up to 40 people died", "max"),
    ("as many as 40 people died", "max"),
    ("40 people died", "exact"),
    ("The toll was 40 on Sunday", "exact"),
])
def test_hedge_before_number(text: str, expected: str, lex: Lexicon) -> None:
    assert _qual(text, lex) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("40 or more people died", "min"),
    ("40 and more were hurt", "min"),
    ("40 plus were hurt", "min"),
    ("40 or so were hurt", "approx"),
    ("40 odd were hurt", "approx"),
    ("40 others were hurt", "exact"),
])
def test_hedge_after_number(text: str, expected: str, lex: Lexicon) -> None:
    assert _qual(text, lex) == expected


def test_hedge_is_case_and_space_blind(lex: Lexicon) -> None:
    assert _qual("AT   LEAST\n40 people died", lex) == "min"


def test_hedge_far_before_does_not_count(lex: Lexicon) -> None:
    # only the end of the text before the number matters: a hedge 80+ characters back
    # is outside the window
    text = "At least " + "x" * 90 + " then 40 people died"
    assert _qual(text, lex) == "exact"


def test_range_is_range(lex: Lexicon) -> None:
    text = "between 30 and 40 people died"
    m = next(x for x in find_numbers("30-40 people died"))
    assert m.value is None
    assert qualifier(text, "", lex, m) == "range"


def test_plus_sign_is_min(lex: Lexicon) -> None:
    m = find_numbers("40+ people died")[0]
    if not m.plus:
        pytest.skip("this number reader does not mark a trailing plus")
    assert qualifier("", "", lex, m) == "min"


def _num_token(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


def test_location_after_preposition(nlp: Any) -> None:
    doc = nlp("Nine soldiers were killed near Tarvale on Monday.")
    tok = _num_token(doc, "Nine")
    assert location(doc, doc[tok.i:tok.i + 1]) == "Tarvale"


def test_location_picks_the_nearest_place(nlp: Any) -> None:
    doc = nlp("Troops left London on Monday and in Paris on Friday 12 protesters were hurt.")
    ents = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC")}
    if not {"London", "Paris"} <= ents:
        pytest.skip(f"the model did not tag both cities: {ents}")
    tok = _num_token(doc, "12")
    assert location(doc, doc[tok.i:tok.i + 1]) == "Paris"


def test_location_needs_a_preposition(nlp: Any) -> None:
    doc = nlp("France said 12 protesters were hurt.")
    tok = _num_token(doc, "12")
    assert location(doc, doc[tok.i:tok.i + 1]) is None


def test_no_place_no_location(nlp: Any) -> None:
    doc = nlp("Twelve protesters were hurt on Monday.")
    assert location(doc, doc[0:1]) is None


def test_stance_asserted(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("Nine soldiers were killed on Monday.")
    assert stance(doc, _num_token(doc, "Nine"), lex) == "asserted"


def test_stance_denied_by_verb(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("The army denied that 30 civilians were killed.")
    assert stance(doc, _num_token(doc, "30"), lex) == "denied"


def test_stance_hypothetical_if(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("If the dam breaks, 500 people could be displaced.")
    assert stance(doc, _num_token(doc, "500"), lex) == "hypothetical"


def test_stance_hypothetical_modal(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("Officials warned that 500 people might be displaced.")
    assert stance(doc, _num_token(doc, "500"), lex) == "hypothetical"


def test_stance_will_is_not_hypothetical(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("The ministry said 500 people were displaced.")
    assert stance(doc, _num_token(doc, "500"), lex) == "asserted"


def test_end_to_end_hedge_and_stance(claims_of: Any) -> None:
    claims = claims_of("More than 60 people were injured in the fire, officials said.")
    assert [(c.metric, c.value, c.qualifier) for c in claims] == [("injured", 60, "min")]
    denied = claims_of("The army denied that 30 civilians were killed in the raid.")
    assert denied and all(c.stance == "denied" for c in denied if c.value == 30)
