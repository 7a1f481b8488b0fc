"""unparsed_dates.py: a possessive day of a statement noun ("in yesterday's interview"), a
titled person named by title and surname ("Governor Ruiz"), and one source kept as two
records (the headline's and the body's) all date the source. Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.extract.date_rules import load_date_rules
from tollwatch.extract.sources import Source
from tollwatch.extract.unparsed_dates import date_sources_from_text, named_in, statement_day
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]
PUB = "2031-06-12"  # a Thursday


def test_the_rules_ship_prepositions_and_nouns() -> None:
    rules = load_date_rules()
    assert {"in", "at"} <= rules.possessive_day_preps
    assert {"interview", "briefing"} <= rules.possessive_day_nouns


@pytest.mark.parametrize(("sentence", "day"), [
    ("The governor added in yesterday's interview that the roads were open.", "2031-06-11"),
    ("She spoke at Monday's press briefing in the capital.", "2031-06-09"),
    ("In Tuesday's televised address, the premier thanked the rescuers.", "2031-06-10"),
])
def test_possessive_day_of_a_statement_noun(sentence: str, day: str) -> None:
    assert statement_day(sentence, PUB) == day


@pytest.mark.parametrize("sentence", [
    "The mayor described Monday's raid as the worst yet.",        # an event's day
    "Officials spoke after Monday's attack on the market.",       # no statement noun
    "In Monday's flooding, the bridge gave way.",                 # no statement noun
])
def test_possessive_day_of_anything_else_dates_nothing(sentence: str) -> None:
    assert statement_day(sentence, PUB) is None


def test_title_and_surname_name_a_titled_person() -> None:
    src = Source(["Governor Ana Ruiz of the Lake Province"], person=True)
    assert named_in("Governor Ruiz thanked the rescuers.", src)
    assert not named_in("Governor Vos thanked the rescuers.", src)
    assert not named_in("Ruiz Governor thanked the rescuers.", src)


def test_a_name_without_a_title_gives_no_short_form() -> None:
    src = Source(["Ana Maria Ruiz"], person=True)
    assert not named_in("Ana Ruiz thanked the rescuers.", src)


def test_two_records_of_one_source_are_dated_together() -> None:
    head = Source(["governor", "Governor Ana Ruiz of the Lake Province"], person=True)
    body = Source(["Governor Ana Ruiz of the Lake Province"], person=True)
    dated = date_sources_from_text(
        ["Governor Ruiz added in yesterday's interview: \"We are relieved.\""],
        [head, body], PUB)
    assert head.date == body.date == "2031-06-11"
    assert len(dated) == 2


def test_two_different_sources_named_date_neither() -> None:
    a = Source(["Governor Ana Ruiz"], person=True)
    b = Source(["the Lake Province police"], person=False)
    sentence = ("Governor Ana Ruiz and the Lake Province police said on Monday that the "
                "roads were open.")
    date_sources_from_text([sentence], [a, b], PUB)
    assert a.date is None and b.date is None


def test_a_record_already_dated_blocks_the_day() -> None:
    head = Source(["governor", "Governor Ana Ruiz"], person=True)
    body = Source(["Governor Ana Ruiz"], person=True, date="2031-06-10")
    date_sources_from_text(["Governor Ana Ruiz said on Monday that she was relieved."],
                           [head, body], PUB)
    assert head.date is None and body.date == "2031-06-10"


def test_headline_takes_the_day_of_a_later_interview(claims_of: Run) -> None:
    text = ("40 villagers killed, says governor\n"
            "Governor Ana Ruiz of the Lake Province said 40 villagers were killed by the "
            "gunmen.\n"
            "Governor Ruiz added in yesterday's interview: \"I am glad the others are safe.\"")
    claims = claims_of(text, PUB)
    head = [c for c in claims if c.metric == "killed" and c.value == 40 and
            (c.attribution or {}).get("headline")]
    assert head and head[0].date == "2031-06-11"
