"""An earlier toll a sentence moves from ("up from nine", "raising its earlier toll of 14
given late on Tuesday") is the same tally: it takes its metric, and the day it was given.
Hand-written sentences only (none from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tollwatch.model import Claim

from .claim_lookup import get_claim

Run = Callable[..., list[Claim]]

# 2031-05-08 is a Thursday: Wednesday the 7th, Tuesday the 6th, Monday the 5th


@pytest.mark.parametrize(("text", "day"), [
    (("A rocket strike has killed 19 people, the health office said on Wednesday, raising "
     "its earlier toll of 14 given late on Tuesday."), "2031-05-06"),
    (("The ministry said on Wednesday that 19 had died, up from a toll of 14 released on "
     "Monday."), "2031-05-05"),
    (("At least 19 people have died in the clashes, the provincial council said on "
      "Wednesday, up from 14 it had reported on Monday."), "2031-05-05"),
])
def test_an_earlier_toll_keeps_the_day_it_was_given(claims_of: Run, text: str,
                                                    day: str) -> None:
    claims = claims_of(text, "2031-05-08")
    assert get_claim(claims, "killed", 19).date == "2031-05-07"
    assert get_claim(claims, "killed", 14).date == day


def test_a_figure_killed_on_a_day_keeps_the_statement_s_day(claims_of: Run) -> None:
    text = "The ministry said on Wednesday that 14 people killed on Monday were buried."
    assert get_claim(claims_of(text, "2031-05-08"), "killed", 14).date == "2031-05-07"


def test_said_late_on_a_day(claims_of: Run) -> None:
    text = "The ministry said late on Tuesday that 30 people were killed."
    assert get_claim(claims_of(text, "2031-05-08"), "killed", 30).date == "2031-05-06"


@pytest.mark.parametrize("tail", ["up from nine it had reported earlier",
                                  "up from nine on Monday", "down from nine"])
def test_the_figure_moved_from_takes_the_tally_s_metric(claims_of: Run, tail: str) -> None:
    text = f"Fifteen soldiers have been killed in the fighting, the ministry said, {tail}."
    get_claim(claims_of(text, "2031-05-08"), "killed", 9)


def test_a_day_the_recognizer_ran_into_a_count(claims_of: Run) -> None:
    c = get_claim(claims_of("The army said on Monday 12 soldiers died.", "2031-05-08"),
                  "killed", 12)
    assert c.date == "2031-05-05"


def test_a_bare_headline_tag_is_not_merged_when_two_bodies_fit(claims_of: Run) -> None:
    text = ("Rebels hold 34 hostages, senator says citing intelligence\n"
            "The rebels are holding at least 34 people hostage, Senator Lea Brun said on "
            "Monday, citing a report by the national intelligence directorate. Military "
            "intelligence estimates the rebels have some 5,800 fighters.")
    claims = claims_of(text, "2031-05-08")
    hostages = get_claim(claims, "abducted", 34)
    assert "national intelligence directorate" in " ".join(hostages.origin).lower()
    assert "military" not in " ".join(hostages.origin).lower()


def test_a_figure_followed_by_other_words_is_no_contact_clause(claims_of: Run) -> None:
    text = ("At least 19 people have died, the provincial council said on Wednesday, up from "
            "14 as it reported more bodies on Monday.")
    claims = claims_of(text, "2031-05-08")
    assert get_claim(claims, "killed", 14).date == "2031-05-07"  # the statement's day
