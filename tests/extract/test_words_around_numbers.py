"""Words right around a number that were read wrongly: a plural ending in a currency's letters
("told reporters 12"), a past week after an earlier figure ("up from 7,000 last week"), people
who never came home, and a verb both of saying and of a deed ("the army posted 300 soldiers")
(sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import by_value, figures, get_claim, source_names

from tollwatch.extract.candidates import candidate_numbers
from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.numbers import find_numbers
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]


def _kept(text: str) -> list[int | None]:
    return [n.value for n in candidate_numbers(text, find_numbers(text), load_lexicon())]


@pytest.mark.parametrize(("text", "kept"), [
    ("The colonel told reporters 14 recruits had deserted.", [14]),
    ("Medics told the officers 9 colleagues had died.", [9]),
    ("The minister told the farmers 300 families had left.", [300]),
    ("The fund paid Rs 500 and Rs. 900 to the 12 families.", [12]),
    ("Fares rose to KSh 200 as 40 passengers were stranded.", [40]),
    ("A payment of sh 3,000 reached 25 widows.", [25]),
])
def test_a_currency_is_a_word_of_its_own(text: str, kept: list[int]) -> None:
    """"rs", "sh", "ksh" before a number are a currency only as a word, not the end of
    "reporters", "officers" or "farmers"."""
    assert _kept(text) == kept


def test_figures_told_to_reporters_are_found(claims_of: Run) -> None:
    got = claims_of("Brig. Gen. Amos Tarn told reporters 12 soldiers were wounded and "
                    "officials told the newspapers 30 more had been detained.")
    assert figures(got) == [("injured", 12), ("detained", 30)]
    assert "amos tarn" in source_names(got[0])


@pytest.mark.parametrize(("text", "earlier"), [
    ("The number of displaced people in Vesk has reached 32,000, up from 7,000 last week.",
     7000),
    ("Deaths in the valley rose to 90, from 40 last Friday, the council said.", 40),
    ("Arrests have climbed to 410, up from 260 the previous month.", 260),
])
def test_an_earlier_figure_before_a_past_week(claims_of: Run, text: str, earlier: int) -> None:
    """"7,000 last week" counts the same people as the figure before it; "week" is when, not
    what, it counts."""
    got = claims_of(text)
    assert len(got) == 2
    assert got[1].value == earlier
    assert got[1].metric == got[0].metric


@pytest.mark.parametrize(("text", "value"), [
    ("Parents say 43 pupils had not come home after the raid on the school.", 43),
    ("Relatives said 17 fishermen never came back from the lake.", 17),
    ("At least 30 men have not been heard from since the sweep, the committee said.", 30),
    ("Nine herders have not been seen since the attack, elders said.", 9),
])
def test_people_who_never_came_home_are_missing(claims_of: Run, text: str,
                                                value: int) -> None:
    assert get_claim(claims_of(text), "missing", value)


def test_refugees_who_have_not_returned_stay_displaced(claims_of: Run) -> None:
    got = by_value(claims_of("Some 2,000 refugees have not returned home since the truce, "
                             "the agency said."))
    assert got[2000].metric == "displaced"


def test_a_deployment_by_post_is_no_statement(claims_of: Run) -> None:
    """"posted 300 soldiers": the army did it, residents said it; the day of the deed is not
    the statement's day."""
    got = by_value(claims_of("The army posted 300 soldiers to the border town of Ilm on "
                             "Sunday, residents said.", "2031-03-14"))
    assert got[300].metric == "deployed"
    assert got[300].origin == ["residents"]
    assert got[300].date is None


def test_a_statement_posted_on_a_day_keeps_its_day(claims_of: Run) -> None:
    got = by_value(claims_of("The ministry said in a statement posted on Sunday that 80 "
                             "soldiers had died.", "2031-03-14"))
    assert got[80].date == "2031-03-09"
    assert "ministry" in source_names(got[80])


def test_people_released_on_a_day_give_no_statement_day(claims_of: Run) -> None:
    got = by_value(claims_of("Of the 17 hostages, five were released on Sunday and 12 remain "
                             "in captivity, the negotiators said.", "2031-03-14"))
    assert got[5].date is None
    assert got[5].metric == "abducted"


def test_people_trapped_under_rubble_are_missing(claims_of: Run) -> None:
    got = claims_of("A further 40 are believed to be trapped under the rubble, rescuers said.")
    assert figures(got) == [("missing", 40)]


@pytest.mark.parametrize(("text", "qualifier"), [
    ("Local leaders say the true toll is closer to 30.", "approx"),
    ("The toll is close to 30.", "max"),
])
def test_closer_to_is_an_estimate_close_to_a_ceiling(claims_of: Run, text: str,
                                                     qualifier: str) -> None:
    assert claims_of(text)[0].qualifier == qualifier
