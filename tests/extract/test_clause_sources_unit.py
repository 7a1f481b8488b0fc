"""clause_sources.py on parsed hand-written sentences: which token is the source."""

from __future__ import annotations

from typing import Any

import pytest

from tollwatch.extract import Extractor
from tollwatch.extract.clause_sources import (
    clause_antecedent,
    noun_read_verb,
    noun_verb_source,
    tail_name_subject,
)


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _tok(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


def test_it_in_a_when_clause_is_the_main_subject(nlp: Any) -> None:
    doc = nlp("The Port Authority has published no new figures since March, when it said "
              "42 dockworkers had died.")
    got = clause_antecedent(_tok(doc, "it"))
    assert got is not None and got.text == "Authority"


def test_it_does_not_take_a_person(nlp: Any) -> None:
    doc = nlp("Mayor Lena Vostrikova left the hall after it said 17 residents were hurt.")
    assert clause_antecedent(_tok(doc, "it")) is None


def test_a_main_clause_pronoun_has_no_clause_antecedent(nlp: Any) -> None:
    doc = nlp("It said 42 dockworkers had died.")
    assert clause_antecedent(doc[0]) is None


def test_a_noun_read_reporting_verb(nlp: Any, extractor: Extractor) -> None:
    doc = nlp("Western intelligence estimates Ruritania has likely suffered 12,000 "
              "casualties so far.")
    verb = _tok(doc, "estimates")
    if verb.pos_ != "NOUN":
        pytest.skip("the parser read the verb as a verb")
    assert noun_read_verb(verb, extractor.lexicon.attribution_verbs)
    assert " ".join(t.text for t in noun_verb_source(verb)) == "Western intelligence"


def test_a_plain_noun_is_no_verb(nlp: Any, extractor: Extractor) -> None:
    doc = nlp("Casualty estimates vary widely.")
    assert not any(noun_read_verb(t, extractor.lexicon.attribution_verbs) for t in doc)


def test_tail_name_needs_a_capitalised_span_after_a_comma(nlp: Any) -> None:
    doc = nlp("More than 640 servicemen have been killed in the operation, the deputy "
              "chief said on Friday.")
    assert tail_name_subject(_tok(doc, "said")) is None


def test_gerund_read_as_a_noun(nlp: Any, extractor: Extractor) -> None:
    from tollwatch.extract.clause_sources import gerund_read_verb, noun_verb_subject
    doc = nlp("Ten were seized, with the Regional Ombudsman's Office reporting that 17 "
              "remain captive.")
    verb = _tok(doc, "reporting")
    if verb.pos_ != "NOUN":
        pytest.skip("the parser read the gerund as a verb")
    assert gerund_read_verb(verb, extractor.lexicon.attribution_verbs)
    subj = noun_verb_subject(verb)
    assert subj is not None and subj.text == "Office"
    assert noun_verb_source(verb) == []


def test_outside_own_clause(nlp: Any) -> None:
    from tollwatch.extract.clause_sources import outside_own_clause
    doc = nlp("Twenty were seized, with the agency reporting that 17 remain captive.")
    verb = _tok(doc, "reporting")
    assert outside_own_clause(verb, _tok(doc, "Twenty").i)
    assert not outside_own_clause(verb, _tok(doc, "17").i)
    assert not outside_own_clause(verb, None)
    plain = nlp("The agency said 17 remain captive.")
    assert not outside_own_clause(_tok(plain, "said"), _tok(plain, "17").i)
