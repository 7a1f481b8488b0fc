"""A statement that calls itself one reported before keeps that statement's day, and a
headline sums up its source's first dated statement, not a later one. Hand-written sentences
only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from tollwatch.extract import Extractor
from tollwatch.extract.same_statement import SAME_STATEMENT, LastDays, ties_to_earlier
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

from .claim_lookup import date_how
from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]

# 2031-09-12 is a Friday: "Wednesday" is the 10th, "Tuesday" the 9th, "Sunday" the 7th


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


@pytest.mark.parametrize(("sentence", "tied"), [
    ("In the same statement, the navy said two sailors were missing.", True),
    ("A doctor told the same news conference that 14 patients had died.", True),
    ("The ministry repeated the figure at the same press briefing.", True),
    ("The same report says that 90 people were hurt.", True),
    ("The navy issued a statement saying two sailors were missing.", False),
    ("The same villages were shelled again, killing four people.", False),
])
def test_sentences_that_tie_their_statement_to_one_before(
        nlp: Language, sentence: str, tied: bool) -> None:
    assert ties_to_earlier(nlp(sentence)) is tied


def test_the_day_is_the_sources_last_else_the_documents(nlp: Language) -> None:
    days = LastDays()
    navy, army = Source(["the navy"], person=False), Source(["the army"], person=False)
    tied = nlp("In the same statement, it said two sailors were missing.")
    assert days.tied(tied, navy) is None  # nothing dated yet
    days.note(navy, "2031-09-09")
    days.note(army, "2031-09-10")
    assert days.tied(tied, navy) == "2031-09-09"
    assert days.tied(tied, Source(["a doctor"], person=True)) == "2031-09-10"
    assert days.tied(nlp("It said two sailors were missing."), navy) is None


def test_in_the_same_statement_keeps_the_datelined_day(claims_of: Run) -> None:
    text = ("Navy says 40 pirates killed in raid\n"
            "PORT LOUIS, Sept. 10 (Wire) - The navy said its commandos killed 40 pirates "
            "in a raid on a coastal camp.\n"
            "In the same statement, the navy said three sailors were killed and five "
            "wounded in the raid.\n"
            "On Sunday, a navy spokesman said 200 more sailors had been sent to the coast.")
    claims = claims_of(text, "2031-09-12")
    for metric, value in (("killed", 3), ("injured", 5)):
        c = _get(claims, metric, value)
        assert c.date == "2031-09-10", (metric, value, c.date)
        assert date_how(c) == SAME_STATEMENT
    # the headline is the dated lead statement's, not the Sunday statement's
    assert _get(claims, "killed", 40).date == "2031-09-10"
    assert _get(claims, "deployed", 200).date == "2031-09-07"


def test_a_new_speaker_told_the_same_briefing(claims_of: Run) -> None:
    text = ("The refugee agency said on Tuesday that 3,000 people had fled the district. "
            "A spokeswoman for the children's fund, Lina Berg, told the same briefing that "
            "12 children had been killed.")
    c = _get(claims_of(text, "2031-09-12"), "killed", 12)
    assert c.date == "2031-09-09" and date_how(c) == SAME_STATEMENT


def test_without_the_tie_a_new_undated_statement_stays_undated(claims_of: Run) -> None:
    text = ("The refugee agency said on Tuesday that 3,000 people had fled the district. "
            "A spokeswoman for the children's fund, Lina Berg, told reporters that 12 "
            "children had been killed.")
    assert _get(claims_of(text, "2031-09-12"), "killed", 12).date is None


def test_a_headline_takes_the_first_dated_statement_not_a_pluperfect_later_one(
        claims_of: Run) -> None:
    text = ("Shelling kills 14 in river port, health office says\n"
            "The health office said on Wednesday that shelling killed 14 people in the port.\n"
            "Office spokesman Omar Faris said that four children were among the dead.\n"
            "The office had put the toll at nine late on Tuesday.")
    claims = claims_of(text, "2031-09-12")
    assert _get(claims, "killed", 14).date == "2031-09-10"
    assert _get(claims, "killed", 4).date == "2031-09-10"
    assert _get(claims, "killed", 9).date == "2031-09-09"
