"""counted.py: the noun a number counts and what it says about the people counted."""

from __future__ import annotations

from typing import Any

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.counted import (
    actor_hints,
    counted_noun,
    group_of_trigger,
    owner_of_losses,
    person_kind,
    singular,
    subject_text,
)
from tollwatch.extract.lexicon import Lexicon


@pytest.fixture(scope="module")
def lex(extractor: Extractor) -> Lexicon:
    return extractor.lexicon


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _num(doc: Any, text: str) -> Any:
    tok = next(t for t in doc if t.text == text)
    return doc[tok.i:tok.i + 1]


@pytest.mark.parametrize(("plural", "single"), [
    ("casualties", "casualty"), ("soldiers", "soldier"), ("press", "press"),
    ("dies", "die"), ("men", "men"),  # "-ies" only past four letters
])
def test_singular(plural: str, single: str) -> None:
    assert singular(plural) == single


@pytest.mark.parametrize(("text", "number", "noun"), [
    ("Officials said 300 North Korean soldiers were deployed.", "300", "soldiers"),
    ("Rebels freed 12 of the hostages on Monday.", "12", "hostages"),
    ("Police found five sub-inspectors among the dead.", "five", "inspectors"),
    ("The blast wounded 40 young children at the school.", "40", "children"),
])
def test_counted_noun(nlp: Any, lex: Lexicon, text: str, number: str, noun: str) -> None:
    doc = nlp(text)
    head = counted_noun(doc, _num(doc, number), lex)
    assert head is not None and head.text == noun


@pytest.mark.parametrize(("text", "number"), [
    ("The toll rose to 310 from 290 the day before.", "310"),
    ("The toll rose to 60 on Monday.", "60"),
])
def test_no_counted_noun(nlp: Any, lex: Lexicon, text: str, number: str) -> None:
    doc = nlp(text)
    assert counted_noun(doc, _num(doc, number), lex) is None


def test_subject_text_skips_of_words(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("Rebels freed 12 of the hostages on Monday.")
    span = _num(doc, "12")
    head = counted_noun(doc, span, lex)
    assert subject_text(doc, span, head) == "hostages"
    doc = nlp("Officials said 300 North Korean soldiers were deployed.")
    span = _num(doc, "300")
    assert subject_text(doc, span, counted_noun(doc, span, lex)) == "North Korean soldiers"
    assert subject_text(doc, span, None) is None


@pytest.mark.parametrize(("text", "noun", "kind"), [
    ("Nine soldiers were killed.", "soldiers", "armed"),
    ("Nine civilians were killed.", "civilians", "civilian"),
    ("Nine children were killed.", "children", "civilian"),
    ("Nine casualties were reported.", "casualties", "metric"),
    ("Nine tables were broken.", "tables", None),
])
def test_person_kind(nlp: Any, lex: Lexicon, text: str, noun: str, kind: str | None) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == noun)
    assert person_kind(tok, lex, nationality=False) == kind


def test_nationality_makes_people_neutral(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("Nine tables were broken.")
    tok = next(t for t in doc if t.text == "tables")
    assert person_kind(tok, lex, nationality=True) == "neutral"


def test_members_of_a_family_are_not_armed(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("Six members of the same family were killed.")
    tok = next(t for t in doc if t.text == "members")
    assert person_kind(tok, lex, nationality=False) == "neutral"


def test_owner_of_losses(nlp: Any) -> None:
    doc = nlp("The northern army has lost 1,500 troops since May.")
    tok = next(t for t in doc if t.text == "troops")
    assert owner_of_losses(doc, tok) == ["The northern army"]
    doc = nlp("Rebels killed 1,500 troops since May.")
    tok = next(t for t in doc if t.text == "troops")
    assert owner_of_losses(doc, tok) == []


def test_group_of_trigger(nlp: Any) -> None:
    doc = nlp("There were heavy casualties among the rebels.")
    cas = next(t for t in doc if t.text == "casualties")
    grp = group_of_trigger(doc, cas.i)
    assert grp is not None and grp.text == "rebels"
    killed = next(t for t in nlp("Rebels were killed.") if t.text == "killed")
    assert group_of_trigger(killed.doc, killed.i) is None


def test_actor_hints_name_the_side(nlp: Any, lex: Lexicon) -> None:
    doc = nlp("Officials said 300 North Korean soldiers were deployed.")
    span = _num(doc, "300")
    head = counted_noun(doc, span, lex)
    hints = actor_hints(doc, span, head)
    assert hints[-1] == "soldiers"
    assert any("Korean" in h for h in hints)
    assert actor_hints(doc, span, None) == []


def test_end_to_end_subject_and_civilian(claims_of: Any) -> None:
    claims = claims_of("Shelling killed 14 civilians and 3 soldiers in the town.")
    got = sorted((c.value, c.subject, c.civilian) for c in claims)
    assert got == [(3, "soldiers", False), (14, "civilians", True)]


# -- armed_words: a count naming no kind of people, said to be armed by the words around it --

@pytest.mark.parametrize(("text", "civilian"), [
    # the side that suffered the losses is armed
    ("The ministry said enemy troops had suffered 8,000 casualties.", False),
    ("The mercenaries suffered about 900 wounded.", False),
    # a modifier of a general or metric head
    ("Eleven Dutch service members were killed in the crash.", False),
    ("The report counted 6,100 combatant deaths.", False),
    # nothing armed said: unknown
    ("The province suffered 8,000 casualties.", None),
    ("Eleven family members were killed in the strike.", None),
])
def test_armed_words_in_claims(claims_of: Any, text: str, civilian: bool | None) -> None:
    claims = claims_of(text)
    assert claims, text
    assert claims[0].civilian is civilian, (text, claims[0].subject)
