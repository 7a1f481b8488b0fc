"""People an armed group says it holds, days on the occasion of a statement ("when
contacted on Thursday"), and place names the recognizer cuts at a hyphen (sentences written
for these tests)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.extract.claim_lookup import by_value

from tollwatch.extract.lexicon import load_lexicon
from tollwatch.extract.metric import NON_STATE_ARMED
from tollwatch.model import Claim

Run = Callable[..., list[Claim]]



@pytest.mark.parametrize(("text", "value", "metric"), [
    # the pronoun stands for the group that says it holds them
    ("The faction said it was holding 7 engineers.", 7, "abducted"),
    ("The faction said it was holding 7 soldiers.", 7, "captured"),
    ("The rebels said they were keeping 30 hostages in the forest.", 30, "abducted"),
    # the holding verb is the figure's own, though a killing came first in the clause
    ("The faction said it had killed 6 policemen and was holding 11 others.", 11, "captured"),
    ("The gang killed 2 farmers and is holding 5 others.", 5, "abducted"),
])
def test_people_an_armed_group_holds(claims_of: Run, text: str, value: int,
                                     metric: str) -> None:
    assert by_value(claims_of(text))[value].metric == metric


def test_the_killing_before_the_holding_keeps_its_own_metric(claims_of: Run) -> None:
    got = by_value(claims_of("The faction said it had killed 6 policemen and was holding "
                              "11 others."))
    assert got[6].metric == "killed"


def test_an_army_holding_troops_in_reserve_holds_no_captives(claims_of: Run) -> None:
    got = claims_of("The army said it was holding 400 troops in reserve near the border.")
    assert all(c.metric not in ("abducted", "captured") for c in got)


def test_the_non_state_armed_nouns_are_the_lexicons() -> None:
    words = load_lexicon().non_state_armed
    assert NON_STATE_ARMED == words
    assert {"faction", "militia", "gunmen"} <= words
    assert "soldier" not in words


@pytest.mark.parametrize(("text", "day"), [
    # published Saturday 10 May 2031
    ("When contacted on Thursday, the army said 12 of its soldiers had been captured.",
     "2031-05-08"),
    ("Reached by phone on Friday, the governor's office said 23 were abducted.",
     "2031-05-09"),
    ("Interviewed on Wednesday, the commander said 40 of his men were wounded.",
     "2031-05-07"),
])
def test_the_day_of_the_occasion_dates_the_statement(claims_of: Run, text: str,
                                                     day: str) -> None:
    (claim,) = claims_of(text, published="2031-05-10")
    assert claim.date == day


def test_the_day_of_the_event_still_does_not(claims_of: Run) -> None:
    (claim,) = claims_of("Strikes on Thursday killed 12 people, the army said.",
                         published="2031-05-10")
    assert claim.date is None


@pytest.mark.parametrize(("text", "place"), [
    ("Eight fishermen were detained in Port-de-Paix-Ouest, the coast guard said.",
     "Port-de-Paix-Ouest"),
    ("Five people were killed in Saint-Louis-du-Nord on Monday, police said.",
     "Saint-Louis-du-Nord"),
    ("Five people were killed in Gaza, police said.", "Gaza"),
])
def test_a_place_runs_on_over_its_hyphens(claims_of: Run, text: str, place: str) -> None:
    (claim,) = claims_of(text)
    assert claim.location == place
