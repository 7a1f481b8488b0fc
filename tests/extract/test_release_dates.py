"""release_dates.py and the day after a statement noun: "On Monday, the ministry released
new figures", "in a video message early Thursday". Hand-written sentences only."""

from __future__ import annotations

from collections.abc import Callable

from tollwatch.extract.release_dates import date_sources_from_releases, release_day
from tollwatch.extract.sources import Source
from tollwatch.model import Claim

from .claim_lookup import get_claim as _get

Run = Callable[..., list[Claim]]

# 2031-06-12 is a Thursday: "Monday" is the 9th, "Sunday" the 8th
PUB = "2031-06-12"


def test_a_day_before_a_release_dates_it() -> None:
    assert release_day("On Monday, the water board released new figures.", PUB) == \
        "2031-06-09"


def test_a_day_right_after_a_release_dates_it() -> None:
    assert release_day("The water board issued a statement late Sunday.", PUB) == \
        "2031-06-08"
    assert release_day("The board published its report on its website on Monday.", PUB) == \
        "2031-06-09"


def test_a_release_of_no_statement_is_not_read() -> None:
    assert release_day("On Monday, the rebels released 12 hostages.", PUB) is None


def test_a_possessive_day_after_a_release_is_the_event_s() -> None:
    assert release_day("The board issued a statement on Monday's flood.", PUB) is None


def test_a_day_far_from_the_release_is_not_read() -> None:
    assert release_day("The board issued a statement about the dam, the floods in the "
                       "valley and the roads on Monday.", PUB) is None


def test_the_one_named_source_is_dated() -> None:
    board = Source(["the Water Board"], False)
    other = Source(["the Red Crescent"], False)
    out = date_sources_from_releases(["On Monday, the Water Board released new figures."],
                                     [board, other], PUB)
    assert out == [board]
    assert board.date == "2031-06-09" and other.date is None


def test_a_dated_source_keeps_its_day() -> None:
    board = Source(["the Water Board"], False, date="2031-06-10")
    assert date_sources_from_releases(["On Monday, the Water Board released new figures."],
                                      [board], PUB) == []
    assert board.date == "2031-06-10"


def test_the_release_dates_the_figures_that_follow(claims_of: Run) -> None:
    text = ("On Monday, the health ministry released new figures. It said 40 people were "
            "killed in the raids.")
    c = _get(claims_of(text, PUB), "killed", 40)
    assert c.date == "2031-06-09"


def test_a_day_after_the_message_of_the_statement_dates_it(claims_of: Run) -> None:
    text = "The governor later said 90 people had been killed, in a video message early Monday"
    c = _get(claims_of(text, PUB), "killed", 90)
    assert c.date == "2031-06-09"


def test_the_day_of_the_event_after_a_noun_is_not_the_statement_s(claims_of: Run) -> None:
    text = "The army said 12 soldiers died in the attack on Monday."
    c = _get(claims_of(text, PUB), "killed", 12)
    assert c.date is None


def test_a_source_dated_later_in_the_same_sentence_dates_it(claims_of: Run) -> None:
    text = ("Mountain war drags on\n"
            "Talks stalled again this week.\n"
            "The rebels hold the pass.\n"
            "The talks follow after a state tabloid reported Monday what it said was army "
            "data indicating 900 soldiers have been killed and 1,200 injured in the pass.")
    claims = claims_of(text, PUB)
    assert _get(claims, "injured", 1200).date == "2031-06-09"
    assert _get(claims, "killed", 900).date == "2031-06-09"


# -- "today"; a relay that names no day ---------------------------------

def test_today_outside_quotes_is_the_publication_day(claims_of: Run) -> None:
    text = "Today, the mayor said 40 people have died in the floods."
    c = _get(claims_of(text, PUB), "killed", 40)
    assert c.date == PUB


def test_an_undated_relay_passes_on_its_origin_s_day(claims_of: Run) -> None:
    text = ("The defence ministry said on Monday that 400 of its soldiers had died. The "
            "ministry also said that 900 enemy fighters had been killed, according to the "
            "state news agency.")
    c = _get(claims_of(text, PUB), "killed", 900)
    assert c.date == "2031-06-09"
    assert (c.attribution or {}).get("date_how") == "origin"


def test_a_relayed_statement_s_day_dates_its_origin_too(claims_of: Run) -> None:
    text = ("Storm toll put at 300\n"
            "Governor Ana Ruiz has estimated that some 300 people were killed in the storm.\n"
            "Speaking at a briefing late Monday, Governor Ruiz also said that 40 fishermen "
            "were missing, the state radio reported.")
    claims = claims_of(text, PUB)
    assert _get(claims, "missing", 40).date == "2031-06-09"
    assert _get(claims, "killed", 300).date == "2031-06-09"


def test_the_occasion_on_the_subject_dates_the_statement(claims_of: Run) -> None:
    text = "The governor, speaking to reporters Monday, said 12 people were killed."
    assert _get(claims_of(text, PUB), "killed", 12).date == "2031-06-09"


def test_a_day_in_a_clause_on_the_subject_is_the_event_s(claims_of: Run) -> None:
    text = "The governor, who toured the town on Monday, said 12 people were killed."
    assert _get(claims_of(text, PUB), "killed", 12).date is None
