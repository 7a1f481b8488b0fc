"""document_refs.py: "the assessment" names again the report named before. Sentences written
for these tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from tests.extract.claim_lookup import get_claim, source_names

from tollwatch.extract import Extractor
from tollwatch.extract.document_refs import document_antecedent, reports_that, showing_record
from tollwatch.extract.source_memory import SourceMemory
from tollwatch.extract.sources import _source
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def test_the_last_document_is_the_antecedent() -> None:
    heads = ["report", "ministry", "study", "agency"]
    assert document_antecedent("the assessment", heads) == 2
    assert document_antecedent("The Study", heads) == 2


def test_no_document_named_before() -> None:
    assert document_antecedent("the assessment", ["ministry", "agency"]) is None
    assert document_antecedent("the assessment", []) is None


def test_only_a_bare_definite_document_noun() -> None:
    heads = ["report"]
    assert document_antecedent("an assessment", heads) is None
    assert document_antecedent("the new assessment", heads) is None
    assert document_antecedent("the ministry", heads) is None
    assert document_antecedent("assessment", heads) is None


def test_memory_resolves_another_word_for_the_report() -> None:
    memory = SourceMemory()
    report = memory.remember(_source(["A leaked army report", "leaked army report"], False,
                                     "report"))
    memory.remember(_source(["the mayor"], True, "mayor"))
    assert memory.resolve("The assessment", None) is report
    assert memory.resolve("the audit", None) is report


def test_memory_leaves_it_unresolved_with_no_document() -> None:
    memory = SourceMemory()
    memory.remember(_source(["the mayor"], True, "mayor"))
    assert memory.resolve("The assessment", None) is None


def test_extractor_gives_the_assessment_the_reports_names(claims_of: Run) -> None:
    text = ("A leaked army report found that the brigade had lost 4,200 soldiers killed in "
            "the campaign.\n"
            "“Morale is poor,” the Daily Courier reported.\n"
            "The assessment said the brigade had 9,000 troops deployed at the start.\n")
    claims = claims_of(text, "2024-06-05")
    deployed = get_claim(claims, "deployed", 9000)
    assert "leaked army report" in source_names(deployed)
    assert "daily courier" not in source_names(deployed)


# -- records that show a figure ------------------------------------------------------------
@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Any:
    return extractor.nlp


def _num(doc: Any, text: str) -> int:
    return next(t.i for t in doc if t.text == text)


@pytest.mark.parametrize("sentence, figure, record", [
    ("Some 412 pupils are still missing, the academy's register has shown.", "412",
     "register"),
    ("Clinic records show 40 patients died in the blaze.", "40", "records"),
    ("Official data indicate that 1,300 families fled the valley.", "1,300", "data"),
])
def test_a_record_that_shows_the_figure(nlp: Any, sentence: str, figure: str,
                                        record: str) -> None:
    doc = nlp(sentence)
    got = showing_record(doc, _num(doc, figure))
    assert got is not None and got.text == record


@pytest.mark.parametrize("sentence, figure", [
    # a picture shows people; it states no figure
    ("The video shows 40 soldiers marching into the town.", "40"),
    # the figure is in the record's own phrase
    ("A list of 40 names shows who died.", "40"),
    # no showing verb over the figure
    ("The register was lost when 40 pupils were taken.", "40"),
])
def test_no_record_that_shows_it(nlp: Any, sentence: str, figure: str) -> None:
    doc = nlp(sentence)
    assert showing_record(doc, _num(doc, figure)) is None


def test_extractor_credits_the_register(claims_of: Run) -> None:
    claims = claims_of("Some 412 pupils of the academy are still missing, the academy's "
                       "register has shown.\n", "2024-06-05")
    got = get_claim(claims, "missing", 412)
    assert "register" in source_names(got)
    assert (got.attribution or {}).get("how") == "record"


# -- reports that say it ---------------------------------------------------------------------
@pytest.mark.parametrize("sentence, figure", [
    ("Operations go on, with reports that 40 attackers have been killed so far.", "40"),
    ("There were reports that 12 guards had died in the blaze.", "12"),
])
def test_reports_whose_clause_holds_the_figure(nlp: Any, sentence: str, figure: str) -> None:
    doc = nlp(sentence)
    got = reports_that(doc, _num(doc, figure))
    assert got is not None and got.lower_ in ("reports", "report")


@pytest.mark.parametrize("sentence, figure", [
    # the figure is in the report noun's own phrase, not in what it says
    ("Reports of 40 dead reached the capital.", "40"),
    # a relative clause says nothing the reports claim
    ("The reports which 40 reporters filed were lost.", "40"),
])
def test_no_reports_that_say_it(nlp: Any, sentence: str, figure: str) -> None:
    doc = nlp(sentence)
    assert reports_that(doc, _num(doc, figure)) is None


def test_extractor_credits_unnamed_reports(claims_of: Run) -> None:
    claims = claims_of("Operations go on in the hills, with reports that 40 attackers have "
                       "been killed so far.\n", "2024-06-05")
    got = get_claim(claims, "killed", 40)
    assert source_names(got) == "reports"


def test_a_named_source_wins_over_the_reports_it_checks(claims_of: Run) -> None:
    claims = claims_of("The agency said it was investigating reports that 50 prisoners had "
                       "been killed.\n", "2024-06-05")
    got = get_claim(claims, "killed", 50)
    assert "agency" in source_names(got)
