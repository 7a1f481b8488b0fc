"""unparsed_dates.py: a statement word followed by a day dates the one source named."""

from __future__ import annotations

import pytest

from tollwatch.extract.sources import Source
from tollwatch.extract.unparsed_dates import date_sources_from_text, statement_day

PUB = "2024-03-08"  # a Friday


@pytest.mark.parametrize(("sentence", "day"), [
    ("The ministry said on Tuesday that the count was final.", "2024-03-05"),
    ("The agency made the figures public in a report on Monday.", "2024-03-04"),
    ("It was in a statement issued on March 3 by the council.", "2024-03-03"),
    ("He said yesterday that talks would resume.", "2024-03-07"),
    ("The governor said Tuesday morning that roads were shut.", "2024-03-05"),
])
def test_statement_day(sentence: str, day: str) -> None:
    assert statement_day(sentence, PUB) == day


@pytest.mark.parametrize("sentence", [
    "The attack on Tuesday destroyed the bridge.",   # an event's day, no statement word
    "Officials described Monday's raid as the worst yet.",  # a possessive day
    "The council said the roads were shut.",          # no day
])
def test_no_statement_day(sentence: str) -> None:
    assert statement_day(sentence, PUB) is None


def test_weekday_needs_a_published_date() -> None:
    assert statement_day("The ministry said on Tuesday it was over.", None) is None


def test_dates_the_one_named_source() -> None:
    council = Source(["the Harbour Council"], False)
    police = Source(["the Coastal Police"], False)
    out = date_sources_from_text(
        ["The Harbour Council said on Tuesday that the port was closed."],
        [council, police], PUB)
    assert out == [council]
    assert council.date == "2024-03-05"
    assert police.date is None


def test_two_sources_named_date_neither() -> None:
    council = Source(["the Harbour Council"], False)
    police = Source(["the Coastal Police"], False)
    out = date_sources_from_text(
        ["The Harbour Council and the Coastal Police said on Tuesday it was closed."],
        [council, police], PUB)
    assert out == []
    assert council.date is None and police.date is None


def test_a_dated_source_keeps_its_day() -> None:
    council = Source(["the Harbour Council"], False, date="2024-03-01")
    out = date_sources_from_text(["The Harbour Council said on Tuesday it was closed."],
                                 [council], PUB)
    assert out == []
    assert council.date == "2024-03-01"


def test_a_noted_source_is_not_dated() -> None:
    council = Source(["the Harbour Council"], False, noted=True)
    assert date_sources_from_text(["The Harbour Council said on Tuesday it was closed."],
                                  [council], PUB) == []
    assert council.date is None


def test_common_lower_case_word_does_not_name_a_source() -> None:
    ministry = Source(["ministry"], False)
    assert date_sources_from_text(["The ministry said on Tuesday it was closed."],
                                  [ministry], PUB) == []


def test_name_must_be_whole_words() -> None:
    un = Source(["Unity Front"], False)
    assert date_sources_from_text(["The Unity Fronts said on Tuesday it was closed."],
                                  [un], PUB) == []
